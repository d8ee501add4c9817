#include "storage/search_build.hpp"

#include "storage/search_row.hpp"

#include <SQLiteCpp/Exception.h>

#include <cerrno>
#include <cstdlib>
#include <string_view>
#include <stdexcept>
#include <system_error>
#include <utility>
#include <vector>

#include <signal.h>
#include <unistd.h>

namespace cemetery::storage {

namespace {
std::string search_index_definition(Database& db) {
    SQLite::Statement s(db.sql(), "SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = 'search_index'");
    if (!s.executeStep()) throw std::logic_error("the register has no search index");
    return s.getColumn(0).getString();
}

constexpr std::string_view scratch_prefix = "cemetery-search-";

// The scratch files of loads whose program is gone (stopped by a crash or a kill
// before it could delete its own): their names start with the process's id.
void remove_abandoned(const std::filesystem::path& dir) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(scratch_prefix)) continue;
        const auto rest = name.substr(scratch_prefix.size());
        const auto dash = rest.find('-');
        if (dash == 0 || dash == std::string::npos) continue;
        const std::string pid = rest.substr(0, dash);
        if (pid.find_first_not_of("0123456789") != std::string::npos || pid.size() > 9) continue;
        if (kill(static_cast<pid_t>(std::stol(pid)), 0) != 0 && errno == ESRCH) {
            std::filesystem::remove(entry.path(), error);
        }
    }
}

// An empty file of a name no other program has, in the temporary directory
// ($TMPDIR): SQLite takes an empty file for an empty database.
std::filesystem::path scratch_file() {
    const auto dir = std::filesystem::temp_directory_path();
    remove_abandoned(dir);
    std::string name = (dir / (std::string(scratch_prefix) + std::to_string(getpid()) + "-XXXXXX")).string();
    const int fd = mkstemp(name.data());
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot create " + name);
    close(fd);
    return name;
}
}  // namespace

SearchBuild::SearchBuild(Database& db) {
    const std::string definition = search_index_definition(db);
    file_ = scratch_file();
    try {
        scratch_.emplace(file_, false);
        // A file nobody keeps: no journal, no waiting for the disk. Should the
        // program stop, the register's transaction is lost with it.
        scratch_->exec("PRAGMA journal_mode = OFF");
        scratch_->exec("PRAGMA synchronous = OFF");
        scratch_->exec(definition);
        scratch_->exec("BEGIN");
        merge_.emplace(*scratch_);
    } catch (...) {
        merge_.reset();
        scratch_.reset();
        std::error_code ignored;
        std::filesystem::remove(file_, ignored);
        throw;
    }
}

SearchBuild::~SearchBuild() {
    merge_.reset();
    scratch_.reset();
    std::error_code ignored;
    std::filesystem::remove(file_, ignored);
}

void SearchBuild::add(ConcessionId id, const std::array<std::string, 3>& columns) {
    insert_search_row(*scratch_, id, columns);
}

void SearchBuild::finish() {
    merge_->merge_once();
    merge_.reset();
    scratch_->exec("COMMIT");
    scratch_.reset();  // closed: the register's connection reads it next
}

bool search_index_empty(Database& db) {
    return db.sql().execAndGet("SELECT NOT EXISTS (SELECT 1 FROM search_index)").getInt() == 1;
}

void adopt_search_index(Database& db, const SearchBuild& build) {
    // The index is created again, from its own definition, before its tables are
    // filled: FTS5 keeps what it has read of an index in memory, connection by
    // connection, and an index whose tables were replaced under it would go on
    // from the old state. A new one has read nothing. Its settings are carried over.
    const std::string definition = search_index_definition(db);
    std::vector<std::pair<std::string, std::string>> settings;
    {
        SQLite::Statement s(db.sql(), "SELECT k, v FROM search_index_config WHERE k <> 'version'");
        while (s.executeStep()) settings.emplace_back(s.getColumn(0).getString(), s.getColumn(1).getString());
    }
    db.reset_statements();  // SQLite drops no table while a statement of the connection is running
    db.exec("DROP TABLE search_index");
    db.exec(definition);
    {
        SQLite::Statement attach(db.sql(), "ATTACH ? AS search_build");
        attach.bind(1, build.file().string());
        attach.exec();
    }
    // The index's tables but its settings (search_index_config): its segments and
    // structure, its rows' sizes, their text.
    std::vector<std::string> tables;
    {
        SQLite::Statement s(db.sql(),
                            "SELECT name FROM search_build.sqlite_schema WHERE type = 'table' "
                            "AND name LIKE 'search\\_index\\_%' ESCAPE '\\' AND name <> 'search_index_config'");
        while (s.executeStep()) tables.push_back(s.getColumn(0).getString());
    }
    for (const auto& table : tables) {
        // What the new index wrote of itself (its empty structure) goes first.
        db.exec("DELETE FROM main.\"" + table + "\"");
        db.exec("INSERT INTO main.\"" + table + "\" SELECT * FROM search_build.\"" + table + "\"");
    }
    for (const auto& [name, value] : settings) {
        SQLite::Statement s(db.sql(), "INSERT INTO search_index (search_index, rank) VALUES (?, ?)");
        s.bind(1, name);
        s.bind(2, value);
        s.exec();
    }
}

void detach_search_build(Database& db) noexcept {
    try {
        db.exec("DETACH search_build");
    } catch (...) {
        // Not attached: nothing to do.
    }
}

}  // namespace cemetery::storage
