// Documents per second into the store, and the peak memory it takes, for a
// corpus of 100,000 articles: the real Arabic news of ../shared/data/news-ar/
// (mostly not about the programme, as crawled pages are) and programme
// articles generated from the annotated corpus (corpus/ar, corpus/fr): each
// template's figures are changed and sentences of a real news article are
// appended, so every generated article is a distinct event and not a
// near-duplicate of another. The generated articles are made while feeding,
// not held in memory.
//
// BM_Ingest is the figure promised: the whole `rasd ingest` pipeline
// (extraction on one thread per core, one writer, batches of 1,000) at least
// 1,500 documents/s on 2 cores with a peak under 1 GiB. BM_WritePath is the
// writer alone (documents prepared beforehand, records built by hand), the
// ceiling the pipeline cannot pass. Both run on wall time: the pipeline's
// threads share the machine's cores.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bench/bench_data.h"
#include "extract/extract.h"
#include "store/pipeline.h"
#include "store/store.h"

namespace rasd {
namespace {

constexpr size_t kDocuments = 100000;
constexpr size_t kBatch = 1000;
constexpr double kFloorDocsPerSecond = 1500;
constexpr double kCeilingMiB = 1024;
// LIMITS.md: SQLite inserts, 1,000 docs per transaction, WAL, with an FTS5
// external-content index, one core.
constexpr double kSqliteFtsCeiling = 4590;

std::string DataDir() {
  if (const char* env = std::getenv("RASD_DATA"); env && *env) return env;
  return RASD_SOURCE_DATA_DIR;
}

std::string SourceDir() {
  if (const char* env = std::getenv("RASD_SOURCE"); env && *env) return env;
  return std::string(RASD_SOURCE_DATA_DIR) + "/..";
}

// RASD_BENCH_DOCS overrides the number of documents, for quick runs.
size_t DocumentCount(benchmark::State& state) {
  if (const char* env = std::getenv("RASD_BENCH_DOCS"); env && *env) return std::stoul(env);
  return static_cast<size_t>(state.range(0));
}

double ProcessCpuSeconds() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

double PeakRssMiB() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

double CurrentRssMiB() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The annotated programme articles: the templates of generated ones.
const std::vector<std::string>& Templates() {
  static const std::vector<std::string> templates = [] {
    std::vector<std::string> out;
    for (const char* lang : {"ar", "fr"}) {
      std::error_code ec;
      std::filesystem::path dir = std::filesystem::path(SourceDir()) / "corpus" / lang;
      std::vector<std::filesystem::path> files;
      for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        if (e.path().extension() == ".txt") files.push_back(e.path());
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        std::string gold = ReadFile(std::filesystem::path(f).replace_extension(".gold.json"));
        if (gold.find("\"scope\"") == std::string::npos) continue;  // negatives yield nothing
        out.push_back(ReadFile(f));
      }
    }
    return out;
  }();
  return templates;
}

// A programme article: a template with its figures changed and sentences of
// real news appended.
std::string GenerateArticle(size_t i, const std::vector<bench::NewsArticle>& news, std::mt19937* rng) {
  const std::string& t = Templates()[i % Templates().size()];
  std::string out;
  out.reserve(t.size() + 1024);
  for (size_t k = 0; k < t.size();) {
    if (t[k] >= '0' && t[k] <= '9') {
      size_t end = k;
      while (end < t.size() && t[end] >= '0' && t[end] <= '9') ++end;
      size_t len = end - k;
      if (len == 4 && (t.compare(k, 2, "20") == 0 || t.compare(k, 2, "19") == 0)) {
        out += std::to_string(2010 + (*rng)() % 16);  // a plausible year
      } else {
        std::string digits = std::to_string(1 + (*rng)() % 9);
        for (size_t d = 1; d < len; ++d) digits += static_cast<char>('0' + (*rng)() % 10);
        out += digits;
      }
      k = end;
    } else {
      out += t[k++];
    }
  }
  // About as much real news as template, so that two articles made from one
  // template share less than half their shingles: distinct documents, not
  // near-duplicates.
  size_t template_size = out.size();
  while (!news.empty() && out.size() < 2 * template_size + 200) {
    const std::string& filler = news[(*rng)() % news.size()].text;
    out += "\n";
    out += filler.substr(0, std::min<size_t>(filler.size(), 2 * template_size + 200 - out.size()));
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();  // whole characters
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
  }
  return out;
}

// The corpus in a fixed order: about three real news articles in seven,
// the rest generated.
template <typename Fn>
void ForEachDocument(size_t count, Fn fn) {
  const auto& news = bench::NewsArticles();
  std::mt19937 rng(20240601);
  size_t next_news = 0;
  for (size_t i = 0; i < count; ++i) {
    Document d;
    d.kind = "jsonl";
    if (next_news < news.size() && i % 7 < 3) {
      const auto& a = news[next_news];
      d.source = "bench://news/" + std::to_string(next_news);
      d.title = a.title;
      d.published = a.date.size() >= 10 ? a.date.substr(0, 10) : "";
      d.text = a.title + "\n\n" + a.text;
      ++next_news;
    } else {
      d.source = "bench://programme/" + std::to_string(i);
      d.text = GenerateArticle(i, news, &rng);
    }
    fn(std::move(d));
  }
}

struct TempDb {
  TempDb() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "rasd_store_bench_XXXXXX").string();
    dir = mkdtemp(tmpl.data());
    path = dir + "/bench.db";
  }
  ~TempDb() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  std::string dir, path;
};

