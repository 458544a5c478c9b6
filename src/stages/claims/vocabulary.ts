import type { Comparator } from '../../document/index.js'

/*
 * The words a figure is read with, as data. Keys are lower case; lookups lower-case the text.
 */

/** Scale words after a number: "220 billion", "1.5 trillion". */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['hundred', 1e2],
  ['thousand', 1e3],
  ['million', 1e6],
  ['mln', 1e6],
  ['mn', 1e6],
  ['billion', 1e9],
  ['bn', 1e9],
  ['trillion', 1e12],
  ['tn', 1e12],
  ['trn', 1e12],
])

/** Scale letters written against a sum of money: "$5m", "$2bn", "£300k". Only read after a currency sign, where "m" cannot be metres. */
export const MONEY_SCALE_LETTERS: ReadonlyMap<string, number> = new Map([
  ['k', 1e3],
  ['m', 1e6],
  ['b', 1e9],
])

/**
 * Currency signs before a number, as ISO 4217 codes. A bare "$" is read as US dollars (the sign's
 * most common use in English news); "¥" is yen unless the sentence speaks of yuan (see `YUAN_HINT`).
 */
export const CURRENCY_SIGNS: ReadonlyMap<string, string> = new Map([
  ['us$', 'USD'],
  ['$', 'USD'],
  ['c$', 'CAD'],
  ['a$', 'AUD'],
  ['hk$', 'HKD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₽', 'RUB'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['usd', 'USD'],
  ['eur', 'EUR'],
  ['gbp', 'GBP'],
  ['rub', 'RUB'],
  ['cny', 'CNY'],
  ['rmb', 'CNY'],
  ['jpy', 'JPY'],
  ['inr', 'INR'],
])

/** Words in a sentence that make "¥" the yuan. */
export const YUAN_HINT = /\b(?:yuan|renminbi|RMB|CNY)\b/

/** Currency names and codes after a number, as written: "5 million yuan", "1.5 trillion rubles", "300 USD". */
export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['US dollars', 'USD'],
  ['U.S. dollars', 'USD'],
  ['dollars', 'USD'],
  ['dollar', 'USD'],
  ['euros', 'EUR'],
  ['euro', 'EUR'],
  ['pounds sterling', 'GBP'],
  ['pounds', 'GBP'],
  ['yen', 'JPY'],
  ['yuan', 'CNY'],
  ['renminbi', 'CNY'],
  ['rubles', 'RUB'],
  ['roubles', 'RUB'],
  ['ruble', 'RUB'],
  ['rouble', 'RUB'],
  ['rupees', 'INR'],
  ['rupee', 'INR'],
  ['USD', 'USD'],
  ['EUR', 'EUR'],
  ['GBP', 'GBP'],
  ['RUB', 'RUB'],
  ['CNY', 'CNY'],
  ['RMB', 'CNY'],
])

/** Spelled-out numbers. "one" to "ninety"; compounds ("twenty-five") are summed. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16],
  ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50],
  ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
])

/**
 * Units of time and measure, singular: a number before them is a figure even when spelled out
 * ("one-year extension", "two years", "500 km"). Plural and abbreviated forms map to the unit.
 */
