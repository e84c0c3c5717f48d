// The write path: one transaction per batch, the
// events of every key a batch touches kept in memory between batches.
#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cmath>
#include <chrono>
#include <ctime>
#include <set>

#include "common/tsv.h"
#include "store/fingerprint.h"
#include "store/store_impl.h"

namespace rasd::store {
namespace {


std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm;
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

Status Writer::ReadCrashPoint() {
  const char* env = std::getenv("RASD_TEST_CRASH");
  if (!env || !*env) return Status::Ok();
  std::string_view v(env);
  CrashPoint point = CrashPoint::kNone;
  for (auto [name, p] : {std::pair<std::string_view, CrashPoint>{"before-commit:", CrashPoint::kBeforeCommit},
                         {"after-commit:", CrashPoint::kAfterCommit}}) {
    if (v.substr(0, name.size()) == name) {
      point = p;
      v.remove_prefix(name.size());
    }
  }
  int64_t k = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), k);
  if (point == CrashPoint::kNone || ec != std::errc() || end != v.data() + v.size() || k < 1) {
    return Status::InvalidArgument("RASD_TEST_CRASH='" + std::string(env) +
                                   "': expected before-commit:K or after-commit:K with K >= 1");
  }
  crash_point_ = point;
  crash_batch_ = k;
  return Status::Ok();
}

void Writer::MaybeCrash(CrashPoint at) const {
  if (crash_point_ == at && batches_written_ == crash_batch_) std::abort();
}

