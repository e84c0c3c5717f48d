// Helpers shared by the store tests: temporary folders, documents and
// records built by hand, gold files read as records.
#ifndef RASD_TESTS_STORE_STORE_TEST_UTIL_H_
#define RASD_TESTS_STORE_STORE_TEST_UTIL_H_

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "common/data_dir.h"
#include "common/utf8.h"
#include "store/store.h"

namespace rasd::store::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "rasd_store_test_XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

inline std::string DataDir() {
  auto dir = FindDataDir();
  return dir.ok() ? *dir : std::string();
}

inline std::string SharedDir() {
  const char* env = std::getenv("RASD_SHARED");
  return env && *env ? env : "/work/shared";
}

inline std::string SourceDir() {
  const char* env = std::getenv("RASD_SOURCE");
  return env && *env ? env : "/work/main";
}

// Evidence for the first occurrence of `needle` in `text`, the sentence being
// the line it is on.
inline Evidence Ev(const std::string& text, const std::string& needle) {
  Evidence e;
  size_t at = text.find(needle);
  if (at == std::string::npos) {
    ADD_FAILURE() << "evidence text not found: " << needle;
    return e;
  }
  size_t line_start = text.rfind('\n', at);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  size_t line_end = text.find('\n', at);
  if (line_end == std::string::npos) line_end = text.size();
  auto cp = [&](size_t byte) { return static_cast<int64_t>(utf8::CountCodePoints(std::string_view(text).substr(0, byte))); };
  e.span = {cp(at), cp(at + needle.size())};
  e.sentence = {cp(line_start), cp(line_end)};
  e.text = needle;
  e.sentence_text = text.substr(line_start, line_end - line_start);
  return e;
}

inline Record EventRecord(const std::string& province, const std::string& date) {
  Record r;
  r.scope = Scope::kEvent;
  r.province = province;
  if (!date.empty()) r.date = date;
  return r;
}

inline DocumentInput Doc(const std::string& uri, const std::string& text, std::vector<Record> records = {},
                         const std::string& published = "") {
  DocumentInput d;
  d.uri = uri;
  d.document.source = uri;
  d.document.text = text;
  size_t nl = text.find('\n');
  d.document.title = text.substr(0, nl == std::string::npos ? std::min<size_t>(text.size(), 80) : nl);
  d.document.lang = "ar";
  d.document.published = published;
  d.document.kind = "text";
  d.records = std::move(records);
  return d;
}

inline std::vector<PreparedDocument> Batch(std::vector<DocumentInput> docs) {
  std::vector<PreparedDocument> out;
  for (auto& d : docs) out.push_back(Prepare(std::move(d)));
  return out;
}

inline std::unique_ptr<Store> OpenNew(const std::string& path, StoreOptions options = {}) {
  options.create = true;
  auto s = Store::Open(options, path);
  if (!s.ok()) {
    ADD_FAILURE() << s.status().message();
    return nullptr;
  }
  Status g = (*s)->RefreshGazetteer(DataDir());
  if (!g.ok()) ADD_FAILURE() << g.message();
  return std::move(*s);
}

// The single value of a query on a raw connection (for checks from outside
// the store's API, as a sqlite3 user would make them).
inline std::string Query(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
    return "";
  }
  std::string out;
  bool first_row = true;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (!first_row) out += "\n";
    first_row = false;
    for (int c = 0; c < sqlite3_column_count(st); ++c) {
      const unsigned char* t = sqlite3_column_text(st, c);
      if (c > 0) out += "|";
      out += t ? reinterpret_cast<const char*>(t) : "NULL";
    }
  }
  if (rc != SQLITE_DONE) ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
  sqlite3_finalize(st);
  return out;
}

