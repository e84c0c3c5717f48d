// What lies behind store.h: the connection, the writer's prepared statements
// and its cache of events, shared by store.cc, writer.cc and queries.cc.
#ifndef RASD_STORE_STORE_IMPL_H_
#define RASD_STORE_STORE_IMPL_H_

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <sqlite3.h>

#include "store/gazetteer.h"
#include "store/merge.h"
#include "store/sqlite_util.h"
#include "store/store.h"

namespace rasd::store {

// A user's value in a message: quoted, NUL bytes shown as '?', and cut when
// it is long, so a hostile value cannot flood the terminal.
inline std::string QuoteForMessage(const std::string& v) {
  std::string s;
  for (char c : v) {
    if (s.size() >= 60) {
      s += "...";
      break;
    }
    s += c == '\0' ? '?' : c;
  }
  return "'" + s + "'";
}

// An event as the writer remembers it: its member records.
struct CachedEvent {
  std::vector<MergeRecord> members;
};

// The events of one merge key, and the records a batch adds to it. When a
// batch touches a key, its events are formed anew from all its records
// (ClusterRecords), so they never depend on the order documents came in.
struct KeyEvents {
  std::map<int64_t, CachedEvent> events;
  std::vector<MergeRecord> pending;  // stored in this batch, not yet in an event
};

class Writer {
 public:
  explicit Writer(StoreImpl* store) : store_(store) {}
  Status Init();
  Result<std::vector<WriteResult>> Write(std::vector<PreparedDocument>* batch);
  // Forms every event anew from its records, inside the caller's
  // transaction: a store upgraded from rules that merged on figures.
  Status RebuildEvents();

 private:
  Status WriteOne(PreparedDocument& doc, const std::string& now, WriteResult* result);
  Status CheckRecords(const DocumentInput& in);
  Status FindNearDuplicate(const PreparedDocument& doc, int64_t self_id, int64_t* root, double* similarity);
  Status RemoveOldContent(int64_t doc_id);
  Status InsertRecords(const PreparedDocument& doc, int64_t doc_id, int64_t cluster_id,
                       std::vector<MergeRecord>* out);
  Status MergeIntoEvents(MergeRecord r);
  // Forms the events of a key anew from its members and pending records,
  // keeping the id of the old event each new one shares most records with.
  Status Recluster(KeyEvents* key);
  // *event_id == 0: a new event, whose id is stored there.
  Status SaveEvent(int64_t* event_id, CachedEvent& ev);
  Status DeleteEvent(int64_t event_id);
  Result<KeyEvents*> EventsOfKey(const MergeRecord& r);

  // Full-text index changes, applied after everything else in the batch:
  // once the index is written in a transaction, every later statement that
  // needs a statement journal makes it flush (see Write).
  struct IndexChange {
    bool remove = false;
    int64_t document_id = 0;
    std::string old_title, old_text;  // remove: the folded values indexed
    const std::string* title = nullptr;  // add: the batch's folded values
    const std::string* text = nullptr;
  };
  Status ApplyIndexChanges();
  // Keys whose records changed in this batch, their events formed anew
  // once at its end (a much-republished event would otherwise be rewritten
  // per copy).
  Status SaveChangedEvents();
  std::set<std::string> changed_keys_;  // merge keys, in their order: event ids do not depend on memory addresses

  // Test-only fault injection, from RASD_TEST_CRASH=before-commit:K or
  // after-commit:K: the process aborts once batch K (counted from 1 per
  // writer) is written but not committed, or just after its COMMIT, so crash
  // tests hit an exact point instead of whatever moment a timed kill finds.
  enum class CrashPoint { kNone, kBeforeCommit, kAfterCommit };
  Status ReadCrashPoint();
  void MaybeCrash(CrashPoint at) const;
  CrashPoint crash_point_ = CrashPoint::kNone;
  int64_t crash_batch_ = 0;
  int64_t batches_written_ = 0;

  StoreImpl* store_;
  std::vector<IndexChange> index_changes_;
  bool ready_ = false;
  int64_t data_version_ = -1;
  std::set<std::string> province_codes_, region_codes_;
  std::map<std::string, std::string> province_region_;
  std::unordered_map<std::string, KeyEvents> cache_;
  // Signatures and near-duplicate originals of documents with records, as
  // read or written, so candidates are compared without a query each.
  // Cleared with cache_, and when it grows past kMaxSignatures.
  struct KnownSignature {
    std::vector<uint32_t> signature;
    int64_t root = 0;
  };
  std::unordered_map<int64_t, KnownSignature> signatures_;
  static constexpr size_t kMaxSignatures = 400000;

  sql::Stmt find_doc_, old_doc_, insert_doc_, update_doc_, fts_insert_, fts_delete_;
  sql::Stmt find_by_hash_, bucket_lookup_, bucket_insert_, bucket_delete_, signature_of_;
  sql::Stmt records_of_doc_, delete_records_, delete_mentions_;
  sql::Stmt insert_mention_, insert_record_, insert_sector_, insert_evidence_;
  sql::Stmt insert_event_, update_event_, delete_event_, insert_event_record_, delete_conflicts_,
      insert_conflict_;
  sql::Stmt load_key_;
};

class StoreImpl {
 public:
  ~StoreImpl();

  // Runs `fn` inside one read transaction, so that every statement it runs
  // sees the same snapshot.
  template <typename Fn>
  auto InSnapshot(Fn fn) -> decltype(fn());

  Result<std::vector<Place>*> Places();
  Result<sql::Stmt> Prepare(std::string_view sql) { return sql::Prepare(db, sql); }

  StoreOptions options;
  std::string path;
  sqlite3* db = nullptr;
  std::unique_ptr<Writer> writer;
  sql::Stmt is_stored;  // prepared on first use: called once per document
  std::vector<Place> places;
  bool places_loaded = false;
};

template <typename Fn>
auto StoreImpl::InSnapshot(Fn fn) -> decltype(fn()) {
  bool own = sqlite3_get_autocommit(db) != 0;
  if (own) {
    Status s = sql::Exec(db, "BEGIN", "starting a read");
    if (!s.ok()) return s;
  }
  auto result = fn();
  if (own) sql::Exec(db, "COMMIT", "ending a read");
  return result;
}

}  // namespace rasd::store

#endif  // RASD_STORE_STORE_IMPL_H_
