/**
 * The whole store as of SQLite schema 5, in PostgreSQL: blobs, documents with their layers and
 * search vector, the entity index, stories and their clustering state, and the writer lease.
 * Tables, columns and meanings are SQLite's (see `../sqlite/migrations/`); the differences:
 *
 * - Text columns that sort or compare (ids, dates, terms) use the "C" collation, so PostgreSQL
 *   orders them byte for byte as SQLite does, whatever the database's locale.
 * - Free text (input, url, title, source, markup …) may hold NUL or lone surrogates, which
 *   PostgreSQL text cannot: `postgres/text.ts` encodes such a string. JSON columns are `text`
 *   holding `JSON.stringify` output (escaped, so always storable), read back byte for byte.
 * - Full-text search is a `tsvector` column with a GIN index instead of an FTS5 table; the store
 *   builds the vector itself (`postgres/tsquery.ts`).
 * - Layers keep their insertion order in a `seq` column (SQLite's rowid).
 */
export const INITIAL_SQL = `
CREATE TABLE blobs (
  sha256     text COLLATE "C" PRIMARY KEY CHECK (length(sha256) = 64),
  bytes      bytea NOT NULL,
  input      text NOT NULL,
  media_type text,
  size       bigint NOT NULL,
  stored_at  text NOT NULL
);

CREATE TABLE documents (
  seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id          text COLLATE "C" NOT NULL UNIQUE,
  blob_sha256 text COLLATE "C" NOT NULL REFERENCES blobs (sha256),
  input       text NOT NULL,
  record      text,
  url         text,
  container   text NOT NULL,
  captured_at text,
  charset     text NOT NULL,
  hints       text NOT NULL,
  markup      text,
  source      text NOT NULL,
  messages    text NOT NULL,
  extra       text,
  title       text,
  published   text COLLATE "C",
  publisher   text,
  language    text,
  chars       integer NOT NULL,
  stored_at   text NOT NULL,
  search      tsvector NOT NULL
);
CREATE INDEX documents_by_blob ON documents (blob_sha256);
CREATE INDEX documents_by_published ON documents (published, seq);
CREATE INDEX documents_search ON documents USING gin (search);

CREATE TABLE document_layers (
  seq         bigint GENERATED ALWAYS AS IDENTITY,
  document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  name        text COLLATE "C" NOT NULL,
  json        text NOT NULL,
  PRIMARY KEY (document_id, name)
);

CREATE TABLE entity_index (
  entity_id   text COLLATE "C" NOT NULL,
  type        text COLLATE "C" NOT NULL,
  name        text NOT NULL,
  document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  mentions    integer NOT NULL,
  PRIMARY KEY (entity_id, document_id)
);
CREATE INDEX entity_index_by_document ON entity_index (document_id);
CREATE INDEX entity_index_by_type ON entity_index (type, entity_id);

CREATE TABLE stories (
  id          text COLLATE "C" PRIMARY KEY,
  seq         bigint NOT NULL,
  title       text NOT NULL,
  event_date  text COLLATE "C",
  sort_date   text COLLATE "C",
  articles    integer NOT NULL,
  outlets     integer NOT NULL,
  thread      text COLLATE "C",
  updated_at  text NOT NULL,
  window_from text COLLATE "C",
  window_to   text COLLATE "C",
  json        text NOT NULL,
  state       text NOT NULL
);
CREATE INDEX stories_by_window ON stories (window_to, window_from);
CREATE INDEX stories_by_thread ON stories (thread);
CREATE INDEX stories_by_sort_date ON stories (sort_date);
CREATE INDEX stories_by_seq ON stories (seq);

CREATE TABLE story_members (
  document_id  text COLLATE "C" PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  story_id     text COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  source       text COLLATE "C" NOT NULL,
  duplicate_of text COLLATE "C"
);
CREATE INDEX story_members_by_story ON story_members (story_id);
CREATE INDEX story_members_by_source ON story_members (source, story_id);

CREATE TABLE story_checks (
  story_id text COLLATE "C" PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
  json     text NOT NULL
);

CREATE TABLE story_actors (
  entity_id text COLLATE "C" NOT NULL,
  story_id  text COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  PRIMARY KEY (entity_id, story_id)
);
CREATE INDEX story_actors_by_story ON story_actors (story_id);

CREATE TABLE threads (
  id      text COLLATE "C" PRIMARY KEY,
  stories integer NOT NULL,
  json    text NOT NULL
);

CREATE TABLE term_frequencies (
  term      text COLLATE "C" PRIMARY KEY,
  documents integer NOT NULL
);
CREATE TABLE story_counters (
  name  text COLLATE "C" PRIMARY KEY,
  value bigint NOT NULL
);

CREATE TABLE minhash_signatures (
  document_id text COLLATE "C" PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  signature   bytea NOT NULL
);
CREATE TABLE minhash_bands (
  band_key    bigint NOT NULL,
  document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  PRIMARY KEY (band_key, document_id)
);
CREATE INDEX minhash_bands_by_document ON minhash_bands (document_id);

-- Who holds the writer lease (see postgres/writer.ts): the advisory lock is the lease; this row
-- only names its holder for a writer that waits.
CREATE TABLE writer_lease (
  slot  integer PRIMARY KEY CHECK (slot = 1),
  token text NOT NULL,
  pid   integer NOT NULL,
  host  text NOT NULL,
  since text NOT NULL
);
`
