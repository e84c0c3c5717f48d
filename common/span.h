#ifndef RASD_COMMON_SPAN_H_
#define RASD_COMMON_SPAN_H_

#include <cstdint>

namespace rasd {

// Positions in an original document text, in Unicode code points, [start, end).
struct Span {
  int64_t start = 0;
  int64_t end = 0;
};

}  // namespace rasd

#endif  // RASD_COMMON_SPAN_H_
