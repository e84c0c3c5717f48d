// Character encodings: finds what a page or file is written in and converts
// it to UTF-8 with ICU. Arabic pages come in UTF-8, UTF-16, windows-1256 and
// ISO-8859-6; French ones in UTF-8, windows-1252 and ISO-8859-1; anything
// else ICU knows is converted too.
#ifndef RASD_INGEST_CHARSET_H_
#define RASD_INGEST_CHARSET_H_

#include <map>
#include <string>
#include <string_view>

#include "common/status.h"

struct UCharsetDetector;
struct UConverter;

namespace rasd::ingest {

// Not thread-safe: one per reading thread. Converters are opened once and
// reused across documents.
class CharsetDecoder {
 public:
  CharsetDecoder();
  ~CharsetDecoder();
  CharsetDecoder(const CharsetDecoder&) = delete;
  CharsetDecoder& operator=(const CharsetDecoder&) = delete;

  // Converts `bytes` to UTF-8 into `out`. The evidence is weighed in this
  // order: a byte order mark; well-formed UTF-8 (a page labelled latin-1 whose
  // bytes are valid multi-byte UTF-8 is UTF-8: mislabelled pages are common,
  // the reverse accident is not); the transport's `declared` charset (HTTP
  // header); for HTML, a <meta> charset; finally ICU's statistical detector.
  // Text declared or found to be UTF-8 with a few ill-formed bytes is
  // repaired with U+FFFD; with many it is refused as invalid UTF-8.
  Status ToUtf8(std::string_view bytes, std::string_view declared, bool html, std::string* out,
                std::string* charset_used = nullptr);
  // Ill-formed UTF-8 sequences the last ToUtf8 call replaced by U+FFFD.
  size_t repaired() const { return repaired_; }

 private:
  Status Convert(const std::string& charset, std::string_view bytes, std::string* out);
  Status RepairUtf8(std::string_view bytes, std::string* out);
  size_t repaired_ = 0;
  UConverter* Converter(const std::string& name);

  UCharsetDetector* detector_ = nullptr;
  std::map<std::string, UConverter*> converters_;
};

// The charset named by a <meta charset> or <meta http-equiv> in the start of
// an HTML page, lower case; empty when none.
std::string FindMetaCharset(std::string_view html);

// When the start of a file shows it is not text (NUL bytes outside UTF-16,
// control characters, a known binary signature), what it seems to be;
// empty for text.
std::string DescribeBinary(std::string_view head);

// "utf-16le"/"utf-16be" when `head` looks like UTF-16 without a byte order
// mark (every other byte NUL in mostly-ASCII markup); empty otherwise.
std::string SniffUtf16(std::string_view head);

}  // namespace rasd::ingest

#endif  // RASD_INGEST_CHARSET_H_