class RawDb {
 public:
  explicit RawDb(const std::string& path, bool read_only = true) {
    sqlite3_open_v2(path.c_str(), &db_, read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_busy_timeout(db_, 10000);
  }
  ~RawDb() { sqlite3_close(db_); }
  std::string operator()(const std::string& sql) { return Query(db_, sql); }
  sqlite3* get() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// Takes a store written by this rasd back to what schema `version` held, as
// SQLite allows (tables, indexes and added columns dropped), so that the
// upgrade from that version can be tested on real rows. Schema 3 and older
// are undone by the tests that need them.
inline std::string UndoSchemaAfter(sqlite3* db, int version) {
  std::vector<const char*> sql;
  if (version < 5) sql.push_back("DROP TABLE inputs");
  if (version < 4) {
    for (const char* s : {"DROP INDEX documents_source_kind", "ALTER TABLE documents DROP COLUMN source_kind",
                          "ALTER TABLE documents DROP COLUMN page_count", "ALTER TABLE evidence DROP COLUMN page"}) {
      sql.push_back(s);
    }
  }
  for (const char* s : sql) {
    if (sqlite3_exec(db, s, nullptr, nullptr, nullptr) != SQLITE_OK) return std::string(s) + ": " + sqlite3_errmsg(db);
  }
  std::string set_version = "PRAGMA user_version = " + std::to_string(version);
  sqlite3_exec(db, set_version.c_str(), nullptr, nullptr, nullptr);
  return "";
}

// A gold file's records as the extractor would give them (no evidence).
inline std::vector<Record> GoldRecords(const nlohmann::json& gold) {
  std::vector<Record> out;
  auto opt_str = [](const nlohmann::json& j, const char* k) -> std::optional<std::string> {
    if (j.contains(k) && j[k].is_string()) return j[k].get<std::string>();
    return std::nullopt;
  };
  auto opt_int = [](const nlohmann::json& j, const char* k) -> std::optional<int64_t> {
    if (j.contains(k) && j[k].is_number()) return j[k].get<int64_t>();
    return std::nullopt;
  };
  auto qual = [](const std::optional<std::string>& s) -> std::optional<Qualifier> {
    if (!s) return std::nullopt;
    if (*s == "approx") return Qualifier::kApprox;
    if (*s == "over") return Qualifier::kOver;
    if (*s == "under") return Qualifier::kUnder;
    return Qualifier::kExact;
  };
  for (const auto& j : gold["records"]) {
    Record r;
    r.scope = j.value("scope", "event") == "aggregate" ? Scope::kAggregate : Scope::kEvent;
    r.province = opt_str(j, "province");
    r.region = opt_str(j, "region");
    r.date = opt_str(j, "date");
    r.period_start = opt_str(j, "period_start");
    r.beneficiaries = opt_int(j, "beneficiaries");
    if (r.beneficiaries) r.beneficiaries_qualifier = qual(opt_str(j, "beneficiaries_qualifier"));
    r.women = opt_int(j, "women");
    r.projects = opt_int(j, "projects");
    if (j.contains("budget_mad") && j["budget_mad"].is_number()) r.budget_mad = j["budget_mad"].get<double>();
    if (r.budget_mad) r.budget_qualifier = qual(opt_str(j, "budget_qualifier"));
    r.programme = opt_str(j, "programme");
    if (j.contains("sectors")) {
      for (const auto& s : j["sectors"]) r.sectors.push_back(s.get<std::string>());
    }
    out.push_back(std::move(r));
  }
  return out;
}

// Every NAME.txt with NAME.gold.json under `dir` (recursively), sorted.
inline std::vector<std::filesystem::path> GoldTexts(const std::string& dir) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return out;
  for (auto& e : std::filesystem::recursive_directory_iterator(dir, ec)) {
    auto p = e.path();
    if (p.extension() != ".txt") continue;
    auto gold = p;
    gold.replace_extension(".gold.json");
    if (std::filesystem::exists(gold)) out.push_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

inline nlohmann::json ReadJson(const std::filesystem::path& p) {
  return nlohmann::json::parse(ReadBytes(p.string()), nullptr, false);
}

}  // namespace rasd::store::testing

#endif  // RASD_TESTS_STORE_STORE_TEST_UTIL_H_
