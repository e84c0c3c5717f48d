// rasd report / map: the store drawn for people (report/report.h): one HTML
// page to open in a browser, or the map alone as SVG for papers and slides.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/io.h"
#include "common/data_dir.h"
#include "report/report.h"
#include "store/store.h"

namespace rasd::cli {
namespace {

struct ReportArgs {
  std::string db = "rasd.db";
  std::string out;
  std::string lang = "fr";
  std::string by = "beneficiaries";
};

// Written beside the target then renamed: a page someone has open is never
// left half-written.
Status WriteFile(const std::string& path, const std::string& content) {
  if (path == "-") {
    std::cout << content;
    std::cout.flush();
    return std::cout ? Status::Ok() : Status::IOError("cannot write to stdout");
  }
  const std::string tmp = path + ".tmp" + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << content;
    out.flush();
    if (!out) {
      std::error_code ec;
      std::filesystem::remove(tmp, ec);
      return Status::IOError("cannot write (is the folder there and writable?)");
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return Status::IOError("cannot write: " + ec.message());
  }
  return Status::Ok();
}

int Run(const ReportArgs& args, const Context& ctx, bool map_only) {
  auto by = report::ParseMapBy(args.by);
  if (!by.ok()) {
    ReportError("--by", by.status().message());
    return kExitUsage;
  }
  auto data_dir = FindDataDir(ctx.data_dir);
  if (!data_dir.ok()) {
    ReportError("data", data_dir.status().message());
    return kExitInputFailed;
  }
  // Opened for reading: a foreign file or one from a newer rasd is refused
  // by the store and left untouched.
  auto opened = store::Store::Open({}, args.db);
  if (!opened.ok()) {
    ReportError(args.db, opened.status().message());
    return kExitInputFailed;
  }
  report::ReportOptions options;
  options.lang = args.lang;
  options.data_dir = *data_dir;
  options.by = *by;
  options.title_suffix = std::filesystem::path(args.db).filename().string();
  auto page = map_only ? report::RenderMap(opened->get(), options) : report::RenderReport(opened->get(), options);
  if (!page.ok()) {
    ReportError(map_only ? "map" : "report", page.status().message());
    return kExitInputFailed;
  }
  Status w = WriteFile(args.out, *page);
  if (!w.ok()) {
    ReportError(args.out, w.message());
    return kExitInputFailed;
  }
  if (args.out != "-") {
    std::error_code ec;
    auto abs = std::filesystem::absolute(args.out, ec);
    std::cerr << "rasd: wrote " << (ec ? args.out : abs.string()) << " (" << page->size() / 1024 << " KB)\n";
  }
  return kExitOk;
}

}  // namespace

void AddReportCommands(CLI::App* app, Context* ctx) {
  auto args = std::make_shared<ReportArgs>();
  auto* report = app->add_subcommand(
      "report", "write a coverage report to open in a browser: a map of the provinces, a timeline, every "
                "event with each figure in its sentence, and where sources differ (one HTML file, no network)");
  report->add_option("--db", args->db, "the database file")->default_val("rasd.db");
  report->add_option("--out", args->out, "the HTML file to write (- for stdout)")->default_val("rasd-report.html");
  report->add_option("--lang", args->lang, "the page's language")->default_val("fr")
      ->check(CLI::IsMember({"ar", "fr", "en"}));
  report->add_option("--by", args->by, "what colours the map at first: beneficiaries, events or budget")
      ->default_val("beneficiaries")->check(CLI::IsMember({"beneficiaries", "events", "budget"}));
  report->callback([args, ctx]() {
    if (args->out.empty()) args->out = "rasd-report.html";
    ctx->exit_code = Run(*args, *ctx, false);
  });

  auto margs = std::make_shared<ReportArgs>();
  auto* map = app->add_subcommand("map", "draw the map of the provinces alone, as SVG (for papers and slides)");
  map->add_option("--db", margs->db, "the database file")->default_val("rasd.db");
  map->add_option("--out", margs->out, "the SVG file to write (- for stdout)")->required();
  map->add_option("--by", margs->by, "what colours the provinces: beneficiaries, events or budget")
      ->default_val("beneficiaries")->check(CLI::IsMember({"beneficiaries", "events", "budget"}));
  map->add_option("--lang", margs->lang, "the legend's language")->default_val("fr")
      ->check(CLI::IsMember({"ar", "fr", "en"}));
  map->callback([margs, ctx]() { ctx->exit_code = Run(*margs, *ctx, true); });
}

}  // namespace rasd::cli
