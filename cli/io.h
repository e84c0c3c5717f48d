// Reading command-line inputs and printing messages, shared by the subcommands.
#ifndef RASD_CLI_IO_H_
#define RASD_CLI_IO_H_

#include <string>
#include <vector>

#include "common/status.h"

namespace rasd::cli {

// The whole content of a file, or of stdin for "-".
Result<std::string> ReadInput(const std::string& path);

// "rasd: <source>: <reason>" on stderr.
void ReportError(const std::string& source, const std::string& reason);

}  // namespace rasd::cli

#endif  // RASD_CLI_IO_H_
