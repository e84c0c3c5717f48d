#include "store/store.h"

#include <sys/stat.h>

#include <filesystem>
#include <functional>

#include "store/fingerprint.h"
#include "store/schema_migrations.h"
#include "store/store_impl.h"

namespace rasd::store {
namespace {

constexpr int64_t kApplicationId = 1380012868;  // 'RASD', set by schema/001

// What the file at `path` is, read without writing anything to it.
struct FileState {
  bool exists = false;
  bool regular = false;
  int64_t size = 0;
};

FileState Inspect(const std::string& path) {
  FileState st;
  struct stat sb;
  if (stat(path.c_str(), &sb) == 0) {
    st.exists = true;
    st.regular = S_ISREG(sb.st_mode);
    st.size = sb.st_size;
  }
  return st;
}

// The first schema whose events are merged on identity (see SCHEMA.md):
// events an older rasd formed are formed anew when the file is upgraded.
constexpr int kIdentityMergeSchema = 3;

// Applies the migrations the file lacks and, in the same transaction, what
// `after` does with the version the file had; all or nothing.
Status Migrate(sqlite3* db, const std::string& path, const std::function<Status(int64_t)>& after) {
  // Re-read the version inside the write transaction: another rasd may have
  // created or upgraded the file since we looked.
  Status s = sql::Exec(db, "BEGIN IMMEDIATE", "upgrading " + path);
  if (!s.ok()) return s;
  auto version = sql::QueryInt(db, "PRAGMA user_version");
  if (!version.ok()) {
    sql::Exec(db, "ROLLBACK", "");
    return version.status();
  }
  for (const Migration& m : Migrations()) {
    if (m.version <= *version) continue;
    s = sql::Exec(db, m.sql, path + ": applying schema " + m.name);
    if (s.ok()) {
      std::string pragma = "PRAGMA user_version = " + std::to_string(m.version);
      s = sql::Exec(db, pragma.c_str(), path + ": recording schema version");
    }
    if (!s.ok()) {
      sql::Exec(db, "ROLLBACK", "");
      return s;
    }
  }
  s = after(*version);
  if (!s.ok()) {
    sql::Exec(db, "ROLLBACK", "");
    return s;
  }
  return sql::Exec(db, "COMMIT", "upgrading " + path);
}

}  // namespace

int CurrentSchemaVersion() { return Migrations().empty() ? 0 : Migrations().back().version; }

const char* OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kStored: return "stored";
    case Outcome::kReplaced: return "replaced";
    case Outcome::kUnchanged: return "unchanged";
    case Outcome::kFailed: return "failed";
  }
  return "failed";
}

std::string ContentHash(const std::string& text) { return Sha256Hex(text); }

PreparedDocument Prepare(DocumentInput input) {
  PreparedDocument p;
  if (input.uri.empty()) input.uri = input.document.source;
  p.content_hash = Sha256Hex(input.document.text);
  p.folded_title = FoldForSearch(input.document.title);
  p.folded_text = FoldForSearch(input.document.text);
  // Only documents with records take part in near-duplicate search.
  if (!input.records.empty()) p.signature = MinHashSignature(p.folded_text);
  p.input = std::move(input);
  return p;
}

StoreImpl::~StoreImpl() {
  writer.reset();  // finalises its statements before the connection closes
  is_stored = sql::Stmt();
  if (db) sqlite3_close_v2(db);
}

Result<std::vector<Place>*> StoreImpl::Places() {
  if (places_loaded) return &places;
  auto stmt = Prepare(
      "SELECT code, 'region', code, name_fr, name_ar, variants_fr, variants_ar FROM regions "
      "UNION ALL SELECT code, kind, region, name_fr, name_ar, variants_fr, variants_ar FROM provinces");
  if (!stmt.ok()) return stmt.status();
  int rc;
  while ((rc = stmt->Step()) == SQLITE_ROW) {
    Place p;
    p.code = stmt->Text(0);
    p.kind = stmt->Text(1);
    p.region = stmt->Text(2);
    p.name_fr = stmt->Text(3);
    p.name_ar = stmt->Text(4);
    p.variants_fr = stmt->Text(5);
    p.variants_ar = stmt->Text(6);
    places.push_back(std::move(p));
  }
  if (rc != SQLITE_DONE) return sql::Error(db, "reading the gazetteer");
  places_loaded = true;
  return &places;
}

