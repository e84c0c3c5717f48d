// rasd ingest / events / coverage / conflicts / show / search / export: the
// commands over the store. Values from the command line reach SQL only as
// bound parameters (store/queries.cc); this file parses, opens and prints.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>
#include <unicode/uchar.h>

#include "common/ordered_jobs.h"
#include "cli/commands.h"
#include "cli/table_output.h"
#include "cli/inputs.h"
#include "cli/io.h"
#include "common/data_dir.h"
#include "common/utf8.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "store/inputs.h"
#include "store/extracted.h"
#include "store/pipeline.h"
#include "store/search_query.h"
#include "store/store.h"

namespace rasd::cli {
namespace {

using store::Fields;
using store::Table;
using store::Value;

constexpr const char* kDefaultDb = "rasd.db";

// ---- values and output formats ----

bool IsNull(const Value& v) { return std::holds_alternative<std::monostate>(v); }

std::string FormatNumber(double d) {
  char buf[64];
  if (std::fabs(d - std::round(d)) < 1e-9 && std::fabs(d) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", d);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", d);
  }
  return buf;
}

std::string ToText(const Value& v) {
  if (auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v)) return FormatNumber(*d);
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  return "";
}

// 1300000 -> "1,300,000"; decimals kept.
std::string GroupThousands(const std::string& number) {
  size_t end = number.find('.');
  if (end == std::string::npos) end = number.size();
  size_t start = number[0] == '-' ? 1 : 0;
  std::string out = number.substr(0, start);
  for (size_t i = start; i < end; ++i) {
    out += number[i];
    size_t left = end - i - 1;
    if (left > 0 && left % 3 == 0) out += ',';
  }
  return out + number.substr(end);
}

nlohmann::json ToJson(const Value& v) {
  if (auto* i = std::get_if<int64_t>(&v)) return *i;
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  return nullptr;
}

nlohmann::json ToJson(const Fields& f) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : f) j[k] = ToJson(v);
  return j;
}

std::string Dump(const nlohmann::json& j, int indent = -1) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Columns a terminal shows for a string: combining marks and format
// characters take none, wide East Asian characters two.
size_t DisplayWidth(const std::string& s) {
  std::string valid;
  const std::string* text = &s;
  if (!utf8::IsValid(s)) {
    utf8::Sanitize(s, &valid);
    text = &valid;
  }
  size_t width = 0;
  for (size_t i = 0; i < text->size();) {
    UChar32 c = static_cast<UChar32>(utf8::Next(*text, &i));
    int type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR || c == 0) continue;
    int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

// Cuts a cell to `max` columns, on a character boundary.
std::string Clip(const std::string& s, size_t max) {
  if (DisplayWidth(s) <= max) return s;
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    i += utf8::SequenceLength(static_cast<unsigned char>(s[i]));
    if (i > s.size()) break;
    std::string next = out + s.substr(start, i - start);
    if (DisplayWidth(next) + 1 > max) break;
    out = std::move(next);
  }
  return out + "\xE2\x80\xA6";  // ellipsis
}

struct TableColumn {
  std::string name;    // the Table's column
  std::string header;  // what the terminal shows
  bool money = false;
};

