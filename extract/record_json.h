// The JSON form of records and extractions, as `rasd extract` prints them
// and the store keeps them (field names of the fact model).
#ifndef RASD_EXTRACT_RECORD_JSON_H_
#define RASD_EXTRACT_RECORD_JSON_H_

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "extract/record.h"

namespace rasd {

nlohmann::json RecordToJson(const Record& r, bool with_evidence = true);
nlohmann::json MentionToJson(const Mention& m);
// {"source","url","lang","title","published","records":[...]} and, when asked, "mentions".
nlohmann::json ExtractionToJson(const Extraction& e, bool with_records, bool with_mentions);
Result<Record> RecordFromJson(const nlohmann::json& j);

}  // namespace rasd

#endif  // RASD_EXTRACT_RECORD_JSON_H_
