#pragma once
// Copies of the register: the ones a clerk asks for (Register::backup_to), the ones
// kept automatically before an import or a schema migration (keep_backup), and
// putting a copy back (restore_register).
//
// Every copy is made with SQLite's online backup, so it is a consistent snapshot
// even while another program writes to the register, and is readable by its owner
// only (0600): holders are living people.

#include <cemetery/register.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cemetery {

// How many automatic copies of one register are kept, of each sort: the routine
// ones made before each import, and the others (before a restore, before a schema
// migration, of a damaged register), which routine ones never push out. Older
// ones of the same sort are removed.
inline constexpr std::size_t kept_backup_count = 5;

// <register dir>/copie/
[[nodiscard]] std::filesystem::path backup_directory(const std::filesystem::path& register_file);

// Copies the register to <register dir>/copie/<name>-<UTC stamp>-<reason>.sqlite and
// removes all but the last kept_backup_count copies of its sort ("import" is the
// routine one). Returns the copy's path
// (empty for an in-memory register, which has nothing to keep). Throws DatabaseError.
std::filesystem::path keep_backup(const Register& reg, std::string_view reason);

// The automatic copies of a register, oldest first.
[[nodiscard]] std::vector<std::filesystem::path> kept_backups(const std::filesystem::path& register_file);

// What a copy holds, checked before it may replace a register.
struct BackupCheck {
    int schema_version = 0;
    std::optional<std::string> problem;  // English; none when the copy can be restored
    explicit operator bool() const { return !problem.has_value(); }
};

// Opens a copy read-only: PRAGMA integrity_check must say "ok" and its schema must
// be one this program knows. Never throws for a bad copy: that is the problem.
[[nodiscard]] BackupCheck check_backup(const std::filesystem::path& copy);

struct RestoreResult {
    std::optional<std::string> problem;         // refused: the register was not touched
    std::filesystem::path replaced_copy;        // where the replaced register was kept
    explicit operator bool() const { return !problem.has_value(); }
};

// Replaces `register_file` with `copy`, after check_backup and after keeping a copy
// of the register being replaced (a damaged one is kept byte for byte). Other
// programs that have the register open see the restored content. Throws
// DatabaseError when the register cannot be written.
RestoreResult restore_register(const std::filesystem::path& copy, const std::filesystem::path& register_file);

}  // namespace cemetery
