// The tests' own server, and the library's libpq layer on it: connections,
// parameters, rows, transactions, and the server's errors as the library's.
#include "postgresql/pg_support.hpp"

#include "storage/postgresql/transaction.hpp"

using namespace test::pg;
using cemetery::DatabaseError;

TEST_CASE("the tests start a server of their own, on a socket in its own directory", "[postgresql]") {
    auto& s = server();
    pq::Connection db(s.conninfo());
    CHECK(db.exec("SHOW listen_addresses").text(0, 0).empty());
    CHECK(db.exec("SHOW unix_socket_directories").text(0, 0) == s.socket_directory().string());
    CHECK(db.exec("SHOW server_encoding").text(0, 0) == "UTF8");
    CHECK(std::filesystem::exists(s.socket_directory() / (".s.PGSQL." + std::to_string(s.port()))));
    WARN("initdb and start took " << s.startup_seconds() << " s");
    CHECK(s.startup_seconds() < 15);
}

TEST_CASE("each test gets a database of its own", "[postgresql]") {
    pq::Connection a(fresh_database());
    pq::Connection b(fresh_database());
    a.exec("CREATE TABLE t (x integer)");
    CHECK(b.exec("SELECT to_regclass('t') IS NULL").text(0, 0) == "t");
    CHECK(a.exec("SELECT current_database()").text(0, 0) != b.exec("SELECT current_database()").text(0, 0));
}

TEST_CASE("a server that cannot be reached is named in the error", "[postgresql]") {
    SECTION("a socket directory with no server") {
        const auto e = error_of([] { pq::Connection db("host=/nonexistent/cemetery port=5499 dbname=cimitero"); });
        const std::string message = e.what();
        INFO(message);
        CHECK(message.find("database cimitero on socket directory /nonexistent/cemetery, port 5499") !=
              std::string::npos);
        CHECK(message.find("cannot connect") != std::string::npos);
        CHECK(message.find("/nonexistent/cemetery/.s.PGSQL.5499") != std::string::npos);  // libpq's own words
        CHECK(e.sqlstate().empty());
    }
    SECTION("a URI, postgresql:// or postgres://") {
        for (const char* uri : {"postgresql:///cimitero?host=/nonexistent/cemetery&port=5499",
                                "postgres://clerk@/cimitero?host=/nonexistent/cemetery&port=5499"}) {
            const std::string message = error_of([&] { pq::Connection db(uri); }).what();
            INFO(message);
            CHECK(message.find("database cimitero") != std::string::npos);
            CHECK(message.find("socket directory /nonexistent/cemetery") != std::string::npos);
        }
    }
    SECTION("a service that is not defined") {
        const std::string message = error_of([] { pq::Connection db("service=cemetery_no_such_service"); }).what();
        INFO(message);
        CHECK(message.find("service cemetery_no_such_service") != std::string::npos);
    }
    SECTION("a database that does not exist on a running server") {
        const std::string message = error_of([] { pq::Connection db(server().conninfo("no_such_register")); }).what();
        INFO(message);
        CHECK(message.find("database no_such_register") != std::string::npos);
        CHECK(message.find("does not exist") != std::string::npos);
    }
    SECTION("text that is not a conninfo") {
        const std::string message = error_of([] { pq::Connection db("host"); }).what();
        INFO(message);
        CHECK(message.find("\"host\"") != std::string::npos);
    }
}

TEST_CASE("values go as parameters, never into the SQL text", "[postgresql]") {
    pq::Connection db(fresh_database());
    db.exec("CREATE TABLE name (id integer, surname text, born date)");
    const std::string tricky = "D'Adda'); DROP TABLE name; --";
    db.exec("INSERT INTO name VALUES ($1, $2, $3)", {1, tricky, "1931-05-02"});
    db.exec("INSERT INTO name VALUES ($1, $2, $3)", {std::int64_t{2}, "Pèrego", std::nullopt});
    const auto rows = db.exec("SELECT id, surname, born FROM name ORDER BY id");
    REQUIRE(rows.size() == 2);
    CHECK(rows.integer(0, 0) == 1);
    CHECK(rows.text(0, 1) == tricky);
    CHECK(rows.get(0, 2) == std::optional<std::string>("1931-05-02"));
    CHECK(rows.text(1, 1) == "Pèrego");
    CHECK(rows.is_null(1, 2));
    CHECK(rows.get(1, 2) == std::nullopt);
    CHECK(db.exec("UPDATE name SET born = $1 WHERE born IS NULL", {"1940-01-01"}).affected() == 1);
    CHECK_THROWS_AS(rows.integer(0, 1), pq::PgError);
}