Store::Store(std::unique_ptr<StoreImpl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

const std::string& Store::path() const { return impl_->path; }

Result<std::unique_ptr<Store>> Store::Open(const StoreOptions& options, const std::string& path) {
  FileState file = Inspect(path);
  if (file.exists && !file.regular) return Status::InvalidArgument(path + ": not a regular file");
  if (!file.exists && (!options.create || options.read_only)) {
    return Status::NotFound(path + ": no such database (rasd ingest creates it)");
  }
  auto impl = std::make_unique<StoreImpl>();
  impl->options = options;
  impl->path = path;
  int flags = options.read_only ? SQLITE_OPEN_READONLY
                                : SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0);
  flags |= SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &impl->db, flags, nullptr) != SQLITE_OK) {
    return sql::Error(impl->db, "opening " + path);
  }
  sqlite3_busy_timeout(impl->db, options.busy_timeout_ms);
  sqlite3_extended_result_codes(impl->db, 0);

  // Look before writing anything: a file that is not ours, or is newer than
  // this rasd, must stay exactly as it is.
  auto app_id = sql::QueryInt(impl->db, "PRAGMA application_id");
  if (!app_id.ok()) {
    return Status::InvalidArgument(path + " is not a rasd database (not an SQLite database file); it was left untouched");
  }
  auto version = sql::QueryInt(impl->db, "PRAGMA user_version");
  auto objects = sql::QueryInt(impl->db, "SELECT count(*) FROM sqlite_master");
  if (!version.ok() || !objects.ok()) {
    return Status::InvalidArgument(path + " is not a readable rasd database (" +
                                   (version.ok() ? objects.status() : version.status()).message() +
                                   "); it was left untouched");
  }
  bool empty = *app_id == 0 && *version == 0 && *objects == 0;
  if (!empty && *app_id != kApplicationId) {
    return Status::InvalidArgument(path + " is an SQLite database of another application, not a rasd database; it was left untouched");
  }
  if (*version > CurrentSchemaVersion()) {
    return Status::Unsupported(path + " was written by a newer rasd (schema " + std::to_string(*version) +
                               ", this rasd knows up to " + std::to_string(CurrentSchemaVersion()) +
                               "); it was left untouched: use a newer rasd");
  }
  if (options.read_only && (empty || *version < CurrentSchemaVersion())) {
    return Status::Unsupported(path + " has schema " + std::to_string(*version) + ", this rasd reads " +
                               std::to_string(CurrentSchemaVersion()) + ": run rasd ingest on it to upgrade it");
  }

  if (!options.read_only) {
    std::string current;
    {
      auto mode = sql::Prepare(impl->db, "PRAGMA journal_mode");
      if (mode.ok() && mode->Step() == SQLITE_ROW) current = mode->Text(0);
    }  // finalised here: an open statement would hold a read transaction
    if (current != "wal") {
      Status s = sql::Exec(impl->db, "PRAGMA journal_mode = WAL", "switching " + path + " to WAL mode");
      if (!s.ok()) return s;
    }
  }
  // NORMAL is safe with WAL: a crash loses at most the last transactions,
  // never consistency.
  Status s = sql::Exec(impl->db,
                       "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; "
                       "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32768",
                       "configuring " + path);
  if (!s.ok()) return s;
  if (!options.read_only) {
    // Checkpoint less often than every 4 MB of log: an ingest rewrites the
    // same index pages batch after batch.
    s = sql::Exec(impl->db, "PRAGMA wal_autocheckpoint = 8192", "configuring " + path);
    if (!s.ok()) return s;
  }
  if (!options.read_only && *version < CurrentSchemaVersion()) {
    StoreImpl* store = impl.get();
    s = Migrate(impl->db, path, [store](int64_t old_version) {
      if (old_version == 0 || old_version >= kIdentityMergeSchema) return Status::Ok();
      Writer writer(store);
      Status w = writer.Init();
      if (w.ok()) w = writer.RebuildEvents();
      return w;
    });
    if (!s.ok()) return s;
  }
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Status Store::RefreshGazetteer(const std::string& data_dir) {
  auto gazetteer = LoadGazetteer(data_dir);
  if (!gazetteer.ok()) return gazetteer.status();
  const std::vector<Place>& places = gazetteer->places;
  sqlite3* db = impl_->db;
  Status s = sql::Exec(db, "BEGIN IMMEDIATE", "loading the gazetteer");
  if (!s.ok()) return s;
  auto region = sql::Prepare(db,
                             "INSERT INTO regions (code, name_fr, name_ar, variants_fr, variants_ar) "
                             "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (code) DO UPDATE SET name_fr = ?2, "
                             "name_ar = ?3, variants_fr = ?4, variants_ar = ?5");
  auto province = sql::Prepare(
      db,
      "INSERT INTO provinces (code, kind, region, name_fr, name_ar, variants_fr, variants_ar) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (code) DO UPDATE SET kind = ?2, region = ?3, "
      "name_fr = ?4, name_ar = ?5, variants_fr = ?6, variants_ar = ?7");
  if (!region.ok() || !province.ok()) {
    sql::Exec(db, "ROLLBACK", "");
    return region.ok() ? province.status() : region.status();
  }
  // Regions first: provinces refer to them.
  for (int pass = 0; pass < 2 && s.ok(); ++pass) {
    for (const Place& p : places) {
      if (p.kind == "town") continue;  // the store keeps regions and provinces only
      bool is_region = p.kind == "region";
      if (is_region != (pass == 0)) continue;
      if (is_region) {
        s = region->Bind(1, p.code).Bind(2, p.name_fr).Bind(3, p.name_ar).Bind(4, p.variants_fr)
                .Bind(5, p.variants_ar).Run("storing region " + p.code);
      } else {
        s = province->Bind(1, p.code).Bind(2, p.kind).Bind(3, p.region).Bind(4, p.name_fr)
                .Bind(5, p.name_ar).Bind(6, p.variants_fr).Bind(7, p.variants_ar)
                .Run("storing province " + p.code);
      }
      if (!s.ok()) break;
    }
  }
  if (s.ok()) s = sql::Exec(db, "COMMIT", "loading the gazetteer");
  if (!s.ok()) sql::Exec(db, "ROLLBACK", "");
  impl_->places.clear();
  impl_->places_loaded = false;
  impl_->writer.reset();  // it caches the codes
  return s;
}

