#include "ingest/http.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include <zlib.h>

namespace rasd::ingest {
namespace {

constexpr size_t kMaxHttpHeaderBytes = 256 << 10;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads a chunk-size line at body[*pos]; false when it is not one.
bool ReadChunkSize(std::string_view body, size_t* pos, uint64_t* size) {
  size_t i = *pos;
  size_t eol = body.find('\n', i);
  if (eol == std::string_view::npos || eol - i > 1024) return false;
  std::string_view line = Trim(body.substr(i, eol - i));
  size_t semi = line.find(';');
  if (semi != std::string_view::npos) line = Trim(line.substr(0, semi));
  if (line.empty() || line.size() > 15) return false;
  uint64_t v = 0;
  for (char c : line) {
    int h = HexValue(c);
    if (h < 0) return false;
    v = v * 16 + static_cast<uint64_t>(h);
  }
  *size = v;
  *pos = eol + 1;
  return true;
}

// Undoes chunked transfer coding. A body that does not start with a chunk
// size is taken as already decoded; a truncated one keeps what arrived.
Status Dechunk(std::string_view body, uint64_t max_bytes, std::string* out, bool* was_chunked) {
  out->clear();
  size_t pos = 0;
  uint64_t size = 0;
  *was_chunked = ReadChunkSize(body, &pos, &size);
  if (!*was_chunked) return Status::Ok();
  while (true) {
    if (size == 0) break;
    if (out->size() + size > max_bytes) {
      return Status::InvalidArgument("chunked body larger than the limit of " + std::to_string(max_bytes) + " bytes");
    }
    size_t take = static_cast<size_t>(std::min<uint64_t>(size, body.size() - pos));
    out->append(body.data() + pos, take);
    pos += take;
    if (take < size) break;
    // The CRLF after the chunk data.
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos < body.size() && body[pos] == '\n') ++pos;
    if (pos >= body.size() || !ReadChunkSize(body, &pos, &size)) break;
  }
  return Status::Ok();
}

}  // namespace

void ParseContentType(std::string_view value, std::string* media_type, std::string* charset) {
  size_t semi = value.find(';');
  *media_type = Lower(Trim(value.substr(0, semi)));
  charset->clear();
  while (semi != std::string_view::npos) {
    size_t next = value.find(';', semi + 1);
    std::string_view param = Trim(value.substr(semi + 1, next == std::string_view::npos ? std::string_view::npos : next - semi - 1));
    size_t eq = param.find('=');
    if (eq != std::string_view::npos && EqualsIgnoreCase(Trim(param.substr(0, eq)), "charset")) {
      std::string_view v = Trim(param.substr(eq + 1));
      if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'')) v = v.substr(1, v.size() - 2);
      *charset = Lower(Trim(v));
    }
    semi = next;
  }
}

Status ParseHttpResponse(std::string_view message, HttpResponse* response) {
  *response = HttpResponse();
  if (message.size() < 5 || message.compare(0, 5, "HTTP/") != 0) {
    return Status::Corruption("payload is not an HTTP response");
  }
  size_t eol = message.find('\n');
  if (eol == std::string_view::npos) return Status::Corruption("HTTP response without headers");
  std::string_view status_line = Trim(message.substr(0, eol));
  size_t sp = status_line.find(' ');
  if (sp != std::string_view::npos) {
    int code = 0;
    for (size_t i = sp + 1; i < status_line.size() && i < sp + 4; ++i) {
      char c = status_line[i];
      if (c < '0' || c > '9') break;
      code = code * 10 + (c - '0');
    }
    response->status = code;
  }
  size_t pos = eol + 1;
  while (true) {
    if (pos > kMaxHttpHeaderBytes) return Status::Corruption("HTTP headers longer than 256 KiB");
    if (pos >= message.size()) {
      // Headers and no body at all.
      response->body_offset = message.size();
      return Status::Ok();
    }
    size_t end = message.find('\n', pos);
    if (end == std::string_view::npos) end = message.size();
    std::string_view line = message.substr(pos, end - pos);
    pos = std::min(end + 1, message.size());
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = Trim(line.substr(0, colon));
    std::string_view value = Trim(line.substr(colon + 1));
    if (EqualsIgnoreCase(name, "Content-Type")) {
      std::string media, charset;
      ParseContentType(value, &media, &charset);
      // Duplicated headers happen; the first type and any stated charset win.
      if (response->content_type.empty()) response->content_type = media;
      if (response->charset.empty()) response->charset = charset;
    } else if (EqualsIgnoreCase(name, "Transfer-Encoding")) {
      response->transfer_encoding = Lower(value);
    } else if (EqualsIgnoreCase(name, "Content-Encoding")) {
      response->content_encoding = Lower(value);
    }
  }
  response->body_offset = pos;
  return Status::Ok();
}

