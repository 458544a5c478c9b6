/**
 * Name keys for gazetteer lookups: case, accents, apostrophe and hyphen styles and a leading
 * "the" do not matter ("the Élysée" = "Elysee", "Kim Jong-un" = "Kim Jong Un").
 * Case is folded too, so "US" and "us" share a key: a caller matching running text must check
 * case itself for short acronyms.
 */

const LEADING_ARTICLE = /^the\s+/
const APOSTROPHES = /[\u2018\u2019\u02bc`]/g
const DASHES = /[-\u2010-\u2015]/g
const COMBINING_MARKS = /\p{M}/gu

/**
 * The lookup key of a name.
 *
 * @example
 * nameKey('The Élysée') // 'elysee'
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, "'")
    .replace(DASHES, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(LEADING_ARTICLE, '')
}

/** Many names to many records; a name shared by several records stays ambiguous. */
export class NameIndex<T> {
  private readonly byKey = new Map<string, T[]>()

  add(names: Iterable<string>, record: T): void {
    for (const name of names) {
      const key = nameKey(name)
      if (key === '') continue
      const records = this.byKey.get(key) ?? []
      if (!records.includes(record)) records.push(record)
      this.byKey.set(key, records)
    }
  }

  /** Every record the name may mean. */
  all(name: string): readonly T[] {
    return this.byKey.get(nameKey(name)) ?? []
  }

  /** The one record the name means, or undefined when unknown or ambiguous. */
  one(name: string): T | undefined {
    const records = this.all(name)
    return records.length === 1 ? records[0] : undefined
  }

  /** Keys shared by more than one record, with those records. */
  ambiguous(): Map<string, readonly T[]> {
    return new Map([...this.byKey].filter(([, records]) => records.length > 1))
  }
}
