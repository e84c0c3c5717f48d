// The coverage report of a store of 1,000 events: how long rasd takes to
// write it, and how big the page is (promised: under 2 MB). The store is
// synthetic: 1,000 dispatches across the 75 provinces and 14 years, each
// with its province, date, beneficiaries, women, projects, budget and sector
// marked in its sentences, one in ten republished with another count (a
// contradiction the page lists). The page is left in
// $RASD_REPORT_BENCH_OUT (default /tmp/rasd_report_bench.html) for
// bench/report_render.sh, which measures how long Chromium takes to render it.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "common/utf8.h"
#include "report/report.h"
#include "store/store.h"

namespace rasd {
namespace {

constexpr int kEvents = 1000;
constexpr double kCeilingBytes = 2.0 * 1024 * 1024;

std::string DataDir() {
  if (const char* env = std::getenv("RASD_DATA"); env && *env) return env;
  return RASD_SOURCE_DATA_DIR;
}

struct Province {
  std::string code, name_ar;
};

std::vector<Province> Provinces() {
  std::ifstream in(DataDir() + "/gazetteer/provinces.tsv");
  std::vector<Province> out;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> c;
    std::stringstream ss(line);
    for (std::string f; std::getline(ss, f, '\t');) c.push_back(f);
    if (c.size() > 4 && (c[1] == "province" || c[1] == "prefecture")) out.push_back({c[0], c[4]});
  }
  return out;
}

// Evidence for the first occurrence of `needle` in `text`.
Evidence Ev(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  if (at == std::string::npos) std::abort();
  size_t s = text.rfind('\n', at);
  s = s == std::string::npos ? 0 : s + 1;
  size_t e = text.find('\n', at);
  if (e == std::string::npos) e = text.size();
  auto cp = [&](size_t byte) { return static_cast<int64_t>(utf8::CountCodePoints(std::string_view(text).substr(0, byte))); };
  Evidence ev;
  ev.span = {cp(at), cp(at + needle.size())};
  ev.sentence = {cp(s), cp(e)};
  ev.text = needle;
  ev.sentence_text = text.substr(s, e - s);
  return ev;
}

store::DocumentInput Dispatch(int i, const Province& p, int people, std::mt19937& rng, const std::string& uri) {
  static const char* months[] = {"يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو",
                                 "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"};
  static const std::vector<std::string> words = {
      "مشروع", "مستفيد", "إدماج", "سجين", "سابق", "تمويل", "برنامج", "مؤسسة", "عامل", "إقليم", "حفل", "تسليم",
      "معدات", "خياطة", "حلاقة", "نجارة", "فلاحة", "تجارة", "خدمات", "شراكة", "مبادرة", "تنمية", "بشرية",
      "دعم", "مواكبة", "تكوين", "مهني", "ورشة", "جمعية", "لجنة", "ولاية", "جهة", "عمالة", "مدينة", "قرية"};
  const int year = 2012 + i / 75, month = 1 + (i % 75) % 12, day = 1 + (i % 75) % 28;
  const int women = people / 4, projects = people;
  const int budget = 20000 * people + static_cast<int>(rng() % 9000);
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
  const std::string when = std::to_string(day) + " " + months[month - 1] + " " + std::to_string(year);
  std::string text = p.name_ar + ": " + std::to_string(people) + " سجينا سابقا يتسلمون مشاريعهم\n";
  text += "أشرف عامل إقليم " + p.name_ar + " يوم " + when + " على تسليم مشاريع مدرة للدخل لفائدة " +
          std::to_string(people) + " مستفيدا من نزلاء سابقين بالمؤسسات السجنية، من بينهم " + std::to_string(women) +
          " نساء، في إطار برنامج مؤسسة محمد السادس لإعادة إدماج السجناء.\n";
  text += "ويتعلق الأمر بـ" + std::to_string(projects) + " مشروعا فرديا في مجال الخياطة، رصد لها غلاف مالي بلغ " +
          std::to_string(budget) + " درهم.\n";
  for (int w = 0; w < 60; ++w) text += words[rng() % words.size()] + (w % 20 == 19 ? ".\n" : " ");
  Record r;
  r.province = p.code;
  r.date = date;
  r.beneficiaries = people;
  r.beneficiaries_qualifier = Qualifier::kExact;
  r.women = women;
  r.projects = projects;
  r.budget_mad = budget;
  r.budget_qualifier = Qualifier::kExact;
  r.sectors = {"sewing"};
  r.evidence["province"] = Ev(text, "إقليم " + p.name_ar);
  r.evidence["date"] = Ev(text, when);
  r.evidence["beneficiaries"] = Ev(text, std::to_string(people) + " مستفيدا");
  r.evidence["women"] = Ev(text, std::to_string(women) + " نساء");
  r.evidence["projects"] = Ev(text, std::to_string(projects) + " مشروعا");
  r.evidence["budget_mad"] = Ev(text, std::to_string(budget) + " درهم");
  r.evidence["sectors/sewing"] = Ev(text, "الخياطة");
  store::DocumentInput d;
  d.uri = uri;
  d.document.source = uri;
  d.document.url = uri;
  d.document.text = text;
  d.document.title = text.substr(0, text.find('\n'));
  d.document.lang = "ar";
  d.document.kind = "text";
  d.records.push_back(std::move(r));
  return d;
}

std::unique_ptr<store::Store> SyntheticStore(const std::string& path) {
  std::filesystem::remove(path);
  auto s = store::Store::Open({.create = true}, path);
  if (!s.ok() || !(*s)->RefreshGazetteer(DataDir()).ok()) return nullptr;
  const auto provinces = Provinces();
  std::mt19937 rng(13);
  std::vector<store::PreparedDocument> batch;
  for (int i = 0; i < kEvents; ++i) {
    const Province& p = provinces[i % provinces.size()];
    int people = 8 + static_cast<int>(rng() % 60);
    std::mt19937 copy_rng = rng;
    batch.push_back(store::Prepare(Dispatch(i, p, people, rng, "https://news.example.ma/" + std::to_string(i))));
    if (i % 10 == 0) {  // republished with another count
      batch.push_back(store::Prepare(
          Dispatch(i, p, people + 2, copy_rng, "https://other.example.ma/copy-" + std::to_string(i))));
    }
  }
  auto w = (*s)->Write(&batch);
  if (!w.ok()) return nullptr;
  return std::move(*s);
}

void BM_ReportOf1000Events(benchmark::State& state) {
  const std::string path = (std::filesystem::temp_directory_path() / "rasd_report_bench.db").string();
  auto s = SyntheticStore(path);
  if (!s) {
    state.SkipWithError("could not build the synthetic store");
    return;
  }
  auto counts = s->Count();
  size_t bytes = 0;
  std::string page;
  for (auto _ : state) {
    report::ReportOptions options;
    options.data_dir = DataDir();
    auto html = report::RenderReport(s.get(), options);
    if (!html.ok()) {
      state.SkipWithError(html.status().message().c_str());
      return;
    }
    bytes = html->size();
    page = std::move(*html);
  }
  state.counters["events"] = static_cast<double>(counts.ok() ? counts->events : 0);
  state.counters["page_MB"] = static_cast<double>(bytes) / (1024 * 1024);
  state.counters["under_2MB"] = bytes < kCeilingBytes ? 1 : 0;
  const char* out_env = std::getenv("RASD_REPORT_BENCH_OUT");
  const std::string out = out_env && *out_env ? out_env : "/tmp/rasd_report_bench.html";
  std::ofstream(out) << page;
  std::cerr << "report_bench: " << bytes << " bytes written to " << out
            << " (bench/report_render.sh measures Chromium's rendering)\n";
  if (bytes >= kCeilingBytes) state.SkipWithError("the page of 1,000 events is 2 MB or more");
  s.reset();
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
}
BENCHMARK(BM_ReportOf1000Events)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace rasd

BENCHMARK_MAIN();
