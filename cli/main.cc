#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "rasd: reads news articles about Morocco's income-generating projects for former\n"
      "prisoners and turns them into a queryable record of programme events.",
      "rasd"};
  app.set_version_flag("--version", std::string("rasd ") + RASD_VERSION);
  app.require_subcommand(1);
  rasd::cli::Context ctx;
  app.add_option("--data", ctx.data_dir, "folder of rasd's data files (default: found automatically)");
  rasd::cli::AddNormalizeCommand(&app, &ctx);
  rasd::cli::AddExtractCommands(&app, &ctx);
  rasd::cli::AddStoreCommands(&app, &ctx);
  rasd::cli::AddEvalEventsCommand(&app, &ctx);
  rasd::cli::AddCompareCommand(&app, &ctx);
  rasd::cli::AddReportCommands(&app, &ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? rasd::cli::kExitOk : rasd::cli::kExitUsage;
  }
  return ctx.exit_code;
}