Status Writer::Init() {
  Status crash = ReadCrashPoint();
  if (!crash.ok()) return crash;
  sqlite3* db = store_->db;
  struct Def {
    sql::Stmt* stmt;
    const char* sql;
  };
  const Def defs[] = {
      {&find_doc_, "SELECT id, content_hash FROM documents WHERE uri = ?1"},
      {&old_doc_, "SELECT title, text, minhash, record_count FROM documents WHERE id = ?1"},
      {&insert_doc_,
       "INSERT INTO documents (uri, source, url, site, title, lang, published, fetched, kind, content_hash, "
       "text, original, duplicate_of, similarity, minhash, record_count, ingested_at, source_kind, page_count) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?19, ?20)"},
      {&update_doc_,
       "UPDATE documents SET uri = ?1, source = ?2, url = ?3, site = ?4, title = ?5, lang = ?6, "
       "published = ?7, fetched = ?8, kind = ?9, content_hash = ?10, text = ?11, original = ?12, "
       "duplicate_of = ?13, similarity = ?14, minhash = ?15, record_count = ?16, ingested_at = ?17, "
       "source_kind = ?19, page_count = ?20 WHERE id = ?18"},
      {&fts_insert_, "INSERT INTO documents_fts (rowid, title, text) VALUES (?1, ?2, ?3)"},
      {&fts_delete_,
       "INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', ?1, ?2, ?3)"},
      {&find_by_hash_,
       "SELECT id, COALESCE(duplicate_of, id) FROM documents WHERE content_hash = ?1 AND id <> ?2 "
       "ORDER BY id LIMIT 1"},
      {&bucket_lookup_, "SELECT document_id FROM document_buckets WHERE bucket = ?1 LIMIT 32"},
      {&bucket_insert_, "INSERT OR IGNORE INTO document_buckets (bucket, document_id) VALUES (?1, ?2)"},
      {&bucket_delete_, "DELETE FROM document_buckets WHERE bucket = ?1 AND document_id = ?2"},
      {&signature_of_, "SELECT minhash, COALESCE(duplicate_of, id) FROM documents WHERE id = ?1"},
      {&records_of_doc_,
       "SELECT r.scope, r.province, r.region FROM records r WHERE r.document_id = ?1"},
      {&delete_records_, "DELETE FROM records WHERE document_id = ?1"},
      {&delete_mentions_, "DELETE FROM mentions WHERE document_id = ?1"},
      {&insert_mention_,
       "INSERT INTO mentions (document_id, kind, span_start, span_end, text, value, number, currency, "
       "qualifier, noun) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"},
      {&insert_record_,
       "INSERT INTO records (document_id, ordinal, scope, province, region, date, period_start, "
       "beneficiaries, beneficiaries_qualifier, women, projects, budget_mad, budget_qualifier, programme) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"},
      {&insert_sector_, "INSERT OR IGNORE INTO record_sectors (record_id, sector) VALUES (?1, ?2)"},
      {&insert_evidence_,
       "INSERT OR REPLACE INTO evidence (record_id, field, span_start, span_end, text, sentence_start, "
       "sentence_end, sentence, page) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"},
      {&insert_event_,
       "INSERT INTO events (scope, province, region, date, date_lo, date_hi, period_start, beneficiaries, "
       "beneficiaries_qualifier, women, projects, budget_mad, budget_qualifier, sectors, programme, "
       "source_count, independent_sources, has_conflict) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"},
      {&update_event_,
       "UPDATE events SET scope = ?1, province = ?2, region = ?3, date = ?4, date_lo = ?5, date_hi = ?6, "
       "period_start = ?7, beneficiaries = ?8, beneficiaries_qualifier = ?9, women = ?10, projects = ?11, "
       "budget_mad = ?12, budget_qualifier = ?13, sectors = ?14, programme = ?15, source_count = ?16, "
       "independent_sources = ?17, has_conflict = ?18 WHERE id = ?19"},
      {&delete_event_, "DELETE FROM events WHERE id = ?1"},
      {&insert_event_record_, "INSERT OR REPLACE INTO event_records (record_id, event_id) VALUES (?1, ?2)"},
      {&delete_conflicts_, "DELETE FROM event_conflicts WHERE event_id = ?1"},
      {&insert_conflict_, "INSERT OR IGNORE INTO event_conflicts (event_id, field, class) VALUES (?1, ?2, ?3)"},
      {&load_key_,
       "SELECT er.event_id, r.id, r.document_id, COALESCE(d.duplicate_of, d.id), r.scope, "
       "COALESCE(r.province, ''), COALESCE(r.region, ''), COALESCE(r.date, ''), COALESCE(r.period_start, ''), "
       "COALESCE(d.published, ''), r.beneficiaries, COALESCE(r.beneficiaries_qualifier, ''), r.women, "
       "r.projects, r.budget_mad, COALESCE(r.budget_qualifier, ''), COALESCE(r.programme, ''), "
       "(SELECT group_concat(sector) FROM record_sectors s WHERE s.record_id = r.id), d.uri, r.ordinal "
       "FROM events e JOIN event_records er ON er.event_id = e.id JOIN records r ON r.id = er.record_id "
       "JOIN documents d ON d.id = r.document_id "
       "WHERE e.scope = ?1 AND e.province IS ?2 AND (?2 IS NOT NULL OR e.region IS ?3) ORDER BY r.id"},
  };
  for (const Def& d : defs) {
    auto stmt = sql::Prepare(db, d.sql);
    if (!stmt.ok()) return stmt.status();
    *d.stmt = std::move(*stmt);
  }
  auto codes = sql::Prepare(db, "SELECT code, region FROM provinces UNION ALL SELECT code, NULL FROM regions");
  if (!codes.ok()) return codes.status();
  int rc;
  while ((rc = codes->Step()) == SQLITE_ROW) {
    if (codes->IsNull(1)) {
      region_codes_.insert(codes->Text(0));
    } else {
      province_codes_.insert(codes->Text(0));
      province_region_[codes->Text(0)] = codes->Text(1);
    }
  }
  if (rc != SQLITE_DONE) return sql::Error(db, "reading the gazetteer");
  ready_ = true;
  return Status::Ok();
}

