#include "store/pipeline.h"

#include <time.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "common/ordered_jobs.h"
#include "store/extracted.h"

namespace rasd::store {
namespace {

using Clock = std::chrono::steady_clock;

// CPU time of the calling thread: on a shared machine, wall time measures
// the neighbours as much as the work.
double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Item {
  enum class State { kReady, kUnchanged, kFailed, kNotKept };
  int64_t seq = 0;
  int input = -1;  // index in IngestSummary::inputs
  Document doc;
  // Extracted already (rasd ingest --records): only prepared here.
  std::optional<DocumentInput> extracted;
  State state = State::kFailed;
  PreparedDocument prepared;
  std::string error;
};

}  // namespace

class PipelineState {
 public:
  PipelineState(Store* s, const Extractor* e, PipelineOptions o, std::function<void(const IngestProgress&)> p)
      : store(s), extractor(e), options(o), on_progress(std::move(p)) {
    if (options.batch_size == 0) options.batch_size = 1;
    int threads = ThreadsOrOnePerCore(options.extract_threads);
    max_in_flight = options.batch_size * 2 + static_cast<size_t>(threads) * 8;
    start = Clock::now();
    writer = std::thread([this] { WriterLoop(); });
    for (int i = 0; i < threads; ++i) workers.emplace_back([this] { WorkerLoop(); });
  }

  void Add(Document&& doc) {
    auto item = std::make_unique<Item>();
    item->doc = std::move(doc);
    Enqueue(std::move(item));
  }

  void Add(DocumentInput&& extracted) {
    auto item = std::make_unique<Item>();
    item->doc.source = extracted.document.source;
    item->extracted = std::move(extracted);
    Enqueue(std::move(item));
  }

  void Enqueue(std::unique_ptr<Item> item) {
    std::unique_lock<std::mutex> lk(mu);
    ++summary.documents_read;
    item->input = current_input;
    if (current_input >= 0) ++summary.inputs[current_input].read;
    space_cv.wait(lk, [&] { return stop || next_seq - next_write < static_cast<int64_t>(max_in_flight); });
    if (stop) return;
    item->seq = next_seq++;
    input.push_back(std::move(item));
    input_cv.notify_one();
  }

  void AddFailure(const std::string& source, const std::string& reason) {
    std::lock_guard<std::mutex> lk(mu);
    ++summary.failed;
    if (current_input >= 0) ++summary.inputs[current_input].failed;
    summary.failures.emplace_back(source, reason);
  }

  void AddPrefiltered() {
    std::lock_guard<std::mutex> lk(mu);
    ++summary.prefiltered;
    if (current_input >= 0) ++summary.inputs[current_input].prefiltered;
  }

  void BeginInput(const std::string& name) {
    auto now = Clock::now();
    std::lock_guard<std::mutex> lk(mu);
    if (current_input >= 0) summary.inputs[current_input].seconds = std::chrono::duration<double>(now - input_start).count();
    summary.inputs.push_back(InputCounts{.name = name});
    current_input = static_cast<int>(summary.inputs.size()) - 1;
    input_start = now;
  }

  void AddSkipped() {
    std::lock_guard<std::mutex> lk(mu);
    ++summary.not_articles;
  }

  Result<IngestSummary> Finish() {
    if (!finished) {
      {
        std::lock_guard<std::mutex> lk(mu);
        input_closed = true;
        if (current_input >= 0) {
          summary.inputs[current_input].seconds = std::chrono::duration<double>(Clock::now() - input_start).count();
        }
      }
      input_cv.notify_all();
      output_cv.notify_all();
      for (auto& t : workers) t.join();
      writer.join();
      finished = true;
      summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    }
    if (!fatal.ok()) return fatal;
    return summary;
  }

