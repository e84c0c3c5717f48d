// From mentions to records: which figures belong to which event, which are
// aggregates (totals to date, over a period, partnership envelopes), and the
// evidence of every field. Shared by every language.
#ifndef RASD_EXTRACT_RECORDS_H_
#define RASD_EXTRACT_RECORDS_H_

#include <cstdint>
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
  // Byte offset of each code point of `original`, and its length at the end:
  // evidence texts are cut in constant time.
  const std::vector<uint32_t>* original_bytes = nullptr;
};

// The byte offsets RecordContext::original_bytes holds.
std::vector<uint32_t> CodePointOffsets(std::string_view original);

std::vector<Record> BuildRecords(const RecordContext& ctx, const std::vector<Found>& mentions);

// The original span of a mention and its sentence, with their texts.
Evidence MakeEvidence(const RecordContext& ctx, const Found& f);

}  // namespace rasd

#endif  // RASD_EXTRACT_RECORDS_H_