std::unique_ptr<store::Store> OpenStore(const std::string& path) {
  auto s = store::Store::Open({.create = true}, path);
  if (!s.ok()) {
    std::cerr << s.status().message() << "\n";
    return nullptr;
  }
  Status g = (*s)->RefreshGazetteer(DataDir());
  if (!g.ok()) std::cerr << g.message() << "\n";
  return std::move(*s);
}

void BM_Ingest(benchmark::State& state) {
  if (bench::NewsArticles().empty() || Templates().empty()) {
    state.SkipWithError("needs ../shared/data/news-ar and corpus/ (absent)");
    return;
  }
  auto extractor = Extractor::Load(DataDir());
  if (!extractor.ok()) {
    state.SkipWithError(extractor.status().message().c_str());
    return;
  }
  const size_t count = DocumentCount(state);
  const int threads = std::max(1u, std::thread::hardware_concurrency());
  double rss_before = CurrentRssMiB();
  store::IngestSummary summary;
  int64_t db_bytes = 0;
  double cpu_seconds = 0;
  for (auto _ : state) {
    TempDb db;
    auto s = OpenStore(db.path);
    if (!s) {
      state.SkipWithError("cannot open the store");
      return;
    }
    store::PipelineOptions options;
    options.extract_threads = threads;
    options.batch_size = kBatch;
    auto start = std::chrono::steady_clock::now();
    double cpu_start = ProcessCpuSeconds();
    store::IngestPipeline pipeline(s.get(), extractor->get(), options);
    ForEachDocument(count, [&](Document&& d) { pipeline.OnDocument(std::move(d)); });
    auto result = pipeline.Finish();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    cpu_seconds = ProcessCpuSeconds() - cpu_start;
    state.SetIterationTime(seconds);
    if (!result.ok()) {
      state.SkipWithError(result.status().message().c_str());
      return;
    }
    summary = *result;
    std::error_code ec;
    db_bytes = static_cast<int64_t>(std::filesystem::file_size(db.path, ec));
  }
  double peak = PeakRssMiB();
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * count));
  state.counters["docs_per_s"] = benchmark::Counter(static_cast<double>(count * state.iterations()),
                                                    benchmark::Counter::kIsRate);
  state.counters["records"] = static_cast<double>(summary.records);
  state.counters["threads"] = threads;
  state.counters["peak_MiB"] = peak;
  state.counters["news_loaded_MiB"] = rss_before;
  state.counters["db_MiB"] = static_cast<double>(db_bytes) / (1024.0 * 1024.0);
  double rate = summary.seconds > 0 ? static_cast<double>(count) / summary.seconds : 0;
  // What two free cores would do: the process's CPU time spread over both,
  // unless the single writer thread is the narrower pipe.
  double projected = std::min(2.0 * static_cast<double>(count) / cpu_seconds,
                              static_cast<double>(count) / std::max(summary.write_seconds, 1e-9));
  state.counters["cpu_s"] = cpu_seconds;
  state.counters["docs_per_s_on_2_free_cores"] = projected;
  std::cerr << "store ingest: " << count << " documents (" << summary.stored << " stored, " << summary.records
            << " records, " << summary.near_duplicates << " near-duplicates) in " << summary.seconds << " s = "
            << static_cast<int64_t>(rate) << " documents/s (wall, shared machine) on " << threads
            << " threads; CPU " << cpu_seconds << " s (extraction " << summary.extract_seconds << ", writer "
            << summary.write_seconds << ") = " << static_cast<int64_t>(projected)
            << " documents/s on 2 free cores (floor "
            << kFloorDocsPerSecond << "); peak " << static_cast<int64_t>(peak) << " MiB (ceiling " << kCeilingMiB
            << ", of which the news held in memory " << static_cast<int64_t>(rss_before) << " MiB)\n";
}

