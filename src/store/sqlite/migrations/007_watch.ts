/**
 * What `dossier watch` keeps (issue 12): the sources it follows with their validators, schedule and
 * failures; every item it has seen, across all sources (keyed by the item's article URL, so the
 * same article in two feeds is one row and one fetch); and per host, robots.txt and a back-off.
 * Items keep the feed's own body until they are done: the fallback when the article page fails,
 * even after a restart.
 */
export const WATCH_SQL = `
CREATE TABLE sources (
  id            INTEGER PRIMARY KEY,
  url           TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL CHECK (kind IN ('feed', 'sitemap', 'page')),
  title         TEXT,
  added_at      TEXT NOT NULL,
  etag          TEXT,
  last_modified TEXT,
  last_fetch_at TEXT,
  last_status   INTEGER,
  last_ok_at    TEXT,
  next_fetch_at TEXT NOT NULL,
  failures      INTEGER NOT NULL DEFAULT 0,
  last_error    TEXT,
  last_error_at TEXT,
  items         INTEGER NOT NULL DEFAULT 0,
  documents     INTEGER NOT NULL DEFAULT 0,
  last_new_at   TEXT
);
CREATE INDEX sources_by_next_fetch ON sources (next_fetch_at);
CREATE TABLE source_items (
  key       TEXT PRIMARY KEY,
  source    INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  link      TEXT,
  title     TEXT,
  published TEXT,
  state     TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
  attempts  INTEGER NOT NULL DEFAULT 0,
  document  TEXT,
  note      TEXT,
  seen_at   TEXT NOT NULL,
  done_at   TEXT,
  body_kind TEXT,
  body      TEXT
);
CREATE INDEX source_items_by_source ON source_items (source, seen_at);
CREATE INDEX source_items_pending ON source_items (seen_at) WHERE state = 'pending';
CREATE TABLE watch_hosts (
  host          TEXT PRIMARY KEY,
  robots        TEXT,
  robots_at     TEXT,
  blocked_until TEXT
);
`