 private:
  void WorkerLoop() {
    std::unique_ptr<Store> reader;
    if (options.skip_unchanged) {
      auto r = Store::Open(StoreOptions{.read_only = true}, store->path());
      if (r.ok()) reader = std::move(*r);
    }
    for (;;) {
      std::unique_ptr<Item> item;
      {
        std::unique_lock<std::mutex> lk(mu);
        input_cv.wait(lk, [&] { return !input.empty() || input_closed || stop; });
        if (input.empty() || stop) return;
        item = std::move(input.front());
        input.pop_front();
      }
      double t0 = ThreadCpuSeconds();
      Process(item.get(), reader.get());
      double spent = ThreadCpuSeconds() - t0;
      {
        std::lock_guard<std::mutex> lk(mu);
        summary.extract_seconds += spent;
        done[item->seq] = std::move(item);
      }
      output_cv.notify_one();
    }
  }

  void Process(Item* item, Store* reader) {
    if (item->extracted) {
      DocumentInput& in = *item->extracted;
      if (reader) {
        auto known = reader->IsStored(in.uri, ContentHash(in.document.text));
        if (known.ok() && *known) {
          item->state = Item::State::kUnchanged;
          item->extracted.reset();
          return;
        }
      }
      if (!options.keep_mentions) in.mentions.clear();
      // As for documents extracted here (below): the same store either way.
      if (!options.keep_unrelated && in.records.empty() && in.mentions.empty()) {
        item->state = Item::State::kNotKept;
        item->extracted.reset();
        return;
      }
      item->prepared = Prepare(std::move(in));
      item->extracted.reset();
      item->state = Item::State::kReady;
      return;
    }
    Document& doc = item->doc;
    std::string uri = doc.url.empty() ? doc.source : doc.url;
    if (reader) {
      auto known = reader->IsStored(uri, ContentHash(doc.text));
      if (known.ok() && *known) {
        item->state = Item::State::kUnchanged;
        doc = Document();
        return;
      }
    }
    try {
      Extraction e = extractor->Extract(doc, ExtractOptionsForStore(options.keep_mentions, options.lang));
      // Mentions are kept only for documents that name the programme's
      // beneficiaries: with neither, the page is not about the programme.
      if (!options.keep_unrelated && e.records.empty() && e.mentions.empty()) {
        item->state = Item::State::kNotKept;
        doc = Document();
        return;
      }
      item->prepared = Prepare(ToDocumentInput(std::move(doc), std::move(e)));
      item->state = Item::State::kReady;
    } catch (const std::exception& ex) {
      // The extractor is not supposed to throw; one bad document must not
      // end the run.
      item->state = Item::State::kFailed;
      item->error = std::string("extraction failed: ") + ex.what();
    }
  }

  void WriterLoop() {
    std::vector<std::unique_ptr<Item>> pending;
    auto last_flush = Clock::now();
    for (;;) {
      bool all_in = false;
      {
        std::unique_lock<std::mutex> lk(mu);
        output_cv.wait_for(lk, std::chrono::milliseconds(100), [&] {
          return done.count(next_write) || (input_closed && next_write == next_seq) || stop;
        });
        for (auto it = done.find(next_write); it != done.end(); it = done.find(next_write)) {
          pending.push_back(std::move(it->second));
          done.erase(it);
          ++next_write;
        }
        all_in = input_closed && next_write == next_seq;
        if (stop) return;
      }
      space_cv.notify_all();
      bool flush = all_in || pending.size() >= options.batch_size ||
                   (!pending.empty() && Clock::now() - last_flush > std::chrono::milliseconds(500));
      if (flush && !pending.empty()) {
        WriteBatch(&pending);
        pending.clear();
        last_flush = Clock::now();
      }
      if (all_in || stop) return;
    }
  }