// A terminal table: the chosen columns, padded by display width, numbers on
// the right. Arabic names come last on a line, where right-to-left text
// cannot push the other columns about.
void PrintTerminalTable(const Table& t, const std::vector<TableColumn>& columns) {
  std::vector<int> index;
  for (const auto& c : columns) {
    int found = -1;
    for (size_t i = 0; i < t.columns.size(); ++i) {
      if (t.columns[i] == c.name) found = static_cast<int>(i);
    }
    index.push_back(found);
  }
  std::vector<std::vector<std::string>> cells;
  std::vector<std::vector<bool>> numeric;
  std::vector<size_t> width(columns.size());
  for (size_t c = 0; c < columns.size(); ++c) width[c] = DisplayWidth(columns[c].header);
  for (const auto& row : t.rows) {
    std::vector<std::string> line;
    std::vector<bool> nums;
    for (size_t c = 0; c < columns.size(); ++c) {
      const Value* v = index[c] >= 0 ? &row[index[c]] : nullptr;
      std::string s = v ? ToText(*v) : "";
      bool is_number = v && (std::holds_alternative<int64_t>(*v) || std::holds_alternative<double>(*v));
      if (is_number && columns[c].money) s = GroupThousands(s);
      if (v && IsNull(*v)) s = "-";
      s = Clip(s, 48);
      width[c] = std::max(width[c], DisplayWidth(s));
      line.push_back(std::move(s));
      nums.push_back(is_number);
    }
    cells.push_back(std::move(line));
    numeric.push_back(std::move(nums));
  }
  // A column with numbers is right-aligned, its empty cells too.
  std::vector<bool> numeric_column(columns.size());
  for (const auto& nums : numeric) {
    for (size_t c = 0; c < nums.size(); ++c) numeric_column[c] = numeric_column[c] || nums[c];
  }
  auto print_line = [&](const std::vector<std::string>& line) {
    std::string out;
    for (size_t c = 0; c < line.size(); ++c) {
      size_t pad = width[c] - std::min(width[c], DisplayWidth(line[c]));
      bool last = c + 1 == line.size();
      if (numeric_column[c]) {
        out += std::string(pad, ' ') + line[c];
      } else {
        out += line[c];
        if (!last) out += std::string(pad, ' ');
      }
      if (!last) out += "  ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    std::cout << out << "\n";
  };
  std::vector<std::string> headers;
  for (const auto& c : columns) headers.push_back(c.header);
  print_line(headers);
  for (const auto& line : cells) print_line(line);
}

void PrintTable(const Table& t, const std::string& format, const std::vector<TableColumn>& terminal_columns) {
  if (format == "csv") {
    for (size_t c = 0; c < t.columns.size(); ++c) std::cout << (c ? "," : "") << CsvField(t.columns[c]);
    std::cout << "\n";
    for (const auto& row : t.rows) {
      for (size_t c = 0; c < row.size(); ++c) std::cout << (c ? "," : "") << CsvField(ToText(row[c]));
      std::cout << "\n";
    }
  } else if (format == "json" || format == "jsonl") {
    nlohmann::json all = nlohmann::json::array();
    for (const auto& row : t.rows) {
      nlohmann::json j = nlohmann::json::object();
      for (size_t c = 0; c < row.size(); ++c) j[t.columns[c]] = ToJson(row[c]);
      if (format == "jsonl") {
        std::cout << Dump(j) << "\n";
      } else {
        all.push_back(std::move(j));
      }
    }
    if (format == "json") std::cout << Dump(all, 2) << "\n";
  } else {
    PrintTerminalTable(t, terminal_columns);
  }
}

// ---- shared options ----

struct DbArgs {
  std::string db = kDefaultDb;
};

struct FilterArgs {
  store::EventFilter filter;
  int64_t min_beneficiaries = -1;
  std::string format = "table";
  std::string only;  // conflicts: contradictions | compatible | empty for both

  store::EventFilter Get() const {
    store::EventFilter f = filter;
    if (min_beneficiaries >= 0) f.min_beneficiaries = min_beneficiaries;
    return f;
  }
};

void AddDbOption(CLI::App* cmd, DbArgs* args) {
  cmd->add_option("--db", args->db, "the database file")->default_val(kDefaultDb);
}

void AddFilterOptions(CLI::App* cmd, FilterArgs* args) {
  cmd->add_option("--province", args->filter.province, "ISO code (MA-SIK) or Arabic or French name");
  cmd->add_option("--region", args->filter.region, "ISO code (MA-04) or Arabic or French name");
  cmd->add_option("--from", args->filter.from, "events that may fall on or after this date (YYYY, YYYY-MM, YYYY-MM-DD)");
  cmd->add_option("--to", args->filter.to, "events that may fall on or before this date");
  cmd->add_option("--sector", args->filter.sector, "a sector code (sewing, hairdressing, ...)");
  cmd->add_option("--scope", args->filter.scope, "event or aggregate");
  cmd->add_option("--min-beneficiaries", args->min_beneficiaries, "events with at least this many beneficiaries")
      ->check(CLI::NonNegativeNumber);
}

// Opens an existing database for queries.
std::unique_ptr<store::Store> OpenForQueries(const std::string& path, int* exit_code) {
  auto s = store::Store::Open({}, path);
  if (!s.ok()) {
    ReportError(path, s.status().message());
    *exit_code = kExitInputFailed;
    return nullptr;
  }
  return std::move(*s);
}

// A filter the store rejected is the user's argument: a usage error.
int QueryFailed(const std::string& what, const Status& s) {
  ReportError(what, s.message());
  return s.code() == Status::Code::kInvalidArgument || s.code() == Status::Code::kNotFound ? kExitUsage
                                                                                           : kExitInputFailed;
}

const std::vector<TableColumn>& EventColumns() {
  static const std::vector<TableColumn> columns = {
      {"event_id", "id"},         {"scope", "scope"},
      {"date", "date"},           {"province", "province"},
      {"province_fr", "name"},    {"beneficiaries", "people"},
      {"women", "women"},         {"projects", "projects"},
      {"budget_mad", "budget MAD", true}, {"sectors", "sectors"},
      {"sources", "sources"},     {"has_conflict", "contradiction"},
      {"province_ar", "name (ar)"}};
  return columns;
}

// ---- ingest ----

struct IngestArgs {
  std::vector<std::string> paths;
  DbArgs db;
  int threads = 0;
  size_t batch = 1000;
  bool no_mentions = false;
  bool quiet = false;
  bool records = false;  // paths are `rasd extract --for-ingest` output
  std::string lang;  // empty: auto
  ReadLimits limits;
  std::string kind;  // official | press; empty: by data/sources/
  bool no_prefilter = false;
  bool keep_unrelated = false;
};

std::string Plural(int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

int RunIngest(const IngestArgs& args, const Context& ctx) {
  if (args.records && !args.lang.empty()) {
    ReportError("--lang", "the language was chosen when the records were extracted; give it to `rasd extract`");
    return kExitUsage;
  }
  auto data_dir = FindDataDir(ctx.data_dir);
  if (!data_dir.ok()) {
    ReportError("data", data_dir.status().message());
    return kExitInputFailed;
  }
  auto opened = store::Store::Open({.create = true}, args.db.db);
  if (!opened.ok()) {
    ReportError(args.db.db, opened.status().message());
    return kExitInputFailed;
  }
  std::unique_ptr<store::Store> db = std::move(*opened);
  Status g = db->RefreshGazetteer(*data_dir);
  if (!g.ok()) {
    ReportError(args.db.db, "loading the gazetteer: " + g.message());
    return kExitInputFailed;
  }
  // Extracted shards are stored as they are: no extractor needed.
  std::unique_ptr<Extractor> extractor;
  if (!args.records) {
    auto loaded = Extractor::Load(*data_dir);
    if (!loaded.ok()) {
      ReportError("data", loaded.status().message());
      return kExitInputFailed;
    }
    extractor = std::move(*loaded);
  }
  const std::vector<std::string> paths = args.records ? args.paths : AbsolutePaths(args.paths);

  const bool show_progress = !args.quiet && isatty(STDERR_FILENO);
  auto last_print = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  auto progress = [&](const store::IngestProgress& p) {
    if (!show_progress) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_print < std::chrono::milliseconds(250)) return;
    last_print = now;
    double rate = p.seconds > 0 ? static_cast<double>(p.documents) / p.seconds : 0;
    std::fprintf(stderr, "\r\033[K%lld documents, %lld records, %.0f documents/s",
                 static_cast<long long>(p.documents), static_cast<long long>(p.records), rate);
    std::fflush(stderr);
  };
  store::PipelineOptions options;
  options.extract_threads = args.threads;
  options.batch_size = args.batch;
  options.keep_mentions = !args.no_mentions;
  options.lang = args.lang;
  options.keep_unrelated = args.keep_unrelated;
  store::IngestPipeline pipeline(db.get(), extractor.get(), options, progress);
  Status read;
  if (args.records) {
    store::ReadExtracted(
        paths,
        [&](store::DocumentInput&& d) {
          if (!args.kind.empty()) d.document.source_kind = args.kind;
          pipeline.OnExtracted(std::move(d));
        },
        [&](const std::string& where, const std::string& reason) { pipeline.OnError(where, reason); });
  } else {
    ingest::Options reading = ReaderOptions(args.limits, ctx.data_dir);
    reading.source_kind = args.kind;
    // Every document kept: none may be skipped unread.
    reading.prefilter = !args.no_prefilter && !args.keep_unrelated;
    reading.page_jobs = ThreadsOrOnePerCore(args.threads);
    // One input at a time, so the store's `inputs` table counts each apart.
    for (const std::string& p : paths) {
      pipeline.BeginInput(p);
      read = ingest::ReadPaths({p}, reading, &pipeline);
      if (!read.ok()) break;
    }
  }
  auto summary = pipeline.Finish();
  if (show_progress) std::fprintf(stderr, "\r\033[K");
  if (!read.ok()) {
    ReportError("ingest", read.message());
    return kExitUsage;
  }
  if (!summary.ok()) {
    ReportError(args.db.db, "storing stopped: " + summary.status().message());
    return kExitInputFailed;
  }
  const store::IngestSummary& s = *summary;
  Status counted = store::RecordInputs(args.db.db, s.inputs);
  if (!counted.ok()) ReportError(args.db.db, counted.message());
  double rate = s.seconds > 0 ? static_cast<double>(s.documents_read) / s.seconds : 0;
  std::ostringstream out;
  out << "rasd ingest: " << Plural(s.documents_read, "document", "documents") << " read into " << args.db.db << ": "
      << s.stored << " stored, " << s.replaced << " replaced, " << s.unchanged
      << " skipped as duplicates (already stored), " << s.failed << " failed";
  if (s.not_articles) out << ", " << s.not_articles << " not articles";
  if (s.prefiltered) out << ", " << s.prefiltered << " without a programme cue (prefilter)";
  if (s.not_kept) out << ", " << s.not_kept << " not about the programme (counted, not stored)";
  out << "; " << Plural(s.records, "record", "records") << " stored";
  if (s.near_duplicates) out << "; " << s.near_duplicates << " linked as near-duplicates";
  char timing[64];
  std::snprintf(timing, sizeof timing, "; %.1f s, %.0f documents/s", s.seconds, rate);
  out << timing << "\n";
  size_t shown = 0;
  for (const auto& [source, reason] : s.failures) {
    if (++shown > 50) {
      out << "  ... and " << (s.failures.size() - 50) << " more failures\n";
      break;
    }
    out << "  failed: " << source << ": " << reason << "\n";
  }
  std::cerr << out.str();
  return s.failed > 0 ? kExitInputFailed : kExitOk;
}

int RunInputs(const DbArgs& db) {
  auto opened = store::Store::Open({.read_only = true}, db.db);
  if (!opened.ok()) {
    ReportError(db.db, opened.status().message());
    return kExitInputFailed;
  }
  opened->reset();
  auto rows = store::ListInputs(db.db);
  if (!rows.ok()) {
    ReportError(db.db, rows.status().message());
    return kExitInputFailed;
  }
  std::printf("%-20s %10s %10s %10s %8s %8s %8s  %s\n", "ingested_at", "read", "prefilter", "not_kept", "failed",
              "stored", "seconds", "input");
  for (const auto& r : *rows) {
    const store::InputCounts& c = r.counts;
    std::printf("%-20s %10lld %10lld %10lld %8lld %8lld %8.1f  %s\n", r.ingested_at.c_str(),
                static_cast<long long>(c.read), static_cast<long long>(c.prefiltered),
                static_cast<long long>(c.not_kept), static_cast<long long>(c.failed), static_cast<long long>(c.stored),
                c.seconds, c.name.c_str());
  }
  return kExitOk;
}

// ---- events, coverage, conflicts, search ----

int RunEvents(const DbArgs& db, const FilterArgs& args) {
  int code = kExitOk;
  auto s = OpenForQueries(db.db, &code);
  if (!s) return code;
  auto t = s->Events(args.Get());
  if (!t.ok()) return QueryFailed("events", t.status());
  PrintTable(*t, args.format, EventColumns());
  return kExitOk;
}

int RunCoverage(const DbArgs& db, const std::string& by, const std::string& format) {
  int code = kExitOk;
  auto s = OpenForQueries(db.db, &code);
  if (!s) return code;
  store::CoverageBy b = by == "year" ? store::CoverageBy::kYear
                        : by == "month" ? store::CoverageBy::kMonth : store::CoverageBy::kAll;
  auto report = s->Coverage(b);
  if (!report.ok()) return QueryFailed("coverage", report.status());
  const bool periods = b != store::CoverageBy::kAll;
  if (format == "json") {
    nlohmann::json j;
    j["coverage"] = nlohmann::json::array();
    for (const auto& row : report->rows.rows) {
      nlohmann::json r = nlohmann::json::object();
      for (size_t c = 0; c < row.size(); ++c) r[report->rows.columns[c]] = ToJson(row[c]);
      j["coverage"].push_back(std::move(r));
    }
    j["provinces_without_events"] = nlohmann::json::array();
    for (const auto& f : report->provinces_without_events) j["provinces_without_events"].push_back(ToJson(f));
    std::cout << Dump(j, 2) << "\n";
    return kExitOk;
  }
  if (format == "csv" || format == "jsonl") {
    // One table: the provinces without events are rows with zero events.
    Table t = report->rows;
    for (const auto& f : report->provinces_without_events) {
      std::vector<Value> row;
      for (const auto& col : t.columns) {
        Value v = std::monostate{};
        for (const auto& [k, fv] : f) {
          if (k == col) v = fv;
        }
        if (col == "events" || col == "beneficiaries" || col == "women" || col == "projects") v = int64_t{0};
        if (col == "budget_mad") v = 0.0;
        row.push_back(std::move(v));
      }
      t.rows.push_back(std::move(row));
    }
    PrintTable(t, format, {});
    return kExitOk;
  }
  std::vector<TableColumn> columns = {{"province", "province"}, {"province_fr", "name"}};
  if (periods) columns.push_back({"period", "period"});
  for (TableColumn c : std::vector<TableColumn>{{"events", "events"}, {"beneficiaries", "people"},
                                                {"women", "women"}, {"projects", "projects"},
                                                {"budget_mad", "budget MAD", true}, {"first_event", "first"},
                                                {"last_event", "last"}, {"province_ar", "name (ar)"}}) {
    columns.push_back(c);
  }
  PrintTerminalTable(report->rows, columns);
  const auto& none = report->provinces_without_events;
  std::cout << "\nprovinces and prefectures with no reported event (" << none.size() << "):\n";
  Table t;
  t.columns = {"province", "province_fr", "region", "province_ar"};
  for (const auto& f : none) {
    std::vector<Value> row(4);
    for (const auto& [k, v] : f) {
      for (size_t c = 0; c < 4; ++c) {
        if (t.columns[c] == k) row[c] = v;
      }
    }
    t.rows.push_back(std::move(row));
  }
  PrintTerminalTable(t, {{"province", "province"}, {"province_fr", "name"}, {"region", "region"},
                         {"province_ar", "name (ar)"}});
  return kExitOk;
}

int RunConflicts(const DbArgs& db, const FilterArgs& args) {
  int code = kExitOk;
  auto s = OpenForQueries(db.db, &code);
  if (!s) return code;
  const std::string only_class = args.only == "contradictions" ? "contradiction" : args.only;
  auto t = s->Conflicts(args.Get(), only_class);
  if (!t.ok()) return QueryFailed("conflicts", t.status());
  if (args.format != "table") {
    PrintTable(*t, args.format, {});
    return kExitOk;
  }
  if (t->rows.empty()) {
    std::cout << (args.only.empty() ? "no figure that sources give differently\n"
                                     : "no difference of that class between sources\n");
    return kExitOk;
  }
  auto col = [&](const char* name) {
    for (size_t i = 0; i < t->columns.size(); ++i) {
      if (t->columns[i] == name) return i;
    }
    return size_t{0};
  };
  std::string last_key;
  for (const auto& row : t->rows) {
    std::string key = ToText(row[col("event_id")]) + "/" + ToText(row[col("field")]);
    if (key != last_key) {
      std::cout << (last_key.empty() ? "" : "\n") << "event " << ToText(row[col("event_id")]) << "  "
                << ToText(row[col("province")]) << " " << ToText(row[col("province_fr")]) << "  "
                << (IsNull(row[col("date")]) ? "date unknown" : ToText(row[col("date")])) << "  "
                << ToText(row[col("field")]) << "  " << ToText(row[col("class")]) << ":\n";
      last_key = key;
    }
    std::string qualifier = ToText(row[col("qualifier")]);
    std::cout << "  " << ToText(row[col("value")]) << (qualifier.empty() || qualifier == "exact" ? "" : " (" + qualifier + ")")
              << "  " << ToText(row[col("source")]) << "\n";
    std::string sentence = ToText(row[col("sentence")]);
    if (!sentence.empty()) std::cout << "    " << sentence << "\n";
  }
  return kExitOk;
}

int RunSearch(const DbArgs& db, const std::vector<std::string>& words, int limit, const std::string& format,
              const Context& ctx) {
  auto data_dir = FindDataDir(ctx.data_dir);
  if (!data_dir.ok()) {
    ReportError("data", data_dir.status().message());
    return kExitInputFailed;
  }
  auto clitics = store::LoadSearchClitics(*data_dir);
  if (!clitics.ok()) {
    ReportError("data", clitics.status().message());
    return kExitInputFailed;
  }
  int code = kExitOk;
  auto s = OpenForQueries(db.db, &code);
  if (!s) return code;
  std::string query;
  for (const auto& w : words) query += (query.empty() ? "" : " ") + w;
  auto t = s->Search(query, limit, *clitics);
  if (!t.ok()) return QueryFailed("search", t.status());
  if (format != "table") {
    PrintTable(*t, format, {});
    return kExitOk;
  }
  for (const auto& row : t->rows) {
    std::cout << "document " << ToText(row[0]) << "  " << (IsNull(row[1]) ? "" : ToText(row[1]) + "  ")
              << ToText(row[4]) << "  (" << ToText(row[5]) << " records)\n";
    if (!IsNull(row[3])) std::cout << "  " << ToText(row[3]) << "\n";
    std::string snippet = ToText(row[6]);
    for (char& c : snippet) {
      if (c == '\n') c = ' ';
    }
    std::cout << "  " << snippet << "\n\n";
  }
  if (t->rows.empty()) std::cout << "no document matches\n";
  return kExitOk;
}

// ---- show and export ----

// The sentence with the figure between brackets.
std::string MarkedSentence(const store::FigureEvidence& f) {
  int64_t n = static_cast<int64_t>(utf8::IsValid(f.sentence) ? utf8::CountCodePoints(f.sentence) : 0);
  if (n == 0 || f.mark_begin < 0 || f.mark_end > n || f.mark_begin >= f.mark_end) return f.sentence;
  return std::string(utf8::SliceCodePoints(f.sentence, 0, f.mark_begin)) + "\xE2\x9F\xA6" +
         std::string(utf8::SliceCodePoints(f.sentence, f.mark_begin, f.mark_end)) + "\xE2\x9F\xA7" +
         std::string(utf8::SliceCodePoints(f.sentence, f.mark_end, n));
}

nlohmann::json FiguresJson(const std::vector<store::FigureEvidence>& figures) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : figures) {
    nlohmann::json j = {{"field", f.field},         {"value", ToJson(f.value)},
                        {"record_id", f.record_id}, {"document_id", f.document_id}, {"source", f.source},
                        {"evidence", f.evidence},   {"sentence", f.sentence},
                        {"in_conflict", f.in_conflict}};
    if (!f.qualifier.empty()) j["qualifier"] = f.qualifier;
    if (!f.sentence.empty()) j["mark"] = {f.mark_begin, f.mark_end};
    out.push_back(std::move(j));
  }
  return out;
}

