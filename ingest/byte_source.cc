#include "ingest/byte_source.h"

#include <isa-l/igzip_lib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace rasd::ingest {

Result<std::unique_ptr<FileSource>> FileSource::Open(const std::string& path) {
  if (path == "-") return std::unique_ptr<FileSource>(new FileSource(stdin, false));
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::IOError("cannot open: " + std::string(std::strerror(errno)));
  return std::unique_ptr<FileSource>(new FileSource(f, true));
}

FileSource::~FileSource() {
  if (owned_ && file_) std::fclose(file_);
}

Result<size_t> FileSource::Read(char* buf, size_t n) {
  size_t got = std::fread(buf, 1, n, file_);
  if (got == 0 && std::ferror(file_)) return Status::IOError("read failed: " + std::string(std::strerror(errno)));
  return got;
}

Result<size_t> MemorySource::Read(char* buf, size_t n) {
  size_t k = std::min(n, data_.size() - pos_);
  std::memcpy(buf, data_.data() + pos_, k);
  pos_ += k;
  return k;
}

namespace {
constexpr size_t kGzipInputBuffer = 1 << 16;

const char* InflateError(int rc) {
  switch (rc) {
    case ISAL_INVALID_BLOCK: return "invalid deflate block";
    case ISAL_INVALID_SYMBOL: return "invalid deflate symbol";
    case ISAL_INVALID_LOOKBACK: return "invalid back-reference distance";
    case ISAL_INVALID_WRAPPER: return "invalid gzip header";
    case ISAL_UNSUPPORTED_METHOD: return "compression method is not deflate";
    case ISAL_INCORRECT_CHECKSUM: return "checksum mismatch";
    case ISAL_NEED_DICT: return "needs a preset dictionary";
    default: return "inflate failed";
  }
}
}  // namespace

GzipSource::GzipSource(ByteSource* compressed, uint64_t max_member_bytes)
    : in_(compressed), max_member_bytes_(max_member_bytes), zs_(new inflate_state{}), inbuf_(kGzipInputBuffer) {
  isal_inflate_init(zs_.get());
  zs_->next_in = inbuf_.data();
  zs_->avail_in = 0;
}

GzipSource::~GzipSource() = default;

// Reads more compressed input behind what is held, first dropping what is no
// longer needed. False at the end of the compressed input or on a read error.
bool GzipSource::FillInput() {
  inflate_state& zs = *zs_;
  ResyncInput();
  size_t next = static_cast<size_t>(zs.next_in - inbuf_.data());
  // igzip may hand back up to eight bytes it had read ahead when a member
  // ends: they stay in the buffer.
  size_t drop = next > 8 ? next - 8 : 0;
  uint64_t held_from = in_consumed_ - inbuf_end_;  // file offset of inbuf_[0]
  if (in_member_ && member_in_start_ >= held_from && in_consumed_ - member_in_start_ < kMaxMemberRewind) {
    drop = std::min<size_t>(drop, static_cast<size_t>(member_in_start_ - held_from));
  }
  if (drop > 0) {
    std::memmove(inbuf_.data(), inbuf_.data() + drop, inbuf_end_ - drop);
    inbuf_end_ -= drop;
    next -= drop;
  }
  if (inbuf_end_ + kGzipInputBuffer / 2 > inbuf_.size()) inbuf_.resize(inbuf_end_ + kGzipInputBuffer);
  auto got = in_->Read(reinterpret_cast<char*>(inbuf_.data()) + inbuf_end_, inbuf_.size() - inbuf_end_);
  if (!got.ok()) {
    error_ = got.status();
    zs.next_in = inbuf_.data() + next;
    return false;
  }
  inbuf_end_ += *got;
  in_consumed_ += *got;
  zs.next_in = inbuf_.data() + next;
  zs.avail_in = static_cast<uint32_t>(inbuf_end_ - next);
  return *got > 0;
}

// After a failed inflate igzip's input pointers are not to be trusted: what
// is left to read is what lies between them and the end of the input held.
void GzipSource::ResyncInput() {
  inflate_state& zs = *zs_;
  uint8_t* begin = inbuf_.data();
  uint8_t* end = begin + inbuf_end_;
  if (zs.next_in < begin || zs.next_in > end) zs.next_in = end;
  zs.avail_in = static_cast<uint32_t>(end - zs.next_in);
}

