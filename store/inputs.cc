#include "store/inputs.h"

#include <sqlite3.h>

#include <ctime>

namespace rasd::store {
namespace {

// Its own connection: the counts are written once, after the pipeline's
// writer has finished, and read by `rasd inputs`.
class Db {
 public:
  Status Open(const std::string& path, int flags) {
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) return Error(path);
    sqlite3_busy_timeout(db_, 10000);
    return Status::Ok();
  }
  ~Db() { sqlite3_close(db_); }
  Status Error(const std::string& doing) {
    return Status::IOError(doing + ": " + (db_ ? sqlite3_errmsg(db_) : "cannot open"));
  }
  sqlite3* get() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace

Status RecordInputs(const std::string& db_path, const std::vector<InputCounts>& inputs) {
  if (inputs.empty()) return Status::Ok();
  Db db;
  Status s = db.Open(db_path, SQLITE_OPEN_READWRITE);
  if (!s.ok()) return s;
  char now[32];
  std::time_t t = std::time(nullptr);
  std::strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  if (sqlite3_exec(db.get(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
    return db.Error(db_path + ": recording input counts");
  }
  sqlite3_stmt* st = nullptr;
  const char* sql =
      "INSERT INTO inputs(name, ingested_at, read, skipped_by_prefilter, not_kept, failed, stored, seconds) "
      "VALUES(?,?,?,?,?,?,?,?)";
  bool ok = sqlite3_prepare_v2(db.get(), sql, -1, &st, nullptr) == SQLITE_OK;
  for (size_t i = 0; ok && i < inputs.size(); ++i) {
    const InputCounts& c = inputs[i];
    sqlite3_bind_text(st, 1, c.name.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, c.read + c.prefiltered);
    sqlite3_bind_int64(st, 4, c.prefiltered);
    sqlite3_bind_int64(st, 5, c.not_kept);
    sqlite3_bind_int64(st, 6, c.failed);
    sqlite3_bind_int64(st, 7, c.stored);
    sqlite3_bind_double(st, 8, c.seconds);
    ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  if (!ok) {
    Status e = db.Error(db_path + ": recording input counts");
    sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    return e;
  }
  if (sqlite3_exec(db.get(), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    return db.Error(db_path + ": recording input counts");
  }
  return Status::Ok();
}

Result<std::vector<InputRow>> ListInputs(const std::string& db_path) {
  Db db;
  Status s = db.Open(db_path, SQLITE_OPEN_READONLY);
  if (!s.ok()) return s;
  sqlite3_stmt* st = nullptr;
  const char* sql =
      "SELECT name, ingested_at, read, skipped_by_prefilter, not_kept, failed, stored, seconds FROM inputs ORDER BY id";
  if (sqlite3_prepare_v2(db.get(), sql, -1, &st, nullptr) != SQLITE_OK) return db.Error(db_path + ": reading inputs");
  std::vector<InputRow> rows;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    InputRow r;
    r.counts.name = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    r.ingested_at = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
    r.counts.read = sqlite3_column_int64(st, 2);
    r.counts.prefiltered = sqlite3_column_int64(st, 3);
    r.counts.not_kept = sqlite3_column_int64(st, 4);
    r.counts.failed = sqlite3_column_int64(st, 5);
    r.counts.stored = sqlite3_column_int64(st, 6);
    r.counts.seconds = sqlite3_column_double(st, 7);
    rows.push_back(std::move(r));
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return db.Error(db_path + ": reading inputs");
  return rows;
}

}  // namespace rasd::store