TEST_CASE("the server's refusals keep its SQLSTATE, constraint and message", "[postgresql]") {
    pq::Connection db(fresh_database());
    db.exec("CREATE TABLE plot (numero text CONSTRAINT plot_numero UNIQUE)");
    db.exec("INSERT INTO plot VALUES ('12')");
    SECTION("a refused row: other, with the constraint's name") {
        const auto e = error_of([&] { db.exec("INSERT INTO plot VALUES ($1)", {"12"}); });
        CHECK(e.sqlstate() == pq::sqlstate::unique_violation);
        CHECK(e.constraint() == "plot_numero");
        CHECK(e.kind() == DatabaseError::Kind::other);
        CHECK(std::string(e.what()).find("[SQLSTATE 23505]") != std::string::npos);
    }
    SECTION("SQL the server does not understand") {
        const auto e = error_of([&] { db.exec("SELEKT 1"); });
        CHECK(e.sqlstate() == "42601");
        CHECK(std::string(e.what()).find("SELEKT") != std::string::npos);
    }
    SECTION("a write without the privilege: read_only") {
        db.exec("CREATE ROLE cemetery_test_reader NOLOGIN");
        db.exec("GRANT SELECT ON plot TO cemetery_test_reader");
        db.exec("SET ROLE cemetery_test_reader");
        const auto e = error_of([&] { db.exec("INSERT INTO plot VALUES ('13')"); });
        db.exec("RESET ROLE");
        db.exec("DROP OWNED BY cemetery_test_reader");
        db.exec("DROP ROLE cemetery_test_reader");
        CHECK(e.sqlstate() == pq::sqlstate::insufficient_privilege);
        CHECK(e.kind() == DatabaseError::Kind::read_only);
    }
    SECTION("the kinds of the SQLSTATEs") {
        CHECK(pq::kind_of_sqlstate("40001") == DatabaseError::Kind::busy);
        CHECK(pq::kind_of_sqlstate("40P01") == DatabaseError::Kind::busy);
        CHECK(pq::kind_of_sqlstate("55P03") == DatabaseError::Kind::busy);
        CHECK(pq::kind_of_sqlstate("25006") == DatabaseError::Kind::read_only);
        CHECK(pq::kind_of_sqlstate("53100") == DatabaseError::Kind::io);
        CHECK(pq::kind_of_sqlstate("08006") == DatabaseError::Kind::io);
        CHECK(pq::kind_of_sqlstate("XX001") == DatabaseError::Kind::not_a_database);
        CHECK(pq::kind_of_sqlstate("23P01") == DatabaseError::Kind::other);
        CHECK(pq::kind_of_sqlstate("") == DatabaseError::Kind::other);
    }
}

TEST_CASE("a transaction commits all or, left without commit, nothing", "[postgresql]") {
    pq::Connection db(fresh_database());
    db.exec("CREATE TABLE t (x integer PRIMARY KEY)");
    {
        pq::Transaction tx(db);
        db.exec("INSERT INTO t VALUES (1)");
        db.exec("INSERT INTO t VALUES (2)");
        tx.commit();
    }
    try {
        pq::Transaction tx(db);
        db.exec("INSERT INTO t VALUES (3)");
        db.exec("INSERT INTO t VALUES (1)");  // refused: the 3 goes too
        tx.commit();
    } catch (const pq::PgError&) {
    }
    CHECK(db.exec("SELECT string_agg(x::text, ',' ORDER BY x) FROM t").text(0, 0) == "1,2");
    db.exec("INSERT INTO t VALUES (4)");  // the connection is usable again
    CHECK(db.exec("SELECT count(*) FROM t").integer(0, 0) == 3);
}
