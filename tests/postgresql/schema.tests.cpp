// The PostgreSQL register's schema: its versions as the SQLite register's, and the
// rules the database keeps itself (no two concessions on one plot at once; a plot
// of the concession's own comune).
#include "postgresql/pg_support.hpp"

#include "storage/postgresql/schema.hpp"
#include "storage/schema.hpp"

using namespace test::pg;
using cemetery::DatabaseError;

namespace {

// A register with two comuni, a cemetery of the first and its plots 1 to 8.
struct Register {
    pq::Connection db{fresh_database()};
    Register() {
        pq::migrate(db);
        db.exec_script(R"SQL(
            INSERT INTO comune (id, name, name_folded, istat_code, cadastral_code, member_from)
                VALUES (1, 'Liscate', 'liscate', '015122', 'E610', '2000-01-01'),
                       (2, 'Truccazzano', 'truccazzano', '015222', 'L408', '2000-01-01');
            INSERT INTO cemetery (id, comune_id, name, name_folded) VALUES (1, 1, 'Capoluogo', 'capoluogo');
            INSERT INTO plot (id, cemetery_id, kind, numero)
                SELECT n, 1, 'loculo', n::text FROM generate_series(1, 8) AS n;
        )SQL");
    }
    // A fixed-term concession of comune 1.
    void concede(const std::string& deed, int plot, const std::string& start, const std::optional<std::string>& expiry,
                 std::optional<int> years = 30) {
        db.exec("INSERT INTO concession (comune_id, plot_id, deed_number, signed_on, term_start, term_years, "
                "expires_on, term_source) VALUES (1, $1, $2, $3, $3, $4, $5, 'regulation')",
                {plot, deed, start, years, expiry});
    }
    void concede_perpetual(const std::string& deed, int plot, const std::string& start) {
        db.exec("INSERT INTO concession (comune_id, plot_id, deed_number, signed_on, term_start, perpetual, "
                "term_source) VALUES (1, $1, $2, $3, $3, true, 'deed')",
                {plot, deed, start});
    }
};

void check_plot_held(const std::function<void()>& insert) {
    const auto e = error_of(insert);
    CHECK(e.sqlstate() == pq::sqlstate::exclusion_violation);
    CHECK(e.constraint() == "concession_no_overlap");
}

}  // namespace

TEST_CASE("a new PostgreSQL register is made at the SQLite register's latest version", "[postgresql][schema]") {
    pq::Connection db(fresh_database());
    CHECK(pq::schema_version(db) == 0);
    pq::migrate(db);
    CHECK(pq::schema_version(db) == pq::latest_schema_version());
    // The same numbers mean the same register: a SQLite migration needs its
    // PostgreSQL counterpart (postgresql/schema.cpp) before the two can ship.
    CHECK(pq::latest_schema_version() == cemetery::storage::latest_schema_version());
    SECTION("opening it again changes nothing") {
        pq::migrate(db, false);
        CHECK(db.exec("SELECT count(*) FROM schema_version").integer(0, 0) == 1);
        CHECK(db.exec("SELECT name FROM schema_version").text(0, 0) ==
              cemetery::storage::schema_version_name(pq::latest_schema_version()));
    }
    SECTION("it holds the SQLite register's tables") {
        for (const char* table : {"comune", "cemetery", "plot", "concession", "holder", "deceased", "renewal",
                                  "plot_out_of_use", "posting", "term_restart", "succession", "closing",
                                  "search_index", "change_log", "schema_version"}) {
            INFO(table);
            CHECK(db.exec("SELECT to_regclass($1) IS NOT NULL", {table}).text(0, 0) == "t");
        }
    }
}

TEST_CASE("a PostgreSQL register of a newer program is refused, unchanged", "[postgresql][schema]") {
    pq::Connection db(fresh_database());
    pq::migrate(db);
    db.exec("INSERT INTO schema_version (version, name) VALUES ($1, 'from the future')",
            {pq::latest_schema_version() + 1});
    const auto e = error_of([&] { pq::migrate(db); });
    CHECK(e.kind() == DatabaseError::Kind::too_new);
    CHECK(std::string(e.what()).find("newer version of the program") != std::string::npos);
    CHECK(pq::schema_version(db) == pq::latest_schema_version() + 1);
}

