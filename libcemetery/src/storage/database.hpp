#pragma once
// The connection under a Register: pragmas, a cache of prepared statements reused
// across calls, nested write scopes, and the translation of SQLite's errors into
// the library's (DatabaseError for broken infrastructure, Conflict for refusals).
// Private to the library: SQL lives only under src/storage/.

#include <cemetery/register.hpp>
#include <cemetery/storage_error.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <functional>
#include <map>
#include <unordered_map>
#include <vector>
#include <memory>
#include <optional>
#include <string>

namespace cemetery::storage {

// The page cache, as PRAGMA cache_size takes it (negative: KiB): 64 MiB.
inline constexpr int cache_kib = -65536;

class Database {
public:
    // Opens (creating when `create`), sets the pragmas. Throws DatabaseError.
    Database(const std::filesystem::path& file, bool create);

    SQLite::Database& sql() { return db_; }
    // A prepared statement, prepared once and reset for each use.
    SQLite::Statement& statement(const std::string& sql);
    // The same for a string literal, found by its address: no string is built or
    // hashed on the way, which counts in a loop of a million inserts. `sql` must
    // live as long as the Database (a literal does).
    SQLite::Statement& statement(const char* sql);
    void exec(const std::string& sql);
    [[nodiscard]] bool in_transaction();
    // Resets every cached statement. A statement left mid-result keeps a read
    // transaction open: the connection would not see other programs' writes, and
    // its next write would fail on an old snapshot.
    void reset_statements();

    int write_depth = 0;  // nesting of WriteScopes

    // Concessions whose search row must be rewritten before the transaction commits.
    // Writing the FTS index last, once, keeps it out of the savepoints of a long
    // batch (FTS5 flushes its pending terms at every savepoint: an import of a
    // million rows would spend most of its time there).
    std::vector<std::int64_t> pending_search;
    std::function<void(Database&)> flush_search;

private:
    SQLite::Database db_;
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
    std::unordered_map<const char*, SQLite::Statement*> by_literal_;
};

// Ends the reads of one public call: declared first in a Register method, it
// resets the statements the method used when it returns.
class ReadScope {
public:
    explicit ReadScope(Database& db) : db_(db) {}
    ReadScope(const ReadScope&) = delete;
    ReadScope& operator=(const ReadScope&) = delete;
    ~ReadScope() {
        if (!db_.in_transaction()) db_.reset_statements();
    }

private:
    Database& db_;
};

// One transaction for one change: BEGIN IMMEDIATE at the outermost level (so a
// second writer waits for the lock instead of failing half-way), a SAVEPOINT
// inside a Batch. Rolls back unless committed.
class WriteScope {
public:
    explicit WriteScope(Database& db);
    WriteScope(const WriteScope&) = delete;
    WriteScope& operator=(const WriteScope&) = delete;
    ~WriteScope();
    void commit();

private:
    Database& db_;
    std::string savepoint_;  // empty at the outermost level
    std::size_t pending_mark_ = 0;  // pending_search entries that were there before
    bool done_ = false;
};

// A constraint the database refused, as a Conflict; nullopt for anything else.
std::optional<Conflict> conflict_from(const SQLite::Exception& e);
// Anything else, as a DatabaseError.
DatabaseError database_error_from(const SQLite::Exception& e, const std::string& context = {});

// Registers the SQL function the search index is built with, and the flush of
// pending_search (implemented with the search, in search.cpp).
void enable_search_index(Database& db);

// Binding helpers for optional dates and text.
void bind_date(SQLite::Statement& s, int index, const std::optional<Date>& d);
// None for NULL; DatabaseError naming the column and its value for a value that is
// not a date (damage, never read as "no date").
std::optional<Date> column_date(const SQLite::Column& c);
Date column_required_date(const SQLite::Column& c);

}  // namespace cemetery::storage
