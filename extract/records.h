// From mentions to records: which figures belong to which event, which are
// aggregates (totals to date, over a period, partnership envelopes), and the
// evidence of every field. Shared by every language.
#ifndef RASD_EXTRACT_RECORDS_H_
#define RASD_EXTRACT_RECORDS_H_

#include <vector>

#include "extract/lexicon.h"
#include "extract/mentions.h"
#include "extract/record.h"
#include "normalize/normalize.h"

namespace rasd {

struct RecordContext {
  const NormalizedText* norm;
  const DocumentView* doc;
  const std::vector<ByteRange>* sentences;  // merged sentences, bytes of norm->text
  const Lexicons* lex;
  std::string_view original;  // sanitised original text (for evidence texts)
};

std::vector<Record> BuildRecords(const RecordContext& ctx, const std::vector<Found>& mentions);

// The original span of a mention and its sentence, with their texts.
Evidence MakeEvidence(const RecordContext& ctx, const Found& f);

}  // namespace rasd

#endif  // RASD_EXTRACT_RECORDS_H_
