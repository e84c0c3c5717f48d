#include "cli/commands.h"
namespace rasd::cli {
void AddExtractCommands(CLI::App* app, Context* ctx) {}
}  // namespace rasd::cli
