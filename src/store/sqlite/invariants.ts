import type Database from 'better-sqlite3'
import { UNKNOWN_OUTLET } from '../../document/outlet.js'
import { unpackJson } from './packed.js'

/** Offending rows named per finding, at most; the finding says how many there are in all. */
const NAMED = 5

/**
 * Dossier's own invariants, each an SQL query listing what breaks it: every stored counter must
 * equal what its members say. Two writers placing the same documents (the fault this guards
 * against) broke the article counts, the document counter and the term frequencies at once.
 */
const INVARIANTS: ReadonlyArray<readonly [finding: string, sql: string]> = [
  ['stories whose article count differs from their members',
    `SELECT s.id || ' (' || s.articles || ' counted, ' || (SELECT count(*) FROM story_members m WHERE m.story_id = s.id) || ' members)' FROM stories s
     WHERE s.articles != (SELECT count(*) FROM story_members m WHERE m.story_id = s.id)`],
  ['stories whose article list differs from their article count',
    "SELECT s.id FROM stories s WHERE json_array_length(dossier_json(s.json), '$.articles') != s.articles"],
  ['story articles that are not members of that story',
    `SELECT s.id || ' lists ' || json_extract(a.value, '$.id') FROM stories s, json_each(dossier_json(s.json), '$.articles') a
     WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.document_id = json_extract(a.value, '$.id') AND m.story_id = s.id)`],
  // Counted as composeStory counts them: near-copies once (not at all apart from their original),
  // and each article of an unknown outlet as an outlet of its own (outletKey).
  ['stories whose outlet count differs from their members\' outlets',
    `SELECT s.id FROM stories s WHERE s.outlets != (
       SELECT count(DISTINCT CASE WHEN m.source = '${UNKNOWN_OUTLET}' THEN m.source || '#' || m.document_id ELSE m.source END)
       FROM story_members m WHERE m.story_id = s.id AND m.duplicate_of IS NULL)`],
  ['members of a story that is not stored',
    'SELECT m.document_id FROM story_members m WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = m.story_id)'],
  ['stories without a check', 'SELECT s.id FROM stories s WHERE NOT EXISTS (SELECT 1 FROM story_checks c WHERE c.story_id = s.id)'],
  ['a document counter that differs from the clustered members (near-copies not counted)',
    `SELECT coalesce((SELECT value FROM story_counters WHERE name = 'documents'), 0) || ' counted, ' || n || ' clustered'
     FROM (SELECT count(*) AS n FROM story_members WHERE duplicate_of IS NULL)
     WHERE n != coalesce((SELECT value FROM story_counters WHERE name = 'documents'), 0)`],
  // A term occurs in at most every clustered document; placing documents twice counted some past that.
  ['term frequencies above the clustered documents (or below 1)',
    `SELECT t.term || ' (' || t.documents || ')' FROM term_frequencies t
     WHERE t.documents < 1 OR t.documents > (SELECT count(*) FROM story_members WHERE duplicate_of IS NULL)`],
  ['placed documents without a signature',
    'SELECT m.document_id FROM story_members m WHERE NOT EXISTS (SELECT 1 FROM minhash_signatures g WHERE g.document_id = m.document_id)'],
  ['signatures of documents in no story',
    'SELECT g.document_id FROM minhash_signatures g WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.document_id = g.document_id)'],
  ['signatures without band keys',
    // NOT IN, not a correlated NOT EXISTS: the bands have no index by document (migration 9), and
    // SQLite reads the subquery once into a temporary index.
    'SELECT g.document_id FROM minhash_signatures g WHERE g.document_id NOT IN (SELECT document_id FROM minhash_bands)'],
  ['threads whose story count differs from their story list',
    "SELECT t.id FROM threads t WHERE json_array_length(t.json, '$.stories') != t.stories"],
  ['stories in a thread that is not stored',
    "SELECT s.id || ' in ' || s.thread FROM stories s WHERE s.thread IS NOT NULL AND NOT EXISTS (SELECT 1 FROM threads t WHERE t.id = s.thread)"],
  ['thread stories that do not name the thread',
    `SELECT t.id || ' lists ' || json_extract(x.value, '$.id') FROM threads t, json_each(t.json, '$.stories') x
     WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = json_extract(x.value, '$.id') AND s.thread = t.id)`],
]

/**
 * What breaks the store's invariants, one line per broken invariant naming a few offenders;
 * empty when every counter equals what its members say.
 *
 * @example
 * checkInvariants(db) // ['stories whose article count differs from their members: 3 (st-1a2b… (4 counted, 2 members), …)']
 */
export function checkInvariants(db: Database.Database): string[] {
  // A story's JSON is packed (migration 9): SQL reads it through this.
  db.function('dossier_json', { deterministic: true }, (value: unknown) => unpackJson(value as string | Buffer))
  const findings: string[] = []
  for (const [finding, sql] of INVARIANTS) {
    const rows = db.prepare(sql).pluck().all() as string[]
    if (rows.length === 0) continue
    const named = rows.slice(0, NAMED).join(', ')
    findings.push(`${finding}: ${rows.length} (${named}${rows.length > NAMED ? ', …' : ''})`)
  }
  return findings
}
