import type { Lexicon } from './lexicon.js'

/** Spanish. */
export const es: Lexicon = {
  code: 'es',
  name: 'Spanish',
  months: [
    ['enero', 'ene'], ['febrero', 'feb'], ['marzo', 'mar'], ['abril', 'abr'], ['mayo', 'may'], ['junio', 'jun'],
    ['julio', 'jul'], ['agosto', 'ago'], ['septiembre', 'setiembre', 'sept', 'sep'], ['octubre', 'oct'], ['noviembre', 'nov'], ['diciembre', 'dic'],
  ],
  weekdays: [['domingo'], ['lunes'], ['martes'], ['miércoles', 'miercoles'], ['jueves'], ['viernes'], ['sábado', 'sabado']],
  relativeDays: { anteayer: -2, anteanoche: -2, ayer: -1, anoche: -1, hoy: 0, mañana: 1, 'pasado mañana': 2 },
  shifts: [
    { word: 'pasado', shift: -1, position: 'after' }, { word: 'próximo', shift: 1, position: 'after' },
    { word: 'próximo', shift: 1, position: 'before' }, { word: 'este', shift: 0, position: 'before' },
  ],
  dayPrepositions: ['el', 'desde', 'hasta'],
  speechVerbs: [
    'dijo', 'afirmó', 'declaró', 'señaló', 'aseguró', 'subrayó', 'añadió', 'explicó', 'advirtió', 'indicó', 'destacó',
    'agregó', 'sostuvo', 'manifestó', 'respondió', 'insistió', 'apuntó', 'escribió', 'recalcó', 'reconoció', 'denunció',
    'dice', 'afirma', 'declara', 'señala', 'asegura', 'subraya', 'añade', 'explica', 'advierte', 'indica', 'destaca',
    'agrega', 'sostiene', 'responde', 'insiste', 'apunta', 'escribe', 'dicho', 'declarado', 'afirmado',
  ],
  verbParticles: ['ha', 'han', 'había'],
  accordingTo: ['según', 'de acuerdo con'],
  accordingToAfter: [],
  pronouns: ['él', 'ella'],
  quoteMarks: [['«', '»'], ['“', '”'], ['"', '"'], ['‘', '’']],
  dialogueDash: false,
  titles: [
    'alcalde', 'alcaldesa', 'gobernador', 'gobernadora', 'director', 'directora', 'diputado', 'diputada', 'senador', 'senadora', 'juez', 'jueza', 'experto', 'experta', 'responsable',
    'ministro', 'ministra', 'presidente', 'presidenta', 'portavoz', 'canciller', 'jefe', 'jefa', 'secretario', 'secretaria',
    'embajador', 'embajadora', 'primer', 'mandatario', 'mandataria', 'líder', 'dirigente', 'diplomático',
  ],
  speakerLeads: ['el', 'la', 'los', 'las', 'del', 'de', 'ruso', 'chino', 'estadounidense', 'alemán', 'francés', 'ex', 'exministro'],
  negations: ['no', 'nunca', 'jamás', 'ningún', 'ninguno', 'ninguna', 'ni', 'tampoco', 'nadie', 'nada'],
  hedges: ['presuntamente', 'supuestamente', 'aparentemente', 'probablemente'],
  numberWords: { dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, doce: 12, cien: 100, mil: 1000, millón: 1e6, millones: 1e6, 'mil millones': 1e9 },
  numberFormat: { decimal: ',', group: ['.', ' ', '\u00a0'] },
  dateOrder: 'day-month-year',
  figures: {
    currencies: { euro: 'EUR', euros: 'EUR', dólar: 'USD', dólares: 'USD', rublo: 'RUB', rublos: 'RUB', yuan: 'CNY', yuanes: 'CNY', libras: 'GBP', pesos: 'MXN' },
    percent: ['por ciento'],
    comparators: { gt: ['más de', 'superior a', 'superó los', 'superó las'], lt: ['menos de', 'inferior a'], approx: ['alrededor de', 'unos', 'unas', 'cerca de', 'aproximadamente', 'casi'] },
    timeUnits: { año: 'year', años: 'year', mes: 'month', meses: 'month', semana: 'week', semanas: 'week', día: 'day', días: 'day', horas: 'hour' },
    linkers: ['de'],
  },
}