void BM_WritePath(benchmark::State& state) {
  if (bench::NewsArticles().empty() || Templates().empty()) {
    state.SkipWithError("needs ../shared/data/news-ar and corpus/ (absent)");
    return;
  }
  const size_t count = DocumentCount(state);
  // Prepared beforehand, as the extraction threads do: the writer only writes.
  std::vector<store::PreparedDocument> docs;
  docs.reserve(count);
  static const char* kProvinces[] = {"MA-SIK", "MA-GUE", "MA-OUJ", "MA-MAR", "MA-FES", "MA-TAZ", "MA-AGD", "MA-TNG"};
  std::mt19937 rng(7);
  ForEachDocument(count, [&](Document&& d) {
    store::DocumentInput in;
    in.document = std::move(d);
    if (in.document.source.rfind("bench://programme/", 0) == 0) {
      Record r;
      r.scope = Scope::kEvent;
      r.province = kProvinces[rng() % 8];
      r.date = std::to_string(2010 + rng() % 16) + "-0" + std::to_string(1 + rng() % 9) + "-1" + std::to_string(rng() % 10);
      r.beneficiaries = 5 + rng() % 60;
      r.budget_mad = 100000.0 + rng() % 900000;
      Evidence ev;
      ev.span = {0, 10};
      ev.sentence = {0, 40};
      ev.text = "evidence";
      ev.sentence_text = "the sentence around the evidence";
      r.evidence["beneficiaries"] = ev;
      r.evidence["budget_mad"] = ev;
      in.records.push_back(std::move(r));
    }
    docs.push_back(store::Prepare(std::move(in)));
  });
  for (auto _ : state) {
    state.PauseTiming();
    TempDb db;
    auto s = OpenStore(db.path);
    std::vector<std::vector<store::PreparedDocument>> batches;
    for (size_t i = 0; i < docs.size(); i += kBatch) {
      batches.emplace_back(docs.begin() + i, docs.begin() + std::min(docs.size(), i + kBatch));
    }
    state.ResumeTiming();
    for (auto& b : batches) {
      auto r = s->Write(&b);
      if (!r.ok()) {
        state.SkipWithError(r.status().message().c_str());
        return;
      }
    }
    state.PauseTiming();
    s.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * count));
  state.counters["docs_per_s"] = benchmark::Counter(static_cast<double>(count * state.iterations()),
                                                    benchmark::Counter::kIsRate);
  state.counters["sqlite_fts_ceiling_per_core"] = kSqliteFtsCeiling;
}

BENCHMARK(BM_Ingest)->Arg(kDocuments)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_WritePath)->Arg(20000)->Iterations(1)->UseRealTime()->Unit(benchmark::kSecond);

}  // namespace
}  // namespace rasd

BENCHMARK_MAIN();
