// Copies of the register through SQLite's online backup API.
#include "storage/backup.hpp"

#include "storage/database.hpp"
#include "storage/register_impl.hpp"
#include "storage/schema.hpp"

#include <cemetery/backup.hpp>
#include <cemetery/output_file.hpp>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string_view>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace cemetery::storage {

namespace {

namespace fs = std::filesystem;

// How long a copy waits for another program's write to end before giving up.
constexpr auto backup_patience = std::chrono::seconds(30);

// A new file made under umask 077 is its owner's only.
class PrivateUmask {
public:
    PrivateUmask() : old_(::umask(077)) {}
    ~PrivateUmask() { ::umask(old_); }
    PrivateUmask(const PrivateUmask&) = delete;
    PrivateUmask& operator=(const PrivateUmask&) = delete;

private:
    mode_t old_;
};

// To the millisecond, so that names sort in time: 20261201T080516.123Z.
std::string utc_stamp() {
    const auto now = std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
    return date::format("%Y%m%dT%H%M%SZ", now);
}

// <name>-<stamp>-<reason>.sqlite, for this register's name only: the stamp is
// 20261201T080516.123Z (the milliseconds may be missing).
bool is_kept_copy_of(const std::string& file_name, const std::string& stem) {
    const std::string_view name(file_name);
    if (!name.starts_with(stem + "-") || !name.ends_with(".sqlite")) return false;
    std::string_view rest = name.substr(stem.size() + 1);
    auto digits = [&](std::size_t n) {
        if (rest.size() < n) return false;
        for (std::size_t i = 0; i < n; ++i) {
            if (rest[i] < '0' || rest[i] > '9') return false;
        }
        rest.remove_prefix(n);
        return true;
    };
    auto letter = [&](char c) {
        if (rest.empty() || rest.front() != c) return false;
        rest.remove_prefix(1);
        return true;
    };
    if (!digits(8) || !letter('T') || !digits(6)) return false;
    if (letter('.') && !digits(3)) return false;
    return letter('Z') && letter('-');
}

}  // namespace

