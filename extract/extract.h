// extract: from an article's text, the programme records of the fact model,
// every filled field with its evidence. Language-specific knowledge (month
// names, number words, nouns, sector cues, patterns) is data under
// data/<lang>/; the machinery here is shared by every language.
#ifndef RASD_EXTRACT_EXTRACT_H_
#define RASD_EXTRACT_EXTRACT_H_

#include <memory>
#include <string>

#include "common/document.h"
#include "common/status.h"
#include "extract/record.h"

namespace rasd {

struct ExtractOptions {
  // "ar" or "fr": read every document in this language, whatever it looks
  // like; empty: the declared language, or the text's own when they clearly
  // disagree.
  std::string lang;
  bool keep_mentions = false;  // fill Extraction::mentions
  // With keep_mentions: also for documents that never name the programme's
  // beneficiaries (for debugging a pattern; a store keeps only those that matter).
  bool mentions_of_unrelated = true;
};

class ExtractorImpl;

// Loaded once from the data folder, immutable afterwards, safe to share
// between threads.
class Extractor {
 public:
  static Result<std::unique_ptr<Extractor>> Load(const std::string& data_dir);
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Reads the document's source (copied to the output), text, title,
  // published (the reference for relative dates) and lang.
  Extraction Extract(const Document& input, const ExtractOptions& options = {}) const;

 private:
  explicit Extractor(std::unique_ptr<ExtractorImpl> impl);
  std::unique_ptr<ExtractorImpl> impl_;
};

}  // namespace rasd

#endif  // RASD_EXTRACT_EXTRACT_H_
