-- rasd store, schema 2: views for people who query the database directly
-- (sqlite3 or any SQLite tool). rasd's own commands use the same shapes.

-- Events with readable names.
CREATE VIEW event_list AS
SELECT e.id AS event_id, e.scope,
       e.province, p.name_fr AS province_fr, p.name_ar AS province_ar,
       e.region, g.name_fr AS region_fr, g.name_ar AS region_ar,
       e.date, e.period_start,
       e.beneficiaries, e.beneficiaries_qualifier, e.women, e.projects,
       e.budget_mad, e.budget_qualifier, e.sectors, e.programme,
       e.source_count, e.independent_sources, e.has_conflict
FROM events e
LEFT JOIN provinces p ON p.code = e.province
LEFT JOIN regions g ON g.code = e.region;

-- The documents each event was found in.
CREATE VIEW event_sources AS
SELECT er.event_id, r.id AS record_id, d.id AS document_id, d.uri, d.site,
       d.title, d.published, d.duplicate_of
FROM event_records er
JOIN records r ON r.id = er.record_id
JOIN documents d ON d.id = r.document_id;

-- Records with readable names and their document.
CREATE VIEW record_list AS
SELECT r.id AS record_id, r.document_id, d.uri, r.scope,
       r.province, p.name_fr AS province_fr, p.name_ar AS province_ar,
       r.region, r.date, r.period_start, r.beneficiaries,
       r.beneficiaries_qualifier, r.women, r.projects, r.budget_mad,
       r.budget_qualifier, r.programme, er.event_id
FROM records r
JOIN documents d ON d.id = r.document_id
LEFT JOIN provinces p ON p.code = r.province
LEFT JOIN event_records er ON er.record_id = r.id;

-- Every figure of every record, one row each.
CREATE VIEW record_figures AS
SELECT id AS record_id, document_id, 'beneficiaries' AS field, beneficiaries AS value,
       beneficiaries_qualifier AS qualifier
  FROM records WHERE beneficiaries IS NOT NULL
UNION ALL
SELECT id, document_id, 'women', women, NULL FROM records WHERE women IS NOT NULL
UNION ALL
SELECT id, document_id, 'projects', projects, NULL FROM records WHERE projects IS NOT NULL
UNION ALL
SELECT id, document_id, 'budget_mad', budget_mad, budget_qualifier
  FROM records WHERE budget_mad IS NOT NULL;

-- Every value of every figure on which an event's sources disagree, with the
-- source and the sentence it came from.
CREATE VIEW conflicts AS
SELECT c.event_id, e.province, p.name_fr AS province_fr, p.name_ar AS province_ar,
       e.date, c.field, f.value, f.qualifier, f.record_id, d.id AS document_id,
       d.uri, d.site, ev.text AS evidence, ev.sentence
FROM event_conflicts c
JOIN events e ON e.id = c.event_id
JOIN event_records er ON er.event_id = c.event_id
JOIN record_figures f ON f.record_id = er.record_id AND f.field = c.field
JOIN documents d ON d.id = f.document_id
LEFT JOIN evidence ev ON ev.record_id = f.record_id AND ev.field = c.field
LEFT JOIN provinces p ON p.code = e.province;

-- Per province: the programme events reported (aggregates are totals, kept
-- apart), their figures summed, the first and last event date. Provinces with
-- no reported event have events = 0.
CREATE VIEW coverage AS
SELECT p.code AS province, p.name_fr AS province_fr, p.name_ar AS province_ar,
       p.region,
       COUNT(e.id) AS events,
       COALESCE(SUM(e.beneficiaries), 0) AS beneficiaries,
       COALESCE(SUM(e.women), 0) AS women,
       COALESCE(SUM(e.projects), 0) AS projects,
       COALESCE(SUM(e.budget_mad), 0) AS budget_mad,
       MIN(e.date) AS first_event,
       MAX(e.date) AS last_event
FROM provinces p
LEFT JOIN events e ON e.province = p.code AND e.scope = 'event'
GROUP BY p.code;
