// Query results printed as the store commands print them: csv, json, jsonl.
#ifndef RASD_CLI_TABLE_OUTPUT_H_
#define RASD_CLI_TABLE_OUTPUT_H_

#include <string>

#include "store/store.h"

namespace rasd::cli {

// `format` csv, json or jsonl (a terminal table needs its columns chosen).
void PrintQueryTable(const store::Table& t, const std::string& format);
std::string ValueText(const store::Value& v);  // numbers as the tables show them

}  // namespace rasd::cli

#endif  // RASD_CLI_TABLE_OUTPUT_H_
