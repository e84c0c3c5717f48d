// The read side: the queries behind rasd events, coverage, conflicts, show,
// search and export. Every user-supplied value is a bound parameter; the
// only SQL assembled in code joins constant fragments.
#include <algorithm>
#include <filesystem>

#include "store/fingerprint.h"
#include "store/search_query.h"
#include "store/store_impl.h"

namespace rasd::store {
namespace {

Value ColumnValue(const sql::Stmt& st, int col) {
  switch (st.ColumnType(col)) {
    case SQLITE_INTEGER: return st.Int(col);
    case SQLITE_FLOAT: return st.Double(col);
    case SQLITE_NULL: return std::monostate{};
    default: return st.Text(col);
  }
}

Result<Table> ReadTable(sql::Stmt& st, const std::string& doing) {
  Table t;
  for (int c = 0; c < st.ColumnCount(); ++c) t.columns.push_back(st.ColumnName(c));
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    std::vector<Value> row;
    row.reserve(t.columns.size());
    for (int c = 0; c < st.ColumnCount(); ++c) row.push_back(ColumnValue(st, c));
    t.rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) return sql::Error(st.db(), doing);
  st.Reset();
  return t;
}

Result<std::vector<Fields>> ReadFields(sql::Stmt& st, const std::string& doing) {
  auto t = ReadTable(st, doing);
  if (!t.ok()) return t.status();
  std::vector<Fields> out;
  for (auto& row : t->rows) {
    Fields f;
    for (size_t c = 0; c < row.size(); ++c) f.emplace_back(t->columns[c], std::move(row[c]));
    out.push_back(std::move(f));
  }
  return out;
}

// The rows of a query on one id (?1), as field lists.
Result<std::vector<Fields>> FieldsById(StoreImpl* impl, std::string_view query, int64_t id, const std::string& doing) {
  auto st = impl->Prepare(query);
  if (!st.ok()) return st.status();
  st->Bind(1, id);
  return ReadFields(*st, doing);
}

// The event filter as constant SQL over bound parameters ?1 .. ?7; a NULL
// parameter means no filter.
constexpr const char* kEventFilterSql =
    " (?1 IS NULL OR e.province = ?1) AND (?2 IS NULL OR e.region = ?2)"
    " AND (?3 IS NULL OR e.date_hi >= ?3) AND (?4 IS NULL OR e.date_lo <= ?4)"
    " AND (?5 IS NULL OR e.scope = ?5) AND (?6 IS NULL OR e.beneficiaries >= ?6)"
    " AND (?7 IS NULL OR EXISTS (SELECT 1 FROM event_records er JOIN record_sectors rs"
    " ON rs.record_id = er.record_id WHERE er.event_id = e.id AND rs.sector = ?7)) ";

struct ResolvedFilter {
  std::string province, region, from, to, sector, scope;
  std::optional<int64_t> min_beneficiaries;
};

void BindFilter(sql::Stmt& st, const ResolvedFilter& f) {
  st.BindTextOrNull(1, f.province).BindTextOrNull(2, f.region).BindTextOrNull(3, f.from);
  st.BindTextOrNull(4, f.to).BindTextOrNull(5, f.scope).Bind(6, f.min_beneficiaries).BindTextOrNull(7, f.sector);
}

constexpr const char* kEventColumns =
    "SELECT e.id AS event_id, e.scope, e.date, e.province, p.name_fr AS province_fr, p.name_ar AS province_ar, "
    "e.region, g.name_fr AS region_fr, g.name_ar AS region_ar, e.period_start, e.beneficiaries, "
    "e.beneficiaries_qualifier, e.women, e.projects, e.budget_mad, e.budget_qualifier, e.sectors, e.programme, "
    "e.source_count AS sources, e.independent_sources, e.has_conflict "
    "FROM events e LEFT JOIN provinces p ON p.code = e.province LEFT JOIN regions g ON g.code = e.region ";

// Event ids follow the writer's batches, which close on time as well as
// size; ties in the listing are broken by the event's first source and
// record so that the same inputs list in the same order on any run.
constexpr const char* kEventFirstSourceSql =
    "(SELECT MIN(d.source || char(31) || printf('%09d', r.ordinal)) FROM event_records er "
    "JOIN records r ON r.id = er.record_id JOIN documents d ON d.id = r.document_id "
    "WHERE er.event_id = e.id)";

// Figures with their evidence, for the records chosen by `records_sql`
// (a constant fragment selecting record ids from parameter ?1).
std::string FiguresSql(const char* records_sql) {
  std::string ids = std::string("(") + records_sql + ")";
  return "SELECT x.record_id, x.document_id, x.field, x.value, x.qualifier, ev.text, ev.sentence, "
         "ev.span_start - ev.sentence_start, ev.span_end - ev.sentence_start, "
         "(SELECT COALESCE(d.url, d.source) FROM documents d WHERE d.id = x.document_id) "
         "FROM (SELECT record_id, document_id, field, value, qualifier FROM record_figures WHERE record_id IN " +
         ids +
         " UNION ALL SELECT ev.record_id, r.document_id, ev.field, CASE ev.field WHEN 'date' THEN r.date "
         "WHEN 'period_start' THEN r.period_start WHEN 'province' THEN r.province WHEN 'region' THEN r.region "
         "WHEN 'programme' THEN r.programme WHEN 'scope' THEN r.scope ELSE substr(ev.field, 9) END, NULL "
         "FROM evidence ev JOIN records r ON r.id = ev.record_id WHERE ev.record_id IN " +
         ids +
         " AND ev.field NOT IN ('beneficiaries', 'women', 'projects', 'budget_mad')) x "
         "LEFT JOIN evidence ev ON ev.record_id = x.record_id AND ev.field = x.field "
         "ORDER BY CASE x.field WHEN 'province' THEN 0 WHEN 'region' THEN 1 WHEN 'date' THEN 2 "
         "WHEN 'period_start' THEN 3 WHEN 'beneficiaries' THEN 4 WHEN 'women' THEN 5 WHEN 'projects' THEN 6 "
         "WHEN 'budget_mad' THEN 7 WHEN 'programme' THEN 8 ELSE 9 END, x.field, x.document_id, x.record_id";
}

Result<std::vector<FigureEvidence>> ReadFigures(StoreImpl* impl, const char* records_sql, int64_t id,
                                                const std::vector<std::string>& conflicts) {
  auto st = impl->Prepare(FiguresSql(records_sql));
  if (!st.ok()) return st.status();
  st->Bind(1, id);
  std::vector<FigureEvidence> out;
  int rc;
  while ((rc = st->Step()) == SQLITE_ROW) {
    FigureEvidence f;
    f.record_id = st->Int(0);
    f.document_id = st->Int(1);
    f.field = st->Text(2);
    f.value = ColumnValue(*st, 3);
    f.qualifier = st->Text(4);
    f.evidence = st->Text(5);
    f.sentence = st->Text(6);
    f.mark_begin = st->Int(7);
    f.mark_end = st->Int(8);
    f.source = st->Text(9);
    f.in_conflict = std::find(conflicts.begin(), conflicts.end(), f.field) != conflicts.end();
    out.push_back(std::move(f));
  }
  if (rc != SQLITE_DONE) return sql::Error(impl->db, "reading evidence");
  return out;
}

bool AllDigits(const std::string& s) {
  return !s.empty() && s.size() < 19 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

// ---- filters ----

static Result<ResolvedFilter> Resolve(Store* store, StoreImpl* impl, const EventFilter& in) {
  ResolvedFilter f;
  if (!in.province.empty()) {
    auto code = store->ResolveProvince(in.province);
    if (!code.ok()) return code.status();
    f.province = *code;
  }
  if (!in.region.empty()) {
    auto code = store->ResolveRegion(in.region);
    if (!code.ok()) return code.status();
    f.region = *code;
  }
  if (!in.from.empty()) {
    auto r = DateRange(in.from);
    if (!r) return Status::InvalidArgument("--from " + QuoteForMessage(in.from) + " is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    f.from = DayToIso(r->lo);
  }
  if (!in.to.empty()) {
    auto r = DateRange(in.to);
    if (!r) return Status::InvalidArgument("--to " + QuoteForMessage(in.to) + " is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    f.to = DayToIso(r->hi);
  }
  if (!in.scope.empty()) {
    if (in.scope != "event" && in.scope != "aggregate") {
      return Status::InvalidArgument("--scope " + QuoteForMessage(in.scope) + " is neither event nor aggregate");
    }
    f.scope = in.scope;
  }
  if (!in.sector.empty()) {
    auto st = impl->Prepare("SELECT code FROM sectors WHERE code = ?1 OR name_fr = ?1 OR name_ar = ?1");
    if (!st.ok()) return st.status();
    st->Bind(1, in.sector);
    if (st->Step() != SQLITE_ROW) {
      return Status::NotFound("unknown sector " + QuoteForMessage(in.sector) + " (see the sectors table: hairdressing, sewing, ...)");
    }
    f.sector = st->Text(0);
  }
  f.min_beneficiaries = in.min_beneficiaries;
  return f;
}

Result<Table> Store::Events(const EventFilter& filter) {
  return impl_->InSnapshot([&]() -> Result<Table> {
    auto f = Resolve(this, impl_.get(), filter);
    if (!f.ok()) return f.status();
    auto st = impl_->Prepare(std::string(kEventColumns) + "WHERE" + kEventFilterSql +
                             "ORDER BY e.date_lo IS NULL, e.date_lo, e.province, " + kEventFirstSourceSql + ", e.id");
    if (!st.ok()) return st.status();
    BindFilter(*st, *f);
    return ReadTable(*st, "listing events");
  });
}

Result<CoverageReport> Store::Coverage(CoverageBy by) {
  return impl_->InSnapshot([&]() -> Result<CoverageReport> {
    CoverageReport report;
    std::string period;
    if (by == CoverageBy::kYear) {
      period = "COALESCE(substr(e.date, 1, 4), 'unknown')";
    } else if (by == CoverageBy::kMonth) {
      period = "COALESCE(substr(e.date, 1, 7), 'unknown')";
    }
    std::string sql =
        "SELECT p.code AS province, p.name_fr AS province_fr, p.name_ar AS province_ar, p.region, " +
        (period.empty() ? std::string() : period + " AS period, ") +
        "COUNT(*) AS events, COALESCE(SUM(e.beneficiaries), 0) AS beneficiaries, "
        "COALESCE(SUM(e.women), 0) AS women, COALESCE(SUM(e.projects), 0) AS projects, "
        "COALESCE(SUM(e.budget_mad), 0) AS budget_mad, MIN(e.date) AS first_event, MAX(e.date) AS last_event "
        "FROM events e JOIN provinces p ON p.code = e.province WHERE e.scope = 'event' GROUP BY p.code" +
        (period.empty() ? std::string() : ", " + period) + " ORDER BY p.code" +
        (period.empty() ? std::string() : ", " + period);
    auto st = impl_->Prepare(sql);
    if (!st.ok()) return st.status();
    auto rows = ReadTable(*st, "computing coverage");
    if (!rows.ok()) return rows.status();
    report.rows = std::move(*rows);
    auto none = impl_->Prepare(
        "SELECT p.code AS province, p.name_fr AS province_fr, p.name_ar AS province_ar, p.region "
        "FROM provinces p WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.province = p.code "
        "AND e.scope = 'event') ORDER BY p.code");
    if (!none.ok()) return none.status();
    auto missing = ReadFields(*none, "listing provinces without events");
    if (!missing.ok()) return missing.status();
    report.provinces_without_events = std::move(*missing);
    return report;
  });
}

Result<Table> Store::RecordEvents() {
  return impl_->InSnapshot([&]() -> Result<Table> {
    auto st = impl_->Prepare(
        "SELECT d.source, r.ordinal, er.event_id, r.scope, r.province, r.region, r.date, r.period_start, "
        "r.beneficiaries, r.beneficiaries_qualifier, r.women, r.projects, r.budget_mad, r.budget_qualifier, "
        "r.programme FROM records r JOIN documents d ON d.id = r.document_id "
        "LEFT JOIN event_records er ON er.record_id = r.id ORDER BY d.source, r.ordinal");
    if (!st.ok()) return st.status();
    return ReadTable(*st, "listing records");
  });
}

Result<Table> Store::SourceFigures() {
  return impl_->InSnapshot([&]() -> Result<Table> {
    auto st = impl_->Prepare(
        "SELECT f.field, f.value, COALESCE(f.qualifier, 'exact') AS qualifier, r.id AS record_id, r.scope, "
        "COALESCE(r.province, '') AS province, COALESCE(r.region, p.region, '') AS region, "
        "COALESCE(r.date, d.published, '') AS date, COALESCE(er.event_id, 0) AS event_id, d.source_kind, "
        "COALESCE(d.url, d.source) AS source, COALESCE(ev.sentence, '') AS sentence, ev.page "
        "FROM record_figures f JOIN records r ON r.id = f.record_id JOIN documents d ON d.id = f.document_id "
        "LEFT JOIN provinces p ON p.code = r.province "
        "LEFT JOIN event_records er ON er.record_id = r.id "
        "LEFT JOIN evidence ev ON ev.record_id = r.id AND ev.field = f.field "
        "ORDER BY r.id, f.field");
    if (!st.ok()) return st.status();
    return ReadTable(*st, "reading the figures of every source");
  });
}

Result<Table> Store::Conflicts(const EventFilter& filter, const std::string& only_class) {
  return impl_->InSnapshot([&]() -> Result<Table> {
    auto f = Resolve(this, impl_.get(), filter);
    if (!f.ok()) return f.status();
    auto st = impl_->Prepare(
        std::string("SELECT c.event_id, c.province, c.province_fr, c.province_ar, c.date, c.field, c.class, "
                    "c.value, c.qualifier, c.document_id, c.source, c.site, c.evidence, c.sentence FROM conflicts c "
                    "WHERE (?8 IS NULL OR c.class = ?8) AND c.event_id IN (SELECT e.id FROM events e WHERE") +
        kEventFilterSql + ") ORDER BY c.event_id, c.field, c.document_id, c.record_id");
    if (!st.ok()) return st.status();
    BindFilter(*st, *f);
    st->BindTextOrNull(8, only_class);
    return ReadTable(*st, "listing conflicts");
  });
}

static Result<EventDetail> EventDetailOf(StoreImpl* impl, int64_t event_id) {
  EventDetail d;
  auto rows = FieldsById(impl, std::string(kEventColumns) + "WHERE e.id = ?1", event_id, "reading an event");
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status::NotFound("no event " + std::to_string(event_id));
  d.event = std::move(rows->front());
  auto conflicts = impl->Prepare("SELECT field, class FROM event_conflicts WHERE event_id = ?1 ORDER BY field");
  if (!conflicts.ok()) return conflicts.status();
  conflicts->Bind(1, event_id);
  while (conflicts->Step() == SQLITE_ROW) {
    (conflicts->Text(1) == "contradiction" ? d.conflicts : d.compatible).push_back(conflicts->Text(0));
  }
  auto src = FieldsById(impl, "SELECT DISTINCT d.id AS document_id, COALESCE(d.url, d.source) AS source, d.uri, d.site, d.title, d.published, d.duplicate_of, d.similarity "
      "FROM event_records er JOIN records r ON r.id = er.record_id JOIN documents d ON d.id = r.document_id "
      "WHERE er.event_id = ?1 ORDER BY d.id", event_id, "reading an event's sources");
  if (!src.ok()) return src.status();
  d.sources = std::move(*src);
  auto figures = ReadFigures(impl, "SELECT record_id FROM event_records WHERE event_id = ?1", event_id, d.conflicts);
  if (!figures.ok()) return figures.status();
  d.figures = std::move(*figures);
  return d;
}

Result<EventDetail> Store::ShowEvent(int64_t event_id) {
  return impl_->InSnapshot([&]() { return EventDetailOf(impl_.get(), event_id); });
}

Result<DocumentDetail> Store::ShowDocument(const std::string& key) {
  return impl_->InSnapshot([&]() -> Result<DocumentDetail> {
    int64_t id = 0;
    auto find = impl_->Prepare("SELECT id FROM documents WHERE uri = ?1 OR source = ?1 ORDER BY id LIMIT 1");
    if (!find.ok()) return find.status();
    std::vector<std::string> keys = {key};
    std::error_code ec;
    if (key.size() < 4096) {
      auto abs = std::filesystem::absolute(key, ec).lexically_normal();
      if (!ec) keys.push_back(abs.string());
    }
    for (const auto& k : keys) {
      find->Bind(1, k);
      if (find->Step() == SQLITE_ROW) id = find->Int(0);
      find->Reset();
      if (id) break;
    }
    if (!id && AllDigits(key)) id = std::stoll(key);
    DocumentDetail d;
    auto rows = FieldsById(impl_.get(), "SELECT id AS document_id, uri, source, url, site, title, lang, published, fetched, kind, content_hash, "
        "length(text) AS characters, duplicate_of, similarity, record_count, ingested_at "
        "FROM documents WHERE id = ?1", id, "reading a document");
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status::NotFound("no document " + QuoteForMessage(key) + " (give its id, uri or source)");
    d.document = std::move(rows->front());
    auto recs = FieldsById(impl_.get(), "SELECT record_id, event_id, scope, province, province_fr, province_ar, region, date, period_start, "
        "beneficiaries, beneficiaries_qualifier, women, projects, budget_mad, budget_qualifier, programme "
        "FROM record_list WHERE document_id = ?1 ORDER BY record_id", id, "reading a document's records");
    if (!recs.ok()) return recs.status();
    d.records = std::move(*recs);
    auto figures = ReadFigures(impl_.get(), "SELECT id FROM records WHERE document_id = ?1", id, {});
    if (!figures.ok()) return figures.status();
    d.figures = std::move(*figures);
    auto dup_rows = FieldsById(impl_.get(), "SELECT id AS document_id, uri, title, similarity, 'duplicate' AS relation FROM documents "
        "WHERE duplicate_of = ?1 UNION ALL SELECT o.id, o.uri, o.title, d.similarity, 'original' "
        "FROM documents d JOIN documents o ON o.id = d.duplicate_of WHERE d.id = ?1 ORDER BY 1", id, "reading near-duplicates");
    if (!dup_rows.ok()) return dup_rows.status();
    d.duplicates = std::move(*dup_rows);
    return d;
  });
}

Result<Table> Store::Search(const std::string& query, int limit, const std::vector<Clitics>& clitics) {
  std::string match = FtsMatchExpression(query, clitics);
  if (match.empty()) return Status::InvalidArgument("nothing to search for in " + QuoteForMessage(query));
  return impl_->InSnapshot([&]() -> Result<Table> {
    auto st = impl_->Prepare(
        "SELECT d.id AS document_id, d.published, d.site, d.title, d.uri, d.record_count AS records, "
        "snippet(documents_fts, 1, '[', ']', '...', 16) AS snippet "
        "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
        "WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?2");
    if (!st.ok()) return st.status();
    st->Bind(1, match).Bind(2, static_cast<int64_t>(limit > 0 ? limit : 20));
    return ReadTable(*st, "searching");
  });
}

Result<std::vector<EventDetail>> Store::Export(const EventFilter& filter) {
  return impl_->InSnapshot([&]() -> Result<std::vector<EventDetail>> {
    auto events = Events(filter);
    if (!events.ok()) return events.status();
    std::vector<EventDetail> out;
    for (const auto& row : events->rows) {
      auto d = EventDetailOf(impl_.get(), std::get<int64_t>(row[0]));
      if (!d.ok()) return d.status();
      out.push_back(std::move(*d));
    }
    return out;
  });
}

}  // namespace rasd::store
