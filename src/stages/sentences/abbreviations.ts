/**
 * Words that end in a period without ending a sentence, lower-cased and without the final period.
 * Titles and honorifics, month and weekday abbreviations, and common Latin and business forms.
 * Dotted initialisms ("U.S.", "a.m.") and single initials ("J.") are recognised by shape, not listed.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  // titles and honorifics
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'cpl', 'pvt',
  'gov', 'sen', 'rep', 'amb', 'pres', 'supt', 'insp', 'rev', 'fr', 'hon', 'st', 'messrs', 'mme', 'mlle',
  'jr', 'sr', 'esq', 'ph', 'hr',
  // months and weekdays
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  // Latin, references and business
  'vs', 'etc', 'cf', 'al', 'approx', 'ca', 'no', 'nos', 'vol', 'pp', 'fig', 'art', 'sec', 'ch', 'para',
  'inc', 'corp', 'ltd', 'co', 'bros', 'dept', 'univ', 'assn', 'est', 'mt', 'ave', 'blvd', 'rd',
  // scales and units abbreviated in the other languages' figures ("90 Mio. Euro", "3 тыс. человек", "5 proc.")
  'mio', 'mrd', 'tsd', 'mln', 'mld', 'tys', 'proc', 'тыс', 'млн', 'млрд', 'трлн', 'руб',
])

/**
 * Abbreviations that can still end a sentence when a capitalised word follows ("… in the U.S. The
 * next day"): they are read as a boundary only before a word that usually opens a sentence.
 */
export const SENTENCE_FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set(['etc', 'inc', 'corp', 'ltd', 'co', 'jr', 'sr'])
