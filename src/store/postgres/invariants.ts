import { UNKNOWN_OUTLET } from '../../document/outlet.js'
import type { Queryable } from './stories.js'
import { toPgText } from './text.js'

/** Offending rows named per finding, at most. */
const NAMED = 5

/**
 * The SQLite store's invariants (`sqlite/invariants.ts`), in PostgreSQL's SQL, with the same
 * finding names so `dossier check` reads alike on both stores. JSON columns are text; `::json`
 * reads them.
 */
const INVARIANTS: ReadonlyArray<readonly [finding: string, sql: string]> = [
  ['stories whose article count differs from their members',
    `SELECT s.id || ' (' || s.articles || ' counted, ' || (SELECT count(*) FROM story_members m WHERE m.story_id = s.id) || ' members)' FROM stories s
     WHERE s.articles != (SELECT count(*) FROM story_members m WHERE m.story_id = s.id) ORDER BY s.seq`],
  ['stories whose article list differs from their article count',
    "SELECT s.id FROM stories s WHERE json_array_length(s.json::json -> 'articles') != s.articles ORDER BY s.seq"],
  ['story articles that are not members of that story',
    `SELECT s.id || ' lists ' || (a.value ->> 'id') FROM stories s, json_array_elements(s.json::json -> 'articles') a
     WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.document_id = a.value ->> 'id' AND m.story_id = s.id) ORDER BY s.seq`],
  ['stories whose outlet count differs from their members\' outlets',
    `SELECT s.id FROM stories s WHERE s.outlets != (
       SELECT count(DISTINCT CASE WHEN m.source = '${toPgText(UNKNOWN_OUTLET).replaceAll("'", "''")}' THEN m.source || '#' || m.document_id ELSE m.source END)
       FROM story_members m WHERE m.story_id = s.id AND m.duplicate_of IS NULL) ORDER BY s.seq`],
  ['members of a story that is not stored',
    'SELECT m.document_id FROM story_members m WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = m.story_id)'],
  ['stories without a check', 'SELECT s.id FROM stories s WHERE NOT EXISTS (SELECT 1 FROM story_checks c WHERE c.story_id = s.id) ORDER BY s.seq'],
  ['a document counter that differs from the clustered members (near-copies not counted)',
    `SELECT coalesce((SELECT value FROM story_counters WHERE name = 'documents'), 0) || ' counted, ' || n || ' clustered'
     FROM (SELECT count(*) AS n FROM story_members WHERE duplicate_of IS NULL) c
     WHERE n != coalesce((SELECT value FROM story_counters WHERE name = 'documents'), 0)`],
  ['term frequencies above the clustered documents (or below 1)',
    `SELECT t.term || ' (' || t.documents || ')' FROM term_frequencies t
     WHERE t.documents < 1 OR t.documents > (SELECT count(*) FROM story_members WHERE duplicate_of IS NULL) ORDER BY t.term`],
  ['placed documents without a signature',
    'SELECT m.document_id FROM story_members m WHERE NOT EXISTS (SELECT 1 FROM minhash_signatures g WHERE g.document_id = m.document_id)'],
  ['signatures of documents in no story',
    'SELECT g.document_id FROM minhash_signatures g WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.document_id = g.document_id)'],
  ['signatures without band keys',
    'SELECT g.document_id FROM minhash_signatures g WHERE NOT EXISTS (SELECT 1 FROM minhash_bands b WHERE b.document_id = g.document_id)'],
  ['threads whose story count differs from their story list',
    "SELECT t.id FROM threads t WHERE json_array_length(t.json::json -> 'stories') != t.stories"],
  ['stories in a thread that is not stored',
    "SELECT s.id || ' in ' || s.thread FROM stories s WHERE s.thread IS NOT NULL AND NOT EXISTS (SELECT 1 FROM threads t WHERE t.id = s.thread)"],
  ['thread stories that do not name the thread',
    `SELECT t.id || ' lists ' || (x.value ->> 'id') FROM threads t, json_array_elements(t.json::json -> 'stories') x
     WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = x.value ->> 'id' AND s.thread = t.id)`],
  ['documents whose entity index differs from their entities layer',
    `SELECT l.document_id FROM document_layers l WHERE l.name = 'entities'
     AND (SELECT count(DISTINCT e.value ->> 'id') FROM json_array_elements(l.json::json -> 'entities') e)
       != (SELECT count(*) FROM entity_index i WHERE i.document_id = l.document_id)`],
  // PostgreSQL checks its own pages and references; what Dossier adds is the search vector.
  ['documents without a search vector', 'SELECT d.id FROM documents d WHERE d.search IS NULL'],
]

/**
 * What breaks the store's invariants, one line per broken invariant naming a few offenders.
 *
 * @example
 * await checkPgInvariants(pool) // ['stories whose article count differs from their members: 3 (…)']
 */
export async function checkPgInvariants(db: Queryable): Promise<string[]> {
  const findings: string[] = []
  for (const [finding, sql] of INVARIANTS) {
    const { rows } = await db.query<{ v: string }>(`SELECT v::text AS v FROM (${sql}) AS finding (v)`)
    const values = rows.map((r) => r.v)
    if (values.length === 0) continue
    findings.push(`${finding}: ${values.length} (${values.slice(0, NAMED).join(', ')}${values.length > NAMED ? ', …' : ''})`)
  }
  return findings
}
