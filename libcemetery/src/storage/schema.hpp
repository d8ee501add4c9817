#pragma once
// The schema's named versions, stored in PRAGMA user_version, and the ordered
// migrations that bring any older file up to date, each in its own transaction.

#include "storage/database.hpp"

#include <string_view>

namespace cemetery::storage {

struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
    // A step SQL alone cannot take, run before `sql` in the same transaction.
    void (*prepare)(Database& db) = nullptr;
    // A step SQL alone cannot take, run after `sql` in the same transaction.
    void (*finish)(Database& db) = nullptr;
};

[[nodiscard]] int latest_schema_version();
[[nodiscard]] std::string_view schema_version_name(int version);

// Brings the file to the latest version and puts a file (not ":memory:") in WAL
// mode. Throws DatabaseError(too_new) for a file written by a newer program,
// leaving it untouched. Without `may_create`, a file that is not a register yet
// (no schema at all) is refused rather than made into one.
void migrate(Database& db, const std::string& file_name, bool may_create = true);

}  // namespace cemetery::storage
