// The store's per-input counts (table `inputs`, schema 005): what each
// ingest of a path read, skipped, failed and stored.
#ifndef RASD_STORE_INPUTS_H_
#define RASD_STORE_INPUTS_H_

#include <string>
#include <vector>

#include "common/status.h"
#include "store/pipeline.h"

namespace rasd::store {

// Appends one row per input to the store at `db_path` (opened and migrated
// by Store::Open already), in one transaction.
Status RecordInputs(const std::string& db_path, const std::vector<InputCounts>& inputs);

struct InputRow {
  InputCounts counts;
  std::string ingested_at;
};

// Every row, oldest first.
Result<std::vector<InputRow>> ListInputs(const std::string& db_path);

}  // namespace rasd::store

#endif  // RASD_STORE_INPUTS_H_
