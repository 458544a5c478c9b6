/**
 * A language's words, as data: everything a stage needs to read dates, quotes and attributions in
 * that language. Adding a language is adding one of these (and its tests); no stage holds word
 * lists of its own for the languages here.
 *
 * Every list is lower case unless it says otherwise; lookups lower-case the word (see `wordKey`
 * in each consumer). Forms are listed as written, inflections included (Russian and Polish name a
 * weekday in the accusative after "в"/"w": "в среду", "w środę").
 */
export interface Lexicon {
  /** ISO 639-1 code. */
  readonly code: LanguageCode
  /** The language's English name, for messages and the web app ("German"). */
  readonly name: string
  /** Twelve rows, January first: every form a date writes the month in (names, genitives, abbreviations). */
  readonly months: readonly (readonly string[])[]
  /** Seven rows, Sunday first (as `Date.getUTCDay()`): every form of the weekday's name. */
  readonly weekdays: readonly (readonly string[])[]
  /** Day words and their offset from the publication day: "gestern" -1, "heute" 0. */
  readonly relativeDays: Readonly<Record<string, number>>
  /** Words that shift a weekday to the past (-1), this week (0) or the next (+1), and on which side they stand. */
  readonly shifts: readonly WeekdayShift[]
  /** Words that may open a weekday phrase and belong to it ("am Mittwoch", "в среду", "el miércoles"). */
  readonly dayPrepositions: readonly string[]
  /** Verbs (every form news uses) that attribute a quote: "sagte", "a déclaré" is "déclaré" here. */
  readonly speechVerbs: readonly string[]
  /** Words between a speech verb and its subject that belong to neither ("a", "ha", "a-t-il"). */
  readonly verbParticles: readonly string[]
  /** Phrases that cite a source before it: "laut", "selon", "по словам". */
  readonly accordingTo: readonly string[]
  /** Phrases that cite a source after it: German "Lawrow zufolge". */
  readonly accordingToAfter: readonly string[]
  /** Pronouns that stand for a speaker named before ("er", "elle", "он"). */
  readonly pronouns: readonly string[]
  /** Quote marks, opening → closing, in the language's conventions. */
  readonly quoteMarks: readonly (readonly [string, string])[]
  /** Dialogue dashes attribute quotes: «…», — сказал Лавров. */
  readonly dialogueDash: boolean
  /** Role nouns that name who speaks: "Außenminister", "ministre", "министр". */
  readonly titles: readonly string[]
  /** Articles, honorifics and other small words a speaker phrase may start with ("der", "M.", "el"). */
  readonly speakerLeads: readonly string[]
  /** Negation words. */
  readonly negations: readonly string[]
  /** Hedges that weaken a claim ("angeblich", "apparemment"). */
  readonly hedges: readonly string[]
  /** Counts and scales in words: "drei" 3, "Milliarden" 1e9. */
  readonly numberWords: Readonly<Record<string, number>>
  /** The decimal separator and the digit-group separators of the locale's number format. */
  readonly numberFormat: { readonly decimal: '.' | ','; readonly group: readonly string[] }
  /** How a full date is written, for the date reader: day before month ("15. Oktober 2025") or year first ("2025年10月15日"). */
  readonly dateOrder: 'day-month-year' | 'month-day-year' | 'year-month-day'
  /** Written without spaces between words (Chinese): words are found by `Intl.Segmenter`. */
  readonly unspaced?: boolean
  /**
   * Every noun is capitalised (German): a capital does not mark a name, and the counted noun of a
   * figure is the first capitalised word after the number ("40 neue Busse").
   */
  readonly capitalisedNouns?: boolean
  /** How the language writes figures, for the claims reader; absent where figures are read by English's own rules. */
  readonly figures?: FigureWords
}

/** The words of figures in one language (`src/stages/claims/lexicon-claims.ts` reads them). */
export interface FigureWords {
  /** Currency words and abbreviations, lower case, after the number → ISO 4217 ("euro" → EUR, "млрд рублей" has "рублей" → RUB). */
  readonly currencies: Readonly<Record<string, string>>
  /** Words for percent after the number ("Prozent", "pour cent", "процента"); "%" is read in every language. */
  readonly percent: readonly string[]
  /** Words before a number that bound it: "mehr als" (gt), "rund" (approx), "weniger als" (lt). */
  readonly comparators: Readonly<Partial<Record<'gt' | 'gte' | 'lt' | 'lte' | 'approx', readonly string[]>>>
  /** Words of time spans after a number → the unit the claims layer uses ("Monate" → month). */
  readonly timeUnits: Readonly<Record<string, 'year' | 'month' | 'week' | 'day' | 'hour'>>
  /** Small words between a scale and what it counts ("Millionen de" is not German; "millions d'euros", "milioni di euro", "millones de euros"). */
  readonly linkers: readonly string[]
  /** Adjective endings read past before a counted noun in languages that put adjectives first ("nowych łóżek"). */
  readonly adjectiveEndings?: readonly string[]
  /** Measure words between a number and its noun in Chinese ("4200艘船舶", "1.5万名观众"). */
  readonly classifiers?: readonly string[]
  /** Units written right after the number in Chinese ("吨", "人"). */
  readonly units?: readonly string[]
}

export type LanguageCode = 'en' | 'de' | 'fr' | 'es' | 'it' | 'ru' | 'pl' | 'zh'

export interface WeekdayShift {
  readonly word: string
  readonly shift: -1 | 0 | 1
  /** Before the weekday ("letzten Mittwoch", "в прошлую среду") or after it ("mercredi dernier"). */
  readonly position: 'before' | 'after'
}
