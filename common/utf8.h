// UTF-8 helpers shared by every stage. rasd counts positions in the original
// text in Unicode code points (what a reader sees as characters), while
// RE2 and the normalised text work in bytes; these convert between the two.
#ifndef RASD_COMMON_UTF8_H_
#define RASD_COMMON_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace rasd::utf8 {

// Replaces every ill-formed sequence with U+FFFD (one per maximal invalid
// subpart, as the Unicode standard recommends) and returns how many were
// replaced. Valid input is copied unchanged.
size_t Sanitize(std::string_view in, std::string* out);

// True when `s` is well-formed UTF-8.
bool IsValid(std::string_view s);

// Number of code points in well-formed UTF-8.
size_t CountCodePoints(std::string_view s);

// Decodes the code point at s[*i] and advances *i. Input must be well-formed.
inline char32_t Next(std::string_view s, size_t* i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + *i;
  unsigned char c = p[0];
  if (c < 0x80) { *i += 1; return c; }
  if (c < 0xE0) { *i += 2; return ((c & 0x1F) << 6) | (p[1] & 0x3F); }
  if (c < 0xF0) { *i += 3; return ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F); }
  *i += 4;
  return ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

// Appends the UTF-8 encoding of `c`.
void Append(char32_t c, std::string* out);

// Byte length of the sequence that starts with lead byte `c`.
inline size_t SequenceLength(unsigned char c) {
  return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

// The substring of `s` between code point positions [begin, end).
std::string_view SliceCodePoints(std::string_view s, size_t begin, size_t end);

}  // namespace rasd::utf8

#endif  // RASD_COMMON_UTF8_H_
