// Reads WARC 1.0/1.1 (and the older 0.17/0.18 and ARC v1 layouts crawlers
// still leave behind) record by record from a BufferedReader, compressed or
// not. Lines and records are bounded; a broken record is returned with a
// non-OK status and reading goes on from the next record the reader can find.
#ifndef RASD_INGEST_WARC_READER_H_
#define RASD_INGEST_WARC_READER_H_

#include <cstdint>
#include <string>

#include "common/status.h"
#include "ingest/byte_source.h"

namespace rasd::ingest {

struct WarcOptions {
  size_t max_line_bytes = 64 << 10;       // one header line
  size_t max_header_bytes = 256 << 10;    // all header lines of a record
  uint64_t max_record_bytes = 256ull << 20;  // a record's content block
};

struct WarcRecord {
  uint64_t offset = 0;       // where the record starts in the file (gzip member offset when compressed per record)
  std::string version;       // "WARC/1.0", "WARC/0.18", "ARC/1"
  std::string type;          // warcinfo, response, request, resource, metadata, revisit, ...
  std::string target_uri;
  std::string date;          // WARC-Date as written
  std::string content_type;  // of the content block
  uint64_t content_length = 0;
  bool has_block = false;    // `block` holds the content (only for wanted types)
  std::string block;
  Status status;             // not OK: the record is broken, `status` says why
};

class WarcReader {
 public:
  WarcReader(BufferedReader* in, const WarcOptions& options);

  // Which records get their content block read; the others are skipped over.
  using WantBlock = bool (*)(const std::string& type);

  // Reads the next record into `*record`; false when the input is exhausted.
  // A record with a non-OK status was broken; reading may go on. With no
  // `want_block`, every record's block is read.
  bool Next(WarcRecord* record, WantBlock want_block = nullptr);

 private:
  bool ReadWarcHeaders(const std::string& first_line, WarcRecord* record);
  bool ReadArcHeader(const std::string& line, WarcRecord* record);
  bool ReadBlock(WarcRecord* record, bool want);
  // After a broken record: finds the next record start (a "WARC/" line, or
  // the next gzip member). Returns false at the end of input.
  void Resync();
  void Fail(WarcRecord* record, const std::string& reason);

  BufferedReader* in_;
  WarcOptions options_;
  bool done_ = false;
  bool arc_ = false;      // the input is an ARC file
  bool pending_ = false;  // first_line_ already holds the next record's first line
  uint64_t pending_pos_ = 0;
  std::string first_line_;
  std::string line_;
};

}  // namespace rasd::ingest

#endif  // RASD_INGEST_WARC_READER_H_
