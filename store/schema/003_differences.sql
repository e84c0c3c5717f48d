-- rasd store, schema 3: every difference between the sources of an event is
-- kept and classed. A contradiction (10 and 11 beneficiaries) or a
-- compatible difference (a bound, an estimate or a rounding and the value it
-- allows); events.has_conflict is 1 when an event's sources contradict each
-- other. Rows written by schema 2 were all disagreements.
ALTER TABLE event_conflicts ADD COLUMN class TEXT NOT NULL DEFAULT 'contradiction'
  CHECK (class IN ('contradiction', 'compatible'));

-- Every value of every figure on which an event's sources differ, with the
-- class of the difference, the source (its URL, else the reader's name for
-- it) and the sentence it came from.
DROP VIEW conflicts;
CREATE VIEW conflicts AS
SELECT c.event_id, e.province, p.name_fr AS province_fr, p.name_ar AS province_ar,
       e.date, c.field, c.class, f.value, f.qualifier, f.record_id, d.id AS document_id,
       d.uri, COALESCE(d.url, d.source) AS source, d.site, ev.text AS evidence, ev.sentence
FROM event_conflicts c
JOIN events e ON e.id = c.event_id
JOIN event_records er ON er.event_id = c.event_id
JOIN record_figures f ON f.record_id = er.record_id AND f.field = c.field
JOIN documents d ON d.id = f.document_id
LEFT JOIN evidence ev ON ev.record_id = f.record_id AND ev.field = c.field
LEFT JOIN provinces p ON p.code = e.province;
