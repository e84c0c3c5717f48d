// A crawl at the speed of decompression: each path a user runs on real news
// (../shared/data/news-ar, the articles wrapped as news pages), measured
// against its ceiling in the same run, and the ratio printed:
//  - `rasd extract crawl.warc.gz` (reading, prefilter, extraction on N
//    threads, records in order) vs zlib gunzip of the same file;
//  - `rasd extract` on plain news texts (JSON Lines) vs bare ICU NFKC
//    (normalizeUTF8) of the same text bytes;
//  - `rasd ingest` of the pages vs bare SQLite + FTS5 (external content)
//    inserts of every document, 1,000 per transaction;
//  - the prefilter alone (folding to key bytes, one RE2 scan) over the same pages.
// Wall time (the machine has 2 cores; --jobs 2 is measured in wall time).
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <zlib.h>
#include <isa-l/igzip_lib.h>
#include <libdeflate.h>

#include <chrono>
#include <cstdio>
#include <memory>

#include "bench/bench_data.h"
#include "common/data_dir.h"
#include "common/ordered_jobs.h"
#include "extract/extract.h"
#include "extract/record_json.h"
#include "ingest/ingest.h"
#include "ingest/prefilter.h"
#include "store/pipeline.h"
#include "store/store.h"
#include "tests/ingest/page_fixtures.h"

namespace {

using namespace rasd;
namespace t = rasd::ingest::testing;
using Clock = std::chrono::steady_clock;

constexpr size_t kArticles = 4000;

double Since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

struct Crawl {
  std::vector<std::string> pages;
  std::string dir;
  std::string warc_gz, jsonl;  // paths
  uint64_t warc_bytes = 0, jsonl_bytes = 0, text_bytes = 0;
  std::string all_text;  // the JSON Lines texts, concatenated
};

const Crawl& TheCrawl() {
  static Crawl c = [] {
    Crawl c;
    const auto& news = bench::NewsArticles(kArticles);
    if (news.empty()) return c;
    c.dir = (std::filesystem::temp_directory_path() / ("rasd_crawl_bench_" + std::to_string(getpid()))).string();
    // Removed at exit (kept apart from `c`, which may be gone by then).
    static const std::string* remove_at_exit = new std::string(c.dir);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(*remove_at_exit, ec);
    });
    std::string warc, jsonl;
    int i = 0;
    for (const auto& n : news) {
      t::Article a;
      a.lang = "ar";
      a.headline = t::Squash(n.title);
      a.paragraphs = rasd::bench::Paragraphs(n.text);
      if (a.headline.empty() || a.paragraphs.empty()) continue;
      a.date = "2024-06-13";
      a.url = "https://www.example-news.ma/ar/" + std::to_string(i) + ".html";
      std::string page = t::BuildPage(a, i % 3).html;
      std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
                         std::to_string(page.size()) + "\r\n\r\n" + page;
      std::string rec = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + a.url +
                        "\r\nWARC-Date: 2024-06-13T08:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
                        "Content-Length: " + std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
      warc += t::Gzip(rec);
      nlohmann::json j = {{"title", n.title}, {"date", n.date}, {"url", a.url}, {"text", n.text}};
      jsonl += j.dump() + "\n";
      c.all_text += n.title + "\n" + n.text + "\n";
      c.pages.push_back(std::move(page));
      ++i;
    }
    c.warc_gz = c.dir + "/news.warc.gz";
    c.jsonl = c.dir + "/news.jsonl";
    t::WriteFileBytes(c.warc_gz, warc);
    t::WriteFileBytes(c.jsonl, jsonl);
    c.warc_bytes = warc.size();
    c.jsonl_bytes = jsonl.size();
    c.text_bytes = c.all_text.size();
    return c;
  }();
  return c;
}

const Extractor& TheExtractor() {
  static std::unique_ptr<Extractor> ex = [] {
    auto dir = FindDataDir(t::DataDir());
    auto e = Extractor::Load(dir.ok() ? *dir : t::DataDir());
    if (!e.ok()) std::abort();
    return std::move(*e);
  }();
  return *ex;
}

// What `rasd extract` does: read, prefilter, extract on `jobs` threads, JSON
// in reading order.
class ExtractSink : public ingest::Sink {
 public:
  explicit ExtractSink(int jobs)
      : pool_(jobs, static_cast<size_t>(jobs) * 16, [this](std::string&& s) { out_bytes += s.size(); }) {}
  void OnDocument(Document&& doc) override {
    ++docs;
    auto d = std::make_shared<Document>(std::move(doc));
    pool_.Submit([d] { return ExtractionToJson(TheExtractor().Extract(*d), true, false).dump(); });
  }
  void OnError(const std::string&, const std::string&) override {}
  void OnPrefiltered(const std::string&) override { ++skipped; }
  void Finish() { pool_.Finish(); }
  size_t docs = 0, skipped = 0, out_bytes = 0;