nlohmann::json EventJson(const store::EventDetail& d) {
  nlohmann::json j = ToJson(d.event);
  j["conflicts"] = d.conflicts;
  j["compatible_differences"] = d.compatible;
  j["sources"] = nlohmann::json::array();
  for (const auto& s : d.sources) j["sources"].push_back(ToJson(s));
  j["figures"] = FiguresJson(d.figures);
  return j;
}

std::string FieldText(const Fields& f, const std::string& name) {
  for (const auto& [k, v] : f) {
    if (k == name) return IsNull(v) ? "" : ToText(v);
  }
  return "";
}

void PrintFigures(const std::vector<store::FigureEvidence>& figures) {
  for (const auto& f : figures) {
    std::string value = ToText(f.value);
    if (f.field == "budget_mad" && !value.empty()) value = GroupThousands(value) + " MAD";
    std::cout << "  " << f.field << ": " << value;
    if (!f.qualifier.empty() && f.qualifier != "exact") std::cout << " (" << f.qualifier << ")";
    std::cout << "   [" << f.source << "]";
    if (f.in_conflict) std::cout << "   sources contradict each other";
    std::cout << "\n";
    if (!f.sentence.empty()) {
      std::string marked = MarkedSentence(f);
      std::replace(marked.begin(), marked.end(), '\n', ' ');  // one line per sentence
      std::cout << "      " << marked << "\n";
    }
  }
}

