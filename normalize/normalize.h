// normalize: the one place where text is folded for matching. Every later
// stage matches against the normalised text and reports positions in the
// original through the offset map, so evidence points at what the article
// really says.
//
//   NormalizedText n = Normalize(article, NormalForm::kKey);
//   Span original = n.ToOriginal(byte_begin, byte_end);  // code points of `article`
#ifndef RASD_NORMALIZE_NORMALIZE_H_
#define RASD_NORMALIZE_NORMALIZE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/span.h"

namespace rasd {

enum class NormalForm {
  // NFKC; Arabic diacritics, tatweel, zero-width and bidi controls removed;
  // alef forms to bare alef, alef maqsura to ya; Arabic-Indic digits and
  // Arabic punctuation to ASCII; every space to one plain space (a run with a
  // line break becomes one line break).
  kText,
  // kText, and for matching keys: ta marbuta to ha, the Moroccan g letters
  // and keheh to kaf, Latin letters case-folded and stripped of accents.
  kKey,
};

struct NormalizedText {
  std::string text;  // UTF-8
  // For each byte of `text`, the span of original code points its character
  // came from. Parallel to `text`.
  std::vector<uint32_t> orig_begin;
  std::vector<uint32_t> orig_end;
  size_t original_length = 0;  // code points in the original (after U+FFFD replacement)
  size_t invalid_utf8 = 0;     // ill-formed sequences replaced by U+FFFD

  // The original span, in code points, of text[byte_begin, byte_end).
  Span ToOriginal(size_t byte_begin, size_t byte_end) const;
};

// Never fails: ill-formed UTF-8 is replaced by U+FFFD and counted.
NormalizedText Normalize(std::string_view original, NormalForm form);

// Folds a short string (a lexicon entry, a query) the same way, without the
// offset map.
std::string NormalizeKey(std::string_view s);

// Sentences of the normalised text as [begin, end) byte ranges covering it,
// from ICU's sentence rules; a line break always ends a sentence.
struct ByteRange {
  size_t begin = 0;
  size_t end = 0;
};
std::vector<ByteRange> SplitSentences(std::string_view normalized_text);

// The sentences of `original` as byte ranges of its normalised form `norm`.
// They are found on the original, where French keeps the capitals ICU needs,
// carried over through the offset map, and a line that wraps inside a sentence
// (crawled text often breaks lines anywhere) runs on into the next.
std::vector<ByteRange> KeyFormSentences(std::string_view original, const NormalizedText& norm);

// A per-document language guess from the script and, for Latin text, the
// share of each language's function words (data/lang/<code>.txt).
struct LanguageGuess {
  std::string lang;  // "ar", "fr", "en", ... or "other"
  double confidence = 0;  // 0..1
};

class LanguageGuesser {
 public:
  // Reads data/lang/*.txt: one function word a line, the file name the
  // language code; and data/lang/scripts.tsv: the language a Latin-script
  // text with no function word is read in.
  static Result<LanguageGuesser> Load(const std::string& data_dir);
  LanguageGuess Guess(std::string_view text) const;

 private:
  std::vector<std::pair<std::string, std::vector<std::string>>> words_;  // lang -> sorted words
  std::string latin_default_;  // empty: such a text is "other"
};

}  // namespace rasd

#endif  // RASD_NORMALIZE_NORMALIZE_H_
