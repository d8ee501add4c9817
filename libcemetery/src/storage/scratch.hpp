#pragma once
// A database file nobody keeps, for what a load builds beside it on a connection
// of its own (search_build.hpp, log_build.hpp): in the temporary directory
// ($TMPDIR), readable by the user only, with no journal and no waiting for the
// disk. Should the program stop, the register's transaction is lost with it, and
// the file is deleted by the next load that makes one of the same purpose.
//
// SQLite lets one connection write a file at a time, not one thread another's
// tables: what is built here is copied into the register at commit, through
// attach_scratch(), by INSERT ... SELECT between tables of one definition, which
// SQLite does record by record without decoding them (its "transfer").

#include "storage/database.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cemetery::storage {

class Scratch {
public:
    // `purpose` names the file (cemetery-PURPOSE-PID-XXXXXX): letters only.
    // Throws what SQLite or the file system threw.
    explicit Scratch(std::string_view purpose);
    ~Scratch();  // closes and deletes the file
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;

    // Open until close().
    Database& db() { return *db_; }
    // Closes the connection, for the register's to read the file.
    void close() { db_.reset(); }
    const std::filesystem::path& file() const { return file_; }

private:
    std::filesystem::path file_;
    std::optional<Database> db_;
};

// Attaches the closed scratch file to `db` as `name`, inside the caller's
// transaction. detach_scratch() once the transaction is over: SQLite detaches
// no file before.
void attach_scratch(Database& db, const Scratch& scratch, const std::string& name);
void detach_scratch(Database& db, const std::string& name) noexcept;

// The SQL that made `name` in `db`'s main schema, and the indexes on it, in the
// order they were made: for a scratch table that SQLite will transfer into it.
std::string table_definition(Database& db, const std::string& name);

}  // namespace cemetery::storage
