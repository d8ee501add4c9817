#pragma once
// Appending to a PostgreSQL register's change log, inside the caller's
// transaction. The chain is computed here, in the C++ shared with the SQLite
// register (storage/change_log.hpp: chain_of, format 2), from the entry's values:
// the same entry has the same chain in either register.
//
// Appends are serialized by the database: change_log_head() (schema.cpp) waits
// for the log's lock before it reads the last entry, and the lock is held until
// the caller's transaction ends; an entry inserted without it, or not right
// after the last one, is refused. Two connections appending at once take turns
// and the chain stays one line.

#include "storage/postgresql/connection.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace cemetery::storage::postgresql {

struct LogEntry {
    std::string at;  // utc_now()'s text, as the chain hashes it
    std::string user;
    std::string entity;
    std::int64_t record_id = 0;
    std::string action;
    std::string details;  // a JSON object's text
    std::optional<std::string> state_digest;
};

// Writes the entry after the log's last one; returns its id. Must run inside a
// Transaction (the log's lock lasts until it ends).
std::int64_t append_change(Connection& db, const LogEntry& entry);

}  // namespace cemetery::storage::postgresql
