import { DOSSIER_APPLICATION_ID } from './application-id.js'

/** Blobs, documents, their layers, and the full-text index. */
export const INITIAL_SQL = `
PRAGMA application_id = ${DOSSIER_APPLICATION_ID};

-- Raw bytes of every input, verbatim, addressed by their SHA-256 (lowercase hex).
CREATE TABLE blobs (
  sha256     TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
  bytes      BLOB NOT NULL,
  input      TEXT NOT NULL,
  media_type TEXT,
  size       INTEGER NOT NULL,
  stored_at  TEXT NOT NULL
);

-- One row per document. seq is the rowid: the order documents were stored in, and the rowid of
-- their full-text row. The summary columns (title .. chars) are derived at save time from the
-- layers so that listing never parses JSON. JSON columns: charset, hints, messages, extra.
CREATE TABLE documents (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  blob_sha256 TEXT NOT NULL REFERENCES blobs (sha256),
  input       TEXT NOT NULL,
  record      TEXT,
  url         TEXT,
  container   TEXT NOT NULL,
  captured_at TEXT,
  charset     TEXT NOT NULL,
  hints       TEXT NOT NULL,
  markup      TEXT,
  source      TEXT NOT NULL,
  messages    TEXT NOT NULL,
  extra       TEXT,
  title       TEXT,
  published   TEXT,
  publisher   TEXT,
  language    TEXT,
  chars       INTEGER NOT NULL,
  stored_at   TEXT NOT NULL
);
CREATE INDEX documents_by_blob ON documents (blob_sha256);
CREATE INDEX documents_by_published ON documents (published, seq);

-- One row per layer rather than one JSON column per document: a later stage (sentences, quotes,
-- stories) adds its layer to a stored document without rewriting the others, a reader loads only
-- the layers it needs, and a new layer needs no migration.
CREATE TABLE document_layers (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  json        TEXT NOT NULL,
  PRIMARY KEY (document_id, name)
);

-- Full-text index over title and clean text. Contentless: the clean text is not a column (it is
-- rendered from source + the clean layer), so storing it again would double the text on disk.
-- Rows are written by the store on save; the trigger keeps the index in step on delete.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
  title, body,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  DELETE FROM documents_fts WHERE rowid = OLD.seq;
END;
`