  void WriteBatch(std::vector<std::unique_ptr<Item>>* items) {
    std::vector<PreparedDocument> batch;
    std::vector<Item*> written;
    std::vector<int> inputs_of_batch;
    IngestSummary delta;
    std::vector<std::pair<std::string, std::string>> failures;
    std::map<int, InputCounts> per_input;
    for (auto& item : *items) {
      switch (item->state) {
        case Item::State::kUnchanged: ++delta.unchanged; break;
        case Item::State::kNotKept:
          ++delta.not_kept;
          ++per_input[item->input].not_kept;
          break;
        case Item::State::kFailed:
          ++delta.failed;
          ++per_input[item->input].failed;
          failures.emplace_back(item->doc.source, item->error);
          break;
        case Item::State::kReady:
          batch.push_back(std::move(item->prepared));
          written.push_back(item.get());
          inputs_of_batch.push_back(item->input);
          break;
      }
    }
    if (!batch.empty()) {
      double t0 = ThreadCpuSeconds();
      auto results = store->Write(&batch);
      delta.write_seconds = ThreadCpuSeconds() - t0;
      if (!results.ok()) {
        std::lock_guard<std::mutex> lk(mu);
        fatal = results.status();
        stop = true;
        input_cv.notify_all();
        space_cv.notify_all();
        return;
      }
      for (size_t i = 0; i < results->size(); ++i) {
        const WriteResult& r = (*results)[i];
        switch (r.outcome) {
          case Outcome::kStored: ++delta.stored; break;
          case Outcome::kReplaced: ++delta.replaced; break;
          case Outcome::kUnchanged: ++delta.unchanged; break;
          case Outcome::kFailed:
            ++delta.failed;
            ++per_input[inputs_of_batch[i]].failed;
            failures.emplace_back(batch[i].input.document.source, r.error);
            break;
        }
        if (r.outcome == Outcome::kStored || r.outcome == Outcome::kReplaced) {
          ++per_input[inputs_of_batch[i]].stored;
          delta.records += r.records;
          if (r.duplicate_of) ++delta.near_duplicates;
        }
      }
    }
    IngestProgress progress;
    {
      std::lock_guard<std::mutex> lk(mu);
      summary.stored += delta.stored;
      summary.replaced += delta.replaced;
      summary.unchanged += delta.unchanged;
      summary.failed += delta.failed;
      summary.not_kept += delta.not_kept;
      for (const auto& [k, c] : per_input) {
        if (k < 0 || k >= static_cast<int>(summary.inputs.size())) continue;
        InputCounts& in = summary.inputs[k];
        in.failed += c.failed;
        in.stored += c.stored;
        in.not_kept += c.not_kept;
      }
      summary.records += delta.records;
      summary.near_duplicates += delta.near_duplicates;
      summary.write_seconds += delta.write_seconds;
      for (auto& f : failures) summary.failures.push_back(std::move(f));
      progress.documents = summary.stored + summary.replaced + summary.unchanged + summary.failed;
      progress.records = summary.records;
    }
    progress.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (on_progress) on_progress(progress);
  }

 public:
  Store* store;
  const Extractor* extractor;
  PipelineOptions options;
  std::function<void(const IngestProgress&)> on_progress;

  std::mutex mu;
  std::condition_variable input_cv, space_cv, output_cv;
  std::deque<std::unique_ptr<Item>> input;
  std::map<int64_t, std::unique_ptr<Item>> done;
  int64_t next_seq = 0;
  int64_t next_write = 0;
  int current_input = -1;
  Clock::time_point input_start;
  size_t max_in_flight = 0;
  bool input_closed = false;
  bool stop = false;
  bool finished = false;
  Status fatal;
  IngestSummary summary;
  Clock::time_point start;
  std::vector<std::thread> workers;
  std::thread writer;
};

IngestPipeline::IngestPipeline(Store* store, const Extractor* extractor, PipelineOptions options,
                               std::function<void(const IngestProgress&)> on_progress)
    : state_(std::make_unique<PipelineState>(store, extractor, options, std::move(on_progress))) {}

IngestPipeline::~IngestPipeline() { state_->Finish(); }

void IngestPipeline::OnDocument(Document&& doc) { state_->Add(std::move(doc)); }

void IngestPipeline::OnExtracted(DocumentInput&& document) { state_->Add(std::move(document)); }

void IngestPipeline::OnError(const std::string& source, const std::string& reason) {
  state_->AddFailure(source, reason);
}

void IngestPipeline::OnSkipped(const std::string& source, const std::string& reason) { state_->AddSkipped(); }

void IngestPipeline::OnPrefiltered(const std::string& source) { state_->AddPrefiltered(); }

void IngestPipeline::BeginInput(const std::string& name) { state_->BeginInput(name); }

Result<IngestSummary> IngestPipeline::Finish() { return state_->Finish(); }

}  // namespace rasd::store
