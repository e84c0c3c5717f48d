// rasd eval-events: how well the store merges reports of the same occasion.
// Ingests the real articles of a corpus (with their gold publication dates)
// into a fresh store, then scores the events against clusters grouped by
// hand (corpus/events.json): record pairs merged, and every hand-found
// difference between sources surfaced with its class. With --check-order it
// ingests again in the reverse order and requires the same events.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/io.h"
#include "common/data_dir.h"
#include "extract/extract.h"
#include "extract/score.h"
#include "store/event_score.h"
#include "store/pipeline.h"
#include "store/store.h"

namespace rasd::cli {
namespace {

namespace fs = std::filesystem;

struct EvalEventsArgs {
  std::string corpus_root;
  std::string events = "corpus/events.json";
  std::string db;
  double min_pair_f1 = 0;
  bool require_differences = false;
  bool check_order = false;
};

struct Article {
  std::string source;  // set/file, relative to the corpus root
  std::string path;
  nlohmann::json gold;
};

nlohmann::json ValueJson(const store::Value& v) {
  if (std::holds_alternative<int64_t>(v)) return std::get<int64_t>(v);
  if (std::holds_alternative<double>(v)) return std::get<double>(v);
  if (std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
  return nullptr;
}

// What one ingest into a fresh store gives: each stored record as JSON by
// source, its event, and the differences kept.
struct StoreView {
  std::map<std::string, nlohmann::json> records;          // source -> array of records
  std::map<std::string, std::vector<int64_t>> events;     // source -> event of each record
  std::vector<store::StoredDifference> differences;
  // Events as sets of (source, ordinal), and their differences: what must
  // not depend on the order of ingest.
  std::set<std::set<std::pair<std::string, int64_t>>> partition;
  std::set<std::string> difference_keys;
};

Result<StoreView> IngestAndRead(const std::vector<Article>& articles, const std::string& db_path,
                                const Context& ctx) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path + suffix, ec);
  auto data_dir = FindDataDir(ctx.data_dir);
  if (!data_dir.ok()) return data_dir.status();
  auto opened = store::Store::Open({.create = true}, db_path);
  if (!opened.ok()) return opened.status();
  std::unique_ptr<store::Store> db = std::move(*opened);
  Status g = db->RefreshGazetteer(*data_dir);
  if (!g.ok()) return g;
  auto extractor = Extractor::Load(*data_dir);
  if (!extractor.ok()) return extractor.status();
  {
    store::PipelineOptions options;
    options.keep_mentions = false;
    store::IngestPipeline pipeline(db.get(), extractor->get(), options);
    for (const Article& a : articles) {
      auto text = ReadInput(a.path);
      if (!text.ok()) return Status::InvalidArgument(a.path + ": " + text.status().message());
      Document d;
      d.source = a.source;
      d.kind = "text";
      d.text = std::move(*text);
      if (a.gold.contains("published") && a.gold["published"].is_string()) d.published = a.gold["published"];
      pipeline.OnDocument(std::move(d));
    }
    auto summary = pipeline.Finish();
    if (!summary.ok()) return summary.status();
    if (summary->failed > 0) return Status::InvalidArgument("some articles could not be stored");
  }
  StoreView view;
  auto table = db->RecordEvents();
  if (!table.ok()) return table.status();
  std::map<int64_t, std::set<std::pair<std::string, int64_t>>> members;
  for (const auto& row : table->rows) {
    nlohmann::json r;
    for (size_t c = 0; c < table->columns.size(); ++c) {
      nlohmann::json v = ValueJson(row[c]);
      if (!v.is_null()) r[table->columns[c]] = v;
    }
    std::string source = r.value("source", "");
    int64_t event = r.value("event_id", int64_t{0});
    view.records[source].push_back(r);
    view.events[source].push_back(event);
    members[event].insert({source, r.value("ordinal", int64_t{0})});
  }
  for (auto& [id, m] : members) view.partition.insert(m);
  auto diffs = db->Conflicts({});
  if (!diffs.ok()) return diffs.status();
  auto col = [&](const char* name) {
    return static_cast<size_t>(std::find(diffs->columns.begin(), diffs->columns.end(), name) - diffs->columns.begin());
  };
  std::set<std::tuple<int64_t, std::string, std::string>> seen;
  for (const auto& row : diffs->rows) {
    store::StoredDifference d{std::get<int64_t>(row[col("event_id")]), std::get<std::string>(row[col("field")]),
                              std::get<std::string>(row[col("class")])};
    if (!seen.insert({d.event_id, d.field, d.kind}).second) continue;
    std::string where;
    for (const auto& [source, ordinal] : members[d.event_id]) where += source + "#" + std::to_string(ordinal) + " ";
    view.difference_keys.insert(where + d.field + " " + d.kind);
    view.differences.push_back(std::move(d));
  }
  return view;
}

int RunEvalEvents(const EvalEventsArgs& args, const Context& ctx) {
  std::ifstream in(args.events);
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (!in || j.is_discarded()) {
    ReportError(args.events, "not a readable JSON file");
    return kExitUsage;
  }
  auto gold = store::ParseEventClusters(j);
  if (!gold.ok()) {
    ReportError(args.events, gold.status().message());
    return kExitUsage;
  }
  std::vector<Article> articles;
  for (const std::string& set : gold->sets) {
    fs::path dir = fs::path(args.corpus_root) / set;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      ReportError(dir.string(), "not a folder (the corpus root holds " + set + "/)");
      return kExitUsage;
    }
    std::vector<fs::path> golds;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      std::string n = e.path().filename().string();
      if (n.size() > 10 && n.compare(n.size() - 10, 10, ".gold.json") == 0) golds.push_back(e.path());
    }
    std::sort(golds.begin(), golds.end());
    for (const fs::path& g : golds) {
      std::ifstream gin(g);
      nlohmann::json gj = nlohmann::json::parse(gin, nullptr, false);
      if (gj.is_discarded() || !gj.is_object()) {
        ReportError(g.string(), "not a JSON gold file");
        return kExitInputFailed;
      }
      std::string file = gj.value("source", "");
      articles.push_back({set + "/" + file, (dir / file).string(), gj});
    }
  }
  std::string db_path = args.db;
  if (db_path.empty()) db_path = (fs::temp_directory_path() / ("rasd-eval-events-" + std::to_string(getpid()) + ".db")).string();
  auto view = IngestAndRead(articles, db_path, ctx);
  if (!view.ok()) {
    ReportError(db_path, view.status().message());
    return kExitInputFailed;
  }
  // Each gold record's event: the event of the stored record paired with it.
  std::map<store::GoldRecordRef, int64_t> event_of;
  for (const Article& a : articles) {
    nlohmann::json golds = a.gold.value("records", nlohmann::json::array());
    nlohmann::json preds = view->records.count(a.source) ? view->records[a.source] : nlohmann::json::array();
    for (size_t g = 0; g < golds.size(); ++g) event_of[{a.source, static_cast<int>(g)}] = 0;
    for (const auto& [g, p] : PairRecords(golds, preds)) {
      event_of[{a.source, static_cast<int>(g)}] = view->events[a.source][p];
    }
  }
  store::EventScore score = store::ScoreEvents(*gold, event_of, view->differences);
  std::printf("articles %zu, hand-made clusters %zu\n", articles.size(), gold->clusters.size());
  std::printf("merged pairs  tp=%ld fp=%ld fn=%ld  P=%.3f R=%.3f F1=%.3f\n", score.pairs.tp, score.pairs.fp,
              score.pairs.fn, score.pairs.Precision(), score.pairs.Recall(), score.pairs.F1());
  for (const auto& p : score.missed_pairs) std::printf("  not merged: %s\n", p.c_str());
  for (const auto& p : score.wrong_pairs) std::printf("  merged by mistake: %s\n", p.c_str());
  std::printf("differences surfaced with their class: %d of %d\n", score.surfaced, score.differences);
  for (const auto& d : score.missed_differences) std::printf("  missed: %s\n", d.c_str());
  std::printf("differences the store keeps (%zu):\n", view->difference_keys.size());
  for (const auto& d : view->difference_keys) std::printf("  %s\n", d.c_str());
  int code = kExitOk;
  if (args.check_order) {
    std::vector<Article> reversed(articles.rbegin(), articles.rend());
    auto again = IngestAndRead(reversed, db_path, ctx);
    if (!again.ok()) {
      ReportError(db_path, again.status().message());
      return kExitInputFailed;
    }
    bool same = again->partition == view->partition && again->difference_keys == view->difference_keys;
    std::printf("ingested in reverse order: %s\n", same ? "the same events and differences" : "DIFFERENT events");
    if (!same) code = kExitInputFailed;
  }
  if (args.db.empty()) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path + suffix, ec);
  }
  if (score.pairs.F1() < args.min_pair_f1) {
    std::fprintf(stderr, "rasd: merged pair F1 %.3f is below %.3f\n", score.pairs.F1(), args.min_pair_f1);
    code = kExitInputFailed;
  }
  if (args.require_differences && score.surfaced < score.differences) {
    std::fprintf(stderr, "rasd: %d hand-found difference(s) not surfaced\n", score.differences - score.surfaced);
    code = kExitInputFailed;
  }
  return code;
}

}  // namespace

void AddEvalEventsCommand(CLI::App* app, Context* ctx) {
  auto args = std::make_shared<EvalEventsArgs>();
  CLI::App* cmd = app->add_subcommand(
      "eval-events", "Score the merge of same-event reports against clusters grouped by hand (corpus/events.json)");
  cmd->add_option("corpus", args->corpus_root, "folder holding the sets the clusters name (seeds/, real-dev/, ...)")
      ->required();
  cmd->add_option("--events", args->events, "the hand-made clusters")->default_val(args->events);
  cmd->add_option("--db", args->db, "keep the store built for scoring in this file (default: a temporary file)");
  cmd->add_option("--min-pair-f1", args->min_pair_f1, "exit 1 when merged-pair F1 is below this");
  cmd->add_flag("--require-differences", args->require_differences, "exit 1 unless every hand-found difference is surfaced with its class");
  cmd->add_flag("--check-order", args->check_order, "ingest again in reverse order and exit 1 unless the events are the same");
  cmd->callback([args, ctx] { ctx->exit_code = RunEvalEvents(*args, *ctx); });
}

}  // namespace rasd::cli
