// The schema migrations compiled into the library, in version order. A
// database's PRAGMA user_version is the version of the last one applied.
#ifndef RASD_STORE_SCHEMA_MIGRATIONS_H_
#define RASD_STORE_SCHEMA_MIGRATIONS_H_

#include <vector>

namespace rasd::store {

struct Migration {
  int version;       // NNN of the file name
  const char* name;  // the file name, for messages
  const char* sql;
};

const std::vector<Migration>& Migrations();

}  // namespace rasd::store

#endif  // RASD_STORE_SCHEMA_MIGRATIONS_H_
