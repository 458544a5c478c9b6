/**
 * Stories, their members, checks and threads, and the state that lets story placement run
 * incrementally: term document frequencies, MinHash signatures with their LSH band keys (so a
 * near-duplicate lookup is an index read), and each story's clustering state.
 */
export const STORIES_SQL = `
-- One row per story. json is the Story without its thread (the thread column is authoritative);
-- state is its clustering state (centroid, entity counts, quote fingerprints). window_from and
-- window_to bound the days its members' dates may stand for (NULL when none is dated).
CREATE TABLE stories (
  id          TEXT PRIMARY KEY NOT NULL,
  seq         INTEGER NOT NULL,
  title       TEXT NOT NULL,
  event_date  TEXT,
  sort_date   TEXT,
  articles    INTEGER NOT NULL,
  outlets     INTEGER NOT NULL,
  thread      TEXT,
  updated_at  TEXT NOT NULL,
  window_from TEXT,
  window_to   TEXT,
  json        TEXT NOT NULL,
  state       TEXT NOT NULL
);
CREATE INDEX stories_by_window ON stories (window_to, window_from);
CREATE INDEX stories_by_thread ON stories (thread);
CREATE INDEX stories_by_sort_date ON stories (sort_date);

CREATE TABLE story_members (
  document_id  TEXT PRIMARY KEY NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  story_id     TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  source       TEXT NOT NULL,
  duplicate_of TEXT
);
CREATE INDEX story_members_by_story ON story_members (story_id);
CREATE INDEX story_members_by_source ON story_members (source, story_id);

CREATE TABLE story_checks (
  story_id TEXT PRIMARY KEY NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  json     TEXT NOT NULL
);

-- A story's top actors, so "stories sharing an actor" (thread candidates) is an index read.
CREATE TABLE story_actors (
  entity_id TEXT NOT NULL,
  story_id  TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  PRIMARY KEY (entity_id, story_id)
) WITHOUT ROWID;
CREATE INDEX story_actors_by_story ON story_actors (story_id);

CREATE TABLE threads (
  id      TEXT PRIMARY KEY NOT NULL,
  stories INTEGER NOT NULL,
  json    TEXT NOT NULL
);

-- Documents each term occurs in, over every clustered document; story_counters.documents counts them.
CREATE TABLE term_frequencies (
  term      TEXT PRIMARY KEY NOT NULL,
  documents INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE story_counters (
  name  TEXT PRIMARY KEY NOT NULL,
  value INTEGER NOT NULL
);

-- MinHash signature of each placed document, and one row per LSH band (key = band * 2^32 + bucket).
CREATE TABLE minhash_signatures (
  document_id TEXT PRIMARY KEY NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  signature   BLOB NOT NULL
);
CREATE TABLE minhash_bands (
  band_key    INTEGER NOT NULL,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  PRIMARY KEY (band_key, document_id)
) WITHOUT ROWID;
CREATE INDEX minhash_bands_by_document ON minhash_bands (document_id);
`
