#include "ingest/charset.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "common/utf8.h"

namespace rasd::ingest {
namespace {

// How much of the input the detector and the sniffers look at.
constexpr size_t kSniffBytes = 64 << 10;
constexpr size_t kMetaSniffBytes = 16 << 10;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

size_t FindIgnoreCase(std::string_view hay, std::string_view needle, size_t from = 0) {
  if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() &&
           std::tolower(static_cast<unsigned char>(hay[i + k])) == static_cast<unsigned char>(needle[k])) {
      ++k;
    }
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

bool IsUtf8Name(std::string_view name) {
  std::string n = Lower(name);
  return n == "utf-8" || n == "utf8" || n == "unicode-1-1-utf-8" || n == "x-unicode20utf8";
}

// Browsers read these labels as windows-1252, a superset whose 0x80-0x9F
// range (curly quotes, the euro sign) French pages use under a latin-1 label.
std::string CanonicalCharset(std::string_view name) {
  std::string n = Lower(name);
  if (n == "iso-8859-1" || n == "iso8859-1" || n == "latin1" || n == "latin-1" || n == "l1" ||
      n == "us-ascii" || n == "ascii" || n == "iso_8859-1" || n == "cp819" || n == "ibm819") {
    return "windows-1252";
  }
  return n;
}

// Counts well-formed multi-byte sequences and ill-formed bytes, to tell
// damaged UTF-8 from a legacy single-byte encoding.
void CountUtf8(std::string_view s, size_t* good_multibyte, size_t* bad) {
  *good_multibyte = *bad = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  for (size_t i = 0; i < n;) {
    if (p[i] < 0x80) { ++i; continue; }
    size_t len = utf8::SequenceLength(p[i]);
    bool ok = p[i] >= 0xC2 && p[i] <= 0xF4 && i + len <= n;
    for (size_t k = 1; ok && k < len; ++k) ok = (p[i + k] & 0xC0) == 0x80;
    if (ok && utf8::IsValid(s.substr(i, len))) {
      ++*good_multibyte;
      i += len;
    } else {
      ++*bad;
      ++i;
    }
  }
}

}  // namespace

std::string FindMetaCharset(std::string_view html) {
  std::string_view head = html.substr(0, kMetaSniffBytes);
  size_t pos = 0;
  while ((pos = FindIgnoreCase(head, "<meta", pos)) != std::string_view::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string_view::npos) break;
    std::string_view tag = head.substr(pos, end - pos);
    pos = end;
    size_t cs = FindIgnoreCase(tag, "charset");
    if (cs == std::string_view::npos) continue;
    size_t i = cs + 7;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t')) ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '"' || tag[i] == '\'')) ++i;
    size_t j = i;
    while (j < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[j])) || tag[j] == '-' || tag[j] == '_' ||
                              tag[j] == ':' || tag[j] == '.')) {
      ++j;
    }
    if (j > i) return Lower(tag.substr(i, j - i));
  }
  return "";
}

std::string SniffUtf16(std::string_view head) {
  head = head.substr(0, 4096);
  if (head.size() < 16) return "";
  size_t pairs = head.size() / 2;
  size_t even_hits = 0, odd_hits = 0, even_zero = 0, odd_zero = 0;
  for (size_t i = 0; i + 1 < head.size(); i += 2) {
    unsigned char a = static_cast<unsigned char>(head[i]);
    unsigned char b = static_cast<unsigned char>(head[i + 1]);
    // ASCII markup has a zero high byte; Arabic letters 0x06.
    if (a == 0x00 || a == 0x06) ++even_hits;
    if (b == 0x00 || b == 0x06) ++odd_hits;
    if (a == 0) ++even_zero;
    if (b == 0) ++odd_zero;
  }
  if (odd_hits * 10 >= pairs * 6 && even_zero * 20 < pairs) return "utf-16le";
  if (even_hits * 10 >= pairs * 6 && odd_zero * 20 < pairs) return "utf-16be";
  return "";
}

