// The ingest pipeline behind `rasd ingest`: documents from the readers go
// through a bounded queue to several extraction threads, then to one writer
// thread that stores them in batches, in the order they were read (so a run
// gives the same events whatever the thread timing).
//
//   IngestPipeline pipeline(store, extractor, {});
//   ingest::ReadPaths(paths, {}, &pipeline);   // the pipeline is a Sink
//   Result<IngestSummary> summary = pipeline.Finish();
#ifndef RASD_STORE_PIPELINE_H_
#define RASD_STORE_PIPELINE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "store/store.h"

namespace rasd::store {

struct PipelineOptions {
  int extract_threads = 0;   // 0: one per core
  size_t batch_size = 1000;  // documents per transaction
  bool keep_mentions = true;  // store the extractor's mentions too
  std::string lang;           // "ar" or "fr": every document read in it; empty: each its own
  // A document already stored with the same content is recognised before
  // extraction and costs only its hash.
  bool skip_unchanged = true;
  // A document with neither a record nor a mention (not about the
  // programme) is stored too; when false it is only counted (per input).
  bool keep_unrelated = true;
};

// What one input (a path given to ingest) gave: kept in the store's
// `inputs` table (store/inputs.h).
struct InputCounts {
  std::string name;
  int64_t read = 0;          // documents the readers produced (in the table: pages read, prefiltered ones too)
  int64_t prefiltered = 0;   // pages skipped by the prefilter (no programme cue)
  int64_t failed = 0;        // unreadable, or not stored
  int64_t stored = 0;        // stored or replaced
  int64_t not_kept = 0;      // read and extracted, not about the programme: counted only
  double seconds = 0;        // reading time of the input
};

struct IngestProgress {
  int64_t documents = 0;  // documents the writer has dealt with
  int64_t records = 0;    // records stored
  double seconds = 0;
};

struct IngestSummary {
  int64_t documents_read = 0;  // documents the readers produced
  int64_t stored = 0;          // new documents
  int64_t replaced = 0;        // same source, new content
  int64_t unchanged = 0;       // already stored: skipped as duplicates
  int64_t failed = 0;          // inputs that could not be read or stored
  int64_t not_articles = 0;    // readable records that are not articles
  int64_t prefiltered = 0;     // pages skipped by the prefilter
  int64_t not_kept = 0;        // documents not about the programme, counted only
  std::vector<InputCounts> inputs;  // per input, in the order given (BeginInput)
  int64_t records = 0;         // records stored
  int64_t near_duplicates = 0;  // stored documents linked to an earlier one
  std::vector<std::pair<std::string, std::string>> failures;  // source, reason
  double seconds = 0;
  // Where the CPU time went: extraction and preparation on the worker
  // threads (summed), writing on the writer thread.
  double extract_seconds = 0;
  double write_seconds = 0;
};

class PipelineState;

class IngestPipeline : public ingest::Sink {
 public:
  // `store` (opened for writing) and `extractor` must outlive the pipeline.
  // Extraction threads open their own read connections to store->path().
  IngestPipeline(Store* store, const Extractor* extractor, PipelineOptions options,
                 std::function<void(const IngestProgress&)> on_progress = {});
  ~IngestPipeline() override;
  IngestPipeline(const IngestPipeline&) = delete;
  IngestPipeline& operator=(const IngestPipeline&) = delete;

  // ingest::Sink. OnDocument blocks while the pipeline is full.
  void OnDocument(Document&& doc) override;
  void OnError(const std::string& source, const std::string& reason) override;
  void OnSkipped(const std::string& source, const std::string& reason) override;
  void OnPrefiltered(const std::string& source) override;
  // What follows comes from this input (counted apart in the summary).
  void BeginInput(const std::string& name);
  // A document extracted already (`rasd extract --for-ingest`, read back with
  // store/extracted.h): stored as OnDocument would store it, without
  // extracting again; written in the order given, like read documents.
  void OnExtracted(DocumentInput&& document);

  // Waits until every document is written. A non-OK status means storing
  // stopped (disk full, database locked too long); what was committed stays.
  Result<IngestSummary> Finish();

 private:
  std::unique_ptr<PipelineState> state_;
};

}  // namespace rasd::store

#endif  // RASD_STORE_PIPELINE_H_