bool GzipSource::StartMember() {
  inflate_state& zs = *zs_;
  while (zs.avail_in < 3) {
    if (!FillInput()) break;
  }
  if (!error_.ok()) return false;
  // Zero padding after the last member ends the stream quietly.
  while (zs.avail_in > 0 && zs.next_in[0] == 0) {
    ++zs.next_in;
    --zs.avail_in;
    if (zs.avail_in == 0) FillInput();
  }
  if (zs.avail_in == 0) {
    done_ = true;
    return false;
  }
  uint64_t offset = in_consumed_ - zs.avail_in;
  if (zs.avail_in < 2 || zs.next_in[0] != 0x1f || zs.next_in[1] != 0x8b) {
    error_ = Status::Corruption("bytes at compressed offset " + std::to_string(offset) +
                                " are not the start of a gzip member");
    return false;
  }
  // The reset forgets the input; the member starts where the last one ended.
  uint8_t* next = zs.next_in;
  uint32_t left = zs.avail_in;
  isal_inflate_reset(&zs);
  zs.crc_flag = ISAL_GZIP;  // igzip reads the header and checks the trailer
  zs.next_in = next;
  zs.avail_in = left;
  in_member_ = true;
  member_in_start_ = offset;
  member_out_ = 0;
  ++members_started_;
  starts_.emplace_back(out_total_, offset);
  if (starts_.size() > 64) starts_.pop_front();
  return true;
}

Result<size_t> GzipSource::Read(char* buf, size_t n) {
  if (!error_.ok()) return error_;
  inflate_state& zs = *zs_;
  while (!done_) {
    if (!in_member_ && !StartMember()) {
      if (!error_.ok()) return error_;
      continue;
    }
    if (zs.avail_in == 0 && !FillInput()) {
      if (!error_.ok()) return error_;
      error_ = Status::Corruption("gzip data truncated: the member at compressed offset " +
                                  std::to_string(member_in_start_) + " ends early");
      return error_;
    }
    zs.next_out = reinterpret_cast<uint8_t*>(buf);
    zs.avail_out = static_cast<uint32_t>(std::min<size_t>(n, 1u << 30));
    size_t asked = zs.avail_out;
    int rc = isal_inflate(&zs);
    size_t produced = asked - zs.avail_out;
    out_total_ += produced;
    member_out_ += produced;
    if (member_out_ > max_member_bytes_) {
      uint64_t member_in = in_consumed_ - zs.avail_in - member_in_start_;
      if (member_out_ > kMaxPlausibleRatio * std::max<uint64_t>(member_in, 1)) {
        error_ = Status::Corruption("decompression bomb: the gzip member at compressed offset " +
                                    std::to_string(member_in_start_) + " expands past " +
                                    std::to_string(max_member_bytes_) + " bytes from " +
                                    std::to_string(member_in) + " compressed");
        return error_;
      }
    }
    if (rc < 0) {
      error_ = Status::Corruption("gzip data corrupt in the member at compressed offset " +
                                  std::to_string(member_in_start_) + ": " + InflateError(rc));
      return error_;
    }
    if (zs.block_state == ISAL_BLOCK_FINISH) in_member_ = false;
    if (produced > 0) return produced;
  }
  return size_t{0};
}

uint64_t GzipSource::FileOffsetOf(uint64_t pos) const {
  for (auto it = starts_.rbegin(); it != starts_.rend(); ++it) {
    if (it->first == pos) return it->second;
    if (it->first < pos) break;
  }
  return pos;
}

bool GzipSource::SkipToNextMember() {
  if (done_) return false;
  // A read error of the file itself cannot be skipped.
  if (!error_.ok() && error_.code() == Status::Code::kIOError) return false;
  error_ = Status::Ok();
  inflate_state& zs = *zs_;
  ResyncInput();
  // A damaged member may have been read past the next member's start: the
  // search starts just after its own start when that is still held.
  uint64_t held_from = in_consumed_ - inbuf_end_;
  if (in_member_ && member_in_start_ >= held_from) {
    zs.next_in = inbuf_.data() + (member_in_start_ - held_from) + 1;
    zs.avail_in = static_cast<uint32_t>(inbuf_end_ - (member_in_start_ - held_from) - 1);
  } else if (in_member_ && zs.avail_in > 0) {
    ++zs.next_in;
    --zs.avail_in;
  }
  in_member_ = false;
  while (true) {
    for (size_t i = 0; i + 2 < zs.avail_in; ++i) {
      if (zs.next_in[i] == 0x1f && zs.next_in[i + 1] == 0x8b && zs.next_in[i + 2] == 0x08) {
        zs.next_in += i;
        zs.avail_in -= static_cast<uint32_t>(i);
        return true;
      }
    }
    // Keep the last two bytes: a magic may straddle the buffer's end.
    if (zs.avail_in > 2) {
      zs.next_in += zs.avail_in - 2;
      zs.avail_in = 2;
    }
    if (!FillInput()) {
      done_ = error_.ok();
      return false;
    }
  }
}

BufferedReader::BufferedReader(ByteSource* src, size_t buffer_size) : src_(src) {
  buf_.resize(buffer_size);
}

Result<bool> BufferedReader::Fill() {
  if (pos_ < end_) return true;
  if (!pending_.ok()) {
    Status s = pending_;
    pending_ = Status::Ok();
    return s;
  }
  if (eof_) return false;
  base_ += end_;
  pos_ = end_ = 0;
  auto got = src_->Read(buf_.data(), buf_.size());
  if (!got.ok()) return got.status();
  end_ = *got;
  if (end_ == 0) eof_ = true;
  return end_ > 0;
}

