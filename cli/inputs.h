// The documents named on the command line, as the extractor wants them.
#ifndef RASD_CLI_INPUTS_H_
#define RASD_CLI_INPUTS_H_

#include <functional>
#include <string>
#include <vector>

namespace rasd::cli {

struct InputDocument {
  std::string source, text, title, published, lang;
  std::string url, site, fetched;
};

struct InputStats {
  size_t documents = 0;
  size_t failed = 0;
  size_t skipped = 0;
};

// Reads files, folders (recursively) and "-" through the ingest module
// (text, HTML, WARC, JSON Lines), reporting unreadable inputs on stderr.
// `data_dir` is the --data option (empty: found automatically).
InputStats ForEachDocument(const std::vector<std::string>& paths, const std::string& data_dir,
                           const std::function<void(InputDocument&&)>& fn);

}  // namespace rasd::cli

#endif  // RASD_CLI_INPUTS_H_
