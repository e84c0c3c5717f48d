// rasd over many machines, simulated on this one: what one Slurm array task
// does (`rasd extract --for-ingest SHARD`, a process of its own: start, load
// the data, read, extract, write) and what the merge job does (`rasd ingest
// --records`), timed as CPU time of the child process (wall time on a shared
// machine measures the neighbours).
//
// BM_TaskThroughput/N: a fixed crawl (real news of ../shared/data/news-ar/
// as JSON Lines, with the programme articles of corpus/ar and corpus/fr
// spread over it) cut into N shards, each extracted by its own process;
// documents/s per task is flat when N tasks cost what one task costs, that
// is when a task's start is small beside its shard.
// BM_Merge/K: K extracted programme documents (the corpus articles with
// their figures and dates changed, each with a real news text after it so
// that none is a near-duplicate of another) merged into a new store; cost
// per record is flat when the merge grows linearly with records.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/bench_data.h"

namespace rasd {
namespace {

namespace fs = std::filesystem;

constexpr size_t kCrawlNews = 4000;

std::string SourceDir() { return std::string(RASD_SOURCE_DATA_DIR) + "/.."; }

class TempDir {
 public:
  TempDir() {
    std::string t = (fs::temp_directory_path() / "rasd_cluster_bench_XXXXXX").string();
    path_ = mkdtemp(t.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Runs rasd with `args`, stdout to `out`; returns the child's CPU seconds,
// or -1 when it failed.
double RunRasd(const std::vector<std::string>& args, const std::string& out) {
  pid_t pid = fork();
  if (pid == 0) {
    FILE* f = std::freopen(out.c_str(), "w", stdout);
    if (!f || !std::freopen("/dev/null", "w", stderr)) _exit(126);
    std::vector<std::string> copy = args;
    std::vector<char*> argv = {const_cast<char*>(RASD_BIN)};
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(RASD_BIN, argv.data());
    _exit(127);
  }
  int status = 0;
  struct rusage ru {};
  wait4(pid, &status, 0, &ru);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

std::vector<std::string> ProgrammeArticles() {
  std::vector<std::string> texts;
  for (const char* lang : {"ar", "fr"}) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(SourceDir() + "/corpus/" + lang)) {
      if (e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f);
      std::stringstream ss;
      ss << in.rdbuf();
      texts.push_back(ss.str());
    }
  }
  return texts;
}

// The crawl as JSON Lines, one line a document; a programme article every
// 60 news articles.
std::vector<std::string> CrawlLines() {
  static std::vector<std::string> lines = [] {
    std::vector<std::string> out;
    const auto& news = bench::NewsArticles(kCrawlNews);
    std::vector<std::string> programme = ProgrammeArticles();
    for (size_t i = 0; i < news.size(); ++i) {
      out.push_back(nlohmann::json({{"url", "https://news.example/" + std::to_string(i)}, {"title", news[i].title},
                                    {"date", news[i].date}, {"text", news[i].text}})
                        .dump());
      if (i % 60 == 0 && !programme.empty()) {
        out.push_back(nlohmann::json({{"url", "https://programme.example/" + std::to_string(i)},
                                      {"text", programme[(i / 60) % programme.size()]}})
                          .dump());
      }
    }
    return out;
  }();
  return lines;
}

void BM_TaskThroughput(benchmark::State& state) {
  const std::vector<std::string>& lines = CrawlLines();
  if (lines.empty()) {
    state.SkipWithError("needs ../shared/data/news-ar (absent)");
    return;
  }
  const size_t shards = static_cast<size_t>(state.range(0));
  TempDir dir;
  for (size_t s = 0; s < shards; ++s) {
    std::ofstream out(dir.File("shard-" + std::to_string(s) + ".jsonl"));
    for (size_t i = s; i < lines.size(); i += shards) out << lines[i] << "\n";
  }
  double slowest = 0, total = 0;
  for (auto _ : state) {
    total = 0;
    slowest = 0;
    for (size_t s = 0; s < shards; ++s) {
      double cpu = RunRasd({"extract", "--for-ingest", dir.File("shard-" + std::to_string(s) + ".jsonl")},
                           dir.File("out.jsonl"));
      if (cpu < 0) {
        state.SkipWithError("rasd extract failed");
        return;
      }
      total += cpu;
      slowest = std::max(slowest, cpu);
    }
    state.SetIterationTime(total / static_cast<double>(shards));  // one task's CPU time
  }
  const double per_task = static_cast<double>(lines.size()) / static_cast<double>(shards);
  state.counters["docs_per_task"] = per_task;
  state.counters["task_docs_per_s"] = per_task * static_cast<double>(shards) / total;
  state.counters["slowest_task_docs_per_s"] = per_task / slowest;
}
BENCHMARK(BM_TaskThroughput)->Arg(1)->Arg(2)->Arg(4)->Arg(8)->Arg(16)->Arg(32)->Iterations(1)->UseManualTime()
    ->Unit(benchmark::kMillisecond);

// The extracted programme articles, once: the lines the merge reads.
std::vector<nlohmann::json> ExtractedProgramme() {
  static std::vector<nlohmann::json> lines = [] {
    std::vector<nlohmann::json> out;
    TempDir dir;
    std::string list = dir.File("in.jsonl");
    {
      std::ofstream f(list);
      size_t i = 0;
      for (const auto& t : ProgrammeArticles()) {
        f << nlohmann::json({{"url", "https://p.example/" + std::to_string(i++)}, {"date", "2024-05-01"}, {"text", t}}).dump()
          << "\n";
      }
    }
    if (RunRasd({"extract", "--for-ingest", list}, dir.File("out.jsonl")) < 0) return out;
    std::ifstream in(dir.File("out.jsonl"));
    for (std::string line; std::getline(in, line);) {
      auto j = nlohmann::json::parse(line);
      if (!j["records"].empty()) out.push_back(std::move(j));
    }
    return out;
  }();
  return lines;
}

void BM_Merge(benchmark::State& state) {
  const auto& base = ExtractedProgramme();
  const auto& news = bench::NewsArticles(kCrawlNews);
  if (base.empty() || news.empty()) {
    state.SkipWithError("needs ../shared/data/news-ar and the corpus");
    return;
  }
  const size_t docs = static_cast<size_t>(state.range(0));
  TempDir dir;
  size_t records = 0;
  {
    std::ofstream out(dir.File("shard.jsonl"));
    for (size_t i = 0; i < docs; ++i) {
      nlohmann::json j = base[i % base.size()];
      const size_t copy = i / base.size();
      j["document"]["uri"] = "https://copy.example/" + std::to_string(i);
      // A real news text after the article: positions hold, the shingles differ.
      j["document"]["text"] = j["document"]["text"].get<std::string>() + "\n\n" + news[i % news.size()].text;
      for (auto& r : j["records"]) {
        // Each copy its own occasion: another year, other figures.
        if (r["date"].is_string()) {
          std::string d = r["date"];
          r["date"] = std::to_string(1000 + static_cast<int>(copy)) + d.substr(4);
        }
        if (r.contains("beneficiaries")) r["beneficiaries"] = r["beneficiaries"].get<int64_t>() + static_cast<int64_t>(copy) * 1000;
        ++records;
      }
      out << j.dump() << "\n";
    }
  }
  for (auto _ : state) {
    fs::remove(dir.File("m.db"));
    double cpu = RunRasd({"ingest", "--records", "--quiet", "--db", dir.File("m.db"), dir.File("shard.jsonl")},
                         "/dev/null");
    if (cpu < 0) {
      state.SkipWithError("rasd ingest --records failed");
      return;
    }
    state.SetIterationTime(cpu);
    state.counters["records"] = static_cast<double>(records);
    state.counters["us_per_record"] = cpu * 1e6 / static_cast<double>(records);
    state.counters["docs_per_s"] = static_cast<double>(docs) / cpu;
  }
}
BENCHMARK(BM_Merge)->Arg(1000)->Arg(2000)->Arg(4000)->Arg(8000)->Arg(16000)->Iterations(1)->UseManualTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace rasd

BENCHMARK_MAIN();
