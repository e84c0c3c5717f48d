// The rasd command: each subcommand lives in its own cli/cmd_*.cc and is
// registered here. cli/ is the only code that prints or chooses an exit status:
// data goes to stdout, messages to stderr; 0 when everything worked, 1 when
// some input failed, 2 on a usage error.
#ifndef RASD_CLI_COMMANDS_H_
#define RASD_CLI_COMMANDS_H_

#include <cstdint>
#include <string>

#include <CLI/CLI.hpp>

namespace rasd::cli {

enum ExitCode { kExitOk = 0, kExitInputFailed = 1, kExitUsage = 2 };

// Shared by every subcommand: global options, and the exit status the
// subcommand that ran chose.
struct Context {
  std::string data_dir;  // --data; empty: found by FindDataDir
  int exit_code = kExitOk;
};

// --lang ar|fr|auto on a command that reads text: the language every input is
// read in ("auto", the default, leaves it to each document). Stores "" for auto.
void AddLangOption(CLI::App* cmd, std::string* lang);

// What one input item may cost (ingest::Options limits), set by
// --max-record-size, --max-expanded-size and --max-text-size on the commands
// that read documents. Sizes take units: 16MiB, 512KiB, 1048576.
struct ReadLimits {
  uint64_t record_bytes = 16ull << 20;
  uint64_t expanded_bytes = 64ull << 20;
  uint64_t text_bytes = 1ull << 20;
};
void AddReadLimitOptions(CLI::App* cmd, ReadLimits* limits);

// Each adds its subcommand(s) to `app`; the callback stores its exit status
// in ctx->exit_code.
void AddNormalizeCommand(CLI::App* app, Context* ctx);
void AddExtractCommands(CLI::App* app, Context* ctx);  // extract, mentions, eval
void AddStoreCommands(CLI::App* app, Context* ctx);    // ingest, events, coverage, conflicts, show, search, export
void AddEvalEventsCommand(CLI::App* app, Context* ctx);  // eval-events
void AddCompareCommand(CLI::App* app, Context* ctx);     // compare
void AddReportCommands(CLI::App* app, Context* ctx);     // report, map

}  // namespace rasd::cli

#endif  // RASD_CLI_COMMANDS_H_
