// Month names as the data keeps them: data/<lang>/months.tsv, one row a
// month, its number then its forms separated by '|'. One reader, so the
// extractor's date recogniser and the HTML reader's dateline fallback know
// the same names and a spelling added there serves both.
#ifndef RASD_COMMON_MONTH_NAMES_H_
#define RASD_COMMON_MONTH_NAMES_H_

#include <string>
#include <vector>

#include "common/status.h"

namespace rasd {

struct MonthNames {
  int month = 0;  // 1..12
  std::vector<std::string> forms;  // as written in the data, unfolded
};

// One months.tsv; a missing file is an empty list (a language may have none).
Result<std::vector<MonthNames>> ReadMonthNames(const std::string& path);

// Every <data_dir>/<lang>/months.tsv, folders in name order.
Result<std::vector<MonthNames>> ReadAllMonthNames(const std::string& data_dir);

}  // namespace rasd

#endif  // RASD_COMMON_MONTH_NAMES_H_
