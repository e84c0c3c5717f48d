// rasd compare: the official figure beside the press figures, for each place
// and period or each merged event, every difference flagged with both
// sentences and sources.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/io.h"
#include "cli/table_output.h"
#include "store/compare.h"

namespace rasd::cli {
namespace {

struct CompareArgs {
  std::string db = "rasd.db";
  std::string by = "province";
  std::string format = "table";
};

int RunCompare(const CompareArgs& args) {
  auto s = store::Store::Open({}, args.db);
  if (!s.ok()) {
    ReportError(args.db, s.status().message());
    return kExitInputFailed;
  }
  store::CompareBy by = args.by == "region" ? store::CompareBy::kRegion
                        : args.by == "year" ? store::CompareBy::kYear
                        : args.by == "event" ? store::CompareBy::kEvent
                                             : store::CompareBy::kProvince;
  auto t = store::Compare(s->get(), by);
  if (!t.ok()) {
    ReportError("compare", t.status().message());
    return kExitInputFailed;
  }
  if (args.format != "table") {
    PrintQueryTable(*t, args.format);
    return kExitOk;
  }
  if (t->rows.empty()) {
    std::cout << "no figure given by both an official source and the press\n";
    return kExitOk;
  }
  auto col = [&](const char* name) {
    for (size_t i = 0; i < t->columns.size(); ++i) {
      if (t->columns[i] == name) return i;
    }
    return size_t{0};
  };
  auto cell = [&](const std::vector<store::Value>& row, const char* name) { return ValueText(row[col(name)]); };
  auto figure = [&](const std::vector<store::Value>& row, const std::string& side) {
    std::string q = cell(row, (side + "_qualifier").c_str());
    std::string page = cell(row, (side + "_page").c_str());
    return cell(row, side.c_str()) + (q.empty() || q == "exact" ? "" : " (" + q + ")") + "  " +
           cell(row, (side + "_source").c_str()) + (page.empty() ? "" : ", page " + page);
  };
  std::string last_group;
  size_t contradictions = 0, compatible = 0, agree = 0;
  for (const auto& row : t->rows) {
    std::string group = cell(row, "group") + "  " + cell(row, "period");
    if (group != last_group) {
      std::cout << (last_group.empty() ? "" : "\n") << args.by << " " << group << "\n";
      last_group = group;
    }
    std::string relation = cell(row, "relation");
    (relation == "contradiction" ? contradictions : relation == "compatible" ? compatible : agree)++;
    std::string event = cell(row, "event_id");
    std::cout << "  " << cell(row, "field") << "  " << cell(row, "scope") << (event.empty() ? "" : " (event " + event + ")")
              << "  " << relation << "\n";
    std::cout << "    official  " << figure(row, "official") << "\n";
    if (relation != "agree") std::cout << "      " << cell(row, "official_sentence") << "\n";
    std::cout << "    press     " << figure(row, "press") << "\n";
    if (relation != "agree") std::cout << "      " << cell(row, "press_sentence") << "\n";
  }
  std::cout << "\n" << t->rows.size() << " figure(s) compared: " << agree << " agree, " << compatible
            << " compatible, " << contradictions << " contradiction(s)\n";
  return kExitOk;
}

}  // namespace

void AddCompareCommand(CLI::App* app, Context* ctx) {
  auto args = std::make_shared<CompareArgs>();
  CLI::App* cmd = app->add_subcommand(
      "compare", "The official figures beside the press figures, for each place and period or each merged event");
  cmd->add_option("--db", args->db, "the database file")->default_val("rasd.db");
  cmd->add_option("--by", args->by, "province, region, year or event")
      ->check(CLI::IsMember({"province", "region", "year", "event"}))
      ->default_val("province");
  cmd->add_option("--format", args->format, "table, csv, json or jsonl")
      ->check(CLI::IsMember({"table", "csv", "json", "jsonl"}))
      ->default_val("table");
  cmd->callback([args, ctx] { ctx->exit_code = RunCompare(*args); });
}

}  // namespace rasd::cli