void PrintEvent(const store::EventDetail& d) {
  const Fields& e = d.event;
  std::cout << "event " << FieldText(e, "event_id") << " (" << FieldText(e, "scope") << ")\n";
  auto line = [&](const char* label, const std::string& value) {
    if (!value.empty()) std::cout << "  " << label << ": " << value << "\n";
  };
  std::string province = FieldText(e, "province");
  if (!province.empty()) {
    line("province", province + "  " + FieldText(e, "province_fr") + "  " + FieldText(e, "province_ar"));
  }
  std::string region = FieldText(e, "region");
  if (!region.empty()) line("region", region + "  " + FieldText(e, "region_fr") + "  " + FieldText(e, "region_ar"));
  line("date", FieldText(e, "date").empty() ? "unknown" : FieldText(e, "date"));
  line("period start", FieldText(e, "period_start"));
  for (const char* f : {"beneficiaries", "women", "projects"}) line(f, FieldText(e, f));
  std::string budget = FieldText(e, "budget_mad");
  if (!budget.empty()) line("budget", GroupThousands(budget) + " MAD");
  line("sectors", FieldText(e, "sectors"));
  line("programme", FieldText(e, "programme"));
  line("sources", FieldText(e, "sources") + " (" + FieldText(e, "independent_sources") + " independent)");
  if (!d.conflicts.empty()) {
    std::string c;
    for (const auto& f : d.conflicts) c += (c.empty() ? "" : ", ") + f;
    line("sources contradict each other on", c);
  }
  if (!d.compatible.empty()) {
    std::string c;
    for (const auto& f : d.compatible) c += (c.empty() ? "" : ", ") + f;
    line("sources differ compatibly on", c);
  }
  std::cout << "figures and their sentences:\n";
  PrintFigures(d.figures);
  std::cout << "sources:\n";
  for (const auto& s : d.sources) {
    std::cout << "  " << FieldText(s, "source");
    std::string published = FieldText(s, "published");
    if (!published.empty()) std::cout << "  published " << published;
    std::string dup = FieldText(s, "duplicate_of");
    if (!dup.empty()) std::cout << "  (near-duplicate of document " << dup << ")";
    std::cout << "\n";
    std::string title = FieldText(s, "title");
    if (!title.empty()) std::cout << "    " << title << "\n";
  }
}

