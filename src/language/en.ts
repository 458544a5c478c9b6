import type { Lexicon } from './lexicon.js'

/**
 * English. The English stages read richer lists of their own design (the quotes stage's speech cues
 * by role, the times stage's patterns); this lexicon gives what every language shares.
 */
export const en: Lexicon = {
  code: 'en',
  name: 'English',
  months: [
    ['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'],
    ['july', 'jul'], ['august', 'aug'], ['september', 'sep', 'sept'], ['october', 'oct'], ['november', 'nov'], ['december', 'dec'],
  ],
  weekdays: [['sunday'], ['monday'], ['tuesday'], ['wednesday'], ['thursday'], ['friday'], ['saturday']],
  relativeDays: { yesterday: -1, today: 0, tomorrow: 1 },
  shifts: [
    { word: 'last', shift: -1, position: 'before' }, { word: 'this', shift: 0, position: 'before' }, { word: 'next', shift: 1, position: 'before' },
  ],
  dayPrepositions: ['on', 'since', 'until', 'by'],
  speechVerbs: ['said', 'says', 'told', 'added', 'stressed', 'stated', 'noted', 'declared', 'warned', 'explained', 'wrote', 'insisted', 'argued', 'asked', 'replied'],
  verbParticles: ['has', 'had', 'have'],
  accordingTo: ['according to'],
  accordingToAfter: [],
  pronouns: ['he', 'she'],
  quoteMarks: [['“', '”'], ['"', '"'], ['‘', '’'], ['«', '»'], ['„', '“']],
  dialogueDash: false,
  titles: [
    'mayor', 'governor', 'director', 'senator', 'judge', 'expert','minister', 'president', 'spokesman', 'spokeswoman', 'spokesperson', 'chancellor', 'ambassador', 'secretary', 'chief', 'premier', 'leader'],
  speakerLeads: ['the', 'former'],
  negations: ['not', 'no', 'never', "n't", 'none', 'nor', 'nobody', 'nothing', 'neither', 'cannot'],
  hedges: ['reportedly', 'allegedly', 'apparently', 'likely', 'possibly'],
  numberWords: { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, trillion: 1e12 },
  numberFormat: { decimal: '.', group: [','] },
  dateOrder: 'month-day-year',
}