Result<std::vector<WriteResult>> Writer::Write(std::vector<PreparedDocument>* batch) {
  sqlite3* db = store_->db;
  std::vector<WriteResult> results(batch->size());
  std::vector<bool> excluded(batch->size(), false);
  std::string now = NowUtc();
  ++batches_written_;
  // No savepoint per document: a savepoint makes the full-text index flush
  // what it has gathered, one document at a time, which more than halves
  // the write rate (statement journals do the same, hence the index is
  // written last). A document that fails instead rolls the batch back, and
  // the batch is written again without it.
  for (;;) {
    Status s = sql::Exec(db, "BEGIN IMMEDIATE", "starting a batch");
    if (!s.ok()) return s;
    // Another connection may have written since our last batch: then what
    // we remember of events is stale.
    auto version = sql::QueryInt(db, "PRAGMA data_version");
    if (!version.ok()) {
      sql::Exec(db, "ROLLBACK", "");
      return version.status();
    }
    if (*version != data_version_) {
      cache_.clear();
      signatures_.clear();
    }
    size_t failed = batch->size();
    index_changes_.clear();
    changed_keys_.clear();
    for (size_t i = 0; i < batch->size() && s.ok(); ++i) {
      if (excluded[i]) continue;
      results[i] = WriteResult();
      s = WriteOne((*batch)[i], now, &results[i]);
      if (!s.ok()) failed = i;
    }
    if (s.ok()) s = SaveChangedEvents();
    if (s.ok()) s = ApplyIndexChanges();
    if (s.ok()) MaybeCrash(CrashPoint::kBeforeCommit);
    if (s.ok()) s = sql::Exec(db, "COMMIT", "committing a batch");
    if (s.ok()) MaybeCrash(CrashPoint::kAfterCommit);
    index_changes_.clear();
    changed_keys_.clear();
    if (s.ok()) break;
    sql::Exec(db, "ROLLBACK", "");
    cache_.clear();  // it may hold what was just undone
    signatures_.clear();
    // Only a document's own fault (bad values, a constraint) is retried
    // without it; a full disk or a lock held too long fails the batch.
    if (failed == batch->size() || s.code() != Status::Code::kInvalidArgument) return s;
    excluded[failed] = true;
    results[failed] = WriteResult();
    results[failed].outcome = Outcome::kFailed;
    results[failed].error = s.message();
  }
  auto version = sql::QueryInt(db, "PRAGMA data_version");
  data_version_ = version.ok() ? *version : -1;
  return results;
}

Status Writer::RebuildEvents() {
  auto keys = sql::Prepare(store_->db, "SELECT DISTINCT scope, COALESCE(province, ''), COALESCE(region, '') FROM records");
  if (!keys.ok()) return keys.status();
  std::vector<MergeRecord> stubs;
  int rc;
  while ((rc = keys->Step()) == SQLITE_ROW) {
    MergeRecord k;
    k.scope = keys->Text(0);
    k.province = keys->Text(1);
    k.region = keys->Text(2);
    stubs.push_back(std::move(k));
  }
  if (rc != SQLITE_DONE) return sql::Error(store_->db, "listing the merge keys");
  cache_.clear();
  changed_keys_.clear();
  for (const MergeRecord& k : stubs) {
    auto events = EventsOfKey(k);
    if (!events.ok()) return events.status();
    changed_keys_.insert(MergeKey(k));
  }
  Status s = SaveChangedEvents();
  changed_keys_.clear();
  cache_.clear();
  return s;
}

