// Ingest throughput on real news: HTML pages built from the articles of
// ../shared/data/news-ar (each wrapped in a news site's furniture) turned
// into main text; and a .warc.gz of those pages (one gzip member per record)
// read record by record, next to zlib's bare gunzip of the same file.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>

#include "bench/bench_data.h"
#include "common/data_dir.h"
#include "ingest/byte_source.h"
#include "ingest/charset.h"
#include "ingest/html_text.h"
#include "ingest/http.h"
#include "ingest/ingest.h"
#include "ingest/page_cues.h"
#include "ingest/warc_reader.h"
#include "tests/ingest/page_fixtures.h"

namespace {

using namespace rasd::ingest;

constexpr size_t kArticles = 3000;

const std::vector<std::string>& Pages() {
  static const std::vector<std::string> pages = [] {
    std::vector<std::string> out;
    const auto& news = rasd::bench::NewsArticles(kArticles);
    int i = 0;
    for (const auto& n : news) {
      testing::Article a;
      a.lang = "ar";
      a.headline = testing::Squash(n.title);
      a.paragraphs = rasd::bench::Paragraphs(n.text);
      if (a.headline.empty() || a.paragraphs.empty()) continue;
      char date[16];
      std::snprintf(date, sizeof date, "2024-%02d-%02d", 1 + i % 12, 1 + (i * 7) % 28);
      a.date = date;
      a.url = "https://www.example-news.ma/ar/" + std::to_string(i) + ".html";
      out.push_back(testing::BuildPage(a, i % 3).html);
      ++i;
    }
    return out;
  }();
  return pages;
}

const PageCues& Cues() {
  static std::unique_ptr<PageCues> cues = [] {
    auto dir = rasd::FindDataDir(testing::DataDir());
    auto loaded = PageCues::Load(dir.ok() ? *dir : testing::DataDir());
    return loaded.ok() ? std::move(*loaded) : PageCues::FromRows({}, {});
  }();
  return *cues;
}

void BM_HtmlToMainText(benchmark::State& state) {
  const auto& pages = Pages();
  if (pages.empty()) {
    state.SkipWithError("no news articles (../shared/data/news-ar)");
    return;
  }
  CharsetDecoder charset;
  HtmlTextExtractor extractor(&Cues());
  std::string utf8;
  HtmlArticle article;
  size_t bytes = 0, paragraphs = 0, i = 0;
  for (auto _ : state) {
    const std::string& page = pages[i++ % pages.size()];
    charset.ToUtf8(page, "", true, &utf8);
    extractor.Extract(utf8, &article);
    std::string text = article.MainText();
    benchmark::DoNotOptimize(text);
    bytes += page.size();
    paragraphs += article.paragraphs.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["pages"] = static_cast<double>(pages.size());
  state.counters["paragraphs/page"] = static_cast<double>(paragraphs) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_HtmlToMainText)->Unit(benchmark::kMicrosecond);

struct WarcFile {
  std::string path;
  uint64_t uncompressed = 0;
  uint64_t compressed = 0;
};

const WarcFile& TheWarcFile() {
  static WarcFile file = [] {
    WarcFile f;
    const auto& pages = Pages();
    if (pages.empty()) return f;
    f.path = (std::filesystem::temp_directory_path() / ("rasd_ingest_bench_" + std::to_string(getpid()) + ".warc.gz")).string();
    std::string out;
    int i = 0;
    for (const auto& page : pages) {
      std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
                         std::to_string(page.size()) + "\r\n\r\n" + page;
      std::string rec = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://www.example-news.ma/ar/" +
                        std::to_string(i++) + ".html\r\nWARC-Date: 2024-06-13T08:00:00Z\r\n"
                        "Content-Type: application/http; msgtype=response\r\nContent-Length: " +
                        std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
      f.uncompressed += rec.size();
      out += testing::Gzip(rec);
    }
    f.compressed = out.size();
    testing::WriteFileBytes(f.path, out);
    return f;
  }();
  return file;
}

// Reading: records, HTTP headers and payloads, as the ingest pipeline gets
// them before parsing HTML.
void BM_WarcGzRead(benchmark::State& state) {
  const WarcFile& f = TheWarcFile();
  if (f.path.empty()) {
    state.SkipWithError("no news articles (../shared/data/news-ar)");
    return;
  }
  size_t records = 0;
  for (auto _ : state) {
    auto file = FileSource::Open(f.path);
    GzipSource gz(file->get(), 64 << 20);
    BufferedReader in(&gz);
    WarcReader reader(&in, WarcOptions());
    WarcRecord rec;
    HttpResponse http;
    std::string body, scratch;
    while (reader.Next(&rec)) {
      if (!rec.status.ok() || rec.type != "response") continue;
      if (!ParseHttpResponse(rec.block, &http).ok()) continue;
      DecodeHttpBody(std::string_view(rec.block).substr(http.body_offset), http, 64 << 20, &body, &scratch);
      benchmark::DoNotOptimize(body.data());
      ++records;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(f.uncompressed * state.iterations()));
  state.counters["records"] = static_cast<double>(records) / static_cast<double>(state.iterations());
  state.counters["compressed_MB"] = static_cast<double>(f.compressed) / 1e6;
}
BENCHMARK(BM_WarcGzRead)->Unit(benchmark::kMillisecond);

// zlib alone on the same file: inflate every member, keep nothing.
void BM_GunzipBare(benchmark::State& state) {
  const WarcFile& f = TheWarcFile();
  if (f.path.empty()) {
    state.SkipWithError("no news articles (../shared/data/news-ar)");
    return;
  }
  std::vector<unsigned char> in(1 << 16), out(1 << 16);
  for (auto _ : state) {
    FILE* file = std::fopen(f.path.c_str(), "rb");
    z_stream zs{};
    inflateInit2(&zs, 16 + MAX_WBITS);
    uint64_t produced = 0;
    bool more = true;
    while (more) {
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
      if (rc == Z_STREAM_END) {
        inflateReset(&zs);
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        more = false;
      }
    }
    inflateEnd(&zs);
    std::fclose(file);
    benchmark::DoNotOptimize(produced);
  }
  state.SetBytesProcessed(static_cast<int64_t>(f.uncompressed * state.iterations()));
}
BENCHMARK(BM_GunzipBare)->Unit(benchmark::kMillisecond);

// The whole path a user runs: the .warc.gz to Documents.
class NullSink : public Sink {
 public:
  void OnDocument(rasd::Document&& doc) override { ++docs; }
  void OnError(const std::string&, const std::string&) override { ++errors; }
  size_t docs = 0, errors = 0;
};

void BM_ReadPathsWarcGz(benchmark::State& state) {
  const WarcFile& f = TheWarcFile();
  if (f.path.empty()) {
    state.SkipWithError("no news articles (../shared/data/news-ar)");
    return;
  }
  Options options;
  options.data_dir = testing::DataDir();
  NullSink sink;
  for (auto _ : state) ReadPaths({f.path}, options, &sink);
  state.SetBytesProcessed(static_cast<int64_t>(f.uncompressed * state.iterations()));
  state.counters["docs"] = static_cast<double>(sink.docs) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ReadPathsWarcGz)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  if (!TheWarcFile().path.empty()) std::remove(TheWarcFile().path.c_str());
  return 0;
}
