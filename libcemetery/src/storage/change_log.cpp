#include "storage/change_log.hpp"

#include <chrono>
#include <cstdlib>
#include <pwd.h>
#include <unistd.h>

namespace cemetery::storage {

std::string utc_now() {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return date::format("%FT%TZ", now);
}

void append_change(Database& db, const std::string& user, std::string_view entity, std::int64_t record_id,
                   std::string_view action, const nlohmann::json& details) {
    append_change(db, utc_now(), user, entity, record_id, action, details.dump());
}

void append_change(Database& db, const std::string& at, const std::string& user, std::string_view entity,
                   std::int64_t record_id, std::string_view action, const std::string& details_json) {
    auto& s = db.statement(
        "INSERT INTO change_log (at, user, entity, record_id, action, details) VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, at);
    s.bind(2, user);
    s.bind(3, std::string(entity));
    s.bind(4, record_id);
    s.bind(5, std::string(action));
    s.bind(6, details_json);
    s.exec();
}

std::vector<ChangeLogEntry> read_change_log(Database& db, const std::optional<std::string>& entity,
                                            std::optional<std::int64_t> record_id) {
    // Conditions are left out rather than written "?1 IS NULL OR ...", which would
    // keep SQLite from using the (entity, record_id) index on a log of millions.
    std::string sql = "SELECT id, at, user, entity, record_id, action, details FROM change_log";
    if (entity) sql += record_id ? " WHERE entity = ?1 AND record_id = ?2" : " WHERE entity = ?1";
    sql += " ORDER BY id";
    auto& s = db.statement(sql);
    if (entity) s.bind(1, *entity);
    if (entity && record_id) s.bind(2, *record_id);
    std::vector<ChangeLogEntry> out;
    while (s.executeStep()) {
        out.push_back(ChangeLogEntry{s.getColumn(0).getInt64(), s.getColumn(1).getString(), s.getColumn(2).getString(),
                                     s.getColumn(3).getString(), s.getColumn(4).getInt64(), s.getColumn(5).getString(),
                                     s.getColumn(6).getString()});
    }
    return out;
}

std::int64_t change_log_size(Database& db) {
    auto& s = db.statement("SELECT count(*) FROM change_log");
    s.executeStep();
    return s.getColumn(0).getInt64();
}

std::string current_os_user() {
    if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name) return pw->pw_name;
    if (const char* user = std::getenv("USER"); user && *user) return user;
    return "uid " + std::to_string(geteuid());
}

}  // namespace cemetery::storage