 private:
  OrderedJobs<std::string> pool_;
};

size_t RunExtract(const std::string& path, int jobs, bool prefilter, size_t* skipped) {
  ingest::Options o;
  o.data_dir = t::DataDir();
  o.prefilter = prefilter;
  o.page_jobs = jobs;
  ExtractSink sink(jobs);
  ingest::ReadPaths({path}, o, &sink);
  sink.Finish();
  *skipped = sink.skipped;
  return sink.docs;
}

double GunzipSeconds(const std::string& path) {
  auto start = Clock::now();
  std::vector<unsigned char> in(1 << 16), out(1 << 16);
  FILE* file = std::fopen(path.c_str(), "rb");
  z_stream zs{};
  inflateInit2(&zs, 16 + MAX_WBITS);
  uint64_t produced = 0;
  for (bool more = true; more;) {
    if (zs.avail_in == 0) {
      size_t got = std::fread(in.data(), 1, in.size(), file);
      if (got == 0) break;
      zs.next_in = in.data();
      zs.avail_in = static_cast<uInt>(got);
    }
    zs.next_out = out.data();
    zs.avail_out = static_cast<uInt>(out.size());
    int rc = inflate(&zs, Z_NO_FLUSH);
    produced += out.size() - zs.avail_out;
    if (rc == Z_STREAM_END) inflateReset(&zs);
    else if (rc != Z_OK && rc != Z_BUF_ERROR) more = false;
  }
  inflateEnd(&zs);
  std::fclose(file);
  benchmark::DoNotOptimize(produced);
  return Since(start);
}

void Ratio(benchmark::State& state, const char* what, double rasd_per_s, const char* ceiling, double ceiling_per_s) {
  state.counters[what] = rasd_per_s;
  state.counters[ceiling] = ceiling_per_s;
  state.counters["ratio"] = ceiling_per_s > 0 ? rasd_per_s / ceiling_per_s : 0;
}

// Arg: --jobs; second arg 0: --no-prefilter.
void BM_ExtractWarcGz(benchmark::State& state) {
  const Crawl& c = TheCrawl();
  if (c.pages.empty()) return state.SkipWithError("no news articles (../shared/data/news-ar)");
  double rasd = 0, gunzip = 0;
  size_t docs = 0, skipped = 0;
  for (auto _ : state) {
    gunzip += GunzipSeconds(c.warc_gz);
    auto start = Clock::now();
    docs = RunExtract(c.warc_gz, static_cast<int>(state.range(0)), state.range(1) != 0, &skipped);
    double s = Since(start);
    rasd += s;
    state.SetIterationTime(s);
  }
  double n = static_cast<double>(state.iterations());
  Ratio(state, "rasd_MB/s_of_gz", c.warc_bytes * n / rasd / 1e6, "gunzip_MB/s_of_gz", c.warc_bytes * n / gunzip / 1e6);
  state.counters["pages"] = static_cast<double>(docs + skipped);
  state.counters["prefiltered"] = static_cast<double>(skipped);
}
BENCHMARK(BM_ExtractWarcGz)->Args({1, 1})->Args({2, 1})->Args({1, 0})->Iterations(3)->UseManualTime()->Unit(benchmark::kSecond);

double NfkcSeconds(const std::string& text) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(ec);
  std::string out;
  auto start = Clock::now();
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
  nfkc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr, ec);
  benchmark::DoNotOptimize(out.data());
  return Since(start);
}

// Plain news texts (JSON Lines): MB/s of text, per core (--jobs 1).
void BM_ExtractPlainNews(benchmark::State& state) {
  const Crawl& c = TheCrawl();
  if (c.pages.empty()) return state.SkipWithError("no news articles (../shared/data/news-ar)");
  double rasd = 0, nfkc = 0;
  size_t skipped = 0;
  for (auto _ : state) {
    nfkc += NfkcSeconds(c.all_text);
    auto start = Clock::now();
    RunExtract(c.jsonl, 1, state.range(0) != 0, &skipped);
    double s = Since(start);
    rasd += s;
    state.SetIterationTime(s);
  }
  double n = static_cast<double>(state.iterations());
  Ratio(state, "rasd_MB/s_of_text", c.text_bytes * n / rasd / 1e6, "nfkc_MB/s", c.text_bytes * n / nfkc / 1e6);
  state.counters["prefiltered"] = static_cast<double>(skipped);
}
BENCHMARK(BM_ExtractPlainNews)->Arg(1)->Arg(0)->Iterations(3)->UseManualTime()->Unit(benchmark::kSecond);