namespace {

// How many bytes are below 0x20, eight at a time: (b & 0x7F) + 0x60 has its
// high bit set exactly when b & 0x7F >= 0x20, and never carries into the
// next byte.
size_t BytesBelowSpace(std::string_view s) {
  constexpr uint64_t k7F = 0x7F7F7F7F7F7F7F7FULL, k60 = 0x6060606060606060ULL, kHigh = 0x8080808080808080ULL;
  size_t n = 0, i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    // One bit per byte below 0x20, summed by multiplication into the top byte.
    uint64_t below = (~(((w & k7F) + k60) | w) & kHigh) >> 7;
    n += static_cast<size_t>((below * 0x0101010101010101ULL) >> 56);
  }
  for (; i < s.size(); ++i) n += static_cast<unsigned char>(s[i]) < 0x20;
  return n;
}

}  // namespace

std::string DescribeBinary(std::string_view head) {
  struct Signature { std::string_view magic; const char* what; };
  // Written with explicit lengths: some signatures hold NUL bytes.
  static const Signature kSignatures[] = {
      {std::string_view("%PDF", 4), "a PDF document"},
      {std::string_view("\x89PNG", 4), "a PNG image"},
      {std::string_view("\xFF\xD8\xFF", 3), "a JPEG image"},
      {std::string_view("GIF8", 4), "a GIF image"},
      {std::string_view("PK\x03\x04", 4), "a ZIP archive (or an office document)"},
      {std::string_view("\x28\xB5\x2F\xFD", 4), "zstd-compressed data (decompress it with zstd -d first)"},
      {std::string_view("BZh", 3), "bzip2-compressed data (decompress it with bunzip2 first)"},
      {std::string_view("\xFD" "7zXZ", 5), "xz-compressed data (decompress it with unxz first)"},
      {std::string_view("\x7F" "ELF", 4), "an executable program"},
      {std::string_view("RIFF", 4), "a RIFF media file"},
      {std::string_view("\x00\x00\x01\x00", 4), "an icon image"},
      {std::string_view("OggS", 4), "an Ogg media file"},
  };

  for (const auto& sig : kSignatures) {
    if (head.size() >= sig.magic.size() && head.compare(0, sig.magic.size(), sig.magic) == 0) return sig.what;
  }
  std::string_view sample = head.substr(0, 8192);
  if (sample.empty()) return "";
  // Every page of a crawl comes through here: text has no NUL and few bytes
  // below 0x20 of any kind, which is quick to see; only a page that fails
  // this is looked at byte by byte.
  if (!std::memchr(sample.data(), 0, sample.size()) && BytesBelowSpace(sample) * 20 <= sample.size()) return "";
  size_t nul = 0, control = 0;
  for (char ch : sample) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == 0) ++nul;
    else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b) ++control;
  }
  if (nul == 0 && control * 20 <= sample.size()) return "";
  if (!SniffUtf16(sample).empty()) return "";
  if (sample.size() >= 2 && ((sample[0] == '\xFF' && sample[1] == '\xFE') || (sample[0] == '\xFE' && sample[1] == '\xFF'))) {
    return "";
  }
  return "binary data (not text, HTML, WARC or JSON Lines)";
}

CharsetDecoder::CharsetDecoder() {
  UErrorCode err = U_ZERO_ERROR;
  detector_ = ucsdet_open(&err);
  if (U_FAILURE(err)) detector_ = nullptr;
}

CharsetDecoder::~CharsetDecoder() {
  if (detector_) ucsdet_close(detector_);
  for (auto& [name, cnv] : converters_) {
    if (cnv) ucnv_close(cnv);
  }
}

UConverter* CharsetDecoder::Converter(const std::string& name) {
  auto it = converters_.find(name);
  if (it != converters_.end()) return it->second;
  UErrorCode err = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(name.c_str(), &err);
  if (U_FAILURE(err)) cnv = nullptr;
  // Unknown names are remembered too, so they are not looked up again.
  converters_.emplace(name, cnv);
  return cnv;
}

Status CharsetDecoder::Convert(const std::string& charset, std::string_view bytes, std::string* out) {
  UConverter* cnv = Converter(charset);
  if (!cnv) return Status::Unsupported("unknown character encoding '" + charset + "'");
  ucnv_reset(cnv);
  size_t cap = bytes.size() * 3 + 16;
  for (int attempt = 0; attempt < 2; ++attempt) {
    out->resize(cap);
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = ucnv_toAlgorithmic(UCNV_UTF8, cnv, out->data(), static_cast<int32_t>(out->size()), bytes.data(),
                                   static_cast<int32_t>(bytes.size()), &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
      cap = static_cast<size_t>(n) + 16;
      ucnv_reset(cnv);
      continue;
    }
    if (U_FAILURE(err)) {
      out->clear();
      return Status::Corruption("cannot convert from " + charset + ": " + u_errorName(err));
    }
    out->resize(static_cast<size_t>(n));
    return Status::Ok();
  }
  return Status::Corruption("cannot convert from " + charset);
}

