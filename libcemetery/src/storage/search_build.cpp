#include "storage/search_build.hpp"

#include "storage/search_row.hpp"

#include <utility>
#include <vector>

namespace cemetery::storage {

SearchBuild::SearchBuild(Database& db) : scratch_("search") {
    scratch_.db().exec(table_definition(db, "search_index"));
    scratch_.db().exec("BEGIN");
    merge_.emplace(scratch_.db());
}

SearchBuild::~SearchBuild() { merge_.reset(); }

void SearchBuild::add(ConcessionId id, const std::array<std::string, 3>& columns) {
    insert_search_row(scratch_.db(), id, columns);
}

void SearchBuild::finish() {
    merge_->merge_once();
    merge_.reset();
    scratch_.db().exec("COMMIT");
    scratch_.close();  // the register's connection reads it next
}

bool search_index_empty(Database& db) {
    return db.sql().execAndGet("SELECT NOT EXISTS (SELECT 1 FROM search_index)").getInt() == 1;
}

void adopt_search_index(Database& db, const SearchBuild& build) {
    // The index is created again, from its own definition, before its tables are
    // filled: FTS5 keeps what it has read of an index in memory, connection by
    // connection, and an index whose tables were replaced under it would go on
    // from the old state. A new one has read nothing. Its settings are carried over.
    const std::string definition = table_definition(db, "search_index");
    std::vector<std::pair<std::string, std::string>> settings;
    {
        SQLite::Statement s(db.sql(), "SELECT k, v FROM search_index_config WHERE k <> 'version'");
        while (s.executeStep()) settings.emplace_back(s.getColumn(0).getString(), s.getColumn(1).getString());
    }
    db.reset_statements();  // SQLite drops no table while a statement of the connection is running
    db.exec("DROP TABLE search_index");
    db.exec(definition);
    attach_scratch(db, build.scratch(), "search_build");
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

void detach_search_build(Database& db) noexcept { detach_scratch(db, "search_build"); }

}  // namespace cemetery::storage