TEST_CASE("a database that is not a register is not made into one", "[postgresql][schema]") {
    pq::Connection db(fresh_database());
    SECTION("empty, opened as an existing register") {
        CHECK(error_of([&] { pq::migrate(db, false); }).kind() == DatabaseError::Kind::not_a_database);
    }
    SECTION("another program's tables") {
        db.exec("CREATE TABLE invoices (id integer)");
        const auto e = error_of([&] { pq::migrate(db); });
        CHECK(e.kind() == DatabaseError::Kind::not_a_database);
        CHECK(std::string(e.what()).find("another program's tables") != std::string::npos);
        CHECK(db.exec("SELECT to_regclass('concession') IS NULL").text(0, 0) == "t");
    }
}

TEST_CASE("the database refuses a second concession of a plot while the first holds it", "[postgresql][schema]") {
    // One register for every section (a database takes a while to make): each
    // section has plots of its own.
    static Register r;
    SECTION("overlapping dates on the same plot") {
        r.concede("1/2000", 1, "2000-01-01", "2030-01-01");
        check_plot_held([&] { r.concede("1/2020", 1, "2020-06-01", "2050-06-01"); });
    }
    SECTION("starting on the day the first expires: both days are held; the day after, the plot is free") {
        r.concede("2/2000", 2, "2000-01-01", "2030-01-01");
        check_plot_held([&] { r.concede("2/2030", 2, "2030-01-01", "2060-01-01"); });
        r.concede("2/2030", 2, "2030-01-02", "2060-01-02");
        CHECK(r.db.exec("SELECT count(*) FROM concession WHERE plot_id = 2").integer(0, 0) == 2);
    }
    SECTION("another plot on the same dates") {
        r.concede("3/2000", 3, "2000-01-01", "2030-01-01");
        r.concede("4/2000", 4, "2000-01-01", "2030-01-01");
        CHECK(r.db.exec("SELECT count(*) FROM concession WHERE plot_id IN (3, 4)").integer(0, 0) == 2);
    }
    SECTION("a perpetual concession holds its plot for ever") {
        r.concede_perpetual("5/1950", 5, "1950-01-01");
        check_plot_held([&] { r.concede("5/2200", 5, "2200-01-01", "2230-01-01"); });
    }
    SECTION("a term not started yet, with no expiry, holds its plot for ever") {
        r.concede("6/2024", 6, "2024-01-01", std::nullopt);
        check_plot_held([&] { r.concede("6/2100", 6, "2100-01-01", "2130-01-01"); });
    }
    SECTION("a concession that ended holds its plot until the day it ended, and no later") {
        r.concede("7/2000", 7, "2000-01-01", "2030-01-01");
        r.db.exec("UPDATE concession SET ending = 'revoked', ended_on = '2010-03-31' WHERE deed_number = '7/2000'");
        check_plot_held([&] { r.concede("7/2010", 7, "2010-03-31", "2040-03-31"); });
        r.concede("7/2010", 7, "2010-04-01", "2040-04-01");
        // Once the plot is given again, the first cannot be said to have ended later.
        check_plot_held([&] {
            r.db.exec("UPDATE concession SET ended_on = '2012-01-01' WHERE deed_number = '7/2000'");
        });
    }
    SECTION("a perpetual concession that ended frees its plot") {
        r.concede_perpetual("8/1960", 8, "1960-01-01");
        r.db.exec("UPDATE concession SET ending = 'forfeited', ended_on = '1999-12-31' WHERE deed_number = '8/1960'");
        r.concede("8/2000", 8, "2000-01-01", "2030-01-01");
        CHECK(r.db.exec("SELECT count(*) FROM concession WHERE plot_id = 8").integer(0, 0) == 2);
    }
}

TEST_CASE("the database refuses a concession on a plot of another comune", "[postgresql][schema]") {
    Register r;
    const auto e = error_of([&] {
        r.db.exec("INSERT INTO concession (comune_id, plot_id, deed_number, signed_on, term_start, term_years, "
                  "expires_on, term_source) VALUES (2, 1, '1/2000', '2000-01-01', '2000-01-01', 30, '2030-01-01', "
                  "'regulation')");
    });
    CHECK(e.sqlstate() == pq::sqlstate::check_violation);
    CHECK(e.constraint() == "concession_plot_comune");
}
