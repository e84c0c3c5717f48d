// The offset map's contract, checked on one input. Shared by the folding,
// invalid-input and random property tests.
//
// Let O be the original (after U+FFFD replacement), N = Normalize(O, form).
// Every code point k of N has a span S(k) = [orig_begin, orig_end) in O, the
// same for each of its bytes. The map holds when:
//  1. every span is non-empty and lies within O: 0 <= b < e <= |O|;
//  2. spans are monotone: b and e never decrease along N;
//  3. ToOriginal(i, j) is [S(i).b, S(j-1).e) for code point boundaries i < j;
//  4. N splits into units: maximal runs of code points whose spans chain by
//     overlap (in practice: identical spans, i.e. all that one cluster of O
//     became, such as the four letters of U+FDF2). No unit shares an original
//     code point with another;
//  5. for every span [i, j) of N made of whole units, normalising the
//     original text O[ToOriginal(i, j)] again gives N[i, j), up to white
//     space at either end (a space or line break at the edge of N[i, j) is
//     the fold of a whole run in O, and a run at the start or end of a text
//     is dropped).
// A span of N that cuts a unit maps to the span of the whole unit, which
// is the smallest original text that explains it.
#ifndef RASD_TESTS_NORMALIZE_OFFSET_CHECK_H_
#define RASD_TESTS_NORMALIZE_OFFSET_CHECK_H_

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "common/utf8.h"
#include "normalize/normalize.h"

namespace rasd::testing_util {

inline std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// Printable form of a string for failure messages: UTF-8 as is, control
// characters and invisible format characters as \u{...}.
inline std::string Show(std::string_view s) {
  std::string out;
  std::string clean;
  if (!utf8::IsValid(s)) {
    utf8::Sanitize(s, &clean);
    s = clean;
  }
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    char32_t c = utf8::Next(s, &i);
    bool visible = c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0) && !(c >= 0x200B && c <= 0x206F) &&
                   c != 0xFEFF && c != 0x061C && c != 0x00AD && !(c >= 0x0300 && c <= 0x036F) &&
                   !(c >= 0x064B && c <= 0x065F) && c != 0x0670;
    if (visible) {
      out.append(s.substr(start, i - start));
    } else {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u{%X}", static_cast<unsigned>(c));
      out += buf;
    }
  }
  return out;
}

// Checks the contract above for Normalize(original, form), on every span of
// at most `window` code points of the normalised text (all spans of a short
// text; longer ones are made of these).
inline ::testing::AssertionResult OffsetMapHolds(std::string_view original, NormalForm form,
                                                 size_t window = 64) {
  std::string sanitized;
  const size_t invalid = utf8::Sanitize(original, &sanitized);
  const NormalizedText n = Normalize(original, form);
  auto fail = [&](const std::string& what) {
    return ::testing::AssertionFailure() << what << "\n  original:   \"" << Show(original) << "\"\n  normalised: \""
                                         << Show(n.text) << "\" (form " << static_cast<int>(form) << ")";
  };
  if (n.invalid_utf8 != invalid) {
    return fail("invalid_utf8 is " + std::to_string(n.invalid_utf8) + ", expected " + std::to_string(invalid));
  }
  const size_t len = utf8::CountCodePoints(sanitized);
  if (n.original_length != len) {
    return fail("original_length is " + std::to_string(n.original_length) + ", expected " + std::to_string(len));
  }
  if (!utf8::IsValid(n.text)) return fail("normalised text is not valid UTF-8");
  if (n.orig_begin.size() != n.text.size() || n.orig_end.size() != n.text.size()) {
    return fail("offset map is not parallel to the text");
  }
  // Code point starts of N, with the end as a sentinel.
  std::vector<size_t> at;
  for (size_t i = 0; i < n.text.size();) {
    at.push_back(i);
    utf8::Next(n.text, &i);
  }
  const size_t m = at.size();
  at.push_back(n.text.size());
  for (size_t k = 0; k < m; ++k) {
    const uint32_t b = n.orig_begin[at[k]], e = n.orig_end[at[k]];
    for (size_t x = at[k]; x < at[k + 1]; ++x) {
      if (n.orig_begin[x] != b || n.orig_end[x] != e) {
        return fail("bytes of code point " + std::to_string(k) + " have different spans");
      }
    }
    if (!(b < e && e <= len)) {
      return fail("code point " + std::to_string(k) + " has span [" + std::to_string(b) + "," + std::to_string(e) +
                  ") outside [0," + std::to_string(len) + "]");
    }
    if (k > 0 && (b < n.orig_begin[at[k - 1]] || e < n.orig_end[at[k - 1]])) {
      return fail("spans not monotone at code point " + std::to_string(k));
    }
  }
  // Units: code point k joins the unit of k-1 when its span overlaps the
  // unit's span so far (spans are monotone, so the unit's end is e(k-1)).
  std::vector<size_t> unit_first(m), unit_last(m);
  for (size_t k = 0; k < m; ++k) {
    bool joins = k > 0 && n.orig_begin[at[k]] < n.orig_end[at[k - 1]];
    unit_first[k] = joins ? unit_first[k - 1] : k;
  }
  for (size_t k = m; k-- > 0;) {
    bool joined = k + 1 < m && unit_first[k + 1] == unit_first[k];
    unit_last[k] = joined ? unit_last[k + 1] : k;
  }
  for (size_t i = 0; i < m; ++i) {
    for (size_t j = i + 1; j <= m && j <= i + window; ++j) {
      const Span s = n.ToOriginal(at[i], at[j]);
      if (s.start != n.orig_begin[at[i]] || s.end != n.orig_end[at[j] - 1]) {
        return fail("ToOriginal(" + std::to_string(at[i]) + "," + std::to_string(at[j]) + ") disagrees with the map");
      }
      if (!(0 <= s.start && s.start < s.end && s.end <= static_cast<int64_t>(len))) {
        return fail("ToOriginal span outside the original");
      }
      if (unit_first[i] != i || unit_last[j - 1] != j - 1) continue;  // cuts a unit
      const std::string_view piece = utf8::SliceCodePoints(sanitized, static_cast<size_t>(s.start),
                                                           static_cast<size_t>(s.end));
      const NormalizedText again = Normalize(piece, form);
      const std::string_view want = TrimSpace(std::string_view(n.text).substr(at[i], at[j] - at[i]));
      if (TrimSpace(again.text) != want) {
        return fail("span [" + std::to_string(i) + "," + std::to_string(j) + ") of the normalised text is \"" +
                    Show(want) + "\", but its original [" + std::to_string(s.start) + "," + std::to_string(s.end) +
                    ") \"" + Show(piece) + "\" normalises to \"" + Show(again.text) + "\"");
      }
    }
  }
  // Empty and out-of-range requests stay inside the original.
  const Span empty = n.ToOriginal(n.text.size(), n.text.size() + 5);
  if (empty.start != static_cast<int64_t>(n.text.empty() ? 0 : len) || empty.end != empty.start) {
    return fail("ToOriginal past the end is not the empty span at the end");
  }
  return ::testing::AssertionSuccess();
}

}  // namespace rasd::testing_util

#endif  // RASD_TESTS_NORMALIZE_OFFSET_CHECK_H_
