// store: the SQLite database rasd fills with documents, the records
// extracted from them and the events merged from those records, and the
// queries the commands run on it. The schema is documented in
// store/SCHEMA.md; people may query the file directly with sqlite3.
//
//   auto store = Store::Open({.create = true}, "rasd.db");
//   if (!store.ok()) { report store.status(); }
//   (*store)->RefreshGazetteer(data_dir);
//   std::vector<PreparedDocument> batch = ...;   // Prepare() on any thread
//   auto results = (*store)->Write(&batch);      // one transaction
//   auto events = (*store)->Events(EventFilter{.province = "MA-SIK"});
//
// Guarantees: a batch is written in one transaction, so a run killed at any
// moment leaves the database as it was after the last complete batch; a
// reader sees whole batches only (WAL snapshots). A file that is not a rasd
// database, or one written by a newer rasd, is refused and left untouched.
// One Store object is used by one thread at a time; open one per thread.
#ifndef RASD_STORE_STORE_H_
#define RASD_STORE_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "common/document.h"
#include "common/status.h"
#include "extract/lexicon.h"
#include "extract/record.h"

namespace rasd::store {

struct StoreOptions {
  bool create = false;     // create the database when the file does not exist
  bool read_only = false;  // open for queries only; the schema must be current
  int busy_timeout_ms = 60000;  // how long to wait for another writer
  // Merging records into events (see store/merge.h).
  int max_date_gap_days = 3;
  int undated_window_days = 45;
  // Estimated Jaccard similarity of word shingles from which two documents
  // are near-duplicates (the same dispatch republished).
  double near_duplicate_similarity = 0.5;
};

// The schema version this rasd writes (PRAGMA user_version).
int CurrentSchemaVersion();

// One document and what extraction found in it.
struct DocumentInput {
  std::string uri;  // identity in the store; empty: document.source
  Document document;     // evidence spans count code points of document.text
  std::string original;  // the input as read, when kept; may be empty
  std::vector<Record> records;
  std::vector<Mention> mentions;
};

// A document with what the store computes from it. Prepare() is the costly
// part (hashing, folding, shingling) and is safe to run on any thread, so
// the single writer only writes.
struct PreparedDocument {
  DocumentInput input;
  std::string content_hash;
  std::string folded_title;
  std::string folded_text;
  std::vector<uint32_t> signature;  // empty for a document without records
};
PreparedDocument Prepare(DocumentInput input);

// SHA-256 of a document's text, the content hash the store keeps, in hex.
std::string ContentHash(const std::string& text);

enum class Outcome {
  kStored,     // new document
  kReplaced,   // same uri, new content: its old records were replaced
  kUnchanged,  // same uri and content: nothing written
  kFailed,     // not written; `error` says why
};

struct WriteResult {
  Outcome outcome = Outcome::kFailed;
  int64_t document_id = 0;
  int records = 0;
  int64_t duplicate_of = 0;  // near-duplicate original, 0 when none
  double similarity = 0;
  std::string error;
};

// A cell of a query result.
using Value = std::variant<std::monostate, int64_t, double, std::string>;
using Fields = std::vector<std::pair<std::string, Value>>;  // ordered name -> value

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
};

// Filters of `rasd events`, `conflicts` and `export`. Empty means no filter.
// Province and region take an ISO code or an Arabic or French name.
struct EventFilter {
  std::string province;
  std::string region;
  std::string from;  // YYYY, YYYY-MM or YYYY-MM-DD: events whose date may fall on or after it
  std::string to;
  std::string sector;
  std::string scope;  // event | aggregate
  std::optional<int64_t> min_beneficiaries;
};

enum class CoverageBy { kAll, kYear, kMonth };

struct CoverageReport {
  Table rows;                                // per province (and period)
  std::vector<Fields> provinces_without_events;  // code, names, region
};

