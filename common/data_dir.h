// Where rasd's data files (gazetteers, lexicons, patterns) live.
#ifndef RASD_COMMON_DATA_DIR_H_
#define RASD_COMMON_DATA_DIR_H_

#include <string>

#include "common/status.h"

namespace rasd {

// The data folder: `explicit_dir` when given, else $RASD_DATA, else `data/`
// beside the executable's folder, else the source tree's data/ that the build
// recorded. A folder counts when it holds gazetteer/provinces.tsv.
Result<std::string> FindDataDir(const std::string& explicit_dir = "");

}  // namespace rasd

#endif  // RASD_COMMON_DATA_DIR_H_
