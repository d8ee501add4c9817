#include "storage/postgresql/change_log.hpp"

#include "storage/change_log.hpp"

namespace cemetery::storage::postgresql {

std::int64_t append_change(Connection& db, const LogEntry& e) {
    const Rows head = db.exec("SELECT id, chain FROM change_log_head()");
    const std::int64_t id = head.integer(0, 0) + 1;
    const std::string previous = head.get(0, 1).value_or(std::string(genesis_chain));
    ChainContent content{.id = id, .at = e.at, .user = e.user, .entity = e.entity, .record_id = e.record_id,
                         .action = e.action, .details = e.details, .state_digest = std::nullopt};
    if (e.state_digest) content.state_digest = *e.state_digest;
    db.exec("INSERT INTO change_log (id, at, \"user\", entity, record_id, action, details, state_digest, chain) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            {id, e.at, e.user, e.entity, e.record_id, e.action, e.details, e.state_digest,
             chain_of(previous, content)});
    return id;
}

}  // namespace cemetery::storage::postgresql
