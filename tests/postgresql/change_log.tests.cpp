// The PostgreSQL register's change log: append-only whoever asks, only read and
// added to by the clerks' role, and its appends taking turns so that the chain is
// one line.
#include "postgresql/pg_support.hpp"

#include "storage/change_log.hpp"
#include "storage/postgresql/change_log.hpp"
#include "storage/postgresql/schema.hpp"
#include "storage/postgresql/transaction.hpp"

#include <thread>

using namespace test::pg;
using cemetery::DatabaseError;

namespace {

pq::LogEntry entry(std::int64_t record, const std::string& user = "ufficio") {
    return {.at = "2026-12-03T10:00:00Z", .user = user, .entity = "concession", .record_id = record,
            .action = "create", .details = R"({"deed_number":"15/2021"})", .state_digest = std::nullopt};
}

std::int64_t append(pq::Connection& db, const pq::LogEntry& e) {
    pq::Transaction tx(db);
    const auto id = pq::append_change(db, e);
    tx.commit();
    return id;
}

// The entries' chains recomputed from the first: how many entries do not match.
int chain_breaks(pq::Connection& db) {
    const auto rows = db.exec("SELECT id, at, \"user\", entity, record_id, action, details, state_digest, chain "
                              "FROM change_log ORDER BY id");
    int breaks = 0;
    std::string previous(cemetery::storage::genesis_chain);
    for (int i = 0; i < rows.size(); ++i) {
        const std::string at = rows.text(i, 1), user = rows.text(i, 2), entity = rows.text(i, 3),
                          action = rows.text(i, 5), details = rows.text(i, 6);
        const auto digest = rows.get(i, 7);
        cemetery::storage::ChainContent c{.id = rows.integer(i, 0), .at = at, .user = user, .entity = entity,
                                          .record_id = rows.integer(i, 4), .action = action, .details = details,
                                          .state_digest = std::nullopt};
        if (digest) c.state_digest = *digest;
        if (rows.integer(i, 0) != i + 1 || cemetery::storage::chain_of(previous, c) != rows.text(i, 8)) ++breaks;
        previous = rows.text(i, 8);
    }
    return breaks;
}

}  // namespace

TEST_CASE("an entry appended to the PostgreSQL change log has the SQLite register's chain", "[postgresql][change_log]") {
    pq::Connection db(fresh_database());
    pq::migrate(db);
    auto first = entry(7);
    first.state_digest = std::string(64, 'a');
    CHECK(append(db, first) == 1);
    CHECK(append(db, entry(8)) == 2);
    CHECK(chain_breaks(db) == 0);
    const cemetery::storage::ChainContent c{.id = 1, .at = first.at, .user = first.user, .entity = first.entity,
                                            .record_id = 7, .action = first.action, .details = first.details,
                                            .state_digest = std::string_view(*first.state_digest)};
    CHECK(db.exec("SELECT chain FROM change_log WHERE id = 1").text(0, 0) ==
          cemetery::storage::chain_of(cemetery::storage::genesis_chain, c));
}

TEST_CASE("the change log refuses changes and removals, even from its owner", "[postgresql][change_log]") {
    pq::Connection db(fresh_database());  // as the server's superuser
    pq::migrate(db);
    append(db, entry(7));
    for (const char* sql : {"UPDATE change_log SET \"user\" = 'someone else'", "UPDATE change_log SET id = id WHERE false",
                            "DELETE FROM change_log", "DELETE FROM change_log WHERE id = 1", "TRUNCATE change_log"}) {
        INFO(sql);
        const auto e = error_of([&] { db.exec(sql); });
        CHECK(e.sqlstate() == pq::sqlstate::insufficient_privilege);
        CHECK(e.kind() == DatabaseError::Kind::read_only);
        CHECK(std::string(e.what()).find("the change log is append-only") != std::string::npos);
    }
    CHECK(db.exec("SELECT \"user\" FROM change_log WHERE id = 1").text(0, 0) == "ufficio");
    CHECK(chain_breaks(db) == 0);
}

