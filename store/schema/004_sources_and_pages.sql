-- rasd store, schema 4: reports as well as news. Each document says what
-- kind of source it is (official: the Foundation, INDH, a ministry, or an
-- agency reproducing a Foundation communique; press: the rest), and how many
-- pages it has when it came as a PDF; each figure's evidence says the page
-- it is on. Documents stored before schema 4 are press, without pages.
ALTER TABLE documents ADD COLUMN source_kind TEXT NOT NULL DEFAULT 'press'
  CHECK (source_kind IN ('official', 'press'));
ALTER TABLE documents ADD COLUMN page_count INTEGER;
ALTER TABLE evidence ADD COLUMN page INTEGER;
CREATE INDEX documents_source_kind ON documents(source_kind);
