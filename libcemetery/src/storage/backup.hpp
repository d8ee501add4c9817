#pragma once
// The online backup of one connection into a new file, for Register::backup_to,
// the automatic copies and the copy a migration keeps before it runs.

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <string_view>

namespace cemetery::storage {

// Writes a consistent copy of `source` to `target` (replacing it) through a
// temporary file renamed into place, mode 0600, synced to disk. Throws DatabaseError.
void backup_database(SQLite::Database& source, const std::filesystem::path& target);

// The name of the next automatic copy of `register_file` in its copie/ directory
// (created, mode 0700), and the removal of all but the last `keep` of them.
std::filesystem::path next_kept_copy(const std::filesystem::path& register_file, std::string_view reason);
void prune_kept_copies(const std::filesystem::path& register_file, std::size_t keep);

}  // namespace cemetery::storage
