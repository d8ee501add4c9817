// Schema 6: holders' personal data taken out of the entries written before it,
// and the whole log chained again under format 2 (change_log.hpp).
#include "storage/change_log.hpp"
#include "storage/log_people.hpp"

#include <optional>
#include <vector>

namespace cemetery::storage {

namespace {

// An entry's details without its holders' data, or nullopt when it had none.
// Schema 5 and before wrote holders as arrays: whole (insert, add_people, the
// before and after of replace_holders) or by name (a load's add_people, the
// holders before and after a succession). Each array becomes what a new entry
// writes: a count and a digest, or, for a succession, the count.
std::optional<std::string> without_holders(const std::string& entity, const std::string& details) {
    if (entity != "concession") return std::nullopt;
    // Most entries have no holders: they are not parsed.
    if (details.find("\"holders") == std::string::npos && details.find("\"before\"") == std::string::npos) {
        return std::nullopt;
    }
    auto j = nlohmann::json::parse(details, nullptr, false);
    if (!j.is_object()) return std::nullopt;
    bool changed = false;
    for (const char* key : {"holders", "before", "after"}) {
        if (auto it = j.find(key); it != j.end() && it->is_array()) {
            *it = holders_summary_of(*it);
            changed = true;
        }
    }
    for (const char* key : {"holders_before", "holders_after"}) {
        if (auto it = j.find(key); it != j.end() && it->is_array()) {
            *it = it->size();
            changed = true;
        }
    }
    if (!changed) return std::nullopt;
    return j.dump();
}

struct Entry {
    std::int64_t id;
    std::string at, user, entity;
    std::int64_t record_id;
    std::string action, details;
    std::optional<std::string> state_digest, chain;
};

std::optional<std::string_view> view(const std::optional<std::string>& s) {
    if (s) return std::string_view(*s);
    return std::nullopt;
}

}  // namespace

void redact_change_log(Database& db) {
    std::string old_chain(genesis_chain);
    std::string new_chain(genesis_chain);
    Sha256 hash;
    std::int64_t after = 0;
    std::int64_t entries = 0;
    std::int64_t redacted = 0;
    std::int64_t breaks = 0;
    std::optional<std::int64_t> first_break;
    std::optional<std::string> last_chain;
    // A thousand entries at a time: the log is not read while it is written.
    constexpr int batch = 1000;
    for (;;) {
        std::vector<Entry> read;
        {
            SQLite::Statement s(db.sql(),
                                "SELECT id, at, user, entity, record_id, action, details, state_digest, chain "
                                "FROM change_log WHERE id > ? ORDER BY id LIMIT " + std::to_string(batch));
            s.bind(1, after);
            while (s.executeStep()) {
                Entry e{s.getColumn(0).getInt64(), s.getColumn(1).getString(), s.getColumn(2).getString(),
                        s.getColumn(3).getString(), s.getColumn(4).getInt64(), s.getColumn(5).getString(),
                        s.getColumn(6).getString(), std::nullopt, std::nullopt};
                if (!s.getColumn(7).isNull()) e.state_digest = s.getColumn(7).getString();
                if (!s.getColumn(8).isNull()) e.chain = s.getColumn(8).getString();
                read.push_back(std::move(e));
            }
        }
        if (read.empty()) break;
        SQLite::Statement update(db.sql(), "UPDATE change_log SET chain = ?2, details = coalesce(?3, details) WHERE id = ?1");
        for (const auto& e : read) {
            ++entries;
            // The chain as it stood, checked as verify did: a break found here is
            // named in the migration's entry, not hidden by the new chain.
            const std::string expected = chain_of_format1(
                hash, old_chain, {e.id, e.at, e.user, e.entity, e.record_id, e.action, e.details, view(e.state_digest)});
            if (e.chain != expected) {
                ++breaks;
                if (!first_break) first_break = e.id;
            }
            old_chain = e.chain.value_or(std::string(genesis_chain));
            const auto cleaned = without_holders(e.entity, e.details);
            if (cleaned) ++redacted;
            new_chain = chain_of(hash, new_chain,
                                 {e.id, e.at, e.user, e.entity, e.record_id, e.action, cleaned ? *cleaned : e.details,
                                  view(e.state_digest)});
            update.bind(1, e.id);
            update.bind(2, new_chain);
            if (cleaned) {
                update.bind(3, *cleaned);
            } else {
                update.bind(3);
            }
            update.exec();
            update.reset();
        }
        after = read.back().id;
        last_chain = read.back().chain;
    }
    if (entries == 0) return;
    // The head an office noted before this day no longer matches the register's
    // chain: this entry, chained after the others, says which head it was.
    append_change(db, current_os_user(), "change_log", after, "redact_personal_data",
                  {{"previous_head", {{"id", after}, {"chain", last_chain ? nlohmann::json(*last_chain) : nlohmann::json()}}},
                   {"previous_chain_format", 1},
                   {"chain_format", 2},
                   {"entries", entries},
                   {"entries_redacted", redacted},
                   {"chain_breaks_before", breaks},
                   {"first_break_before", first_break ? nlohmann::json(*first_break) : nlohmann::json()}});
}

}  // namespace cemetery::storage
