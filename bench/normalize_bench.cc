// Throughput of rasd's normalisation (NFKC, folding and the offset map) on
// real Arabic news, beside ICU's bare NFKC on the same bytes: rasd's full
// normalisation is expected to reach at least half of the bare NFKC figure
// (see ../shared/perf/LIMITS.md for this machine's ceiling).
//
// Two shapes of the same input: the articles concatenated into one large
// document, and article by article as the pipeline sees them. The figures
// are CPU time (the machine is shared); the bare NFKC runs write into a
// string reused across iterations unless named FreshOutput.
//
// The document shape is bound by fresh memory: the offset map takes eight
// bytes per byte of text, 100 MB for this document, above the size glibc
// recycles, so each call faults it in again (expensive on virtual
// machines). BM_NormalizeKeyWithoutMap_Document is the same work without
// the map; articles, whose maps malloc recycles, show the steady state.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include "bench/bench_data.h"
#include "normalize/normalize.h"

namespace rasd {
namespace {

// A few thousand articles, ~12 MB of text: large enough that the figure is
// about memory traffic and code, not one article's cache footprint.
constexpr size_t kTargetBytes = 12u << 20;
constexpr size_t kMaxArticles = 8000;

const std::vector<std::string>& Articles() {
  static const std::vector<std::string> articles = [] {
    std::vector<std::string> out;
    size_t bytes = 0;
    for (const auto& a : bench::NewsArticles(kMaxArticles)) {
      if (a.text.empty()) continue;
      out.push_back(a.text);
      bytes += a.text.size();
      if (bytes >= kTargetBytes) break;
    }
    return out;
  }();
  return articles;
}

const std::string& Concatenated() {
  static const std::string text = [] {
    std::string t;
    for (const auto& a : Articles()) {
      t += a;
      t += "\n\n";
    }
    return t;
  }();
  return text;
}

bool HaveInput(benchmark::State& state) {
  if (Articles().empty()) {
    state.SkipWithError("no benchmark input: ../shared/data/news-ar/articles.jsonl.zst is absent or unreadable");
    return false;
  }
  return true;
}

void SetCounters(benchmark::State& state, size_t bytes_per_iteration) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes_per_iteration));
  state.counters["articles"] = static_cast<double>(Articles().size());
  state.counters["input_MB"] = static_cast<double>(bytes_per_iteration) / 1e6;
}

const icu::Normalizer2* Nfkc() {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(ec);
  return U_SUCCESS(ec) ? n : nullptr;
}

void BareNfkc(const icu::Normalizer2* nfkc, std::string_view in, std::string* out) {
  out->clear();
  icu::StringByteSink<std::string> sink(out, static_cast<int32_t>(in.size()));
  UErrorCode ec = U_ZERO_ERROR;
  nfkc->normalizeUTF8(0, icu::StringPiece(in.data(), static_cast<int32_t>(in.size())), sink, nullptr, ec);
}

// Bare NFKC throughput (bytes per CPU second, the best of a few runs) on the
// same input, measured once per shape, so each rasd figure can be shown as
// a multiple of it: the counter x_bare_nfkc, expected to be at least 0.5
// (a plain ratio, which Google Benchmark prints with a "/s" suffix).
double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double BareNfkcRate(const std::vector<std::string_view>& pieces) {
  const icu::Normalizer2* nfkc = Nfkc();
  std::string out;
  size_t bytes = 0;
  for (auto p : pieces) bytes += p.size();
  double best = 0;
  for (int run = 0; run < 5; ++run) {
    const double start = CpuSeconds();
    for (auto p : pieces) BareNfkc(nfkc, p, &out);
    const double seconds = CpuSeconds() - start;
    if (seconds > 0) best = std::max(best, static_cast<double>(bytes) / seconds);
  }
  return best;
}

double DocumentNfkcRate() {
  static const double rate = BareNfkcRate({Concatenated()});
  return rate;
}

double ArticlesNfkcRate() {
  static const double rate =
      BareNfkcRate(std::vector<std::string_view>(Articles().begin(), Articles().end()));
  return rate;
}

void SetRatio(benchmark::State& state, size_t bytes_per_iteration, double nfkc_rate) {
  if (nfkc_rate <= 0) return;
  // A rate counter divides by the benchmark's time: (bytes / nfkc_rate) / time.
  state.counters["x_bare_nfkc"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * static_cast<double>(bytes_per_iteration) / nfkc_rate,
      benchmark::Counter::kIsRate);
}

// --- one large document ---------------------------------------------------

void BM_IcuNfkc_Document(benchmark::State& state) {
  if (!HaveInput(state)) return;
  const icu::Normalizer2* nfkc = Nfkc();
  const std::string& text = Concatenated();
  std::string out;
  for (auto _ : state) {
    BareNfkc(nfkc, text, &out);
    benchmark::DoNotOptimize(out.data());
  }
  SetCounters(state, text.size());
}
BENCHMARK(BM_IcuNfkc_Document)->Unit(benchmark::kMillisecond);

