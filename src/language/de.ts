import type { Lexicon } from './lexicon.js'

/** German. */
export const de: Lexicon = {
  code: 'de',
  name: 'German',
  months: [
    ['januar', 'jänner', 'jan'], ['februar', 'feber', 'feb'], ['märz', 'maerz', 'mär', 'mrz'], ['april', 'apr'], ['mai'], ['juni', 'jun'],
    ['juli', 'jul'], ['august', 'aug'], ['september', 'sept', 'sep'], ['oktober', 'okt'], ['november', 'nov'], ['dezember', 'dez'],
  ],
  weekdays: [['sonntag'], ['montag'], ['dienstag'], ['mittwoch'], ['donnerstag'], ['freitag'], ['samstag', 'sonnabend']],
  relativeDays: { vorgestern: -2, gestern: -1, heute: 0, morgen: 1, übermorgen: 2 },
  shifts: [
    { word: 'letzten', shift: -1, position: 'before' }, { word: 'vergangenen', shift: -1, position: 'before' },
    { word: 'vorigen', shift: -1, position: 'before' }, { word: 'diesen', shift: 0, position: 'before' },
    { word: 'kommenden', shift: 1, position: 'before' }, { word: 'nächsten', shift: 1, position: 'before' },
  ],
  dayPrepositions: ['am', 'an', 'seit', 'bis', 'vom', 'ab'],
  speechVerbs: [
    'sagte', 'sagten', 'sagt', 'sagen', 'gesagt', 'erklärte', 'erklärten', 'erklärt', 'betonte', 'betonten', 'betont',
    'fügte', 'meinte', 'meint', 'schrieb', 'schreibt', 'warnte', 'warnt', 'kritisierte', 'bekräftigte', 'unterstrich',
    'versicherte', 'antwortete', 'erwiderte', 'teilte', 'äußerte', 'stellte', 'verkündete', 'bekannte', 'räumte',
    'forderte', 'fordert', 'mahnte', 'sprach', 'hieß', 'so',
  ],
  verbParticles: ['hat', 'haben', 'habe', 'hatte'],
  accordingTo: ['laut', 'nach angaben von', 'nach worten von'],
  accordingToAfter: ['zufolge'],
  pronouns: ['er', 'sie'],
  quoteMarks: [['„', '“'], ['„', '”'], ['»', '«'], ['‚', '‘'], ['“', '”'], ['"', '"']],
  dialogueDash: false,
  titles: [
    'bürgermeister', 'bürgermeisterin', 'gouverneur', 'gouverneurin', 'polizeisprecher', 'polizeisprecherin', 'direktor', 'direktorin', 'leiter', 'leiterin', 'experte', 'expertin', 'richter', 'richterin', 'abgeordnete', 'abgeordneter', 'senator', 'senatorin',
    'außenminister', 'außenministerin', 'bundeskanzler', 'bundeskanzlerin', 'kanzler', 'kanzlerin', 'präsident', 'präsidentin',
    'bundespräsident', 'minister', 'ministerin', 'ministerpräsident', 'ministerpräsidentin', 'premierminister', 'premierministerin',
    'sprecher', 'sprecherin', 'regierungssprecher', 'regierungssprecherin', 'kremlsprecher', 'verteidigungsminister',
    'verteidigungsministerin', 'botschafter', 'botschafterin', 'chef', 'chefin', 'vorsitzende', 'vorsitzender', 'staatschef',
  ],
  speakerLeads: ['der', 'die', 'des', 'dem', 'den', 'russische', 'russischen', 'chinesische', 'chinesischen', 'deutsche', 'deutschen', 'französische', 'us-', 'amerikanische', 'frühere', 'ehemalige'],
  negations: ['nicht', 'kein', 'keine', 'keinen', 'keiner', 'keinem', 'keines', 'niemals', 'nie', 'nein', 'niemand', 'niemandem', 'niemanden', 'nichts', 'weder'],
  hedges: ['angeblich', 'offenbar', 'vermutlich', 'möglicherweise', 'wohl', 'mutmaßlich'],
  numberWords: { zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, zwölf: 12, hundert: 100, tausend: 1000, million: 1e6, millionen: 1e6, milliarde: 1e9, milliarden: 1e9, mio: 1e6, mrd: 1e9, billion: 1e12, billionen: 1e12 },
  numberFormat: { decimal: ',', group: ['.', ' ', '\u00a0', '\u202f'] },
  dateOrder: 'day-month-year',
  figures: {
    currencies: { euro: 'EUR', euros: 'EUR', dollar: 'USD', 'us-dollar': 'USD', rubel: 'RUB', yuan: 'CNY', franken: 'CHF', pfund: 'GBP', 'złoty': 'PLN', zloty: 'PLN' },
    percent: ['prozent'],
    comparators: { gt: ['mehr als', 'über', 'gut'], lt: ['weniger als', 'unter', 'knapp'], approx: ['rund', 'etwa', 'circa', 'ca.', 'ungefähr', 'fast'] },
    timeUnits: { jahr: 'year', jahre: 'year', jahren: 'year', monat: 'month', monate: 'month', monaten: 'month', woche: 'week', wochen: 'week', tag: 'day', tage: 'day', tagen: 'day', stunden: 'hour' },
    linkers: [],
  },
  capitalisedNouns: true,
}
