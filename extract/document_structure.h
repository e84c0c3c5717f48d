// How an article reads, sentence by sentence: which sentences are its title,
// which are its own text rather than teasers for others, which are bylines,
// and which cue roles each holds. The steps that build records share it, and
// it decides first whether the article is about the programme at all.
// Internal to extract/.
#ifndef RASD_EXTRACT_DOCUMENT_STRUCTURE_H_
#define RASD_EXTRACT_DOCUMENT_STRUCTURE_H_

#include <set>
#include <string>
#include <vector>

#include "extract/mentions.h"
#include "extract/records.h"

namespace rasd {

struct SentenceInfo {
  std::set<std::string> cues;  // roles present
  bool active = true;          // before any teaser block
  bool title = false;
  bool chrome = false;          // site navigation above the headline
  bool byline = false;         // a short line with no figures: bylines, site names
  bool has_figure = false;     // a count or an amount
};

bool Has(const SentenceInfo& s, const char* role);

// What every step of the record builder reads: the document, its mentions
// and the role of each sentence.
struct ArticleReading {
  const RecordContext& ctx;
  const std::vector<Found>& mentions;
  std::vector<SentenceInfo> info;  // per sentence
};

// Needs at least one sentence and one token.
ArticleReading ReadArticle(const RecordContext& ctx, const std::vector<Found>& mentions);

// False for ordinary news that only repeats some programme words: no subject,
// no action or foundation, no place nor national total, an off-topic
// headline, or money in foreign currency only.
bool AboutProgramme(const ArticleReading& art);

// A comma among tokens [a, b): it ends a clause, so what lies across it is
// farther than its distance in tokens.
bool CommaBetween(const ArticleReading& art, size_t a, size_t b);

}  // namespace rasd

#endif  // RASD_EXTRACT_DOCUMENT_STRUCTURE_H_
