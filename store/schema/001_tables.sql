-- rasd store, schema 1: gazetteer, documents, mentions, records, events.
-- Positions (span_start, span_end, sentence_start, sentence_end) count
-- Unicode code points of documents.text, [start, end), as SQLite's substr()
-- does (substr(text, start + 1, end - start)).

PRAGMA application_id = 1380012868;  -- 'RASD': marks the file as a rasd database

-- Gazetteer, refreshed from data/gazetteer/provinces.tsv at every ingest.
CREATE TABLE regions (
  code        TEXT PRIMARY KEY,  -- ISO 3166-2:MA, MA-01 .. MA-12
  name_fr     TEXT NOT NULL,
  name_ar     TEXT NOT NULL,
  variants_fr TEXT NOT NULL DEFAULT '',  -- other spellings, '|'-separated
  variants_ar TEXT NOT NULL DEFAULT ''
);

CREATE TABLE provinces (
  code        TEXT PRIMARY KEY,  -- ISO 3166-2:MA, e.g. MA-SIK
  kind        TEXT NOT NULL,     -- province | prefecture
  region      TEXT NOT NULL REFERENCES regions(code),
  name_fr     TEXT NOT NULL,
  name_ar     TEXT NOT NULL,
  variants_fr TEXT NOT NULL DEFAULT '',  -- other spellings, '|'-separated
  variants_ar TEXT NOT NULL DEFAULT ''
);

CREATE TABLE sectors (
  code    TEXT PRIMARY KEY,  -- the fact model's sector codes
  name_fr TEXT NOT NULL,
  name_ar TEXT NOT NULL
);

INSERT INTO sectors (code, name_fr, name_ar) VALUES
  ('hairdressing', 'coiffure', 'حلاقة'),
  ('beauty', 'esthétique', 'تجميل'),
  ('sewing', 'couture', 'خياطة'),
  ('welding', 'soudure', 'تلحيم'),
  ('metalwork', 'ferronnerie', 'حدادة'),
  ('carpentry', 'menuiserie', 'نجارة'),
  ('electricity', 'électricité', 'كهرباء'),
  ('plumbing', 'plomberie', 'ترصيص'),
  ('construction', 'bâtiment', 'بناء'),
  ('auto_repair', 'mécanique automobile', 'صيانة السيارات'),
  ('transport', 'transport', 'نقل'),
  ('livestock', 'élevage', 'تربية المواشي'),
  ('agriculture', 'agriculture', 'فلاحة'),
  ('food_service', 'restauration', 'مطعمة'),
  ('food_retail', 'épicerie', 'بيع المواد الغذائية'),
  ('commerce', 'commerce', 'تجارة'),
  ('crafts', 'artisanat', 'الصناعة التقليدية'),
  ('services', 'services', 'خدمات');

-- One row per article. A document is known by its uri (the URL when the
-- reader found one, else the reader's name for it); ingesting the same uri
-- with the same content_hash again changes nothing, with another hash
-- replaces the row's content and its records in place.
CREATE TABLE documents (
  id           INTEGER PRIMARY KEY,
  uri          TEXT NOT NULL UNIQUE,
  source       TEXT NOT NULL,  -- as the reader named it: path, path#offset (WARC), path:line (JSON Lines)
  url          TEXT,
  site         TEXT,
  title        TEXT,
  lang         TEXT,
  published    TEXT,           -- YYYY-MM-DD
  fetched      TEXT,           -- YYYY-MM-DD
  kind         TEXT,           -- text, html, warc, jsonl
  content_hash TEXT NOT NULL,  -- SHA-256 of text, lowercase hex
  text         TEXT NOT NULL,  -- the main text: every span counts its code points
  original     TEXT,           -- the input as read, when the reader kept it
  -- Near-duplicate link: the first stored document of the same text (the
  -- same dispatch republished), with the estimated Jaccard similarity of
  -- their word shingles (1 for identical text). NULL for an original.
  duplicate_of INTEGER REFERENCES documents(id) ON DELETE SET NULL,
  similarity   REAL,
  minhash      BLOB,           -- shingle signature for near-duplicate search
  record_count INTEGER NOT NULL DEFAULT 0,
  ingested_at  TEXT NOT NULL
);
CREATE INDEX documents_content_hash ON documents(content_hash);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);

