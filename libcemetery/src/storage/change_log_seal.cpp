// Schema 4: the chain laid over a change log written before it, in format 1
// (schema 6 chains it again under format 2).
#include "storage/change_log.hpp"
#include "storage/record_digest.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace cemetery::storage {

namespace {

// Each record's latest entry with the record's digest now, ordered by entry id.
std::vector<std::pair<std::int64_t, std::string>> latest_digests(Database& db) {
    std::vector<std::pair<std::int64_t, std::string>> out;
    for (const std::string_view entity : digested_entities) {
        std::vector<std::pair<std::int64_t, std::int64_t>> latest;  // record id, entry id
        {
            SQLite::Statement s(db.sql(),
                                "SELECT record_id, max(id) FROM change_log WHERE entity = ? "
                                "GROUP BY record_id ORDER BY record_id");
            s.bind(1, std::string(entity));
            while (s.executeStep()) latest.emplace_back(s.getColumn(0).getInt64(), s.getColumn(1).getInt64());
        }
        if (latest.empty()) continue;
        std::size_t next = 0;
        each_record_digest(db, entity, latest.front().first, latest.back().first,
                           [&](std::int64_t id, const std::string& digest) {
                               while (next < latest.size() && latest[next].first < id) ++next;
                               if (next < latest.size() && latest[next].first == id) {
                                   out.emplace_back(latest[next].second, digest);
                               }
                           });
    }
    std::sort(out.begin(), out.end());
    return out;
}

struct Entry {
    std::int64_t id;
    std::string at, user, entity;
    std::int64_t record_id;
    std::string action, details;
};

}  // namespace

void seal_change_log(Database& db) {
    const auto digests = latest_digests(db);
    std::size_t next_digest = 0;
    std::string chain(genesis_chain);
    Sha256 hash;
    std::int64_t after = 0;
    // A thousand entries at a time: the log is not read while it is written.
    constexpr int batch = 1000;
    for (;;) {
        std::vector<Entry> entries;
        {
            SQLite::Statement s(db.sql(),
                                "SELECT id, at, user, entity, record_id, action, details FROM change_log "
                                "WHERE id > ? ORDER BY id LIMIT " + std::to_string(batch));
            s.bind(1, after);
            while (s.executeStep()) {
                entries.push_back(Entry{s.getColumn(0).getInt64(), s.getColumn(1).getString(),
                                        s.getColumn(2).getString(), s.getColumn(3).getString(),
                                        s.getColumn(4).getInt64(), s.getColumn(5).getString(),
                                        s.getColumn(6).getString()});
            }
        }
        if (entries.empty()) break;
        SQLite::Statement update(db.sql(), "UPDATE change_log SET state_digest = ?, chain = ? WHERE id = ?");
        for (const auto& e : entries) {
            std::optional<std::string_view> digest;
            while (next_digest < digests.size() && digests[next_digest].first < e.id) ++next_digest;
            if (next_digest < digests.size() && digests[next_digest].first == e.id) {
                digest = digests[next_digest].second;
            }
            chain = chain_of_format1(hash, chain, {e.id, e.at, e.user, e.entity, e.record_id, e.action, e.details, digest});
            if (digest) {
                update.bind(1, std::string(*digest));
            } else {
                update.bind(1);
            }
            update.bind(2, chain);
            update.bind(3, e.id);
            update.exec();
            update.reset();
        }
        after = entries.back().id;
    }
}

}  // namespace cemetery::storage
