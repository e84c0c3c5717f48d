// rasd extract / mentions / eval: records (or the mentions they are built
// from) for each input document, and the score against gold annotations.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/inputs.h"
#include "cli/io.h"
#include "common/data_dir.h"
#include "common/dates.h"
#include "common/ordered_jobs.h"
#include "extract/extract.h"
#include "extract/record_json.h"
#include "extract/score.h"
#include "store/extracted.h"

namespace rasd::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string format = "jsonl";
  std::string published;
  std::string lang;  // empty: auto
  bool for_ingest = false;  // each line also carries what the store keeps
  ReadLimits limits;
  bool no_prefilter = false;
  int jobs = 0;  // extraction threads; 0: one per core
};

Result<std::unique_ptr<Extractor>> LoadExtractor(const Context& ctx) {
  auto dir = FindDataDir(ctx.data_dir);
  if (!dir.ok()) return dir.status();
  return Extractor::Load(*dir);
}

void PrintTable(const Extraction& e, std::ostream& out) {
  out << e.source << " [" << e.lang << "] " << e.records.size() << " record(s)\n";
  for (const Record& r : e.records) {
    out << "  " << ScopeName(r.scope) << "  province=" << r.province.value_or("-")
              << "  region=" << r.region.value_or("-") << "  date=" << r.date.value_or("-");
    if (r.period_start) out << "  from=" << *r.period_start;
    if (r.beneficiaries) out << "  beneficiaries=" << *r.beneficiaries << "(" << QualifierName(*r.beneficiaries_qualifier) << ")";
    if (r.women) out << "  women=" << *r.women;
    if (r.projects) out << "  projects=" << *r.projects;
    if (r.budget_mad) out << "  budget=" << std::fixed << std::setprecision(2) << *r.budget_mad << std::defaultfloat << "(" << QualifierName(*r.budget_qualifier) << ")";
    if (!r.sectors.empty()) {
      out << "  sectors=";
      for (size_t i = 0; i < r.sectors.size(); ++i) out << (i ? "," : "") << r.sectors[i];
    }
    if (r.programme) out << "  programme=" << *r.programme;
    out << "\n";
  }
}

int RunExtract(const ExtractArgs& args, const Context& ctx, bool mentions) {
  if (!args.published.empty() && !IsIsoDay(args.published)) {
    ReportError("--published", "expected a date YYYY-MM-DD, got '" + args.published + "'");
    return kExitUsage;
  }
  if (args.for_ingest && args.format != "jsonl") {
    ReportError("--for-ingest", "writes JSON Lines only (--format jsonl)");
    return kExitUsage;
  }
  auto ex = LoadExtractor(ctx);
  if (!ex.ok()) { ReportError("data", ex.status().message()); return kExitInputFailed; }
  nlohmann::json all = nlohmann::json::array();
  // For the store, documents are read and extracted exactly as `rasd ingest`
  // reads and extracts them (absolute paths, the reader's titles).
  const std::vector<std::string> inputs = args.for_ingest ? AbsolutePaths(args.inputs) : args.inputs;
  // Reading stays on this thread; extraction runs on the pool; results are
  // printed in reading order, so the output is the same for any --jobs.
  struct Output {
    std::string error;  // a message for stderr, source first
    std::string text;   // for stdout
    nlohmann::json json;  // --format json
  };
  int jobs = ThreadsOrOnePerCore(args.jobs);
  const Extractor* extractor = ex->get();
  OrderedJobs<Output> pool(jobs, static_cast<size_t>(jobs) * 16, [&](Output&& o) {
    if (!o.error.empty()) ReportError(o.error.substr(0, o.error.find('\t')), o.error.substr(o.error.find('\t') + 1));
    if (!o.text.empty()) std::cout << o.text;
    if (!o.json.is_null()) all.push_back(std::move(o.json));
  });
  // Pages that cannot be about the programme give no record: skipped before
  // parsing, except for `rasd mentions`, which shows mentions of any page.
  bool prefilter = !mentions && !args.no_prefilter;
  InputStats stats = ForEachDocument(inputs, ctx.data_dir, args.for_ingest, args.limits, [&](Document&& d) {
    if (d.published.empty()) d.published = args.published;
    auto doc = std::make_shared<Document>(std::move(d));
    pool.Submit([doc, extractor, &args, mentions]() {
      Output o;
      Document& d = *doc;
      ExtractOptions opt;
      opt.keep_mentions = mentions;
      opt.lang = args.lang;
      if (args.for_ingest) opt = store::ExtractOptionsForStore(/*keep_mentions=*/true, args.lang);
      Extraction e = extractor->Extract(d, opt);
      if (e.invalid_utf8 > 0) o.error = e.source + "\tinvalid UTF-8: " + std::to_string(e.invalid_utf8) + " ill-formed sequence(s) replaced by U+FFFD";
      if (args.for_ingest) {
        nlohmann::json j = ExtractionToJson(e, true, false);
        store::AddStoredForm(store::ToDocumentInput(std::move(d), std::move(e)), &j);
        o.text = j.dump() + "\n";
      } else if (mentions) {
        nlohmann::json j = ExtractionToJson(e, false, true);
        if (args.format == "json") o.json = std::move(j); else o.text = j.dump() + "\n";
      } else if (args.format == "table") {
        std::ostringstream out;
        PrintTable(e, out);
        o.text = out.str();
      } else if (args.format == "json") {
        o.json = ExtractionToJson(e, true, false);
      } else {
        o.text = ExtractionToJson(e, true, false).dump() + "\n";
      }
      return o;
    });
  }, prefilter, jobs);
  pool.Finish();
  if (args.format == "json") std::cout << all.dump(2) << "\n";
  return stats.failed > 0 ? kExitInputFailed : kExitOk;
}

