#include "storage/scratch.hpp"

#include <SQLiteCpp/Exception.h>

#include <cerrno>
#include <stdexcept>
#include <system_error>

#include <signal.h>
#include <unistd.h>

namespace cemetery::storage {

namespace {
// The scratch files of `prefix` whose program is gone (stopped by a crash or a
// kill before it could delete its own): their names go on with the process's id.
void remove_abandoned(const std::filesystem::path& dir, const std::string& prefix) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(prefix)) continue;
        const auto rest = name.substr(prefix.size());
        const auto dash = rest.find('-');
        if (dash == 0 || dash == std::string::npos) continue;
        const std::string pid = rest.substr(0, dash);
        if (pid.find_first_not_of("0123456789") != std::string::npos || pid.size() > 9) continue;
        if (kill(static_cast<pid_t>(std::stol(pid)), 0) != 0 && errno == ESRCH) {
            std::filesystem::remove(entry.path(), error);
        }
    }
}

// An empty file of a name no other program has: SQLite takes an empty file for
// an empty database.
std::filesystem::path scratch_file(std::string_view purpose) {
    const auto dir = std::filesystem::temp_directory_path();
    const std::string prefix = "cemetery-" + std::string(purpose) + "-";
    remove_abandoned(dir, prefix);
    std::string name = (dir / (prefix + std::to_string(getpid()) + "-XXXXXX")).string();
    const int fd = mkstemp(name.data());
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot create " + name);
    ::close(fd);
    return name;
}
}  // namespace

Scratch::Scratch(std::string_view purpose) : file_(scratch_file(purpose)) {
    try {
        db_.emplace(file_, false);
        db_->exec("PRAGMA journal_mode = OFF");
        db_->exec("PRAGMA synchronous = OFF");
    } catch (...) {
        db_.reset();
        std::error_code ignored;
        std::filesystem::remove(file_, ignored);
        throw;
    }
}

Scratch::~Scratch() {
    db_.reset();
    std::error_code ignored;
    std::filesystem::remove(file_, ignored);
}

void attach_scratch(Database& db, const Scratch& scratch, const std::string& name) {
    SQLite::Statement attach(db.sql(), "ATTACH ? AS \"" + name + "\"");
    attach.bind(1, scratch.file().string());
    attach.exec();
}

void detach_scratch(Database& db, const std::string& name) noexcept {
    try {
        db.exec("DETACH \"" + name + "\"");
    } catch (...) {
        // Not attached: nothing to do.
    }
}

std::string table_definition(Database& db, const std::string& name) {
    SQLite::Statement s(db.sql(),
                        "SELECT sql FROM main.sqlite_schema WHERE (type = 'table' AND name = ?1) "
                        "OR (type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL) ORDER BY type = 'index', rowid");
    s.bind(1, name);
    std::string out;
    while (s.executeStep()) out += s.getColumn(0).getString() + ";\n";
    if (out.empty()) throw std::logic_error("the register has no table " + name);
    return out;
}

}  // namespace cemetery::storage
