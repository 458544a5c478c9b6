import type { Lexicon } from './lexicon.js'

/** Polish. Months in the nominative, the genitive of dates ("15 października") and the locative ("w październiku"); weekdays in the nominative, the accusative after "w" and the genitive after "od" and "do" ("od poniedziałku"). */
export const pl: Lexicon = {
  code: 'pl',
  name: 'Polish',
  months: [
    ['styczeń', 'stycznia', 'styczniu', 'sty'], ['luty', 'lutego', 'lutym', 'lut'], ['marzec', 'marca', 'marcu', 'mar'], ['kwiecień', 'kwietnia', 'kwietniu', 'kwi'], ['maj', 'maja', 'maju'], ['czerwiec', 'czerwca', 'czerwcu', 'cze'],
    ['lipiec', 'lipca', 'lipcu', 'lip'], ['sierpień', 'sierpnia', 'sierpniu', 'sie'], ['wrzesień', 'września', 'wrześniu', 'wrz'], ['październik', 'października', 'październiku', 'paź'], ['listopad', 'listopada', 'listopadzie', 'lis'], ['grudzień', 'grudnia', 'grudniu', 'gru'],
  ],
  weekdays: [
    ['niedziela', 'niedzielę', 'niedzieli'], ['poniedziałek', 'poniedziałku'], ['wtorek', 'wtorku'], ['środa', 'środę', 'środy'],
    ['czwartek', 'czwartku'], ['piątek', 'piątku'], ['sobota', 'sobotę', 'soboty'],
  ],
  relativeDays: { przedwczoraj: -2, wczoraj: -1, dzisiaj: 0, dziś: 0, jutro: 1, pojutrze: 2 },
  shifts: [
    { word: 'zeszłą', shift: -1, position: 'before' }, { word: 'zeszły', shift: -1, position: 'before' },
    { word: 'ubiegłą', shift: -1, position: 'before' }, { word: 'ubiegły', shift: -1, position: 'before' },
    { word: 'ostatnią', shift: -1, position: 'before' }, { word: 'ostatni', shift: -1, position: 'before' },
    { word: 'tę', shift: 0, position: 'before' }, { word: 'ten', shift: 0, position: 'before' },
    { word: 'przyszłą', shift: 1, position: 'before' }, { word: 'przyszły', shift: 1, position: 'before' },
  ],
  dayPrepositions: ['w', 'we', 'od', 'do'],
  speechVerbs: [
    'powiedział', 'powiedziała', 'powiedzieli', 'stwierdził', 'stwierdziła', 'oświadczył', 'oświadczyła', 'podkreślił', 'podkreśliła',
    'dodał', 'dodała', 'zaznaczył', 'zaznaczyła', 'przekazał', 'przekazała', 'wyjaśnił', 'wyjaśniła', 'zapewnił', 'zapewniła',
    'odpowiedział', 'odpowiedziała', 'ostrzegł', 'ostrzegła', 'napisał', 'napisała', 'ocenił', 'oceniła', 'przyznał', 'przyznała',
    'mówi', 'twierdzi', 'podkreśla', 'dodaje', 'uważa', 'pisze', 'zapowiedział', 'zapowiedziała',
    'poinformował', 'poinformowała', 'poinformowali', 'mówił', 'mówiła', 'zauważył', 'zauważyła', 'przypomniał', 'przypomniała',
    'potwierdził', 'potwierdziła', 'tłumaczył', 'tłumaczyła', 'przekonywał', 'przekonywała', 'apelował', 'apelowała',
    'opowiadał', 'opowiadała', 'wyjaśnia', 'informuje', 'zapowiada', 'opowiada', 'relacjonuje',
  ],
  verbParticles: [],
  accordingTo: ['według', 'zdaniem', 'jak powiedział', 'jak podkreślił'],
  accordingToAfter: [],
  pronouns: ['on', 'ona'],
  quoteMarks: [['„', '”'], ['„', '“'], ['»', '«'], ['«', '»'], ['“', '”'], ['"', '"']],
  dialogueDash: true,
  titles: [
    'burmistrz', 'prezydent miasta', 'wojewoda', 'dyrektor', 'dyrektorka', 'poseł', 'posłanka', 'senator', 'sędzia', 'ekspert', 'ekspertka', 'wójt', 'marszałek',
    'minister', 'ministra', 'prezydent', 'premier', 'rzecznik', 'rzeczniczka', 'szef', 'szefowa', 'kanclerz', 'ambasador',
    'przewodniczący', 'przewodnicząca', 'dyplomata', 'przywódca',
  ],
  speakerLeads: ['rosyjski', 'chiński', 'amerykański', 'niemiecki', 'były', 'była', 'szef', 'minister'],
  negations: ['nie', 'nigdy', 'żaden', 'żadna', 'żadnego', 'ani', 'nikt', 'nic', 'nikogo', 'nikomu', 'nikim', 'niczego'],
  hedges: ['rzekomo', 'prawdopodobnie', 'podobno', 'najprawdopodobniej'],
  numberWords: { dwa: 2, dwie: 2, trzy: 3, cztery: 4, pięć: 5, sześć: 6, siedem: 7, osiem: 8, dziewięć: 9, dziesięć: 10, sto: 100, tysiąc: 1000, tysiące: 1000, tysięcy: 1000, mln: 1e6, milion: 1e6, miliony: 1e6, milionów: 1e6, mld: 1e9, miliard: 1e9, miliardy: 1e9, miliardów: 1e9 },
  numberFormat: { decimal: ',', group: [' ', '\u00a0', '\u202f', '.'] },
  dateOrder: 'day-month-year',
  figures: {
    currencies: { zł: 'PLN', złoty: 'PLN', złote: 'PLN', złotych: 'PLN', euro: 'EUR', dolar: 'USD', dolary: 'USD', dolarów: 'USD', rubli: 'RUB', juanów: 'CNY' },
    percent: ['procent', 'procenta', 'procentów', 'proc.'],
    comparators: { gt: ['ponad', 'więcej niż', 'przeszło', 'powyżej'], lt: ['mniej niż', 'poniżej', 'niespełna'], approx: ['około', 'ok.', 'blisko', 'prawie'] },
    timeUnits: { rok: 'year', lata: 'year', lat: 'year', miesiąc: 'month', miesiące: 'month', miesięcy: 'month', tydzień: 'week', tygodnie: 'week', tygodni: 'week', dzień: 'day', dni: 'day', godzin: 'hour' },
    linkers: [],
    adjectiveEndings: ['ych', 'ich', 'owe'],
  },
}