struct EvalArgs {
  std::string gold_dir;
  bool by_field = false;
  bool per_doc = false;
  std::string predictions;  // write the predictions as JSON Lines here
  double min_f1 = 0;
  bool no_records_from_negatives = false;
  std::string lang;  // only gold files of this language
  std::vector<std::string> min_field;  // FIELD=F1 floors, one field each
};

int RunEval(const EvalArgs& args, const Context& ctx) {
  namespace fs = std::filesystem;
  auto ex = LoadExtractor(ctx);
  if (!ex.ok()) { ReportError("data", ex.status().message()); return kExitInputFailed; }
  std::error_code ec;
  if (!fs::is_directory(args.gold_dir, ec)) { ReportError(args.gold_dir, "not a folder"); return kExitUsage; }
  std::vector<fs::path> golds;
  for (const auto& e : fs::directory_iterator(args.gold_dir, ec)) {
    std::string n = e.path().filename().string();
    if (n.size() > 10 && n.compare(n.size() - 10, 10, ".gold.json") == 0) golds.push_back(e.path());
  }
  std::sort(golds.begin(), golds.end());
  std::ofstream pred_out;
  if (!args.predictions.empty()) pred_out.open(args.predictions);
  ScoreReport total;
  int failed = 0;
  std::vector<std::string> negatives_with_records;
  for (const fs::path& g : golds) {
    std::ifstream in(g);
    nlohmann::json gold = nlohmann::json::parse(in, nullptr, false);
    if (gold.is_discarded() || !gold.is_object()) { ReportError(g.string(), "not a JSON gold file"); ++failed; continue; }
    if (!args.lang.empty() && gold.value("lang", "") != args.lang) continue;
    std::string source = gold.value("source", "");
    fs::path txt = g.parent_path() / source;
    auto text = ReadInput(txt.string());
    if (!text.ok()) { ReportError(txt.string(), text.status().message()); ++failed; continue; }
    Document input;
    input.source = source;
    input.text = std::move(*text);
    if (gold.contains("published") && gold["published"].is_string()) input.published = gold["published"].get<std::string>();
    Extraction e = (*ex)->Extract(input);
    nlohmann::json pj = ExtractionToJson(e, true, false);
    if (pred_out) pred_out << pj.dump() << "\n";
    nlohmann::json grecs = gold.value("records", nlohmann::json::array());
    if (grecs.empty() && !e.records.empty()) negatives_with_records.push_back(source);
    total.Add(ScoreDocument(source, grecs, pj["records"]));
  }
  auto line = [](const char* name, const Counts& c) {
    std::printf("%-24s tp=%4ld fp=%4ld fn=%4ld  P=%.3f R=%.3f F1=%.3f\n", name, c.tp, c.fp, c.fn, c.Precision(), c.Recall(), c.F1());
  };
  if (args.per_doc) {
    std::printf("doc gold pred facts_tp facts_fp facts_fn\n");
    for (const auto& d : total.docs) std::printf("%s %zu %zu %ld %ld %ld\n", d.source.c_str(), d.gold, d.predicted, d.facts.tp, d.facts.fp, d.facts.fn);
  }
  if (args.by_field) for (const auto& [f, c] : total.by_field) line(f.c_str(), c);
  std::printf("documents: %zu\n", total.docs.size());
  std::printf("records: P=%.3f R=%.3f F1=%.3f (tp,fp,fn)=(%ld, %ld, %ld)\n", total.records.Precision(), total.records.Recall(), total.records.F1(), total.records.tp, total.records.fp, total.records.fn);
  std::printf("facts: P=%.3f R=%.3f F1=%.3f (tp,fp,fn)=(%ld, %ld, %ld)\n", total.facts.Precision(), total.facts.Recall(), total.facts.F1(), total.facts.tp, total.facts.fp, total.facts.fn);
  int status = failed ? kExitInputFailed : kExitOk;
  if (args.min_f1 > 0 && total.facts.F1() < args.min_f1) {
    std::fprintf(stderr, "rasd eval: fact F1 %.3f is below the floor %.3f\n", total.facts.F1(), args.min_f1);
    status = kExitInputFailed;
  }
  for (const std::string& floor : args.min_field) {
    size_t eq = floor.find('=');
    std::string field = floor.substr(0, eq);
    double value = eq == std::string::npos ? -1 : std::atof(floor.c_str() + eq + 1);
    auto it = total.by_field.find(field);
    if (eq == std::string::npos || value <= 0 || value > 1) {
      std::fprintf(stderr, "rasd eval: --min-field %s: expected FIELD=F1 with F1 in (0, 1]\n", floor.c_str());
      return kExitUsage;
    }
    double f1 = it == total.by_field.end() ? 0 : it->second.F1();
    if (f1 < value) {
      std::fprintf(stderr, "rasd eval: %s F1 %.3f is below the floor %.3f\n", field.c_str(), f1, value);
      status = kExitInputFailed;
    }
  }
  if (args.no_records_from_negatives && !negatives_with_records.empty()) {
    for (const auto& s : negatives_with_records) std::fprintf(stderr, "rasd eval: %s must yield no record\n", s.c_str());
    status = kExitInputFailed;
  }
  return status;
}

}  // namespace

