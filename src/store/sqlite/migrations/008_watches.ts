/**
 * Saved watches and the alerts they fire (src/watches). An alert is keyed by its watch and what it
 * is about (`watch_seen`), so evaluating the same stories again fires nothing twice; a webhook's
 * delivery state lives beside its alert, so a restarted process neither loses nor repeats one.
 */
export const WATCHES_SQL = `
-- One row per saved watch. json is the Watch (target, outlet threshold, webhook URL); the webhook
-- secret is kept apart so no listing returns it.
CREATE TABLE watches (
  id         TEXT PRIMARY KEY NOT NULL,
  seq        INTEGER NOT NULL,
  json       TEXT NOT NULL,
  secret     TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Everything a watch has already seen, by key ("story:st-…", "conflict:st-…:…"): what was there
-- when the watch was saved (its baseline, no alert) and every alert it fired.
CREATE TABLE watch_seen (
  watch_id TEXT NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
  key      TEXT NOT NULL,
  PRIMARY KEY (watch_id, key)
) WITHOUT ROWID;

-- Alerts in the order they fired: seq pages \`dossier alerts --follow\`, the feeds and the web app.
CREATE TABLE alerts (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  id         TEXT NOT NULL UNIQUE,
  watch_id   TEXT NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL,
  story_id   TEXT,
  created_at TEXT NOT NULL,
  json       TEXT NOT NULL
);
CREATE INDEX alerts_by_watch ON alerts (watch_id, seq);

-- One webhook delivery per alert of a watch with a webhook: pending until the receiver answers
-- 2xx (delivered) or the attempts run out (failed, with the last error kept).
CREATE TABLE alert_deliveries (
  alert_id     TEXT PRIMARY KEY NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  url          TEXT NOT NULL,
  state        TEXT NOT NULL,
  attempts     INTEGER NOT NULL,
  next_at      TEXT NOT NULL,
  lease_until  TEXT,
  last_error   TEXT,
  delivered_at TEXT
);
CREATE INDEX alert_deliveries_due ON alert_deliveries (state, next_at);

-- Where evaluation stopped: the updated_at of the last story it read (stories at or after it are read again).
CREATE TABLE watch_cursor (
  name  TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);

-- "Stories written since the last evaluation" is an index read.
CREATE INDEX stories_by_updated_at ON stories (updated_at);
`
