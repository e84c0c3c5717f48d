-- What each ingested input gave. The store keeps the documents its users
-- query (those with records or a programme mention, with evidence and full
-- text); of every other page read from a crawl only these counts remain.
CREATE TABLE inputs (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,                           -- the path given to rasd ingest
  ingested_at TEXT NOT NULL,                    -- UTC, ISO 8601
  read INTEGER NOT NULL DEFAULT 0,              -- documents the readers produced
  skipped_by_prefilter INTEGER NOT NULL DEFAULT 0,  -- pages with no programme cue, skipped before parsing
  not_kept INTEGER NOT NULL DEFAULT 0,          -- extracted, not about the programme: counted only
  failed INTEGER NOT NULL DEFAULT 0,            -- unreadable or not stored
  stored INTEGER NOT NULL DEFAULT 0,            -- stored or replaced
  seconds REAL NOT NULL DEFAULT 0               -- time spent reading the input
);
CREATE INDEX inputs_name ON inputs(name);
