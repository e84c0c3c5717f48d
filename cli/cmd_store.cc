// Store commands (ingest, events, coverage, conflicts, show, search, export):
// registered once the store module lands.
#include "cli/commands.h"

namespace rasd::cli {
void AddStoreCommands(CLI::App* app, Context* ctx) {}
}  // namespace rasd::cli
