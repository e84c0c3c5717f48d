// Byte streams for the readers: a file or memory, optionally seen through a
// gzip layer that inflates member after member with a bounded output, and a
// buffered reader on top that gives bounded lines and exact-length reads.
// Compression is the stream's business, so the WARC and JSON Lines readers
// never know whether their input was compressed.
#ifndef RASD_INGEST_BYTE_SOURCE_H_
#define RASD_INGEST_BYTE_SOURCE_H_

#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

struct inflate_state;  // ISA-L's igzip (isa-l/igzip_lib.h)

namespace rasd::ingest {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Up to `n` bytes into `buf`; 0 at the end. A failure stays: every later
  // call returns it again.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
  // Where the record that starts at logical (decompressed) position `pos`
  // begins in the file: the compressed offset of its gzip member when a member
  // starts there, the logical position otherwise.
  virtual uint64_t FileOffsetOf(uint64_t pos) const { return pos; }
  // Jumps past the rest of the current unit of input when the layer can do so
  // cheaply (the next gzip member); false when it cannot.
  virtual bool SkipToNextMember() { return false; }
};

// Reads a file (or stdin when `path` is "-"), closing it when destroyed.
class FileSource : public ByteSource {
 public:
  static Result<std::unique_ptr<FileSource>> Open(const std::string& path);
  ~FileSource() override;
  Result<size_t> Read(char* buf, size_t n) override;

 private:
  explicit FileSource(FILE* f, bool owned) : file_(f), owned_(owned) {}
  FILE* file_;
  bool owned_;
};

// Reads a string the caller keeps alive.
class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string_view data) : data_(data) {}
  Result<size_t> Read(char* buf, size_t n) override;

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

// Inflates a gzip stream of one or more members (one per WARC record, or one
// for the whole file). Bytes after the last member that are not gzip (zero
// padding) end the stream quietly. A member that keeps inflating far beyond
// what its compressed size could hold in real text is refused as a
// decompression bomb once it passes `max_member_bytes`. Inflated by ISA-L's
// igzip, about twice zlib's speed on WARC members (bench/crawl_bench).
class GzipSource : public ByteSource {
 public:
  GzipSource(ByteSource* compressed, uint64_t max_member_bytes);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;

  Result<size_t> Read(char* buf, size_t n) override;
  uint64_t FileOffsetOf(uint64_t pos) const override;
  bool SkipToNextMember() override;
  size_t members_started() const { return members_started_; }

  // Real text rarely compresses better than 20:1; deflate's ceiling is about
  // 1032:1. Past the size limit, a member above this ratio is a bomb.
  static constexpr uint64_t kMaxPlausibleRatio = 100;
  // A damaged member is searched again for the next member's start when its
  // compressed bytes are no more than this; past it, the search starts where
  // the damage was found.
  static constexpr size_t kMaxMemberRewind = size_t{1} << 20;

 private:
  bool FillInput();
  bool StartMember();
  void ResyncInput();

  ByteSource* in_;
  uint64_t max_member_bytes_;
  std::unique_ptr<inflate_state> zs_;
  bool in_member_ = false;
  bool done_ = false;
  Status error_;
  // The compressed input held: from the start of the current member when it
  // fits in kMaxMemberRewind (so a damaged member can be searched again for
  // the next one), else from a few bytes before what igzip reads next.
  std::vector<uint8_t> inbuf_;
  size_t inbuf_end_ = 0;  // bytes of inbuf_ holding input
  uint64_t in_consumed_ = 0;  // compressed bytes handed to the inflater, counted at buffer refill
  uint64_t out_total_ = 0;    // logical bytes produced
  uint64_t member_in_start_ = 0;
  uint64_t member_out_ = 0;
  size_t members_started_ = 0;
  // (logical position, compressed offset) of recent member starts.
  std::deque<std::pair<uint64_t, uint64_t>> starts_;
};

// Buffered reads with bounds: a line longer than asked for is an error, not
// an allocation.
class BufferedReader {
 public:
  explicit BufferedReader(ByteSource* src, size_t buffer_size = 1 << 16);

  // Reads through the next '\n' (kept out of `line`, a trailing '\r' too).
  // Returns false at the end of input with nothing read. Sets `*too_long`
  // when the line passed `max_len` (the rest of that line is skipped).
  Result<bool> ReadLine(std::string* line, size_t max_len, bool* too_long);
  // Appends exactly `n` bytes to `out` unless the input ends first; returns
  // how many were appended.
  Result<size_t> ReadExact(size_t n, std::string* out);
  // Skips up to `n` bytes; returns how many were skipped.
  Result<uint64_t> Skip(uint64_t n);
  // The next byte without consuming it; -1 at the end.
  Result<int> Peek();
  // Up to `n` (at most the buffer size) next bytes without consuming them;
  // fewer only at the end of input.
  Result<std::string_view> Prefetch(size_t n);
  // Appends everything left to `out`, refusing more than `max_bytes` in all.
  Status ReadRest(uint64_t max_bytes, std::string* out);
  // Logical position of the next byte to be read.
  uint64_t position() const { return base_ + pos_; }
  ByteSource* source() const { return src_; }
  // Drops the buffer and asks the source to jump to its next member.
  bool SkipToNextMember();

 private:
  Result<bool> Fill();

  ByteSource* src_;
  std::string buf_;
  size_t pos_ = 0;   // next unread byte in buf_
  size_t end_ = 0;   // bytes valid in buf_
  uint64_t base_ = 0;  // logical position of buf_[0]
  bool eof_ = false;
  // A read error met while prefetching, after some bytes had come: given
  // once those bytes are consumed, so the records before a truncation
  // are still read.
  Status pending_;
};

// Replays bytes already read (to sniff a file's kind), then the rest of the
// underlying source.
class PrefixedSource : public ByteSource {
 public:
  PrefixedSource(std::string prefix, ByteSource* rest) : prefix_(std::move(prefix)), rest_(rest) {}
  Result<size_t> Read(char* buf, size_t n) override;

 private:
  std::string prefix_;
  size_t pos_ = 0;
  ByteSource* rest_;
};

// Reads a whole stream into `out`, refusing more than `max_bytes`.
Status ReadAll(ByteSource* src, uint64_t max_bytes, std::string* out);

// True when `data` starts with the gzip magic.
inline bool IsGzip(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f &&
         static_cast<unsigned char>(data[1]) == 0x8b;
}

}  // namespace rasd::ingest

#endif  // RASD_INGEST_BYTE_SOURCE_H_