int RunShow(const DbArgs& db, const std::string& key, const std::string& format) {
  int code = kExitOk;
  auto s = OpenForQueries(db.db, &code);
  if (!s) return code;
  // "12" or "event:12" is an event; "document:5", "doc:5", a URL or a path
  // is a document.
  auto digits_after = [&](const std::string& prefix) {
    return key.size() > prefix.size() && key.rfind(prefix, 0) == 0 && key.size() - prefix.size() < 19 &&
           key.find_first_not_of("0123456789", prefix.size()) == std::string::npos;
  };
  std::string event_key, doc_key = key;
  if (digits_after("")) event_key = key;
  if (digits_after("event:")) event_key = key.substr(6);
  bool want_document = false;
  for (const std::string prefix : {"document:", "doc:"}) {
    if (digits_after(prefix)) {
      want_document = true;
      doc_key = key.substr(prefix.size());
    }
  }
  bool numeric = !event_key.empty();
  if (numeric && !want_document) {
    auto d = s->ShowEvent(std::stoll(event_key));
    if (!d.ok()) {
      ReportError(key, d.status().message());
      return kExitInputFailed;
    }
    if (format == "json") {
      std::cout << Dump(EventJson(*d), 2) << "\n";
    } else {
      PrintEvent(*d);
    }
    return kExitOk;
  }
  auto d = s->ShowDocument(doc_key);
  if (!d.ok()) {
    ReportError(key, d.status().message());
    return kExitInputFailed;
  }
  if (format == "json") {
    nlohmann::json j = ToJson(d->document);
    j["records"] = nlohmann::json::array();
    for (const auto& r : d->records) j["records"].push_back(ToJson(r));
    j["figures"] = FiguresJson(d->figures);
    j["near_duplicates"] = nlohmann::json::array();
    for (const auto& r : d->duplicates) j["near_duplicates"].push_back(ToJson(r));
    std::cout << Dump(j, 2) << "\n";
    return kExitOk;
  }
  std::cout << "document " << FieldText(d->document, "document_id") << "\n";
  for (const auto& [k, v] : d->document) {
    if (k != "document_id" && !IsNull(v)) std::cout << "  " << k << ": " << ToText(v) << "\n";
  }
  for (const auto& r : d->duplicates) {
    std::cout << "  " << FieldText(r, "relation") << ": document " << FieldText(r, "document_id") << "  "
              << FieldText(r, "uri") << "  (similarity " << FieldText(r, "similarity") << ")\n";
  }
  std::cout << "records:\n";
  for (const auto& r : d->records) {
    std::cout << "  record " << FieldText(r, "record_id") << "  " << FieldText(r, "scope") << "  event "
              << FieldText(r, "event_id") << "  " << FieldText(r, "province") << " " << FieldText(r, "province_fr")
              << "  " << (FieldText(r, "date").empty() ? "date unknown" : FieldText(r, "date")) << "\n";
  }
  if (d->records.empty()) std::cout << "  (none)\n";
  std::cout << "figures and their sentences:\n";
  PrintFigures(d->figures);
  return kExitOk;
}

