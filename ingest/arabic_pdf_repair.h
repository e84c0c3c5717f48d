// Repairs the text poppler gives of an Arabic PDF page. Words come out in
// logical order, but wrapped in bidi controls, with every lam-alef ligature
// (ﻻ ﻷ ﻹ ﻵ) split the wrong way round ("ثلاثة" read as "ثالثة"), presentation
// forms left unfolded and the Arabic comma spaced off as a separate glyph. A
// reader that does not repair this loses the very words rasd keys on.
//
// The lam-alef rules are data (data/pdf/lam_alef.tsv): a swapped spelling, its
// repair, where in a word it applies and the words it must leave alone. The
// swap is only undone where the letters prove it ("اإل" has an alef before a
// hamzated alef, which Arabic never writes) or where the table names the word.
#ifndef RASD_INGEST_ARABIC_PDF_REPAIR_H_
#define RASD_INGEST_ARABIC_PDF_REPAIR_H_

#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace rasd::ingest {

class ArabicPdfRepair {
 public:
  // Reads data_dir/pdf/lam_alef.tsv.
  static Result<std::unique_ptr<ArabicPdfRepair>> Load(const std::string& data_dir);
  ~ArabicPdfRepair();

  // The repaired text of one page (UTF-8 in, UTF-8 out; line breaks kept).
  std::string Repair(std::string_view text) const;

  struct Rule;

 private:
  ArabicPdfRepair();
  // One word, knowing the word after it (empty at a paragraph's end).
  std::string RepairWord(const std::string& word, const std::string& next) const;
  struct Tables;
  std::unique_ptr<Tables> tables_;
};

// The steps on their own, for tests and for text that needs only one of them.
std::string RemoveBidiControls(std::string_view text);
// NFKC: Arabic presentation forms (U+FB50..U+FEFF) and Latin ligatures folded.
std::string FoldPresentationForms(std::string_view text);
// "السجناء ، اليوم" -> "السجناء، اليوم": no space before Arabic and Latin
// punctuation that follows a word.
std::string JoinPunctuation(std::string_view text);

}  // namespace rasd::ingest

#endif  // RASD_INGEST_ARABIC_PDF_REPAIR_H_