void AddLangOption(CLI::App* cmd, std::string* lang) {
  cmd->add_option_function<std::string>(
         "--lang", [lang](const std::string& v) { *lang = v == "auto" ? "" : v; },
         "language the inputs are read in: ar, fr or auto (each document's own; the default)")
      ->check(CLI::IsMember({"ar", "fr", "auto"}));
}

void AddExtractCommands(CLI::App* app, Context* ctx) {
  for (bool mentions : {false, true}) {
    auto args = std::make_shared<ExtractArgs>();
    CLI::App* cmd = mentions
        ? app->add_subcommand("mentions", "Print every mention found before records are built (numbers, money, dates, places, counts, sectors), for debugging patterns")
        : app->add_subcommand("extract", "Extract programme records from each input (files, folders, or '-' for stdin)");
    cmd->add_option("inputs", args->inputs, "files or folders to read; '-' reads stdin")->default_val(std::vector<std::string>{"-"});
    cmd->add_option("--format", args->format, mentions ? "jsonl or json" : "jsonl, json or table")
        ->check(CLI::IsMember(mentions ? std::vector<std::string>{"jsonl", "json"} : std::vector<std::string>{"jsonl", "json", "table"}));
    cmd->add_option("--published", args->published, "publication date (YYYY-MM-DD) of inputs that carry none");
    AddLangOption(cmd, &args->lang);
    AddReadLimitOptions(cmd, &args->limits);
    if (!mentions) {
      cmd->add_option("-j,--jobs", args->jobs, "threads reading pages and extracting (default: one per core); the output is the same for any number")
          ->check(CLI::NonNegativeNumber);
      cmd->add_flag("--no-prefilter", args->no_prefilter,
                    "parse every page, even those whose bytes hold no programme cue (they give no record either way)");
      cmd->add_flag("--for-ingest", args->for_ingest,
                    "also write what the store keeps of each document (its text, metadata, mentions), for "
                    "`rasd ingest --records`: extract shards anywhere, merge them into one store");
    }
    cmd->callback([args, ctx, mentions] { ctx->exit_code = RunExtract(*args, *ctx, mentions); });
  }
  auto eval = std::make_shared<EvalArgs>();
  CLI::App* cmd = app->add_subcommand("eval", "Score extraction on the NAME.txt articles beside NAME.gold.json files in GOLD_DIR");
  cmd->add_option("gold_dir", eval->gold_dir, "folder of NAME.txt and NAME.gold.json")->required();
  cmd->add_flag("--by-field", eval->by_field, "precision, recall and F1 per field");
  cmd->add_flag("--per-doc", eval->per_doc, "facts per document");
  cmd->add_option("--predictions", eval->predictions, "also write the predictions (JSON Lines) to this file");
  cmd->add_option("--min-f1", eval->min_f1, "exit 1 when fact F1 is below this floor");
  cmd->add_flag("--no-records-from-negatives", eval->no_records_from_negatives, "exit 1 when an article whose gold has no record yields one");
  cmd->add_option("--lang", eval->lang, "score only the gold files of this language (ar, fr)");
  cmd->add_option("--min-field", eval->min_field, "exit 1 when a field's F1 is below its floor: FIELD=F1 (repeatable)");
  cmd->callback([eval, ctx] { ctx->exit_code = RunEval(*eval, *ctx); });
}

}  // namespace rasd::cli