Result<bool> BufferedReader::ReadLine(std::string* line, size_t max_len, bool* too_long) {
  line->clear();
  *too_long = false;
  bool any = false;
  while (true) {
    auto more = Fill();
    if (!more.ok()) return more.status();
    if (!*more) break;
    any = true;
    const char* start = buf_.data() + pos_;
    const char* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
    size_t take = nl ? static_cast<size_t>(nl - start) : end_ - pos_;
    if (!*too_long) {
      if (line->size() + take > max_len) {
        *too_long = true;
      } else {
        line->append(start, take);
      }
    }
    pos_ += take;
    if (nl) {
      ++pos_;
      break;
    }
  }
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return any;
}

Result<size_t> BufferedReader::ReadExact(size_t n, std::string* out) {
  size_t done = 0;
  size_t from_buffer = std::min(n, end_ - pos_);
  out->append(buf_.data() + pos_, from_buffer);
  pos_ += from_buffer;
  done += from_buffer;
  if (done == n) return done;
  // Large remainders go straight into the destination, without a second copy.
  size_t old = out->size();
  out->resize(old + (n - done));
  char* dst = out->data() + old;
  size_t got_total = 0;
  while (done < n && !eof_) {
    auto got = src_->Read(dst + got_total, n - done);
    if (!got.ok()) {
      out->resize(old + got_total);
      base_ += got_total;
      return got.status();
    }
    if (*got == 0) {
      eof_ = true;
      break;
    }
    got_total += *got;
    done += *got;
  }
  out->resize(old + got_total);
  // The bytes read around the buffer still count in the logical position.
  base_ += got_total;
  return done;
}

Result<uint64_t> BufferedReader::Skip(uint64_t n) {
  uint64_t done = 0;
  while (done < n) {
    auto more = Fill();
    if (!more.ok()) return more.status();
    if (!*more) break;
    size_t k = static_cast<size_t>(std::min<uint64_t>(n - done, end_ - pos_));
    pos_ += k;
    done += k;
  }
  return done;
}

Result<int> BufferedReader::Peek() {
  auto more = Fill();
  if (!more.ok()) return more.status();
  if (!*more) return -1;
  return static_cast<unsigned char>(buf_[pos_]);
}

Result<std::string_view> BufferedReader::Prefetch(size_t n) {
  n = std::min(n, buf_.size());
  if (end_ - pos_ < n && !eof_ && pending_.ok()) {
    if (pos_ > 0) {
      std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
      base_ += pos_;
      end_ -= pos_;
      pos_ = 0;
    }
    while (end_ < n) {
      auto got = src_->Read(buf_.data() + end_, buf_.size() - end_);
      if (!got.ok()) {
        if (end_ == pos_) return got.status();
        pending_ = got.status();
        break;
      }
      if (*got == 0) {
        eof_ = true;
        break;
      }
      end_ += *got;
    }
  }
  return std::string_view(buf_.data() + pos_, std::min(n, end_ - pos_));
}

Status BufferedReader::ReadRest(uint64_t max_bytes, std::string* out) {
  out->append(buf_.data() + pos_, end_ - pos_);
  pos_ = end_;
  if (out->size() > max_bytes) {
    return Status::InvalidArgument("larger than the limit of " + std::to_string(max_bytes) + " bytes");
  }
  if (eof_) return Status::Ok();
  std::string rest;
  Status s = ReadAll(src_, max_bytes - out->size(), &rest);
  base_ += rest.size();
  if (!s.ok()) return s;
  out->append(rest);
  eof_ = true;
  return Status::Ok();
}

bool BufferedReader::SkipToNextMember() {
  if (!src_->SkipToNextMember()) return false;
  pending_ = Status::Ok();
  base_ += end_;
  pos_ = end_ = 0;
  eof_ = false;
  return true;
}

Result<size_t> PrefixedSource::Read(char* buf, size_t n) {
  if (pos_ < prefix_.size()) {
    size_t k = std::min(n, prefix_.size() - pos_);
    std::memcpy(buf, prefix_.data() + pos_, k);
    pos_ += k;
    return k;
  }
  return rest_->Read(buf, n);
}

Status ReadAll(ByteSource* src, uint64_t max_bytes, std::string* out) {
  out->clear();
  size_t chunk = 1 << 16;
  while (true) {
    size_t old = out->size();
    out->resize(old + chunk);
    auto got = src->Read(out->data() + old, chunk);
    if (!got.ok()) {
      out->resize(old);
      return got.status();
    }
    out->resize(old + *got);
    if (*got == 0) return Status::Ok();
    if (out->size() > max_bytes) {
      return Status::InvalidArgument("larger than the limit of " + std::to_string(max_bytes) + " bytes");
    }
    if (chunk < (8u << 20)) chunk *= 2;
  }
}

}  // namespace rasd::ingest