// A figure with the sentence it came from, as `rasd show` prints it.
struct FigureEvidence {
  std::string field;  // beneficiaries, women, projects, budget_mad, date, province, sectors/CODE, ...
  Value value;
  std::string qualifier;
  int64_t record_id = 0;
  int64_t document_id = 0;
  std::string evidence;   // the figure's text
  std::string sentence;   // the sentence around it
  int64_t mark_begin = 0;  // the figure's place in `sentence`, in code points
  int64_t mark_end = 0;
  std::string source;      // the document's URL, else the reader's name for it (a path)
  bool in_conflict = false;  // sources contradict each other on this figure
};

struct EventDetail {
  Fields event;                       // the event_list view's columns
  std::vector<std::string> conflicts;   // figures on which sources contradict each other
  std::vector<std::string> compatible;  // figures sources give differently but compatibly
  std::vector<Fields> sources;        // document id, source (URL or path), uri, site, title, published, duplicate_of
  std::vector<FigureEvidence> figures;
};

struct DocumentDetail {
  Fields document;  // metadata, without the text
  std::vector<Fields> records;  // record id, event id, fields
  std::vector<FigureEvidence> figures;
  std::vector<Fields> duplicates;  // documents linked to this one as near-duplicates
};

struct Counts {
  int64_t documents = 0, records = 0, events = 0, mentions = 0, near_duplicates = 0;
};

class StoreImpl;

class Store {
 public:
  static Result<std::unique_ptr<Store>> Open(const StoreOptions& options, const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const;

  // Loads regions and provinces from data_dir/gazetteer/provinces.tsv into
  // the database (inserting or updating; nothing is deleted).
  Status RefreshGazetteer(const std::string& data_dir);

  // True when `uri` is stored with this content hash: ingesting it again
  // would change nothing, so extraction can be skipped.
  Result<bool> IsStored(const std::string& uri, const std::string& content_hash);

  // Writes a batch in one transaction. A document that cannot be written is
  // reported in its result and the others are kept; a non-OK status means
  // the whole batch was rolled back (disk full, database locked too long).
  Result<std::vector<WriteResult>> Write(std::vector<PreparedDocument>* batch);

  // Queries. Each runs in one read transaction: a consistent snapshot.
  Result<Table> Events(const EventFilter& filter);
  Result<CoverageReport> Coverage(CoverageBy by);
  // Every value of every figure an event's sources give differently; only
  // differences of class `only_class` (contradiction, compatible) unless empty.
  Result<Table> Conflicts(const EventFilter& filter, const std::string& only_class = "");
  Result<EventDetail> ShowEvent(int64_t event_id);
  // By id, uri or source.
  Result<DocumentDetail> ShowDocument(const std::string& key);
  // Documents holding every word of `query` with any of its clitics (see
  // store/search_query.h; LoadSearchClitics reads them from the data folder).
  Result<Table> Search(const std::string& query, int limit, const std::vector<Clitics>& clitics);
  // Events with their sources and every figure's evidence.
  Result<std::vector<EventDetail>> Export(const EventFilter& filter);
  Result<Counts> Count();
  // Every record with its document's source, its ordinal and its event
  // (source, ordinal, event_id, scope, province, region, date, period_start,
  // figures and qualifiers, programme), in source and ordinal order.
  Result<Table> RecordEvents();
  // Every figure of every record with what `rasd compare` needs: its
  // document's source kind, the record's event, place and date, the
  // evidence sentence and page (columns: see store/compare.h).
  Result<Table> SourceFigures();

  // Resolves an ISO code or an Arabic or French name (any spelling variant
  // of the gazetteer) to a province or region code.
  Result<std::string> ResolveProvince(const std::string& name);
  Result<std::string> ResolveRegion(const std::string& name);

 private:
  explicit Store(std::unique_ptr<StoreImpl> impl);
  std::unique_ptr<StoreImpl> impl_;
};

const char* OutcomeName(Outcome o);

}  // namespace rasd::store

#endif  // RASD_STORE_STORE_H_