void backup_database(SQLite::Database& source, const fs::path& target, Overwrite overwrite) {
    // Made in a private folder beside the target (never "<target>.part", which
    // could be someone's file), with SQLite's journal beside it while it is made.
    std::optional<TemporaryBeside> part;
    try {
        part.emplace(target);
    } catch (const OutputRefused& e) {
        throw DatabaseError(DatabaseError::Kind::io, e.what());
    }
    try {
        {
            SQLite::Database copy(part->file().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            SQLite::Backup backup(copy, source);
            const auto give_up = std::chrono::steady_clock::now() + backup_patience;
            // BUSY or LOCKED: another connection is writing; the step is retried.
            while (backup.executeStep(-1) != SQLITE_DONE) {
                if (std::chrono::steady_clock::now() > give_up) {
                    throw DatabaseError(DatabaseError::Kind::busy,
                                        target.string() + ": the register stayed busy; the copy was not made");
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            // One self-contained file: the copy keeps no write-ahead log beside it.
            copy.exec("PRAGMA journal_mode = DELETE");
        }
        part->place(target, overwrite);
    } catch (const SQLite::Exception& e) {
        throw database_error_from(e, target.string());
    } catch (const fs::filesystem_error& e) {
        throw DatabaseError(DatabaseError::Kind::io, target.string() + ": " + e.what());
    }
}

fs::path next_kept_copy(const fs::path& register_file, std::string_view reason) {
    const fs::path dir = backup_directory(register_file);
    std::error_code ec;
    {
        PrivateUmask mask;
        fs::create_directories(dir, ec);
    }
    if (ec) throw DatabaseError(DatabaseError::Kind::io, dir.string() + ": cannot create (" + ec.message() + ")");
    const auto name = [&] {
        return dir / (register_file.stem().string() + "-" + utc_stamp() + "-" + std::string(reason) + ".sqlite");
    };
    fs::path candidate = name();
    // Two copies within one millisecond: the next millisecond names the second.
    while (fs::exists(candidate)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        candidate = name();
    }
    return candidate;
}

bool is_routine_copy(const fs::path& copy) {
    return copy.filename().string().ends_with("-" + std::string(routine_copy_reason) + ".sqlite");
}

void prune_kept_copies(const fs::path& register_file, std::size_t keep) {
    // Routine copies (before each import) make room among themselves only: the
    // copy kept before a restore or a migration is never pushed out by them.
    std::vector<fs::path> routine, others;
    for (auto& copy : kept_backups(register_file)) (is_routine_copy(copy) ? routine : others).push_back(std::move(copy));
    for (const auto* copies : {&routine, &others}) {
        for (std::size_t i = 0; i + keep < copies->size(); ++i) {
            std::error_code ignored;
            fs::remove((*copies)[i], ignored);
        }
    }
}

}  // namespace cemetery::storage

namespace cemetery {

namespace fs = std::filesystem;

fs::path backup_directory(const fs::path& register_file) {
    const fs::path dir = register_file.parent_path();
    return (dir.empty() ? fs::path(".") : dir) / "copie";
}

std::vector<fs::path> kept_backups(const fs::path& register_file) {
    std::vector<fs::path> out;
    std::error_code ec;
    const std::string stem = register_file.stem().string();
    for (const auto& entry : fs::directory_iterator(backup_directory(register_file), ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file(ec) && storage::is_kept_copy_of(name, stem)) out.push_back(entry.path());
    }
    // The stamp follows the common prefix, so the name orders the copies in time.
    std::sort(out.begin(), out.end());
    return out;
}

fs::path keep_backup(const Register& reg, std::string_view reason) {
    if (reg.file() == ":memory:") return {};
    const fs::path copy = storage::next_kept_copy(reg.file(), reason);
    storage::ReadScope read(reg.impl_->db);
    storage::backup_database(reg.impl_->db.sql(), copy, Overwrite::refuse);
    storage::prune_kept_copies(reg.file(), kept_backup_count);
    return copy;
}

void Register::backup_to(const fs::path& target, Overwrite overwrite) const {
    const auto protect = impl_->file == ":memory:" ? ProtectedFiles{} : ProtectedFiles::of_register(impl_->file);
    if (auto refused = output_refusal(target, protect, overwrite)) throw OutputRefused(*refused);
    storage::ReadScope read(impl_->db);
    storage::backup_database(impl_->db.sql(), target, overwrite);
}

BackupCheck check_backup(const fs::path& copy) {
    BackupCheck check;
    if (std::error_code ec; !fs::is_regular_file(copy, ec)) {
        check.problem = copy.string() + ": no such file";
        return check;
    }
    try {
        SQLite::Database db(copy.string(), SQLite::OPEN_READONLY);
        SQLite::Statement integrity(db, "PRAGMA integrity_check");
        std::string first;
        if (integrity.executeStep()) first = integrity.getColumn(0).getString();
        if (first != "ok") {
            check.problem = copy.string() + ": the copy is damaged (integrity check: " + first + ")";
            return check;
        }
        check.schema_version = db.execAndGet("PRAGMA user_version").getInt();
        const int tables =
            db.execAndGet("SELECT count(*) FROM sqlite_master WHERE name IN ('concession', 'change_log')").getInt();
        if (check.schema_version < 1 || tables != 2) {
            check.problem = copy.string() + ": this SQLite file is not a copy of a register";
        } else if (check.schema_version > storage::latest_schema_version()) {
            check.problem = copy.string() + ": the copy was written by a newer version of the program (schema " +
                            std::to_string(check.schema_version) + ")";
        }
    } catch (const SQLite::Exception& e) {
        check.problem = copy.string() + ": the copy is not a register or is damaged (" + e.what() + ")";
    }
    return check;
}

namespace {

// Whether the register file can be read as SQLite at all (a damaged one is kept raw).
bool readable_database(const fs::path& file) {
    try {
        SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
        return db.execAndGet("PRAGMA quick_check").getString() == "ok";
    } catch (const SQLite::Exception&) {
        return false;
    }
}

}  // namespace

RestoreResult restore_register(const fs::path& copy, const fs::path& register_file) {
    RestoreResult result;
    if (auto check = check_backup(copy); !check) {
        result.problem = *check.problem;
        return result;
    }
    std::error_code ec;
    if (fs::equivalent(copy, register_file, ec)) {
        result.problem = copy.string() + ": the copy is the register itself";
        return result;
    }
    try {
        SQLite::Database source(copy.string(), SQLite::OPEN_READONLY);
        if (fs::exists(register_file) && readable_database(register_file)) {
            // Into the live file through its own connection: programs that have it
            // open see the restored register, and their locks are respected.
            SQLite::Database target(register_file.string(), SQLite::OPEN_READWRITE, 10000);
            result.replaced_copy = storage::next_kept_copy(register_file, "before-restore");
            storage::backup_database(target, result.replaced_copy, Overwrite::refuse);
            SQLite::Backup backup(target, source);
            const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
            while (backup.executeStep(-1) != SQLITE_DONE) {
                if (std::chrono::steady_clock::now() > give_up) {
                    throw DatabaseError(DatabaseError::Kind::busy,
                                        register_file.string() + ": the register stayed busy; nothing was restored");
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        } else {
            // A damaged (or missing) register is kept byte for byte, then replaced whole.
            if (fs::exists(register_file)) {
                result.replaced_copy = storage::next_kept_copy(register_file, "damaged");
                fs::copy_file(register_file, result.replaced_copy);
                fs::permissions(result.replaced_copy, fs::perms::owner_read | fs::perms::owner_write);
            }
            // A log left by the damaged file must not be replayed onto the restored one.
            for (const char* suffix : {"-wal", "-shm", "-journal"}) fs::remove(fs::path(register_file.string() + suffix), ec);
            storage::backup_database(source, register_file, Overwrite::allow);
        }
    } catch (const SQLite::Exception& e) {
        throw storage::database_error_from(e, register_file.string());
    } catch (const fs::filesystem_error& e) {
        throw DatabaseError(DatabaseError::Kind::io, register_file.string() + ": " + e.what());
    }
    storage::prune_kept_copies(register_file, kept_backup_count);
    return result;
}

}  // namespace cemetery
