// HTTP responses as crawlers store them: the status line and headers, then
// the body with its transfer coding (chunked) and content coding (gzip,
// deflate) undone, every expansion bounded.
#ifndef RASD_INGEST_HTTP_H_
#define RASD_INGEST_HTTP_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace rasd::ingest {

struct HttpResponse {
  int status = 0;
  std::string content_type;       // media type, lower case, without parameters
  std::string charset;            // the charset parameter of Content-Type, when given
  std::string transfer_encoding;  // lower case
  std::string content_encoding;   // lower case
  size_t body_offset = 0;         // where the body starts in the message
};

// Parses the status line and headers of `message` (CRLF or bare LF lines).
Status ParseHttpResponse(std::string_view message, HttpResponse* response);

// Splits a Content-Type value into its lower-case media type and charset.
void ParseContentType(std::string_view value, std::string* media_type, std::string* charset);

// The body with chunked transfer coding and gzip/deflate content coding
// undone, into `out` (at most `max_bytes`). Quirks of real archives are
// tolerated: a body declared chunked or gzip that is plainly not (already
// decoded by the crawler) is taken as it is.
Status DecodeHttpBody(std::string_view body, const HttpResponse& response, uint64_t max_bytes,
                      std::string* out, std::string* scratch);

// Inflates gzip or zlib/raw deflate data into `out`, refusing more than
// `max_bytes` of output.
Status Inflate(std::string_view in, bool gzip, uint64_t max_bytes, std::string* out);

}  // namespace rasd::ingest

#endif  // RASD_INGEST_HTTP_H_