// Bare SQLite + FTS5 (external content): every document stored, 1,000 per
// transaction, WAL.
double BareSqliteSeconds(const std::string& dir, const std::vector<std::string>& texts) {
  std::string path = dir + "/bare.db";
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  auto start = Clock::now();
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db,
               "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
               "CREATE TABLE documents(id INTEGER PRIMARY KEY, uri TEXT UNIQUE, text TEXT);"
               "CREATE VIRTUAL TABLE documents_fts USING fts5(text, content='documents', content_rowid='id');",
               nullptr, nullptr, nullptr);
  sqlite3_stmt *ins = nullptr, *fts = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO documents(uri, text) VALUES(?, ?)", -1, &ins, nullptr);
  sqlite3_prepare_v2(db, "INSERT INTO documents_fts(rowid, text) VALUES(?, ?)", -1, &fts, nullptr);
  for (size_t i = 0; i < texts.size(); ++i) {
    if (i % 1000 == 0) sqlite3_exec(db, i ? "COMMIT; BEGIN" : "BEGIN", nullptr, nullptr, nullptr);
    std::string uri = "https://www.example-news.ma/ar/" + std::to_string(i) + ".html";
    sqlite3_bind_text(ins, 1, uri.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 2, texts[i].c_str(), -1, SQLITE_STATIC);
    sqlite3_step(ins);
    sqlite3_reset(ins);
    sqlite3_bind_int64(fts, 1, sqlite3_last_insert_rowid(db));
    sqlite3_bind_text(fts, 2, texts[i].c_str(), -1, SQLITE_STATIC);
    sqlite3_step(fts);
    sqlite3_reset(fts);
  }
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_finalize(ins);
  sqlite3_finalize(fts);
  sqlite3_close(db);
  return Since(start);
}

// `rasd ingest crawl.warc.gz` (prefilter, only what users query is stored)
// vs bare SQLite + FTS5 storing the main text of every page.
void BM_IngestWarcGz(benchmark::State& state) {
  const Crawl& c = TheCrawl();
  if (c.pages.empty()) return state.SkipWithError("no news articles (../shared/data/news-ar)");
  // The documents the bare store gets: the pages' main texts, as read.
  std::vector<std::string> texts;
  {
    t::CollectingSink sink;
    ingest::Options o;
    o.data_dir = t::DataDir();
    ingest::ReadPaths({c.warc_gz}, o, &sink);
    for (auto& d : sink.docs) texts.push_back(std::move(d.text));
  }
  double rasd = 0, bare = 0;
  int64_t stored = 0, prefiltered = 0;
  for (auto _ : state) {
    bare += BareSqliteSeconds(c.dir, texts);
    std::string db_path = c.dir + "/rasd.db";
    std::filesystem::remove(db_path);
    std::filesystem::remove(db_path + "-wal");
    auto start = Clock::now();
    auto store = store::Store::Open({.create = true}, db_path);
    if (!store.ok()) return state.SkipWithError(store.status().message().c_str());
    (*store)->RefreshGazetteer(t::DataDir());
    store::PipelineOptions po;
    po.extract_threads = static_cast<int>(state.range(0));
    po.keep_unrelated = false;
    store::IngestPipeline pipeline(store->get(), &TheExtractor(), po);
    ingest::Options o;
    o.data_dir = t::DataDir();
    o.prefilter = true;
    o.page_jobs = static_cast<int>(state.range(0));
    ingest::ReadPaths({c.warc_gz}, o, &pipeline);
    auto summary = pipeline.Finish();
    double s = Since(start);
    rasd += s;
    state.SetIterationTime(s);
    if (summary.ok()) {
      stored = summary->stored;
      prefiltered = summary->prefiltered;
    }
  }
  double n = static_cast<double>(state.iterations());
  double docs = static_cast<double>(texts.size());
  Ratio(state, "rasd_docs/s", docs * n / rasd, "bare_sqlite_fts5_docs/s", docs * n / bare);
  state.counters["stored"] = static_cast<double>(stored);
  state.counters["prefiltered"] = static_cast<double>(prefiltered);
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  state.counters["peak_RSS_MB"] = static_cast<double>(ru.ru_maxrss) / 1024.0;
}
BENCHMARK(BM_IngestWarcGz)->Arg(1)->Arg(2)->Iterations(2)->UseManualTime()->Unit(benchmark::kSecond);