export const MEASURE_UNITS: ReadonlyMap<string, string> = new Map([
  ...pluralise(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade']),
  ['century', 'century'], ['centuries', 'century'],
  ...pluralise(['kilometre', 'kilometer', 'metre', 'meter', 'mile', 'tonne', 'ton', 'barrel', 'kilogram', 'gram', 'litre', 'liter', 'megawatt', 'gigawatt']),
  ['km', 'kilometre'], ['kg', 'kilogram'], ['mw', 'megawatt'], ['gw', 'gigawatt'], ['bcm', 'billion cubic metres'],
])

function pluralise(words: readonly string[]): [string, string][] {
  return words.flatMap((w) => [[w, w], [`${w}s`, w]] as [string, string][])
}

/** The units of `MEASURE_UNITS` that are spans of time. */
export const TIME_UNITS: ReadonlySet<string> = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade', 'century'])

/** Percent markers after a number. */
export const PERCENT = /^(?:\s*%|\s+(?:percent|per\s+cent|pct)\b)/i
export const PERCENTAGE_POINTS = /^\s+(?:percentage\s+points?|points?\s+percentage)\b/i

/**
 * Phrases before a figure that qualify it, longest first within a comparator. "nearly" and
 * "almost" are `lt`: they say the value falls short of the figure, which is what a later check
 * against another source needs (an `approx` would lose the direction).
 */
export const COMPARATORS_BEFORE: readonly (readonly [Comparator, readonly string[]])[] = [
  ['gte', ['at least', 'no less than', 'not less than', 'no fewer than', 'a minimum of']],
  ['lte', ['up to', 'at most', 'no more than', 'not more than', 'a maximum of', 'as many as', 'as much as']],
  ['gt', ['more than', 'greater than', 'higher than', 'in excess of', 'upwards of', 'just over', 'over', 'above', 'exceeded', 'exceeds', 'exceeding', 'exceed', 'surpassed', 'surpassing', 'topped', 'tops']],
  ['lt', ['less than', 'fewer than', 'lower than', 'just under', 'under', 'below', 'nearly', 'almost', 'just short of', 'short of']],
  ['approx', ['about', 'around', 'approximately', 'roughly', 'some', 'an estimated', 'estimated', 'circa', 'close to', '~']],
]

/** Phrases after a figure that qualify it: "600 or more". */
export const COMPARATORS_AFTER: readonly (readonly [Comparator, readonly string[]])[] = [
  ['gte', ['or more']],
  ['lte', ['or less', 'or fewer']],
  ['approx', ['or so']],
  ['gt', ['plus']],
]

/**
 * Words that end the noun a figure counts: function words, and verbs and adverbs that commonly
 * follow a figure ("600 but is", "4,477 warheads as of"). A counted noun is content, so a stop
 * word means there is none.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your',
  'of', 'in', 'on', 'at', 'to', 'by', 'for', 'from', 'with', 'as', 'than', 'into', 'since', 'until', 'over', 'under',
  'per', 'between', 'among', 'against', 'about', 'after', 'before', 'during', 'through', 'across', 'toward', 'towards',
  'within', 'without', 'upon', 'despite', 'via', 'amid', 'beyond', 'near', 'throughout', 'like', 'unlike', 'including',
  'and', 'or', 'but', 'nor', 'so', 'yet', 'while', 'whereas', 'if', 'because', 'when', 'which', 'who', 'whom', 'whose',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would',
  'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'not', 'no', 'more', 'less', 'fewer', 'most', 'least',
  'each', 'every', 'all', 'both', 'some', 'any', 'such', 'other', 'another', 'also', 'only', 'just', 'even',
  'still', 'already', 'now', 'then', 'there', 'here', 'it', 'they', 'we', 'he', 'she', 'you', 'i', 'them',
  'times', 'percent', 'or',
])

/** Plurals that do not end in "s", and the singular each counts. */
export const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map([
  ['people', 'person'], ['men', 'man'], ['women', 'woman'], ['children', 'child'], ['aircraft', 'aircraft'],
  ['personnel', 'personnel'], ['staff', 'staff'], ['police', 'police'], ['cattle', 'cattle'], ['sheep', 'sheep'],
  ['feet', 'foot'], ['teeth', 'tooth'], ['mice', 'mouse'], ['geese', 'goose'], ['militia', 'militia'],
])

/** Capitalised labels a number names rather than counts: "Article 5", "Resolution 2231", "Flight 17". */
export const LABEL_NOUNS: ReadonlySet<string> = new Set([
  'article', 'chapter', 'section', 'paragraph', 'resolution', 'no', 'no.', 'number', 'page', 'flight', 'route',
  'room', 'volume', 'vol', 'vol.', 'item', 'phase', 'stage', 'level', 'grade', 'class', 'type', 'model', 'block',
  'part', 'episode', 'season', 'round', 'game', 'week', 'day', 'gate', 'platform', 'line', 'channel', 'district',
  'unit', 'battalion', 'brigade', 'division', 'regiment', 'squadron', 'protocol', 'annex', 'amendment', 'figure',
  'table', 'step', 'title', 'act', 'law', 'decree', 'order', 'case', 'version', 'windows', 'iphone', 'apollo', 'soyuz',
])

/** Month names: a number beside one is a day of a date, not a figure. */
export const MONTH_NAMES = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i

/** Years this far from now are read as years when nothing says otherwise: a bare "2019" is a date. */
export const YEAR_RANGE = { min: 1800, max: 2100 } as const
