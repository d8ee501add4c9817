#include "storage/load_indexes.hpp"

namespace cemetery::storage {

namespace {
// The indexes of the tables a load writes to; sql IS NULL for those SQLite makes
// for UNIQUE and PRIMARY KEY constraints, which stay.
constexpr const char* indexes_sql =
    "SELECT type, name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
    "AND tbl_name IN ('plot', 'concession', 'holder', 'deceased', 'renewal') ORDER BY rowid";

// The insert checks of a concession: its plot is in a cemetery of its comune, and
// no other concession holds the plot at the same time. The importer makes both
// checks, with the same rules, before anything is written (Importer::locate finds
// the cemetery among the comune's own, Importer::check_places compares every
// concession of the file with the register's and the file's on the same place).
constexpr const char* trigger_sql =
    "SELECT type, name, sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'concession_checks_insert'";
}  // namespace

SetAsideIndexes::SetAsideIndexes(Database& db) : db_(db) {
    std::vector<std::string> drops;
    for (const char* query : {indexes_sql, trigger_sql}) {
        SQLite::Statement s(db_.sql(), query);
        while (s.executeStep()) {
            drops.push_back("DROP " + s.getColumn(0).getString() + " \"" + s.getColumn(1).getString() + "\"");
            sql_.push_back(s.getColumn(2).getString());
        }
    }
    for (const auto& drop : drops) db_.exec(drop);
}

void SetAsideIndexes::restore() {
    for (const auto& sql : sql_) db_.exec(sql);
    sql_.clear();
}

namespace {
// FTS5's settings for the load and, when the index has none of its own, the
// defaults FTS5 documents (https://www.sqlite.org/fts5.html#the_automerge_configuration_option).
// hashsize is the memory FTS5 gathers new terms in before it writes them out as a
// segment: 1 MiB by default (FTS5_DEFAULT_HASHSIZE in SQLite's fts5_config.c, not on
// that page). A million concessions' terms fit in 256 MiB, written as a few large
// segments instead of hundreds of small ones for the optimize to merge: 21 s to
// 16 s for the index of a million, in the sqlite3 shell.
struct MergeSetting {
    const char* name;
    const char* during_load;
    const char* fts5_default;
};
constexpr MergeSetting merge_settings[] = {
    {"automerge", "0", "4"},
    {"crisismerge", "64", "16"},
    {"hashsize", "268435456", "1048576"},
};

void set_search_option(Database& db, const std::string& name, const std::string& value) {
    SQLite::Statement s(db.sql(), "INSERT INTO search_index (search_index, rank) VALUES (?, ?)");
    s.bind(1, name);
    s.bind(2, value);
    s.exec();
}
}  // namespace

DeferredSearchMerge::DeferredSearchMerge(Database& db) : db_(db) {
    for (const auto& setting : merge_settings) {
        SQLite::Statement s(db_.sql(), "SELECT v FROM search_index_config WHERE k = ?");
        s.bind(1, setting.name);
        settings_.emplace_back(setting.name, s.executeStep() ? s.getColumn(0).getString() : setting.fts5_default);
        set_search_option(db_, setting.name, setting.during_load);
    }
}

void DeferredSearchMerge::merge_once() {
    db_.exec("INSERT INTO search_index (search_index) VALUES ('optimize')");
    for (const auto& [name, value] : settings_) set_search_option(db_, name, value);
    settings_.clear();
}

}  // namespace cemetery::storage
