import type Database from 'better-sqlite3'

/** Queries whose counts are remembered, at most (the oldest is forgotten first). */
const REMEMBERED_QUERIES = 256

/**
 * How many documents an FTS5 match finds, counted up to a cap and remembered until the store
 * changes. One search request counts its query twice (is it broad? how many in all?), and a reader
 * paging through results counts it again per page; each count walks the query's matches. A count is
 * stale once anything is written: another connection's commit changes `PRAGMA data_version`, and
 * this connection's own writes call `forget()`.
 *
 * @example
 * const counts = new SearchCounts(db, (match, cap) => countStatement.get(match, cap)!.n)
 * counts.count('"ferry"', 501) // walks the matches once
 * counts.count('"ferry"', 501) // remembered
 */
export class SearchCounts {
  private readonly remembered = new Map<string, { readonly found: number; readonly cap: number }>()
  private readonly dataVersion: Database.Statement<[], number>
  private version = -1

  constructor(db: Database.Database, private readonly countUpTo: (match: string, cap: number) => number) {
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck()
  }

  /** Documents `match` finds, up to `cap`: `cap` means at least that many. */
  count(match: string, cap: number): number {
    const version = this.dataVersion.get()!
    if (version !== this.version) {
      this.remembered.clear()
      this.version = version
    }
    const known = this.remembered.get(match)
    // Below its cap a count is exact; at its cap it says "at least", which answers any lower cap.
    if (known !== undefined && (known.found < known.cap || cap <= known.cap)) return Math.min(known.found, cap)
    const found = this.countUpTo(match, cap)
    this.remembered.delete(match)
    if (this.remembered.size >= REMEMBERED_QUERIES) this.remembered.delete(this.remembered.keys().next().value!)
    this.remembered.set(match, { found, cap })
    return found
  }

  /** Forgets every count: this connection wrote (its own commits leave `data_version` as it was). */
  forget(): void {
    this.remembered.clear()
  }
}
