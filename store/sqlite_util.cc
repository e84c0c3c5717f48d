#include "store/sqlite_util.h"

namespace rasd::store::sql {

Status Error(sqlite3* db, std::string_view doing) {
  std::string msg(doing);
  msg += ": ";
  msg += db ? sqlite3_errmsg(db) : "no database connection";
  int code = db ? sqlite3_errcode(db) : SQLITE_ERROR;
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) return Status::Corruption(msg);
  if (code == SQLITE_IOERR || code == SQLITE_CANTOPEN || code == SQLITE_FULL ||
      code == SQLITE_READONLY || code == SQLITE_BUSY || code == SQLITE_LOCKED) {
    return Status::IOError(msg);
  }
  return Status::InvalidArgument(msg);
}

Status Stmt::Run(std::string_view doing) {
  int rc;
  while ((rc = sqlite3_step(stmt_)) == SQLITE_ROW) {
  }
  Status s = rc == SQLITE_DONE ? Status::Ok() : Error(db_, doing);
  Reset();
  return s;
}

Result<Stmt> Prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                              &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return Error(db, "preparing a statement");
  }
  return Stmt(db, stmt);
}

Status Exec(sqlite3* db, const char* sql, std::string_view doing) {
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string msg(doing);
  msg += ": ";
  msg += err ? err : sqlite3_errstr(rc);
  sqlite3_free(err);
  if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB) return Status::Corruption(msg);
  return Status::IOError(msg);
}

Result<int64_t> QueryInt(sqlite3* db, const char* sql) {
  auto stmt = Prepare(db, sql);
  if (!stmt.ok()) return stmt.status();
  int rc = stmt->Step();
  if (rc == SQLITE_ROW) return stmt->Int(0);
  if (rc == SQLITE_DONE) return int64_t{0};
  return Error(db, sql);
}

}  // namespace rasd::store::sql
