// Reading rasd's data files: UTF-8 text, one entry a line, fields separated
// by tabs, '#' starting a comment line, blank lines ignored.
#ifndef RASD_COMMON_TSV_H_
#define RASD_COMMON_TSV_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace rasd {

struct TsvRow {
  int line = 0;                     // 1-based line number in the file
  std::vector<std::string> fields;  // tab-separated, trimmed of spaces
  const std::string& at(size_t i) const;  // empty string past the end
};

// Calls `fn` for each data row of `path`. When `has_header` the first data
// row is skipped. Stops at the first non-OK status `fn` returns, and names the
// file and line in it.
Status ReadTsv(const std::string& path, bool has_header,
               const std::function<Status(const TsvRow&)>& fn);

// Splits "a|b|c" into its non-empty parts.
std::vector<std::string> SplitVariants(std::string_view s, char sep = '|');

}  // namespace rasd

#endif  // RASD_COMMON_TSV_H_
