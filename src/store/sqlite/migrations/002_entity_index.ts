/**
 * The entity index: one row per entity per document that mentions it, so "who appears most" and
 * "which articles mention X" are index reads, not a parse of every entities layer. The store
 * rewrites a document's rows whenever its entities layer is saved or replaced.
 *
 * Documents stored before this migration with an entities layer are indexed here, from the JSON.
 */
export const ENTITY_INDEX_SQL = `
CREATE TABLE entity_index (
  entity_id   TEXT NOT NULL,
  type        TEXT NOT NULL,
  name        TEXT NOT NULL,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  mentions    INTEGER NOT NULL,
  PRIMARY KEY (entity_id, document_id)
) WITHOUT ROWID;
CREATE INDEX entity_index_by_document ON entity_index (document_id);
CREATE INDEX entity_index_by_type ON entity_index (type, entity_id);

INSERT OR IGNORE INTO entity_index (entity_id, type, name, document_id, mentions)
SELECT json_extract(e.value, '$.id'), json_extract(e.value, '$.type'), json_extract(e.value, '$.name'), l.document_id,
  (SELECT count(*) FROM json_each(l.json, '$.mentions') m WHERE json_extract(m.value, '$.entity') = json_extract(e.value, '$.id'))
FROM document_layers l, json_each(l.json, '$.entities') e
WHERE l.name = 'entities';
`
