// Register::verify: the file, its references, the change log's chain and the
// records against the digests their latest entries vouch for, in one snapshot.
#include "storage/register_impl.hpp"

#include "storage/change_log.hpp"
#include "storage/record_digest.hpp"

#include <SQLiteCpp/Exception.h>

#include <limits>

namespace cemetery {

std::string_view code(RecordMismatch::Kind kind) {
    switch (kind) {
        case RecordMismatch::Kind::changed: return "changed";
        case RecordMismatch::Kind::missing: return "missing";
        case RecordMismatch::Kind::unlogged: return "unlogged";
    }
    return "changed";
}

namespace {

void check_file(storage::Database& db, VerifyReport& report) {
    SQLite::Statement integrity(db.sql(), "PRAGMA integrity_check");
    while (integrity.executeStep()) {
        const std::string line = integrity.getColumn(0).getString();
        if (line != "ok") report.integrity.push_back(line);
    }
    if (report.damaged()) return;
    SQLite::Statement references(db.sql(), "PRAGMA foreign_key_check");
    while (references.executeStep()) {
        report.foreign_keys.push_back(references.getColumn(0).getString() + " " +
                                      references.getColumn(1).getString() + " → " +
                                      references.getColumn(2).getString());
    }
}

// Each entry's chain recomputed from the chain stored in the entry before it, so
// that every edited entry is found, not only the first. Every entry is in chain
// format 2: schema 6 chained the older ones again.
void check_chain(storage::Database& db, VerifyReport& report) {
    SQLite::Statement s(db.sql(),
                        "SELECT id, at, user, entity, record_id, action, details, state_digest, chain "
                        "FROM change_log ORDER BY id");
    std::string previous(storage::genesis_chain);
    storage::Sha256 hash;
    while (s.executeStep()) {
        ++report.entries;
        const std::int64_t id = s.getColumn(0).getInt64();
        const std::string at = s.getColumn(1).getString();
        const std::string entity = s.getColumn(3).getString();
        const std::int64_t record_id = s.getColumn(4).getInt64();
        const std::string user = s.getColumn(2).getString();
        const std::string action = s.getColumn(5).getString();
        const std::string details = s.getColumn(6).getString();
        std::optional<std::string> digest;
        if (!s.getColumn(7).isNull()) digest = s.getColumn(7).getString();
        std::optional<std::string_view> digest_view;
        if (digest) digest_view = *digest;
        const std::string expected =
            storage::chain_of(hash, previous, {id, at, user, entity, record_id, action, details, digest_view});
        const bool has_chain = !s.getColumn(8).isNull();
        const std::string stored = has_chain ? s.getColumn(8).getString() : std::string();
        if (stored != expected) {
            if (report.chain_breaks.size() < VerifyReport::named) {
                report.chain_breaks.push_back(ChainBreak{id, at, entity, record_id});
            }
            ++report.chain_break_count;
        }
        // As the program writing the log does: a missing chain goes on from the genesis value.
        previous = has_chain ? stored : std::string(storage::genesis_chain);
        report.head_id = id;
        report.head_chain = stored;
    }
}

// The latest entry of each record of one entity, in record order, one step ahead.
struct LatestEntries {
    SQLite::Statement s;
    bool has = false;
    LatestEntries(storage::Database& db, std::string_view entity)
        : s(db.sql(),
            // SQLite takes the bare columns from the row that gives max(id).
            "SELECT record_id, max(id), state_digest, at FROM change_log WHERE entity = ? "
            "GROUP BY record_id ORDER BY record_id") {
        s.bind(1, std::string(entity));
        step();
    }
    void step() { has = s.executeStep(); }
    [[nodiscard]] std::int64_t record() const { return s.getColumn(0).getInt64(); }
    [[nodiscard]] std::int64_t entry() const { return s.getColumn(1).getInt64(); }
    [[nodiscard]] bool has_digest() const { return !s.getColumn(2).isNull(); }
    [[nodiscard]] std::string digest() const { return s.getColumn(2).getString(); }
    [[nodiscard]] std::string at() const { return s.getColumn(3).getString(); }
};

// Plots under a concession, in id order: an import writes a plot with its
// concession's entry only, and the concession's digest covers the plot's row.
struct PlotsInUse {
    SQLite::Statement s;
    bool has = false;
    explicit PlotsInUse(storage::Database& db)
        : s(db.sql(), "SELECT DISTINCT plot_id FROM concession ORDER BY plot_id") {
        step();
    }
    void step() { has = s.executeStep(); }
    bool covers(std::int64_t plot) {
        while (has && s.getColumn(0).getInt64() < plot) step();
        return has && s.getColumn(0).getInt64() == plot;
    }
};

void add(VerifyReport& report, RecordMismatch m) {
    if (report.mismatches.size() < VerifyReport::named) report.mismatches.push_back(std::move(m));
    ++report.mismatch_count;
}

void check_records(storage::Database& db, std::string_view entity, VerifyReport& report) {
    LatestEntries latest(db, entity);
    std::optional<PlotsInUse> plots_in_use;
    if (entity == "plot") plots_in_use.emplace(db);
    const std::string name(entity);
    auto gone_before = [&](std::int64_t id) {
        while (latest.has && latest.record() < id) {
            // An entry that vouched for nothing (NULL) needs nothing to be there.
            if (latest.has_digest()) {
                add(report, {RecordMismatch::Kind::missing, name, latest.record(), latest.entry(), latest.at(), {}, {}});
            }
            latest.step();
        }
    };
    storage::each_record_digest(
        db, entity, std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max(),
        [&](std::int64_t id, const std::string& digest) {
            gone_before(id);
            if (latest.has && latest.record() == id) {
                ++report.records;
                if (!latest.has_digest() || latest.digest() != digest) {
                    add(report, {RecordMismatch::Kind::changed, name, id, latest.entry(), latest.at(), {}, {}});
                }
                latest.step();
            } else if (!(plots_in_use && plots_in_use->covers(id))) {
                add(report, {RecordMismatch::Kind::unlogged, name, id, 0, {}, {}, {}});
            }
        });
    gone_before(std::numeric_limits<std::int64_t>::max());
    if (latest.has && latest.has_digest()) {  // the record of id max, gone
        add(report, {RecordMismatch::Kind::missing, name, latest.record(), latest.entry(), latest.at(), {}, {}});
    }
}

void name_concessions(storage::Database& db, VerifyReport& report) {
    SQLite::Statement s(db.sql(),
                        "SELECT co.name, c.deed_number FROM concession c JOIN comune co ON co.id = c.comune_id "
                        "WHERE c.id = ?");
    for (auto& m : report.mismatches) {
        if (m.entity != "concession") continue;
        s.bind(1, m.record_id);
        if (s.executeStep()) {
            m.comune = s.getColumn(0).getString();
            m.deed_number = s.getColumn(1).getString();
        }
        s.reset();
    }
}

}  // namespace

VerifyReport Register::verify() const {
    auto& db = impl_->db;
    storage::ReadScope read(db);
    VerifyReport report;
    try {
        // One snapshot for every check: another program's write in between would
        // otherwise look like a mismatch.
        const bool own = !db.in_transaction();
        if (own) db.exec("BEGIN");
        try {
            check_file(db, report);
            if (!report.damaged()) {
                check_chain(db, report);
                for (const std::string_view entity : storage::digested_entities) check_records(db, entity, report);
                name_concessions(db, report);
            }
        } catch (...) {
            db.reset_statements();
            if (own) db.exec("ROLLBACK");
            throw;
        }
        db.reset_statements();
        if (own) db.exec("COMMIT");
    } catch (const SQLite::Exception& e) {
        throw storage::database_error_from(e, impl_->file.string());
    }
    return report;
}

}  // namespace cemetery