-- Locality-sensitive buckets of documents.minhash: documents sharing a
-- bucket are near-duplicate candidates.
CREATE TABLE document_buckets (
  bucket      INTEGER NOT NULL,
  document_id INTEGER NOT NULL,
  PRIMARY KEY (bucket, document_id)
) WITHOUT ROWID;

-- Full-text index over the folded title and text (Arabic letter variants,
-- diacritics, tatweel, Latin case and accents folded). External content:
-- the text lives once, in documents; snippet() and highlight() read it from
-- there. rasd writes the index; do not run the 'rebuild' command on it from
-- another tool, which would index the unfolded text.
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text, content='documents', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');

-- What the extractor recognised in a document, before records were built.
CREATE TABLE mentions (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,  -- number, money, date, place, count, sector, ...
  span_start  INTEGER NOT NULL,
  span_end    INTEGER NOT NULL,
  text        TEXT NOT NULL,
  value       TEXT,
  number      REAL,
  currency    TEXT,
  qualifier   TEXT,
  noun        TEXT
);
CREATE INDEX mentions_document ON mentions(document_id);

-- The records extracted from one document (the fact model).
CREATE TABLE records (
  id                      INTEGER PRIMARY KEY,
  document_id             INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal                 INTEGER NOT NULL,  -- 0-based position among the document's records
  scope                   TEXT NOT NULL CHECK (scope IN ('event', 'aggregate')),
  province                TEXT REFERENCES provinces(code),
  region                  TEXT REFERENCES regions(code),
  date                    TEXT,  -- YYYY-MM-DD, YYYY-MM or YYYY
  period_start            TEXT,
  beneficiaries           INTEGER,
  beneficiaries_qualifier TEXT CHECK (beneficiaries_qualifier IN ('exact', 'approx', 'over', 'under')),
  women                   INTEGER,
  projects                INTEGER,
  budget_mad              REAL,
  budget_qualifier        TEXT CHECK (budget_qualifier IN ('exact', 'approx', 'over', 'under')),
  programme               TEXT,
  UNIQUE (document_id, ordinal)
);

CREATE TABLE record_sectors (
  record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  sector    TEXT NOT NULL,
  PRIMARY KEY (record_id, sector)
) WITHOUT ROWID;

-- The evidence of each filled field of a record: the figure's span and the
-- sentence around it, with both texts.
CREATE TABLE evidence (
  record_id      INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
  field          TEXT NOT NULL,  -- 'beneficiaries', 'budget_mad', 'sectors/sewing', ...
  span_start     INTEGER NOT NULL,
  span_end       INTEGER NOT NULL,
  text           TEXT NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end   INTEGER NOT NULL,
  sentence       TEXT NOT NULL,
  PRIMARY KEY (record_id, field)
) WITHOUT ROWID;

-- Events: records of different documents that describe the same occasion
-- (same scope and province, compatible dates and figures), merged. Each
-- record belongs to exactly one event. The figures are the consolidated
-- values; where sources disagree, has_conflict is 1 and event_conflicts
-- names the fields (each source's value is in the records).
CREATE TABLE events (
  id                      INTEGER PRIMARY KEY,
  scope                   TEXT NOT NULL CHECK (scope IN ('event', 'aggregate')),
  province                TEXT REFERENCES provinces(code),
  region                  TEXT REFERENCES regions(code),
  date                    TEXT,  -- the most precise date a source gives
  date_lo                 TEXT,  -- first day the date allows, YYYY-MM-DD
  date_hi                 TEXT,  -- last day the date allows
  period_start            TEXT,
  beneficiaries           INTEGER,
  beneficiaries_qualifier TEXT,
  women                   INTEGER,
  projects                INTEGER,
  budget_mad              REAL,
  budget_qualifier        TEXT,
  sectors                 TEXT NOT NULL DEFAULT '',  -- sector codes, ','-separated, sorted
  programme               TEXT,
  source_count            INTEGER NOT NULL,  -- documents
  independent_sources     INTEGER NOT NULL,  -- documents that are not near-duplicates of each other
  has_conflict            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_province_date ON events(province, date_lo);

CREATE TABLE event_records (
  record_id INTEGER PRIMARY KEY REFERENCES records(id) ON DELETE CASCADE,
  event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE
);
CREATE INDEX event_records_event ON event_records(event_id);

CREATE TABLE event_conflicts (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  field    TEXT NOT NULL,  -- beneficiaries, women, projects, budget_mad
  PRIMARY KEY (event_id, field)
) WITHOUT ROWID;
