import type { Lexicon } from './lexicon.js'

/** Italian. */
export const it: Lexicon = {
  code: 'it',
  name: 'Italian',
  months: [
    ['gennaio', 'gen'], ['febbraio', 'feb'], ['marzo', 'mar'], ['aprile', 'apr'], ['maggio', 'mag'], ['giugno', 'giu'],
    ['luglio', 'lug'], ['agosto', 'ago'], ['settembre', 'set', 'sett'], ['ottobre', 'ott'], ['novembre', 'nov'], ['dicembre', 'dic'],
  ],
  weekdays: [['domenica'], ['lunedì', 'lunedi'], ['martedì', 'martedi'], ['mercoledì', 'mercoledi'], ['giovedì', 'giovedi'], ['venerdì', 'venerdi'], ['sabato']],
  relativeDays: { "l'altro ieri": -2, 'l’altro ieri': -2, ieri: -1, oggi: 0, domani: 1, dopodomani: 2 },
  shifts: [
    { word: 'scorso', shift: -1, position: 'after' }, { word: 'scorsa', shift: -1, position: 'after' },
    { word: 'prossimo', shift: 1, position: 'after' }, { word: 'prossima', shift: 1, position: 'after' },
    { word: 'questo', shift: 0, position: 'before' },
  ],
  dayPrepositions: ['il', 'la', 'da', 'fino a'],
  speechVerbs: [
    'detto', 'dichiarato', 'affermato', 'sottolineato', 'aggiunto', 'spiegato', 'assicurato', 'ribadito', 'osservato',
    'precisato', 'risposto', 'avvertito', 'scritto', 'commentato', 'denunciato', 'riconosciuto',
    'dice', 'afferma', 'dichiara', 'sottolinea', 'aggiunge', 'spiega', 'ribadisce', 'osserva', 'precisa', 'risponde',
    'avverte', 'scrive', 'disse', 'dichiarò', 'affermò',
  ],
  verbParticles: ['ha', 'hanno', 'aveva'],
  accordingTo: ['secondo', 'stando a'],
  accordingToAfter: [],
  pronouns: ['lui', 'lei'],
  quoteMarks: [['«', '»'], ['“', '”'], ['"', '"']],
  dialogueDash: false,
  titles: [
    'sindaco', 'sindaca', 'governatore', 'direttore', 'direttrice', 'deputato', 'deputata', 'senatore', 'senatrice', 'giudice', 'esperto', 'esperta', 'responsabile', 'assessore','ministro', 'ministra', 'presidente', 'portavoce', 'premier', 'cancelliere', 'segretario', 'segretaria', 'capo', 'ambasciatore', 'leader'],
  speakerLeads: ['il', 'lo', 'la', "l'", 'l’', 'del', 'della', 'russo', 'cinese', 'americano', 'tedesco', 'francese', 'ex'],
  negations: ['non', 'mai', 'nessun', 'nessuna', 'nessuno', 'né', 'niente'],
  hedges: ['presumibilmente', 'probabilmente', 'apparentemente'],
  numberWords: { due: 2, tre: 3, quattro: 4, cinque: 5, sei: 6, sette: 7, otto: 8, nove: 9, dieci: 10, dodici: 12, cento: 100, mille: 1000, milione: 1e6, milioni: 1e6, miliardo: 1e9, miliardi: 1e9, mln: 1e6, mld: 1e9, mila: 1000 },
  numberFormat: { decimal: ',', group: ['.', ' ', '\u00a0'] },
  dateOrder: 'day-month-year',
  figures: {
    currencies: { euro: 'EUR', dollaro: 'USD', dollari: 'USD', rublo: 'RUB', rubli: 'RUB', yuan: 'CNY', sterline: 'GBP', franchi: 'CHF' },
    percent: ['per cento', 'percento'],
    comparators: { gt: ['oltre', 'più di', 'superato i', 'superato le', 'superiore a'], lt: ['meno di', 'inferiore a'], approx: ['circa', 'quasi', 'intorno a', 'poco più di'] },
    timeUnits: { anno: 'year', anni: 'year', mese: 'month', mesi: 'month', settimana: 'week', settimane: 'week', giorno: 'day', giorni: 'day', ore: 'hour' },
    linkers: ['di', "d'"],
  },
}
