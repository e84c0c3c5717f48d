// What the HTML reader knows about news pages as data: the phrases that open
// teasers and non-article sections (data/html/cues.tsv), and the month names
// of visible datelines (the languages' data/<lang>/months.tsv, which the
// extractor reads too). Loaded once, immutable afterwards.
#ifndef RASD_INGEST_PAGE_CUES_H_
#define RASD_INGEST_PAGE_CUES_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/month_names.h"
#include "common/month_names.h"
#include "common/status.h"

namespace rasd::ingest {

// The form cues, headings and titles are compared in: normalize's key form
// (NormalizeKey), so the reader folds exactly as the extractor does, reduced
// to its words (letters and digits) with one space between them.
std::string WordKey(std::string_view utf8);

enum class CueKind { kNone, kTeaser, kSection };

class PageCues {
 public:
  // Reads <data_dir>/html/cues.tsv and every <data_dir>/<lang>/months.tsv.
  static Result<std::unique_ptr<PageCues>> Load(const std::string& data_dir);
  // Built from data given directly: cue rows ("kind\tphrases") and months.
  static std::unique_ptr<PageCues> FromRows(const std::vector<std::string>& cue_rows,
                                            const std::vector<MonthNames>& months);

  // A paragraph opening with a teaser phrase ("read also: ..."), `folded` as
  // WordKey gives it.
  bool StartsWithTeaser(std::string_view folded) const;
  // A short heading that is a cue and nothing more (digits and punctuation
  // allowed: "Comments (3)"): its kind, else kNone.
  CueKind HeadingKind(std::string_view folded) const;

  // The first date in `text` as YYYY-MM-DD: ISO and numeric day-first forms,
  // "12 May 2024" and "May 12, 2024" with any month name of the data, "1er".
  // Empty when there is none.
  std::string FindDate(std::string_view text) const;

 private:
  struct Phrase {
    std::string folded;
    CueKind kind;
  };
  struct MonthName {
    std::vector<std::string> tokens;
    int month;
  };
  void AddCues(CueKind kind, std::string_view variants);
  void AddMonth(const MonthNames& names);
  // Month whose name starts at tokens[i]; sets *used to its token count.
  int MonthAt(const std::vector<std::string>& tokens, size_t i, size_t* used) const;

  std::vector<Phrase> phrases_;
  std::unordered_map<std::string, std::vector<MonthName>> months_;  // by first token
};

}  // namespace rasd::ingest

#endif  // RASD_INGEST_PAGE_CUES_H_