Result<bool> Store::IsStored(const std::string& uri, const std::string& content_hash) {
  if (!impl_->is_stored.valid()) {
    auto stmt = impl_->Prepare("SELECT 1 FROM documents WHERE uri = ?1 AND content_hash = ?2");
    if (!stmt.ok()) return stmt.status();
    impl_->is_stored = std::move(*stmt);
  }
  sql::Stmt* stmt = &impl_->is_stored;
  sql::ResetOnExit reset(*stmt);
  stmt->Bind(1, uri).Bind(2, content_hash);
  int rc = stmt->Step();
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sql::Error(impl_->db, "looking up " + uri);
}

Result<std::vector<WriteResult>> Store::Write(std::vector<PreparedDocument>* batch) {
  if (impl_->options.read_only) return Status::InvalidArgument(impl_->path + " was opened for reading only");
  if (!impl_->writer) {
    auto w = std::make_unique<Writer>(impl_.get());
    Status s = w->Init();
    if (!s.ok()) return s;
    impl_->writer = std::move(w);
  }
  return impl_->writer->Write(batch);
}

Result<Counts> Store::Count() {
  return impl_->InSnapshot([&]() -> Result<Counts> {
    auto stmt = impl_->Prepare(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM records), "
        "(SELECT count(*) FROM events), (SELECT count(*) FROM mentions), "
        "(SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL)");
    if (!stmt.ok()) return stmt.status();
    if (stmt->Step() != SQLITE_ROW) return sql::Error(impl_->db, "counting");
    Counts c;
    c.documents = stmt->Int(0);
    c.records = stmt->Int(1);
    c.events = stmt->Int(2);
    c.mentions = stmt->Int(3);
    c.near_duplicates = stmt->Int(4);
    return c;
  });
}

namespace {

// A place of one kind by the name a user gave it, or an error saying what to give.
Result<std::string> ResolvePlace(StoreImpl* impl, const std::string& name, bool regions) {
  auto places = impl->Places();
  if (!places.ok()) return places.status();
  std::string code = MatchPlace(**places, name, regions);
  if (!code.empty()) return code;
  return Status::NotFound(std::string(regions ? "unknown region " : "unknown province or prefecture ") +
                          QuoteForMessage(name) + " (give an ISO code such as " + (regions ? "MA-04" : "MA-SIK") +
                          ", or its Arabic or French name)");
}

}  // namespace

Result<std::string> Store::ResolveProvince(const std::string& name) { return ResolvePlace(impl_.get(), name, false); }

Result<std::string> Store::ResolveRegion(const std::string& name) { return ResolvePlace(impl_.get(), name, true); }

}  // namespace rasd::store