// The prefilter over the raw pages (folding, then the scan).

void BM_PrefilterScan(benchmark::State& state) {
  const Crawl& c = TheCrawl();
  if (c.pages.empty()) return state.SkipWithError("no news articles (../shared/data/news-ar)");
  auto p = ingest::Prefilter::Load(t::DataDir());
  if (!p.ok()) return state.SkipWithError(p.status().message().c_str());
  std::unique_ptr<ingest::Prefilter::Scanner> scanner = (*p)->NewScanner();
  uint64_t bytes = 0, passed = 0;
  for (auto _ : state) {
    for (const auto& page : c.pages) {
      passed += scanner->MayBeAboutProgramme(page, ingest::Prefilter::Scanner::Form::kHtml);
      bytes += page.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["passed_share"] = static_cast<double>(passed) / static_cast<double>(c.pages.size() * state.iterations());
}
BENCHMARK(BM_PrefilterScan)->Unit(benchmark::kMillisecond);

// Setting the prefilter up: folding every code point, building and
// compiling the patterns (at every start of rasd).
void BM_PrefilterLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto p = ingest::Prefilter::Load(t::DataDir());
    benchmark::DoNotOptimize(p.ok());
  }
}
BENCHMARK(BM_PrefilterLoad)->Iterations(2)->Unit(benchmark::kMillisecond);

// Inflating the members of the same .warc.gz in memory: zlib (what the
// WARC reader uses), ISA-L's igzip and libdeflate (Debian libisal-dev,
// libdeflate-dev). Arg: 0 zlib, 1 ISA-L, 2 libdeflate. MB/s of output.
void BM_Inflate(benchmark::State& state) {
  const Crawl& c = TheCrawl();
  if (c.pages.empty()) return state.SkipWithError("no news articles (../shared/data/news-ar)");
  static const std::string gz = t::ReadFileBytes(c.warc_gz);
  std::vector<uint8_t> out(1 << 20);
  uint64_t produced = 0;
  libdeflate_decompressor* ld = libdeflate_alloc_decompressor();
  for (auto _ : state) {
    const auto* in = reinterpret_cast<const uint8_t*>(gz.data());
    size_t pos = 0, n = gz.size();
    if (state.range(0) == 0) {
      z_stream zs{};
      inflateInit2(&zs, 16 + MAX_WBITS);
      zs.next_in = const_cast<Bytef*>(in);
      zs.avail_in = static_cast<uInt>(n);
      for (;;) {
        zs.next_out = out.data();
        zs.avail_out = static_cast<uInt>(out.size());
        int rc = inflate(&zs, Z_NO_FLUSH);
        produced += out.size() - zs.avail_out;
        if (rc == Z_STREAM_END) {
          if (zs.avail_in == 0) break;
          inflateReset(&zs);
        } else if (rc != Z_OK) {
          break;
        }
      }
      inflateEnd(&zs);
    } else if (state.range(0) == 1) {
      inflate_state is{};
      isal_inflate_init(&is);
      is.crc_flag = ISAL_GZIP;
      is.next_in = const_cast<uint8_t*>(in);
      is.avail_in = static_cast<uint32_t>(n);
      for (;;) {
        is.next_out = out.data();
        is.avail_out = static_cast<uint32_t>(out.size());
        int rc = isal_inflate(&is);
        produced += out.size() - is.avail_out;
        if (rc != ISAL_DECOMP_OK) break;
        if (is.block_state == ISAL_BLOCK_FINISH) {
          if (is.avail_in == 0) break;
          uint8_t* next = is.next_in;
          uint32_t left = is.avail_in;
          isal_inflate_reset(&is);
          is.crc_flag = ISAL_GZIP;
          is.next_in = next;
          is.avail_in = left;
        }
      }
    } else {
      while (pos < n) {
        size_t used = 0, got = 0;
        if (libdeflate_gzip_decompress_ex(ld, in + pos, n - pos, out.data(), out.size(), &used, &got) !=
            LIBDEFLATE_SUCCESS) {
          break;
        }
        produced += got;
        pos += used;
      }
    }
  }
  libdeflate_free_decompressor(ld);
  state.SetBytesProcessed(static_cast<int64_t>(produced));
  state.counters["input_MB"] = static_cast<double>(gz.size()) / 1e6;
}
BENCHMARK(BM_Inflate)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