// The same into a new string each time, as a function returning its result
// must: the first touch of fresh memory (page faults) is part of the cost,
// as it is for Normalize, whose offset map adds eight bytes per byte.
void BM_IcuNfkc_Document_FreshOutput(benchmark::State& state) {
  if (!HaveInput(state)) return;
  const icu::Normalizer2* nfkc = Nfkc();
  const std::string& text = Concatenated();
  for (auto _ : state) {
    std::string out;
    BareNfkc(nfkc, text, &out);
    benchmark::DoNotOptimize(out.data());
  }
  SetCounters(state, text.size());
}
BENCHMARK(BM_IcuNfkc_Document_FreshOutput)->Unit(benchmark::kMillisecond);

void BM_Normalize_Document(benchmark::State& state) {
  if (!HaveInput(state)) return;
  const auto form = static_cast<NormalForm>(state.range(0));
  const std::string& text = Concatenated();
  for (auto _ : state) {
    NormalizedText n = Normalize(text, form);
    benchmark::DoNotOptimize(n.text.data());
    benchmark::DoNotOptimize(n.orig_end.data());
  }
  SetCounters(state, text.size());
  SetRatio(state, text.size(), DocumentNfkcRate());
  state.SetLabel(form == NormalForm::kKey ? "kKey" : "kText");
}
BENCHMARK(BM_Normalize_Document)
    ->Arg(static_cast<int>(NormalForm::kText))
    ->Arg(static_cast<int>(NormalForm::kKey))
    ->Unit(benchmark::kMillisecond)
    ;

// NormalizeKey: the key form without the offset map, which shows what the
// map's eight bytes per byte of fresh memory cost on a large document.
void BM_NormalizeKeyWithoutMap_Document(benchmark::State& state) {
  if (!HaveInput(state)) return;
  const std::string& text = Concatenated();
  for (auto _ : state) {
    std::string key = NormalizeKey(text);
    benchmark::DoNotOptimize(key.data());
  }
  SetCounters(state, text.size());
  SetRatio(state, text.size(), DocumentNfkcRate());
}
BENCHMARK(BM_NormalizeKeyWithoutMap_Document)->Unit(benchmark::kMillisecond);

// --- article by article ----------------------------------------------------

size_t ArticleBytes() {
  size_t bytes = 0;
  for (const auto& a : Articles()) bytes += a.size();
  return bytes;
}

void BM_IcuNfkc_Articles(benchmark::State& state) {
  if (!HaveInput(state)) return;
  const icu::Normalizer2* nfkc = Nfkc();
  std::string out;
  for (auto _ : state) {
    for (const auto& a : Articles()) {
      BareNfkc(nfkc, a, &out);
      benchmark::DoNotOptimize(out.data());
    }
  }
  SetCounters(state, ArticleBytes());
}
BENCHMARK(BM_IcuNfkc_Articles)->Unit(benchmark::kMillisecond);

void BM_Normalize_Articles(benchmark::State& state) {
  if (!HaveInput(state)) return;
  const auto form = static_cast<NormalForm>(state.range(0));
  for (auto _ : state) {
    for (const auto& a : Articles()) {
      NormalizedText n = Normalize(a, form);
      benchmark::DoNotOptimize(n.text.data());
      benchmark::DoNotOptimize(n.orig_end.data());
    }
  }
  SetCounters(state, ArticleBytes());
  SetRatio(state, ArticleBytes(), ArticlesNfkcRate());
  state.SetLabel(form == NormalForm::kKey ? "kKey" : "kText");
}
BENCHMARK(BM_Normalize_Articles)
    ->Arg(static_cast<int>(NormalForm::kText))
    ->Arg(static_cast<int>(NormalForm::kKey))
    ->Unit(benchmark::kMillisecond)
    ;

// --- sentences -------------------------------------------------------------

void BM_SplitSentences_Articles(benchmark::State& state) {
  if (!HaveInput(state)) return;
  std::vector<std::string> normalized;
  size_t bytes = 0;
  for (const auto& a : Articles()) {
    normalized.push_back(Normalize(a, NormalForm::kText).text);
    bytes += normalized.back().size();
  }
  size_t sentences = 0;
  for (auto _ : state) {
    sentences = 0;
    for (const auto& t : normalized) sentences += SplitSentences(t).size();
    benchmark::DoNotOptimize(sentences);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
  state.counters["sentences"] = static_cast<double>(sentences);
  state.counters["input_MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(BM_SplitSentences_Articles)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace rasd

BENCHMARK_MAIN();
