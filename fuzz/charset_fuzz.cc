// Charset detection and conversion: whatever the bytes and the declared
// charset, the output is valid UTF-8; the sniffers never read out of bounds.
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/utf8.h"
#include "fuzz/fuzz_common.h"
#include "ingest/charset.h"

using namespace rasd;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static ingest::CharsetDecoder decoder;
  static const char* kDeclared[] = {"", "utf-8", "windows-1256", "iso-8859-6", "windows-1252", "iso-8859-1",
                                    "utf-16le", "utf-16be", "x-no-such-charset", "macintosh"};
  if (size == 0) return 0;
  const char* declared = kDeclared[data[0] % (sizeof kDeclared / sizeof *kDeclared)];
  bool html = data[0] & 0x80;
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  (void)ingest::DescribeBinary(bytes);
  (void)ingest::SniffUtf16(bytes);
  (void)ingest::FindMetaCharset(bytes);
  std::string out, used;
  if (decoder.ToUtf8(bytes, declared, html, &out, &used).ok()) FUZZ_CHECK(utf8::IsValid(out));
  return 0;
}
