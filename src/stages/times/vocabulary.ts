import { en } from '../../language/en.js'

/**
 * The English words time expressions are made of, as data. Month and weekday names must be
 * capitalised where they are matched: "may", "march" and "sun" in lower case are other words.
 */

/** A lexicon word as English writes it in running text: capitalised. */
const capitalised = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)

/**
 * Month name or abbreviation (as written, capitalised) → month 1..12, from the English lexicon.
 * Abbreviations only count before a day or a year.
 */
export const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map(en.months.flatMap((forms, i) => forms.map((f) => [capitalised(f), i + 1] as const)))

const FULL_MONTHS = en.months.map((forms) => capitalised(forms[0]!))

/** Full names first, longest first, so "Sept" is not read as "Sep" + "t". */
export const MONTH_ALTERNATION = [...MONTH_NUMBERS.keys()].sort((a, b) => b.length - a.length).join('|')
export const FULL_MONTH_ALTERNATION = [...FULL_MONTHS].sort((a, b) => b.length - a.length).join('|')

/** Weekday names, Sunday = 0 as in `Date.getUTCDay()`, from the English lexicon. Abbreviations ("Sun", "Wed") are not taken alone. */
export const WEEKDAYS: readonly string[] = en.weekdays.map((forms) => capitalised(forms[0]!))

export type Season = 'spring' | 'summer' | 'autumn' | 'winter'

/**
 * First month of each (northern, meteorological) season: a season's value is its first month.
 * Winter starts in December of the year it is named with ("winter 2024" → 2024-12), the usual
 * reading in news; the opposite reading (January 2024) is a known ambiguity.
 */
export const SEASON_START_MONTH: Readonly<Record<Season, number>> = { spring: 3, summer: 6, autumn: 9, winter: 12 }
export const SEASON_WORDS: ReadonlyMap<string, Season> = new Map([
  ['spring', 'spring'], ['summer', 'summer'], ['autumn', 'autumn'], ['fall', 'autumn'], ['winter', 'winter'],
])

/** Exact counts in words. */
export const COUNT_WORDS: ReadonlyMap<string, number> = new Map([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6],
  ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['a couple of', 2],
])
/** Counts that say "some": resolved with `VAGUE_COUNT` and a coarser precision. */
export const VAGUE_COUNT_WORDS: ReadonlySet<string> = new Set(['a few', 'few', 'several', 'some', 'many', 'a number of'])
/** The amount a vague count stands for when an expression must be placed on the calendar ("several weeks" ≈ 3 weeks). */
export const VAGUE_COUNT = 3

/** A regex alternation of every count, longest first. */
export const COUNT_ALTERNATION = [...COUNT_WORDS.keys(), ...VAGUE_COUNT_WORDS].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '\\s+')).join('|')

/** Plural nouns a year may name ("the 2020 elections"); any other plural after a number counts things ("2000 troops"). */
export const YEAR_NOUN_PLURALS: ReadonlySet<string> = new Set([
  'elections', 'games', 'olympics', 'talks', 'protests', 'negotiations', 'sanctions', 'accords', 'riots', 'polls',
  'midterms', 'levels', 'figures', 'results', 'targets', 'goals', 'records', 'tariffs', 'reforms', 'hearings',
])
/** Nouns for people and things counted without a plural -s ("1999 people"). */
export const COUNT_NOUNS_WITHOUT_S: ReadonlySet<string> = new Set(['people', 'men', 'women', 'children', 'personnel', 'staff', 'police', 'troops', 'cattle'])
