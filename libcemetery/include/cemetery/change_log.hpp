#pragma once
// The append-only change log: every write to the register leaves an entry saying
// when, who (the operating-system user), which record and what changed. The
// database itself refuses to update or delete an entry.

#include <cstdint>
#include <string>

namespace cemetery {

struct ChangeLogEntry {
    std::int64_t id = 0;
    std::string at;       // UTC, ISO 8601: 2026-11-26T09:12:03Z
    std::string user;     // operating-system user
    std::string entity;   // "concession", "plot", "comune", ...
    std::int64_t record_id = 0;
    std::string action;   // "insert", "renew", ...
    std::string details;  // JSON object of what changed
};

}  // namespace cemetery
