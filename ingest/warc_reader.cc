#include "ingest/warc_reader.h"

#include <cctype>
#include <string_view>
#include <vector>

namespace rasd::ingest {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool ParseDecimal(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > 19) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

std::vector<std::string_view> SplitSpaces(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// An ARC v1 header line: URL (which may hold spaces) IP date content-type length.
bool LooksLikeArcHeader(std::string_view line) {
  auto tokens = SplitSpaces(line);
  if (tokens.size() < 5) return false;
  return tokens[0].find("://") != std::string_view::npos || StartsWith(tokens[0], "dns:");
}

std::string Printable(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 40)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f) {
      out += c;
    } else {
      static const char* kHex = "0123456789abcdef";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

}  // namespace

WarcReader::WarcReader(BufferedReader* in, const WarcOptions& options) : in_(in), options_(options) {}

void WarcReader::Fail(WarcRecord* record, const std::string& reason) {
  if (record->status.ok()) record->status = Status::Corruption(reason);
}

void WarcReader::Resync() {
  bool too_long = false;
  while (true) {
    uint64_t pos = in_->position();
    auto got = in_->ReadLine(&line_, options_.max_line_bytes, &too_long);
    if (!got.ok()) {
      if (!in_->SkipToNextMember()) {
        done_ = true;
        return;
      }
      continue;
    }
    if (!*got) {
      done_ = true;
      return;
    }
    if (too_long) continue;
    bool start = arc_ ? LooksLikeArcHeader(line_) : StartsWith(line_, "WARC/");
    if (start) {
      first_line_ = line_;
      pending_pos_ = pos;
      pending_ = true;
      return;
    }
  }
}

bool WarcReader::Next(WarcRecord* record, WantBlock want) {
  record->offset = 0;
  record->version.clear();
  record->type.clear();
  record->target_uri.clear();
  record->date.clear();
  record->content_type.clear();
  record->content_length = 0;
  record->has_block = false;
  record->block.clear();
  record->status = Status::Ok();
  if (done_ && !pending_) return false;

  uint64_t start_pos = 0;
  uint64_t gap_start = in_->position();
  if (pending_) {
    pending_ = false;
    start_pos = pending_pos_;
    gap_start = pending_pos_;
  } else {
    bool too_long = false;
    while (true) {
      start_pos = in_->position();
      auto got = in_->ReadLine(&first_line_, options_.max_line_bytes, &too_long);
      if (!got.ok()) {
        record->offset = in_->source()->FileOffsetOf(gap_start);
        Fail(record, got.status().message());
        if (!in_->SkipToNextMember()) done_ = true;
        return true;
      }
      if (!*got) {
        done_ = true;
        return false;
      }
      if (too_long || !first_line_.empty()) break;
    }
    if (too_long) first_line_ = "(a line longer than " + std::to_string(options_.max_line_bytes) + " bytes)";
  }
  // A record that starts a gzip member is named by the member's offset, even
  // when blank separator lines opened that member.
  uint64_t offset = in_->source()->FileOffsetOf(gap_start);
  record->offset = offset != gap_start ? offset : in_->source()->FileOffsetOf(start_pos);

  if (StartsWith(first_line_, "WARC/")) {
    if (!ReadWarcHeaders(first_line_, record)) return true;
  } else if (StartsWith(first_line_, "filedesc://") || (arc_ && LooksLikeArcHeader(first_line_))) {
    arc_ = true;
    if (!ReadArcHeader(first_line_, record)) return true;
  } else {
    Fail(record, "no WARC record header here (found '" + Printable(first_line_) + "')");
    Resync();
    return true;
  }
  bool wanted = want == nullptr || want(record->type);
  ReadBlock(record, wanted);
  return true;
}

bool WarcReader::ReadWarcHeaders(const std::string& first_line, WarcRecord* record) {
  record->version = std::string(Trim(first_line));
  size_t header_bytes = first_line.size();
  bool have_length = false;
  std::string* last_value = nullptr;
  std::string ignored;
  bool too_long = false;
  while (true) {
    auto got = in_->ReadLine(&line_, options_.max_line_bytes, &too_long);
    if (!got.ok()) {
      Fail(record, got.status().message());
      if (!in_->SkipToNextMember()) done_ = true;
      return false;
    }
    if (!*got) {
      Fail(record, "WARC header cut off by the end of the input");
      done_ = true;
      return false;
    }
    if (line_.empty()) break;
    header_bytes += line_.size();
    if (too_long || header_bytes > options_.max_header_bytes) {
      Fail(record, "WARC header longer than the limit of " + std::to_string(options_.max_header_bytes) + " bytes");
      Resync();
      return false;
    }
    if ((line_[0] == ' ' || line_[0] == '\t') && last_value) {
      *last_value += ' ';
      *last_value += Trim(line_);
      continue;
    }
    size_t colon = line_.find(':');
    if (colon == std::string::npos || colon == 0) {
      Fail(record, "malformed WARC header line '" + Printable(line_) + "'");
      Resync();
      return false;
    }
    std::string_view name = Trim(std::string_view(line_).substr(0, colon));
    std::string_view value = Trim(std::string_view(line_).substr(colon + 1));
    last_value = &ignored;
    if (EqualsIgnoreCase(name, "WARC-Type")) {
      record->type = std::string(value);
      last_value = &record->type;
    } else if (EqualsIgnoreCase(name, "WARC-Target-URI")) {
      // Some writers (wget) wrap the URI in angle brackets.
      if (value.size() >= 2 && value.front() == '<' && value.back() == '>') value = value.substr(1, value.size() - 2);
      record->target_uri = std::string(value);
      last_value = &record->target_uri;
    } else if (EqualsIgnoreCase(name, "WARC-Date")) {
      record->date = std::string(value);
    } else if (EqualsIgnoreCase(name, "Content-Type")) {
      record->content_type = std::string(value);
      last_value = &record->content_type;
    } else if (EqualsIgnoreCase(name, "Content-Length")) {
      if (!ParseDecimal(value, &record->content_length)) {
        Fail(record, "invalid Content-Length '" + Printable(value) + "' in WARC header");
        Resync();
        return false;
      }
      have_length = true;
    }
  }
  if (!have_length) {
    Fail(record, "WARC header without Content-Length");
    Resync();
    return false;
  }
  return true;
}

bool WarcReader::ReadArcHeader(const std::string& line, WarcRecord* record) {
  auto tokens = SplitSpaces(line);
  uint64_t length = 0;
  if (tokens.size() < 5 || !ParseDecimal(tokens.back(), &length)) {
    Fail(record, "malformed ARC record header '" + Printable(line) + "'");
    Resync();
    return false;
  }
  size_t n = tokens.size();
  record->version = "ARC/1";
  record->content_type = std::string(tokens[n - 2]);
  record->date = std::string(tokens[n - 3]);
  // The URL is everything before the address: it may hold spaces.
  std::string_view url(line);
  url = url.substr(0, static_cast<size_t>(tokens[n - 4].data() - line.data()));
  record->target_uri = std::string(Trim(url));
  record->content_length = length;
  if (StartsWith(record->target_uri, "filedesc://")) {
    record->type = "warcinfo";
  } else if (StartsWith(record->target_uri, "http://") || StartsWith(record->target_uri, "https://")) {
    record->type = "response";
    record->content_type = "application/http; msgtype=response";
  } else {
    record->type = "resource";
  }
  return true;
}

bool WarcReader::ReadBlock(WarcRecord* record, bool want) {
  uint64_t n = record->content_length;
  if (n > options_.max_record_bytes) {
    Fail(record, "record of " + std::to_string(n) + " bytes is over the limit of " +
                     std::to_string(options_.max_record_bytes) + " bytes (--max-record-size); skipped");
    want = false;
  }
  if (want) {
    auto got = in_->ReadExact(static_cast<size_t>(n), &record->block);
    if (!got.ok()) {
      Fail(record, got.status().message());
      if (!in_->SkipToNextMember()) done_ = true;
      return false;
    }
    if (*got < n) {
      Fail(record, "record cut off: " + std::to_string(*got) + " of " + std::to_string(n) + " content bytes present");
      done_ = true;
      return false;
    }
    record->has_block = true;
    return true;
  }
  auto skipped = in_->Skip(n);
  if (!skipped.ok()) {
    Fail(record, skipped.status().message());
    if (!in_->SkipToNextMember()) done_ = true;
    return false;
  }
  if (*skipped < n) {
    Fail(record, "record cut off: " + std::to_string(*skipped) + " of " + std::to_string(n) + " content bytes present");
    done_ = true;
    return false;
  }
  return true;
}

}  // namespace rasd::ingest
