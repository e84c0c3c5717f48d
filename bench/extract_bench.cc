// Throughput of extraction (Extractor::Extract: normalisation, language
// guess, tokens, every recogniser, records) on real Arabic news, one thread,
// beside the bare key normalisation of the same articles, so the share of the
// recognisers shows. The promised floor is 10 MB/s of text for extraction.
// Rates are per CPU second of the one thread (the machine is shared, so wall
// time says more about the neighbours than about rasd).
//
// Two inputs: a few thousand articles of ../shared/data/news-ar/ (mostly not
// about the programme, as crawled pages are), and the annotated articles of
// corpus/ar/ (all about the programme: the recognisers and the record builder
// do their full work on every one).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/bench_data.h"
#include "common/dates.h"
#include "extract/extract.h"
#include "normalize/normalize.h"

namespace rasd {
namespace {

constexpr size_t kNewsArticles = 3000;
constexpr double kFloorMBps = 10;

std::string DataDir() {
  if (const char* env = std::getenv("RASD_DATA"); env && *env) return env;
  return RASD_SOURCE_DATA_DIR;
}

std::string CorpusDir(const std::string& lang) {
  if (const char* env = std::getenv("RASD_SOURCE"); env && *env) return std::string(env) + "/corpus/" + lang;
  return std::string(RASD_SOURCE_DATA_DIR) + "/../corpus/" + lang;
}

const Extractor* SharedExtractor() {
  static const std::unique_ptr<Extractor> extractor = [] {
    auto loaded = Extractor::Load(DataDir());
    if (!loaded.ok()) {
      std::cerr << "cannot load the extractor from " << DataDir() << ": " << loaded.status().message() << "\n";
      return std::unique_ptr<Extractor>();
    }
    return std::move(loaded.value());
  }();
  return extractor.get();
}

std::vector<Document> NewsInputs() {
  std::vector<Document> out;
  for (const auto& a : bench::NewsArticles(kNewsArticles)) {
    if (a.text.empty()) continue;
    Document in;
    in.source = a.url;
    in.title = a.title;
    in.text = a.text;
    if (IsIsoDay(a.date.substr(0, 10))) in.published = a.date.substr(0, 10);
    out.push_back(std::move(in));
  }
  return out;
}

std::vector<Document> CorpusInputs(const std::string& lang) {
  std::vector<Document> out;
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(CorpusDir(lang), ec)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  if (ec) std::cerr << "cannot read " << CorpusDir(lang) << ": " << ec.message() << "\n";
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream text;
    text << f.rdbuf();
    Document in;
    in.source = path.filename().string();
    in.text = text.str();
    std::filesystem::path gold = path;
    gold.replace_extension(".gold.json");
    std::ifstream g(gold);
    if (g) {
      auto j = nlohmann::json::parse(g, nullptr, false);
      if (j.is_object() && j.contains("published") && j["published"].is_string()) in.published = j["published"];
    }
    out.push_back(std::move(in));
  }
  return out;
}

const std::vector<Document>& Inputs(int which) {
  if (which == 0) {
    static const std::vector<Document> news = NewsInputs();
    return news;
  }
  if (which == 2) {
    static const std::vector<Document> french = CorpusInputs("fr");
    return french;
  }
  static const std::vector<Document> corpus = CorpusInputs("ar");
  return corpus;
}

size_t Bytes(const std::vector<Document>& inputs) {
  size_t n = 0;
  for (const auto& in : inputs) n += in.text.size();
  return n;
}

void SetCounters(benchmark::State& state, const std::vector<Document>& inputs) {
  const size_t bytes = Bytes(inputs);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
  state.counters["articles"] = static_cast<double>(inputs.size());
  state.counters["input_MB"] = static_cast<double>(bytes) / 1e6;
  state.counters["articles_per_s"] =
      benchmark::Counter(static_cast<double>(inputs.size()) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

bool Ready(benchmark::State& state, const std::vector<Document>& inputs, const char* what) {
  if (!SharedExtractor()) {
    state.SkipWithError("the extractor's data could not be loaded (see stderr)");
    return false;
  }
  if (inputs.empty()) {
    state.SkipWithError(what);
    return false;
  }
  return true;
}

// Argument: 0 = news articles, 1 = the Arabic annotated corpus, 2 = the French one.
const char* InputName(int which) { return which == 0 ? "news-ar" : which == 1 ? "corpus/ar" : "corpus/fr"; }
const char* Missing(int which) {
  return which == 0 ? "no input: ../shared/data/news-ar/articles.jsonl.zst is absent or unreadable"
                    : "no input: corpus/<lang>/*.txt not found";
}

void BM_Extract(benchmark::State& state) {
  const int which = static_cast<int>(state.range(0));
  const auto& inputs = Inputs(which);
  if (!Ready(state, inputs, Missing(which))) return;
  const Extractor& extractor = *SharedExtractor();
  size_t records = 0;
  for (auto _ : state) {
    records = 0;
    for (const auto& in : inputs) {
      Extraction out = extractor.Extract(in);
      records += out.records.size();
      benchmark::DoNotOptimize(out.records.data());
    }
  }
  SetCounters(state, inputs);
  state.counters["records"] = static_cast<double>(records);
  state.counters["floor_MBps"] = kFloorMBps;
  state.SetLabel(InputName(which));
}
BENCHMARK(BM_Extract)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

// The same with the mentions kept (what `rasd mentions` and evidence tools ask for).
void BM_ExtractWithMentions(benchmark::State& state) {
  const int which = static_cast<int>(state.range(0));
  const auto& inputs = Inputs(which);
  if (!Ready(state, inputs, Missing(which))) return;
  const Extractor& extractor = *SharedExtractor();
  ExtractOptions options;
  options.keep_mentions = true;
  size_t mentions = 0;
  for (auto _ : state) {
    mentions = 0;
    for (const auto& in : inputs) {
      Extraction out = extractor.Extract(in, options);
      mentions += out.mentions.size();
      benchmark::DoNotOptimize(out.mentions.data());
    }
  }
  SetCounters(state, inputs);
  state.counters["mentions"] = static_cast<double>(mentions);
  state.SetLabel(InputName(which));
}
BENCHMARK(BM_ExtractWithMentions)->Arg(1)->Unit(benchmark::kMillisecond);

// The bare key normalisation of the same articles: the part of extraction
// that is not the recognisers'.
void BM_NormalizeKey(benchmark::State& state) {
  const int which = static_cast<int>(state.range(0));
  const auto& inputs = Inputs(which);
  if (inputs.empty()) {
    state.SkipWithError(Missing(which));
    return;
  }
  for (auto _ : state) {
    for (const auto& in : inputs) {
      NormalizedText n = Normalize(in.text, NormalForm::kKey);
      benchmark::DoNotOptimize(n.text.data());
      benchmark::DoNotOptimize(n.orig_end.data());
    }
  }
  SetCounters(state, inputs);
  state.SetLabel(InputName(which));
}
BENCHMARK(BM_NormalizeKey)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace rasd

BENCHMARK_MAIN();