int RunExport(const DbArgs& db, const FilterArgs& args) {
  int code = kExitOk;
  auto s = OpenForQueries(db.db, &code);
  if (!s) return code;
  auto events = s->Export(args.Get());
  if (!events.ok()) return QueryFailed("export", events.status());
  if (args.format == "jsonl") {
    for (const auto& e : *events) std::cout << Dump(EventJson(e)) << "\n";
    return kExitOk;
  }
  // CSV: one row per event, its sources' addresses joined by spaces.
  Table t;
  for (const auto& e : *events) {
    if (t.columns.empty()) {
      for (const auto& [k, v] : e.event) t.columns.push_back(k);
      t.columns.push_back("conflicts");
      t.columns.push_back("source_documents");
      t.columns.push_back("source_uris");
    }
    std::vector<Value> row;
    for (const auto& [k, v] : e.event) row.push_back(v);
    std::string conflicts, ids, uris;
    for (const auto& c : e.conflicts) conflicts += (conflicts.empty() ? "" : " ") + c;
    for (const auto& src : e.sources) {
      ids += (ids.empty() ? "" : " ") + FieldText(src, "document_id");
      uris += (uris.empty() ? "" : " ") + FieldText(src, "uri");
    }
    row.push_back(conflicts);
    row.push_back(ids);
    row.push_back(uris);
    t.rows.push_back(std::move(row));
  }
  PrintTable(t, "csv", {});
  return kExitOk;
}

}  // namespace

