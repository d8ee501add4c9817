#pragma once
// The online backup of one connection into a new file, for Register::backup_to,
// the automatic copies and the copy a migration keeps before it runs.

#include <cemetery/output_file.hpp>

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <string_view>

namespace cemetery::storage {

// Writes a consistent copy of `source` to `target` through a temporary file put in
// place at the end (over an existing file only with Overwrite::allow), mode 0600,
// synced to disk. Throws DatabaseError, OutputRefused when the target appeared.
void backup_database(SQLite::Database& source, const std::filesystem::path& target, Overwrite overwrite);

// The reason of the copies kept before each import: routine ones, which make room
// only among themselves (prune_kept_copies).
inline constexpr std::string_view routine_copy_reason = "import";

// The name of the next automatic copy of `register_file` in its copie/ directory
// (created, mode 0700), and the removal of all but the last `keep` of them: of
// the routine copies and of the others (before a restore, a migration), apart.
std::filesystem::path next_kept_copy(const std::filesystem::path& register_file, std::string_view reason);
void prune_kept_copies(const std::filesystem::path& register_file, std::size_t keep);

}  // namespace cemetery::storage
