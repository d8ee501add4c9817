// The PostgreSQL register's search folds names as the SQLite register's does:
// the same names are found by the same words typed (tests/storage/search.tests.cpp).
#include "postgresql/pg_support.hpp"

#include "storage/postgresql/schema.hpp"

#include <cemetery/text.hpp>

using namespace test::pg;

namespace {

// A register's search words for a few names, one row each, as search_index holds them.
struct Names {
    mutable pq::Connection db{fresh_database()};
    Names() {
        pq::migrate(db);
        db.exec("CREATE TEMP TABLE name (id integer, doc tsvector)");
        add(1, {"Perego", "Giuseppe"});
        add(2, {"D'Adda", "Maria"});
        add(3, {"Dell'Orto", "Luigi"});
        add(4, {"Pèrego", "Carla"});
        add(5, {"Giussani", "Ada"});
        add(6, {"15/2021", "CZZLSE60A41G965X"});
    }
    void add(int id, const std::vector<std::string>& names) {
        db.exec("INSERT INTO name VALUES ($1, cemetery_search_document($2, $3))", {id, names[0], names[1]});
    }
    // The rows found, in id order.
    std::vector<int> found(const std::string& typed) const {
        const auto rows = db.exec("SELECT id FROM name WHERE doc @@ cemetery_search_query($1) ORDER BY id", {typed});
        std::vector<int> out;
        for (int i = 0; i < rows.size(); ++i) out.push_back(static_cast<int>(rows.integer(i, 0)));
        return out;
    }
};

// One for every test of this file, which only read it (a database takes a while to make).
const Names& names() {
    static const Names shared;
    return shared;
}

}  // namespace

TEST_CASE("PostgreSQL folds a name as the library does", "[postgresql][search]") {
    pq::Connection& db = names().db;
    for (const char* name : {"  Pèrego  D’Adda ", "PÈREGO", "Pérego", "D'Adda", "Dell'Orto", "dell orto",
                             "Giussani-Ùbaldi", "15/2021", "Nicolò Çelik", "ÀÉÌÒÙ àéìòù", "CZZLSE60A41G965X"}) {
        INFO(name);
        CHECK(db.exec("SELECT cemetery_fold($1)", {name}).text(0, 0) == cemetery::fold(name));
    }
    CHECK(db.exec("SELECT cemetery_fold($1)", {"  Pèrego  D’Adda "}).text(0, 0) == "perego d adda");
}

TEST_CASE("PostgreSQL finds a surname whatever its accents and case, both ways", "[postgresql][search]") {
    const Names& n = names();
    for (const char* typed : {"perego", "Perego", "PEREGO", "pèrego", "PÈREGO", "Pérego", "  perego  "}) {
        INFO("typed: " << typed);
        CHECK(n.found(typed) == std::vector{1, 4});
    }
}

TEST_CASE("PostgreSQL finds a name with an apostrophe by either of its parts or both joined", "[postgresql][search]") {
    const Names& n = names();
    for (const char* typed : {"adda", "dadda", "d'adda", "D'Adda", "D’Adda", "d adda", "DADDA", "maria d'adda"}) {
        INFO("typed: " << typed);
        CHECK(n.found(typed) == std::vector{2});
    }
    for (const char* typed : {"dell'orto", "orto", "dellorto", "DELL ORTO", "Dell’Orto", "luigi dell"}) {
        INFO("typed: " << typed);
        CHECK(n.found(typed) == std::vector{3});
    }
}

TEST_CASE("PostgreSQL finds the beginnings of words, every word typed", "[postgresql][search]") {
    const Names& n = names();
    CHECK(n.found("giu") == std::vector{1, 5});
    CHECK(n.found("per car") == std::vector{4});
    CHECK(n.found("giuseppe perego") == std::vector{1});
    CHECK(n.found("perego pietro").empty());
    CHECK(n.found("rego").empty());
    CHECK(n.found("ussani").empty());
    CHECK(n.found("15/2021") == std::vector{6});
    CHECK(n.found("152021") == std::vector{6});
    CHECK(n.found("czzlse60") == std::vector{6});
}

TEST_CASE("PostgreSQL searches query syntax as plain words, and nothing typed finds nothing", "[postgresql][search]") {
    const Names& n = names();
    for (const char* typed : {"\"", "*", "!", "&", "|", ":*", "(", "'); DROP TABLE name; --", "perego | carla",
                              "perego OR giuseppe", "!perego", "perego & !carla"}) {
        INFO("typed: " << typed);
        std::vector<int> found;
        CHECK_NOTHROW(found = n.found(typed));
        if (std::string(typed).find("perego") == std::string::npos) CHECK(found.empty());
    }
    CHECK(n.found("perego OR giuseppe").empty());  // "or" is a word like any other
    CHECK(n.found("perego | carla") == std::vector{4});
    CHECK(n.db.exec("SELECT cemetery_search_query($1) IS NULL", {"  ' - "}).text(0, 0) == "t");
}