void PrintQueryTable(const store::Table& t, const std::string& format) { PrintTable(t, format, {}); }
std::string ValueText(const store::Value& v) { return ToText(v); }

void AddStoreCommands(CLI::App* app, Context* ctx) {
  const std::vector<std::string> formats = {"table", "csv", "json", "jsonl"};
  {
    auto args = std::make_shared<IngestArgs>();
    CLI::App* cmd = app->add_subcommand(
        "ingest", "Read articles (files, folders, WARC, JSON Lines, '-' for stdin), extract their records and store them");
    cmd->add_option("paths", args->paths, "files or folders to read")->required();
    AddDbOption(cmd, &args->db);
    cmd->add_option("-j,--jobs,--threads", args->threads, "threads reading pages and extracting (default: one per core)")->check(CLI::NonNegativeNumber);
    cmd->add_flag("--no-prefilter", args->no_prefilter,
                  "parse every page, even those whose bytes hold no programme cue");
    cmd->add_flag("--keep-unrelated", args->keep_unrelated,
                  "store every document read, also those not about the programme (by default they are only counted, "
                  "per input: `rasd inputs`); implies --no-prefilter");
    cmd->add_option("--batch", args->batch, "documents per transaction")->check(CLI::PositiveNumber)->default_val(1000);
    cmd->add_flag("--no-mentions", args->no_mentions, "do not store the extractor's mentions");
    cmd->add_flag("--quiet", args->quiet, "no progress line");
    cmd->add_flag("--records", args->records,
                  "the paths are shards written by `rasd extract --for-ingest` ('-' for stdin): store them without "
                  "extracting again; a shard that is missing or cut short is reported by name, the others are stored");
    AddLangOption(cmd, &args->lang);
    AddReadLimitOptions(cmd, &args->limits);
    cmd->add_option("--kind", args->kind,
                    "official or press: the kind of source of every document read (default: by the site, "
                    "data/sources/sites.tsv, or a communique cue in the text)")
        ->check(CLI::IsMember({"official", "press"}));
    cmd->callback([args, ctx] { ctx->exit_code = RunIngest(*args, *ctx); });
  }
  {
    auto db = std::make_shared<DbArgs>();
    CLI::App* cmd = app->add_subcommand(
        "inputs", "What each ingested input gave: documents read, skipped by the prefilter, not about the programme, failed, stored");
    AddDbOption(cmd, db.get());
    cmd->callback([db, ctx] { ctx->exit_code = RunInputs(*db); });
  }
  {
    auto db = std::make_shared<DbArgs>();
    auto args = std::make_shared<FilterArgs>();
    CLI::App* cmd = app->add_subcommand("events", "List the events (merged from all their sources)");
    AddDbOption(cmd, db.get());
    AddFilterOptions(cmd, args.get());
    cmd->add_option("--format", args->format, "table, csv, json or jsonl")->check(CLI::IsMember(formats));
    cmd->callback([db, args, ctx] { ctx->exit_code = RunEvents(*db, *args); });
  }
  {
    auto db = std::make_shared<DbArgs>();
    auto by = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>("table");
    CLI::App* cmd = app->add_subcommand(
        "coverage", "Per province: events, beneficiaries, women, projects, budget, first and last event; and the provinces with none");
    AddDbOption(cmd, db.get());
    cmd->add_option("--by", *by, "also split by year or month")->check(CLI::IsMember({"year", "month"}));
    cmd->add_option("--format", *format, "table, csv, json or jsonl")->check(CLI::IsMember(formats));
    cmd->callback([db, by, format, ctx] { ctx->exit_code = RunCoverage(*db, *by, *format); });
  }
  {
    auto db = std::make_shared<DbArgs>();
    auto args = std::make_shared<FilterArgs>();
    CLI::App* cmd = app->add_subcommand(
        "conflicts", "Every figure an event's sources give differently, with its class (contradiction or compatible), each value, its source and sentence");
    AddDbOption(cmd, db.get());
    AddFilterOptions(cmd, args.get());
    cmd->add_option("--only", args->only, "contradictions or compatible")
        ->check(CLI::IsMember({"contradictions", "contradiction", "compatible"}));
    cmd->add_option("--format", args->format, "table, csv, json or jsonl")->check(CLI::IsMember(formats));
    cmd->callback([db, args, ctx] { ctx->exit_code = RunConflicts(*db, *args); });
  }
  {
    auto db = std::make_shared<DbArgs>();
    auto key = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>("text");
    CLI::App* cmd = app->add_subcommand(
        "show", "Show an event (its id, or event:ID) or a document (document:ID, its URL or path): every figure with its sentence, and the sources");
    cmd->add_option("what", *key, "EVENT or DOCUMENT")->required();
    AddDbOption(cmd, db.get());
    cmd->add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd->callback([db, key, format, ctx] { ctx->exit_code = RunShow(*db, *key, *format); });
  }
  {
    auto db = std::make_shared<DbArgs>();
    auto words = std::make_shared<std::vector<std::string>>();
    auto limit = std::make_shared<int>(20);
    auto format = std::make_shared<std::string>("table");
    CLI::App* cmd = app->add_subcommand(
        "search", "Full-text search of the documents; Arabic letter variants, diacritics, attached clitics (و ف ب ل ك ال), case and accents do not matter");
    cmd->add_option("query", *words, "words that must all occur")->required();
    AddDbOption(cmd, db.get());
    cmd->add_option("--limit", *limit, "at most this many documents")->check(CLI::PositiveNumber);
    cmd->add_option("--format", *format, "table, csv, json or jsonl")->check(CLI::IsMember(formats));
    cmd->callback([db, words, limit, format, ctx] { ctx->exit_code = RunSearch(*db, *words, *limit, *format, *ctx); });
  }
  {
    auto db = std::make_shared<DbArgs>();
    auto args = std::make_shared<FilterArgs>();
    args->format = "jsonl";
    CLI::App* cmd = app->add_subcommand("export", "Export the events with their sources (and, in JSON Lines, every figure's evidence)");
    AddDbOption(cmd, db.get());
    AddFilterOptions(cmd, args.get());
    cmd->add_option("--format", args->format, "csv or jsonl")->check(CLI::IsMember({"csv", "jsonl"}));
    cmd->callback([db, args, ctx] { ctx->exit_code = RunExport(*db, *args); });
  }
}

}  // namespace rasd::cli