Status Inflate(std::string_view in, bool gzip, uint64_t max_bytes, std::string* out) {
  out->clear();
  z_stream zs{};
  int window = gzip ? 16 + MAX_WBITS : MAX_WBITS;
  bool raw_tried = false;
  while (true) {
    if (inflateInit2(&zs, window) != Z_OK) return Status::IOError("zlib could not start inflating");
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    out->clear();
    size_t chunk = std::max<size_t>(in.size() * 4, 16 << 10);
    int rc = Z_OK;
    while (true) {
      size_t old = out->size();
      if (old >= max_bytes) {
        inflateEnd(&zs);
        return Status::InvalidArgument("compressed content expands past the limit of " + std::to_string(max_bytes) +
                                       " bytes (decompression bomb?)");
      }
      size_t room = static_cast<size_t>(std::min<uint64_t>(chunk, max_bytes - old + 1));
      out->resize(old + room);
      zs.next_out = reinterpret_cast<Bytef*>(out->data() + old);
      zs.avail_out = static_cast<uInt>(room);
      rc = inflate(&zs, Z_NO_FLUSH);
      out->resize(old + room - zs.avail_out);
      if (out->size() > max_bytes) {
        inflateEnd(&zs);
        return Status::InvalidArgument("compressed content expands past the limit of " + std::to_string(max_bytes) +
                                       " bytes (decompression bomb?)");
      }
      if (rc == Z_STREAM_END) {
        // Concatenated gzip members continue the same content.
        if (gzip && zs.avail_in >= 2 && zs.next_in[0] == 0x1f && zs.next_in[1] == 0x8b) {
          inflateReset(&zs);
          continue;
        }
        break;
      }
      if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
        inflateEnd(&zs);
        return Status::Corruption(std::string(gzip ? "gzip" : "deflate") + " content truncated after " +
                                  std::to_string(out->size()) + " bytes");
      }
      if (rc != Z_OK && rc != Z_BUF_ERROR) break;
      if (chunk < (4u << 20)) chunk *= 2;
    }
    std::string msg = zs.msg ? zs.msg : "inflate failed";
    inflateEnd(&zs);
    if (rc == Z_STREAM_END) return Status::Ok();
    // "deflate" is sent both with and without the zlib wrapper.
    if (!gzip && !raw_tried) {
      raw_tried = true;
      window = -MAX_WBITS;
      zs = z_stream{};
      continue;
    }
    return Status::Corruption(std::string(gzip ? "gzip" : "deflate") + " content corrupt: " + msg);
  }
}

Status DecodeHttpBody(std::string_view body, const HttpResponse& response, uint64_t max_bytes,
                      std::string* out, std::string* scratch) {
  if (response.transfer_encoding.find("chunked") != std::string::npos) {
    bool was_chunked = false;
    Status s = Dechunk(body, max_bytes, scratch, &was_chunked);
    if (!s.ok()) return s;
    if (was_chunked) body = *scratch;
  }
  const std::string& ce = response.content_encoding;
  bool is_gzip = body.size() >= 2 && static_cast<unsigned char>(body[0]) == 0x1f &&
                 static_cast<unsigned char>(body[1]) == 0x8b;
  if (ce.empty() || ce == "identity" || ce == "none" || ce == "utf-8") {
    // Some servers compress without saying so.
    if (is_gzip) return Inflate(body, true, max_bytes, out);
  } else if (ce.find("gzip") != std::string::npos) {
    // Crawlers that stored the decoded body often left the header behind.
    if (is_gzip) return Inflate(body, true, max_bytes, out);
  } else if (ce.find("deflate") != std::string::npos) {
    Status s = Inflate(body, false, max_bytes, out);
    if (s.ok() || body.empty() || body[0] != '<') return s;
  } else {
    return Status::Unsupported("content encoding '" + ce + "' is not supported");
  }
  if (body.size() > max_bytes) {
    return Status::InvalidArgument("body larger than the limit of " + std::to_string(max_bytes) + " bytes");
  }
  out->assign(body.data(), body.size());
  return Status::Ok();
}

}  // namespace rasd::ingest
