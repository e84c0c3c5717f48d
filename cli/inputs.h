// The documents named on the command line, as the extractor wants them.
#ifndef RASD_CLI_INPUTS_H_
#define RASD_CLI_INPUTS_H_

#include <functional>
#include <string>
#include <vector>

#include "common/document.h"

namespace rasd::cli {

struct InputStats {
  size_t documents = 0;
  size_t failed = 0;
  size_t skipped = 0;
};

// Reads files, folders (recursively) and "-" through the ingest module
// (text, HTML, WARC, JSON Lines), reporting unreadable inputs on stderr. A
// plain text's title is left empty: the extractor takes its first line whole.
// `data_dir` is the --data option (empty: found automatically).
InputStats ForEachDocument(const std::vector<std::string>& paths, const std::string& data_dir,
                           const std::function<void(Document&&)>& fn);

}  // namespace rasd::cli

#endif  // RASD_CLI_INPUTS_H_
