#pragma once
// Writing and reading the append-only change log, inside the caller's transaction.

#include "storage/database.hpp"

#include <cemetery/change_log.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cemetery::storage {

void append_change(Database& db, const std::string& user, std::string_view entity, std::int64_t record_id,
                   std::string_view action, const nlohmann::json& details);
// The same for many entries at once: the time given (utc_now()), the details
// already written as a JSON object.
void append_change(Database& db, const std::string& at, const std::string& user, std::string_view entity,
                   std::int64_t record_id, std::string_view action, const std::string& details_json);

// Now, as the change log writes it: 2026-11-26T09:12:03Z.
std::string utc_now();

std::vector<ChangeLogEntry> read_change_log(Database& db, const std::optional<std::string>& entity,
                                            std::optional<std::int64_t> record_id);

std::int64_t change_log_size(Database& db);

// The operating-system user running the program.
std::string current_os_user();

}  // namespace cemetery::storage