Status Writer::SaveChangedEvents() {
  for (const std::string& name : changed_keys_) {
    auto key = cache_.find(name);
    if (key == cache_.end()) return Status::Corruption("the events of " + name + " were forgotten mid-batch");
    Status s = Recluster(&key->second);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status Writer::Recluster(KeyEvents* key) {
  MergeOptions o{store_->options.max_date_gap_days, store_->options.undated_window_days};
  std::vector<MergeRecord> all;
  std::map<int64_t, int64_t> old_event;  // record id -> event id
  std::map<int64_t, std::set<int64_t>> old_members;
  for (auto& [id, ev] : key->events) {
    old_members[id];  // an event whose records all went is deleted below
    for (MergeRecord& m : ev.members) {
      old_event[m.record_id] = id;
      old_members[id].insert(m.record_id);
      all.push_back(std::move(m));
    }
  }
  for (MergeRecord& m : key->pending) all.push_back(std::move(m));
  key->pending.clear();
  key->events.clear();

  std::set<int64_t> kept;
  for (const std::vector<size_t>& cluster : ClusterRecords(all, o)) {
    // The old event this one shares most records with keeps its id.
    std::map<int64_t, int> shared;
    for (size_t i : cluster) {
      auto it = old_event.find(all[i].record_id);
      if (it != old_event.end()) ++shared[it->second];
    }
    int64_t id = 0;
    int most = 0;
    for (auto [old_id, n] : shared) {
      if (n > most && !kept.count(old_id)) {
        id = old_id;
        most = n;
      }
    }
    CachedEvent ev;
    std::set<int64_t> members;
    for (size_t i : cluster) {
      members.insert(all[i].record_id);
      ev.members.push_back(all[i]);
    }
    // An event whose members are those it had is stored as it was.
    bool unchanged = id != 0 && old_members[id] == members;
    if (!unchanged) {
      Status s = SaveEvent(&id, ev);
      if (!s.ok()) return s;
      for (size_t i : cluster) {
        auto it = old_event.find(all[i].record_id);
        if (it != old_event.end() && it->second == id) continue;
        s = insert_event_record_.Bind(1, all[i].record_id).Bind(2, id).Run("linking a record to its event");
        if (!s.ok()) return s;
      }
    }
    kept.insert(id);
    key->events[id] = std::move(ev);
  }
  for (const auto& [id, members] : old_members) {
    if (kept.count(id)) continue;
    Status s = DeleteEvent(id);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status Writer::ApplyIndexChanges() {
  for (const IndexChange& c : index_changes_) {
    Status s = c.remove ? fts_delete_.Bind(1, c.document_id).BindStatic(2, c.old_title).BindStatic(3, c.old_text)
                              .Run("updating the search index")
                        : fts_insert_.Bind(1, c.document_id).BindStatic(2, *c.title).BindStatic(3, *c.text)
                              .Run("updating the search index");
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status Writer::CheckRecords(const DocumentInput& in) {
  for (size_t i = 0; i < in.records.size(); ++i) {
    const Record& rec = in.records[i];
    if (rec.province && !province_codes_.count(*rec.province)) {
      return Status::InvalidArgument("record " + std::to_string(i + 1) + " names province '" + *rec.province +
                                     "', which the database's gazetteer does not know");
    }
    if (rec.region && !region_codes_.count(*rec.region)) {
      return Status::InvalidArgument("record " + std::to_string(i + 1) + " names region '" + *rec.region +
                                     "', which the database's gazetteer does not know");
    }
  }
  return Status::Ok();
}

Status Writer::WriteOne(PreparedDocument& doc, const std::string& now, WriteResult* result) {
  DocumentInput& in = doc.input;
  if (in.uri.empty()) in.uri = in.document.source;
  if (in.uri.empty()) return Status::InvalidArgument("a document without a source or URL");
  if (doc.content_hash.empty()) doc = Prepare(std::move(in));
  Status s = CheckRecords(in);
  if (!s.ok()) return s;

  int64_t doc_id = 0;
  {
    find_doc_.Bind(1, in.uri);
    sql::ResetOnExit reset(find_doc_);
    int rc = find_doc_.Step();
    if (rc == SQLITE_ROW) {
      doc_id = find_doc_.Int(0);
      if (find_doc_.Text(1) == doc.content_hash) {
        result->outcome = Outcome::kUnchanged;
        result->document_id = doc_id;
        return Status::Ok();
      }
    } else if (rc != SQLITE_DONE) {
      return sql::Error(store_->db, "looking up " + in.uri);
    }
  }
  if (doc_id) {
    s = RemoveOldContent(doc_id);
    if (!s.ok()) return s;
  }

  int64_t root = 0;
  double similarity = 0;
  s = FindNearDuplicate(doc, doc_id, &root, &similarity);
  if (!s.ok()) return s;

  sql::Stmt& st = doc_id ? update_doc_ : insert_doc_;
  std::string blob = SignatureToBlob(doc.signature);
  const Document& d = in.document;
  st.Bind(1, in.uri).Bind(2, d.source.empty() ? in.uri : d.source);
  st.BindTextOrNull(3, d.url).BindTextOrNull(4, d.site).BindTextOrNull(5, d.title);
  st.BindTextOrNull(6, d.lang).BindTextOrNull(7, d.published).BindTextOrNull(8, d.fetched);
  st.BindTextOrNull(9, d.kind).Bind(10, doc.content_hash).BindStatic(11, d.text);
  if (in.original.empty()) {
    st.BindNull(12);
  } else {
    st.BindStatic(12, in.original);
  }
  if (root) {
    st.Bind(13, root).Bind(14, similarity);
  } else {
    st.BindNull(13).BindNull(14);
  }
  if (blob.empty()) {
    st.BindNull(15);
  } else {
    st.BindBlob(15, blob.data(), blob.size());
  }
  st.Bind(16, static_cast<int64_t>(in.records.size())).Bind(17, now);
  if (doc_id) st.Bind(18, doc_id);
  st.Bind(19, d.source_kind == "official" ? std::string("official") : std::string("press"));
  if (d.page_starts.empty()) {
    st.BindNull(20);
  } else {
    st.Bind(20, static_cast<int64_t>(d.page_starts.size()));
  }
  s = st.Run("storing " + in.uri);
  if (!s.ok()) return s;
  result->outcome = doc_id ? Outcome::kReplaced : Outcome::kStored;
  if (!doc_id) doc_id = sqlite3_last_insert_rowid(store_->db);
  result->document_id = doc_id;
  result->duplicate_of = root;
  result->similarity = similarity;

  IndexChange add;
  add.document_id = doc_id;
  add.title = &doc.folded_title;
  add.text = &doc.folded_text;
  index_changes_.push_back(std::move(add));
  for (int64_t key : in.records.empty() ? std::vector<int64_t>() : BucketKeys(doc.signature)) {
    s = bucket_insert_.Bind(1, key).Bind(2, doc_id).Run("indexing " + in.uri);
    if (!s.ok()) return s;
  }
  if (!in.records.empty() && !doc.signature.empty()) {
    signatures_[doc_id] = KnownSignature{doc.signature, root ? root : doc_id};
  } else {
    signatures_.erase(doc_id);
  }

  for (const Mention& m : in.mentions) {
    insert_mention_.Bind(1, doc_id).Bind(2, m.kind).Bind(3, m.span.start).Bind(4, m.span.end).Bind(5, m.text);
    insert_mention_.BindTextOrNull(6, m.value);
    if (m.kind == "number" || m.kind == "money" || m.kind == "count") {
      insert_mention_.Bind(7, m.number);
    } else {
      insert_mention_.BindNull(7);
    }
    insert_mention_.BindTextOrNull(8, m.currency).BindTextOrNull(9, m.qualifier).BindTextOrNull(10, m.noun);
    s = insert_mention_.Run("storing a mention of " + in.uri);
    if (!s.ok()) return s;
  }

  std::vector<MergeRecord> merged;
  s = InsertRecords(doc, doc_id, root ? root : doc_id, &merged);
  if (!s.ok()) return s;
  result->records = static_cast<int>(merged.size());
  for (MergeRecord& r : merged) {
    s = MergeIntoEvents(std::move(r));
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status Writer::RemoveOldContent(int64_t doc_id) {
  // The index entries must be deleted with the values they were made from.
  std::string old_title, old_text, old_blob;
  {
    old_doc_.Bind(1, doc_id);
    sql::ResetOnExit reset(old_doc_);
    if (old_doc_.Step() != SQLITE_ROW) return sql::Error(store_->db, "reading a stored document");
    old_title = old_doc_.Text(0);
    old_text = old_doc_.Text(1);
    if (old_doc_.Int(3) > 0) old_blob = std::string(old_doc_.Blob(2));  // only those were bucketed
  }
  IndexChange remove;
  remove.remove = true;
  remove.document_id = doc_id;
  remove.old_title = FoldForSearch(old_title);
  remove.old_text = FoldForSearch(old_text);
  index_changes_.push_back(std::move(remove));
  Status s;
  for (int64_t key : BucketKeys(SignatureFromBlob(old_blob))) {
    s = bucket_delete_.Bind(1, key).Bind(2, doc_id).Run("updating the index");
    if (!s.ok()) return s;
  }
  // Load the events the old records belong to before the records go.
  std::vector<MergeRecord> keys;
  {
    records_of_doc_.Bind(1, doc_id);
    sql::ResetOnExit reset(records_of_doc_);
    int rc;
    while ((rc = records_of_doc_.Step()) == SQLITE_ROW) {
      MergeRecord k;
      k.scope = records_of_doc_.Text(0);
      k.province = records_of_doc_.Text(1);
      k.region = records_of_doc_.Text(2);
      keys.push_back(std::move(k));
    }
    if (rc != SQLITE_DONE) return sql::Error(store_->db, "reading old records");
  }
  std::set<KeyEvents*> touched;
  for (const MergeRecord& k : keys) {
    auto events = EventsOfKey(k);
    if (!events.ok()) return events.status();
    touched.insert(*events);
    changed_keys_.insert(MergeKey(k));
  }
  s = delete_records_.Bind(1, doc_id).Run("removing old records");
  if (s.ok()) s = delete_mentions_.Bind(1, doc_id).Run("removing old mentions");
  if (!s.ok()) return s;
  for (KeyEvents* key : touched) {
    for (auto& [id, ev] : key->events) {
      auto& members = ev.members;
      members.erase(std::remove_if(members.begin(), members.end(),
                                   [&](const MergeRecord& m) { return m.document_id == doc_id; }),
                    members.end());
    }
  }
  return Status::Ok();
}

Status Writer::FindNearDuplicate(const PreparedDocument& doc, int64_t self_id, int64_t* root, double* similarity) {
  *root = 0;
  *similarity = 0;
  {
    find_by_hash_.Bind(1, doc.content_hash).Bind(2, self_id);
    sql::ResetOnExit reset(find_by_hash_);
    int rc = find_by_hash_.Step();
    if (rc == SQLITE_ROW) {
      *root = find_by_hash_.Int(1);
      *similarity = 1.0;
      return Status::Ok();
    }
    if (rc != SQLITE_DONE) return sql::Error(store_->db, "looking for duplicates");
  }
  // Near-copies are looked for among documents with records only: links
  // exist so that an event is not counted twice, and most crawled pages
  // have no record (each search costs a fifth of a document's write).
  if (doc.signature.empty() || doc.input.records.empty()) return Status::Ok();
  std::set<int64_t> candidates;
  for (int64_t key : BucketKeys(doc.signature)) {
    bucket_lookup_.Bind(1, key);
    sql::ResetOnExit reset(bucket_lookup_);
    int rc;
    while ((rc = bucket_lookup_.Step()) == SQLITE_ROW) {
      int64_t id = bucket_lookup_.Int(0);
      if (id != self_id) candidates.insert(id);
    }
    if (rc != SQLITE_DONE) return sql::Error(store_->db, "looking for near-duplicates");
    if (candidates.size() >= 64) break;
  }
  double best = 0;
  int64_t best_root = 0;
  if (signatures_.size() > kMaxSignatures) signatures_.clear();
  for (int64_t id : candidates) {
    auto known = signatures_.find(id);
    if (known == signatures_.end()) {
      signature_of_.Bind(1, id);
      sql::ResetOnExit reset(signature_of_);
      if (signature_of_.Step() != SQLITE_ROW) continue;
      known = signatures_.emplace(id, KnownSignature{SignatureFromBlob(signature_of_.Blob(0)), signature_of_.Int(1)})
                  .first;
    }
    double sim = EstimatedSimilarity(doc.signature, known->second.signature);
    if (sim > best) {
      best = sim;
      best_root = known->second.root;
    }
  }
  if (best >= store_->options.near_duplicate_similarity && best_root != self_id) {
    *root = best_root;
    *similarity = best;
  }
  return Status::Ok();
}

Status Writer::InsertRecords(const PreparedDocument& doc, int64_t doc_id, int64_t cluster_id,
                             std::vector<MergeRecord>* out) {
  const DocumentInput& in = doc.input;
  for (size_t i = 0; i < in.records.size(); ++i) {
    const Record& rec = in.records[i];
    std::string region = rec.region.value_or("");
    if (region.empty() && rec.province) region = province_region_[*rec.province];
    sql::Stmt& st = insert_record_;
    st.Bind(1, doc_id).Bind(2, static_cast<int64_t>(i)).Bind(3, ScopeName(rec.scope));
    st.Bind(4, rec.province).BindTextOrNull(5, region).Bind(6, rec.date).Bind(7, rec.period_start);
    st.Bind(8, rec.beneficiaries);
    if (rec.beneficiaries) {
      st.Bind(9, QualifierName(rec.beneficiaries_qualifier.value_or(Qualifier::kExact)));
    } else {
      st.BindNull(9);
    }
    st.Bind(10, rec.women).Bind(11, rec.projects).Bind(12, rec.budget_mad);
    if (rec.budget_mad) {
      st.Bind(13, QualifierName(rec.budget_qualifier.value_or(Qualifier::kExact)));
    } else {
      st.BindNull(13);
    }
    st.Bind(14, rec.programme);
    Status s = st.Run("storing record " + std::to_string(i + 1) + " of " + in.uri);
    if (!s.ok()) return s;
    int64_t record_id = sqlite3_last_insert_rowid(store_->db);
    for (const std::string& sector : rec.sectors) {
      s = insert_sector_.Bind(1, record_id).Bind(2, sector).Run("storing a sector");
      if (!s.ok()) return s;
    }
    for (const auto& [field, ev] : rec.evidence) {
      insert_evidence_.Bind(1, record_id).Bind(2, field).Bind(3, ev.span.start).Bind(4, ev.span.end);
      insert_evidence_.Bind(5, ev.text).Bind(6, ev.sentence.start).Bind(7, ev.sentence.end);
      insert_evidence_.Bind(8, ev.sentence_text);
      if (ev.page > 0) {
        insert_evidence_.Bind(9, ev.page);
      } else {
        insert_evidence_.BindNull(9);
      }
      s = insert_evidence_.Run("storing evidence");
      if (!s.ok()) return s;
    }
    MergeRecord m;
    m.record_id = record_id;
    m.document_id = doc_id;
    m.uri = in.uri;
    m.ordinal = static_cast<int64_t>(i);
    m.cluster_id = cluster_id;
    m.scope = ScopeName(rec.scope);
    m.province = rec.province.value_or("");
    m.region = region;
    m.date = rec.date.value_or("");
    m.period_start = rec.period_start.value_or("");
    m.published = in.document.published;
    m.beneficiaries = rec.beneficiaries;
    if (rec.beneficiaries) m.beneficiaries_qualifier = QualifierName(rec.beneficiaries_qualifier.value_or(Qualifier::kExact));
    m.women = rec.women;
    m.projects = rec.projects;
    m.budget_mad = rec.budget_mad;
    if (rec.budget_mad) m.budget_qualifier = QualifierName(rec.budget_qualifier.value_or(Qualifier::kExact));
    m.sectors = rec.sectors;
    std::sort(m.sectors.begin(), m.sectors.end());
    m.sectors.erase(std::unique(m.sectors.begin(), m.sectors.end()), m.sectors.end());
    m.programme = rec.programme.value_or("");
    out->push_back(std::move(m));
  }
  return Status::Ok();
}

Result<KeyEvents*> Writer::EventsOfKey(const MergeRecord& r) {
  std::string key = MergeKey(r);
  auto it = cache_.find(key);
  if (it != cache_.end()) return &it->second;
  KeyEvents loaded;
  std::map<int64_t, CachedEvent>& events = loaded.events;
  load_key_.Bind(1, r.scope);
  if (r.province.empty()) {
    load_key_.BindNull(2);
  } else {
    load_key_.Bind(2, r.province);
  }
  load_key_.BindTextOrNull(3, r.region);
  sql::ResetOnExit reset(load_key_);
  int rc;
  while ((rc = load_key_.Step()) == SQLITE_ROW) {
    MergeRecord m;
    int64_t event_id = load_key_.Int(0);
    m.record_id = load_key_.Int(1);
    m.document_id = load_key_.Int(2);
    m.cluster_id = load_key_.Int(3);
    m.scope = load_key_.Text(4);
    m.province = load_key_.Text(5);
    m.region = load_key_.Text(6);
    m.date = load_key_.Text(7);
    m.period_start = load_key_.Text(8);
    m.published = load_key_.Text(9);
    m.beneficiaries = load_key_.OptInt(10);
    m.beneficiaries_qualifier = load_key_.Text(11);
    m.women = load_key_.OptInt(12);
    m.projects = load_key_.OptInt(13);
    m.budget_mad = load_key_.OptDouble(14);
    m.budget_qualifier = load_key_.Text(15);
    m.programme = load_key_.Text(16);
    m.sectors = SplitVariants(load_key_.Text(17), ',');
    m.uri = load_key_.Text(18);
    m.ordinal = load_key_.Int(19);
    std::sort(m.sectors.begin(), m.sectors.end());
    events[event_id].members.push_back(std::move(m));
  }
  if (rc != SQLITE_DONE) return sql::Error(store_->db, "reading events");
  return &(cache_[key] = std::move(loaded));
}

Status Writer::MergeIntoEvents(MergeRecord r) {
  auto key = EventsOfKey(r);
  if (!key.ok()) return key.status();
  changed_keys_.insert(MergeKey(r));
  (*key)->pending.push_back(std::move(r));
  return Status::Ok();
}

Status Writer::SaveEvent(int64_t* event_id, CachedEvent& ev) {
  bool is_new = *event_id == 0;
  ConsolidatedEvent c = Consolidate(ev.members);
  sql::Stmt& st = is_new ? insert_event_ : update_event_;
  st.Bind(1, c.scope).BindTextOrNull(2, c.province).BindTextOrNull(3, c.region);
  st.BindTextOrNull(4, c.date).BindTextOrNull(5, c.date_lo).BindTextOrNull(6, c.date_hi);
  st.BindTextOrNull(7, c.period_start).Bind(8, c.beneficiaries).BindTextOrNull(9, c.beneficiaries_qualifier);
  st.Bind(10, c.women).Bind(11, c.projects).Bind(12, c.budget_mad).BindTextOrNull(13, c.budget_qualifier);
  st.Bind(14, c.sectors).BindTextOrNull(15, c.programme).Bind(16, c.source_count);
  st.Bind(17, c.independent_sources).Bind(18, static_cast<int64_t>(c.has_contradiction() ? 1 : 0));
  if (!is_new) st.Bind(19, *event_id);
  Status s = st.Run("storing an event");
  if (!s.ok()) return s;
  if (is_new) {
    *event_id = sqlite3_last_insert_rowid(store_->db);
  } else {
    s = delete_conflicts_.Bind(1, *event_id).Run("storing an event's conflicts");
    if (!s.ok()) return s;
  }
  for (const FigureDifference& d : c.differences) {
    s = insert_conflict_.Bind(1, *event_id).Bind(2, d.field).Bind(3, d.kind).Run("storing an event's conflicts");
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

Status Writer::DeleteEvent(int64_t event_id) {
  return delete_event_.Bind(1, event_id).Run("removing an event");
}

}  // namespace rasd::store