TEST_CASE("the clerks' role reads and adds to the change log, and may not change it", "[postgresql][change_log]") {
    pq::Connection db(fresh_database());
    pq::migrate(db);
    const std::string role(pq::clerk_role);
    for (const char* privilege : {"SELECT", "INSERT"}) {
        INFO(privilege);
        CHECK(db.exec("SELECT has_table_privilege($1, 'change_log', $2)", {role, privilege}).text(0, 0) == "t");
    }
    for (const char* privilege : {"UPDATE", "DELETE", "TRUNCATE"}) {
        INFO(privilege);
        CHECK(db.exec("SELECT has_table_privilege($1, 'change_log', $2)", {role, privilege}).text(0, 0) == "f");
    }
    CHECK(db.exec("SELECT has_table_privilege($1, 'schema_version', 'INSERT')", {role}).text(0, 0) == "f");
    CHECK(db.exec("SELECT has_table_privilege($1, 'concession', 'INSERT')", {role}).text(0, 0) == "t");
    CHECK(db.exec("SELECT has_table_privilege($1, 'concession', 'DELETE')", {role}).text(0, 0) == "f");
    CHECK(db.exec("SELECT has_sequence_privilege($1, 'concession_id_seq', 'USAGE')", {role}).text(0, 0) == "t");

    db.exec("SET ROLE " + role);
    CHECK(append(db, entry(7, "sportello")) == 1);
    const auto e = error_of([&] { db.exec("UPDATE change_log SET \"user\" = 'someone else'"); });
    CHECK(e.sqlstate() == pq::sqlstate::insufficient_privilege);
    CHECK(std::string(e.what()).find("permission denied") != std::string::npos);  // the grant, before the trigger
    CHECK(error_of([&] { db.exec("DELETE FROM change_log"); }).kind() == DatabaseError::Kind::read_only);
    db.exec("RESET ROLE");
    CHECK(db.exec("SELECT \"user\" FROM change_log").text(0, 0) == "sportello");
}

TEST_CASE("an entry written without the log's lock, or out of order, is refused", "[postgresql][change_log]") {
    pq::Connection db(fresh_database());
    pq::migrate(db);
    const char* insert = "INSERT INTO change_log (id, at, \"user\", entity, record_id, action, details, chain) "
                         "VALUES ($1, 'x', 'x', 'concession', 1, 'create', '{}', repeat('0', 64))";
    SECTION("without change_log_head() first") {
        const auto e = error_of([&] { db.exec(insert, {1}); });
        CHECK(e.constraint() == "change_log_serialized");
    }
    SECTION("after it, but leaving a gap") {
        append(db, entry(7));
        pq::Transaction tx(db);
        db.exec("SELECT change_log_head()");
        const auto e = error_of([&] { db.exec(insert, {3}); });
        CHECK(e.constraint() == "change_log_in_order");
    }
}

TEST_CASE("a second appender waits for the first to commit, and writes after its entry", "[postgresql][change_log]") {
    const std::string conninfo = fresh_database();
    pq::Connection first(conninfo), second(conninfo);
    pq::migrate(first);
    pq::Transaction tx(first);
    pq::append_change(first, entry(7));
    SECTION("a wait cut short is busy") {
        pq::Transaction other(second);
        second.exec("SET LOCAL lock_timeout = '50ms'");
        const auto e = error_of([&] { pq::append_change(second, entry(8)); });
        CHECK(e.kind() == DatabaseError::Kind::busy);
    }
    SECTION("a wait that ends with the first's commit") {
        std::int64_t second_id = 0;
        std::string failure;
        std::thread t([&] {
            try {
                second_id = append(second, entry(8));
            } catch (const std::exception& e) {
                failure = e.what();
            }
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        tx.commit();
        t.join();
        CHECK(failure.empty());
        CHECK(second_id == 2);
        CHECK(chain_breaks(first) == 0);
    }
}

TEST_CASE("connections appending at once keep a single chain", "[postgresql][change_log]") {
    const std::string conninfo = fresh_database();
    {
        pq::Connection db(conninfo);
        pq::migrate(db);
    }
    constexpr int writers = 3;
    constexpr int per_writer = 30;
    std::vector<std::string> failures(writers);
    auto writer = [&](int n) {
        try {
            pq::Connection db(conninfo);
            for (int i = 0; i < per_writer; ++i) {
                pq::Transaction tx(db);
                pq::append_change(db, entry(n * 1000 + i, "writer " + std::to_string(n)));
                // The rest of a change's transaction: others would read the log's
                // head without this entry meanwhile, were it not for the lock.
                db.exec("SELECT pg_sleep(0.002)");
                tx.commit();
            }
        } catch (const std::exception& e) {
            failures[static_cast<std::size_t>(n)] = e.what();
        }
    };
    std::vector<std::thread> threads;
    for (int n = 0; n < writers; ++n) threads.emplace_back(writer, n);
    for (auto& t : threads) t.join();
    for (const auto& f : failures) CHECK(f.empty());
    pq::Connection db(conninfo);
    CHECK(db.exec("SELECT count(*) FROM change_log").integer(0, 0) == writers * per_writer);
    CHECK(db.exec("SELECT count(DISTINCT chain) FROM change_log").integer(0, 0) == writers * per_writer);
    CHECK(chain_breaks(db) == 0);
    // The writers took turns, not one after the other: their entries interleave.
    WARN("turns taken: " << db.exec("SELECT count(*) FROM (SELECT \"user\" <> lag(\"user\") OVER (ORDER BY id) AS "
                                    "changed FROM change_log) x WHERE changed")
                                .integer(0, 0));
}
