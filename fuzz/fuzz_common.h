// Shared by the fuzz targets: the project's data folder (lexicons, page
// cues), found through RASD_DATA or the source tree the target was built from.
#ifndef RASD_FUZZ_FUZZ_COMMON_H_
#define RASD_FUZZ_FUZZ_COMMON_H_

#include <cstdio>
#include <cstdlib>
#include <string>

#include "common/data_dir.h"

namespace rasd::fuzz {

inline std::string DataDir() {
  if (!std::getenv("RASD_DATA")) setenv("RASD_DATA", RASD_FUZZ_DATA, 0);
  auto dir = FindDataDir("");
  if (!dir.ok()) {
    std::fprintf(stderr, "fuzz: no data folder: %s\n", dir.status().message().c_str());
    std::abort();
  }
  return *dir;
}

// A property the target checks failed: a finding like any crash.
#define FUZZ_CHECK(cond)                                                          \
  do {                                                                            \
    if (!(cond)) {                                                                \
      std::fprintf(stderr, "fuzz: property failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
      std::abort();                                                               \
    }                                                                             \
  } while (0)

}  // namespace rasd::fuzz

#endif  // RASD_FUZZ_FUZZ_COMMON_H_