Status CharsetDecoder::RepairUtf8(std::string_view bytes, std::string* out) {
  repaired_ = 0;
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.remove_prefix(3);
  if (utf8::IsValid(bytes)) {
    out->assign(bytes.data(), bytes.size());
    return Status::Ok();
  }
  out->clear();
  size_t bad = utf8::Sanitize(bytes, out);
  repaired_ = bad;
  // A stray byte or a cut-off character is repaired; text with many is not
  // UTF-8 at all, and reading it would put garbage in front of the extractor.
  if (bad > 8 && bad * 200 > bytes.size()) {
    out->clear();
    return Status::Corruption("invalid UTF-8: " + std::to_string(bad) + " ill-formed sequences in " +
                              std::to_string(bytes.size()) + " bytes");
  }
  return Status::Ok();
}

Status CharsetDecoder::ToUtf8(std::string_view bytes, std::string_view declared, bool html, std::string* out,
                              std::string* charset_used) {
  repaired_ = 0;
  std::string local;
  std::string& used = charset_used ? *charset_used : local;
  auto finish = [&](const std::string& cs) -> Status {
    used = cs;
    if (IsUtf8Name(cs)) return RepairUtf8(bytes, out);
    Status s = Convert(cs, bytes, out);
    if (!s.ok()) used.clear();
    return s;
  };
  // 1. A byte order mark.
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) return finish("utf-8");
  if (bytes.size() >= 2 && bytes[0] == '\xFF' && bytes[1] == '\xFE') return finish("utf-16");
  if (bytes.size() >= 2 && bytes[0] == '\xFE' && bytes[1] == '\xFF') return finish("utf-16");
  std::string utf16 = SniffUtf16(bytes);
  if (!utf16.empty()) return finish(utf16);
  // 2. Well-formed UTF-8 (pure ASCII included).
  if (utf8::IsValid(bytes)) {
    used = "utf-8";
    out->assign(bytes.data(), bytes.size());
    return Status::Ok();
  }
  // 3, 4. What the transport and the page say.
  std::string meta = html ? FindMetaCharset(bytes) : std::string();
  for (std::string_view label : {declared, std::string_view(meta)}) {
    if (label.empty()) continue;
    std::string cs = CanonicalCharset(label);
    // A page readable as ASCII that says UTF-16 is not UTF-16.
    if (cs.rfind("utf-16", 0) == 0) cs = "utf-8";
    if (IsUtf8Name(cs) || Converter(cs) != nullptr) return finish(cs);
  }
  // Damaged UTF-8 still has many well-formed multi-byte sequences, which
  // legacy Arabic and French text almost never forms by chance.
  std::string_view sample = bytes.substr(0, kSniffBytes);
  size_t good = 0, bad = 0;
  CountUtf8(sample, &good, &bad);
  if (good >= 8 && good * 4 >= bad) return finish("utf-8");
  // 5. ICU's detector.
  if (detector_) {
    UErrorCode err = U_ZERO_ERROR;
    ucsdet_setText(detector_, sample.data(), static_cast<int32_t>(sample.size()), &err);
    ucsdet_enableInputFilter(detector_, html);
    int32_t found = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector_, &found, &err);
    for (int32_t i = 0; U_SUCCESS(err) && i < found; ++i) {
      UErrorCode e2 = U_ZERO_ERROR;
      const char* name = ucsdet_getName(matches[i], &e2);
      int32_t confidence = ucsdet_getConfidence(matches[i], &e2);
      if (U_FAILURE(e2) || !name || confidence < 10) continue;
      std::string cs = CanonicalCharset(name);
      if (IsUtf8Name(cs) || Converter(cs) != nullptr) return finish(cs);
    }
  }
  return finish("windows-1252");
}

}  // namespace rasd::ingest
