// The documents named on the command line, as the extractor wants them.
#ifndef RASD_CLI_INPUTS_H_
#define RASD_CLI_INPUTS_H_

#include <functional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "common/document.h"
#include "ingest/ingest.h"

namespace rasd::cli {

struct InputStats {
  size_t documents = 0;
  size_t failed = 0;
  size_t skipped = 0;
  size_t prefiltered = 0;  // pages with no programme cue (ingest/prefilter.h)
};

// Reads files, folders (recursively) and "-" through the ingest module
// (text, HTML, WARC, JSON Lines), reporting unreadable inputs on stderr. A
// plain text's title is left empty (the extractor takes its first line
// whole) unless `as_read`: documents then come as `rasd ingest` stores them.
// `data_dir` is the --data option (empty: found automatically).
// With `prefilter`, pages that cannot be about the programme are skipped
// before parsing (ingest::Options::prefilter); `page_jobs` threads read the
// pages of WARC files (ingest::Options::page_jobs).
InputStats ForEachDocument(const std::vector<std::string>& paths, const std::string& data_dir, bool as_read,
                           const ReadLimits& limits, const std::function<void(Document&&)>& fn,
                           bool prefilter = false, int page_jobs = 1);

// The reader's options for these limits and data folder.
ingest::Options ReaderOptions(const ReadLimits& limits, const std::string& data_dir);

// Paths made absolute, as the store keeps sources: the same file read from
// another folder is recognised. "-" stays.
std::vector<std::string> AbsolutePaths(const std::vector<std::string>& paths);

}  // namespace rasd::cli

#endif  // RASD_CLI_INPUTS_H_
