import type Database from 'better-sqlite3'
import { messageOf } from './connection.js'
import { fromDocumentRow } from './rows.js'
import type { Statements } from './statements.js'

/** Documents unpacked per query: the check reads every document, never all at once. */
const DOCUMENTS_PER_PAGE = 256
/** Offending documents named per finding, at most; the finding says how many there are in all. */
const NAMED = 5

/**
 * The documents' own invariants, which SQL cannot see inside packed rows: every document unpacks
 * (its text, markup and layers), and its entity index holds one row per distinct entity of its
 * entities layer. Reads the documents a page at a time. Empty when sound.
 *
 * @example
 * checkDocumentInvariants(db, prepareStatements(db).pageDocuments) // ['documents that do not unpack: 1 (3f9a… (…))']
 */
export function checkDocumentInvariants(db: Database.Database, page: Statements['pageDocuments']): string[] {
  const indexed = db.prepare<[string], number>('SELECT count(*) FROM entity_index WHERE document_id = ?').pluck()
  const unreadable: string[] = []
  const misindexed: string[] = []
  let after = 0
  for (;;) {
    const rows = page.all(after, DOCUMENTS_PER_PAGE)
    for (const row of rows) {
      let entities: number
      try {
        entities = new Set(fromDocumentRow(row, row.layers).layers.entities?.entities.map((e) => e.id)).size
      } catch (error) {
        unreadable.push(`${row.id} (${messageOf(error)})`)
        continue
      }
      const rowsIndexed = indexed.get(row.id) ?? 0
      if (rowsIndexed !== entities) misindexed.push(`${row.id} (${entities} in its layer, ${rowsIndexed} indexed)`)
    }
    if (rows.length < DOCUMENTS_PER_PAGE) break
    after = rows[rows.length - 1]!.seq
  }
  return [
    finding('documents that do not unpack', unreadable),
    finding('documents whose entity index differs from their entities layer', misindexed),
  ].filter((f): f is string => f !== undefined)
}

function finding(name: string, offenders: readonly string[]): string | undefined {
  if (offenders.length === 0) return undefined
  return `${name}: ${offenders.length} (${offenders.slice(0, NAMED).join(', ')}${offenders.length > NAMED ? ', …' : ''})`
}
