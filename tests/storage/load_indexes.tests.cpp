// A bulk load into a register without concessions (a first import) sets the
// secondary indexes and the concession insert trigger aside while its rows go in,
// and builds them again before it commits: afterwards the register must hold them
// exactly as its schema wrote them, and the trigger must refuse what it refused
// before.
#include "support.hpp"

#include "storage/fixtures.hpp"

#include <cemetery/register.hpp>

#include <cstdlib>
#include <string>

using namespace cemetery;
using test::ymd;

namespace {

// Every index and trigger of the register, with its text, as the sqlite3 program lists them.
std::string indexes_and_triggers(const std::filesystem::path& db) {
    const auto r = test::sqlite3_shell(
        db, "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY name;");
    INFO(r.output);
    REQUIRE(r.status == 0);
    return r.output;
}

// The bulk load of two concessions on two new loculi in Liscate.
void load_two(test::UnionRegister& u) {
    Register::Load load(u.reg, "registro.csv");
    for (const char* numero : {"1", "2"}) {
        const auto plot = load.add_plot(Plot{{}, u.liscate_cimitero, PlotKind::loculo, Location{"A", "1", numero, ""}});
        REQUIRE(plot);
        const auto c = u.concession_for(
            {.plot = *plot.value, .number = std::string("L-") + numero, .signed_on = ymd(2005, 3, 10), .years = 30});
        REQUIRE(load.add_concession(c, 2));
    }
    load.commit();
}

}  // namespace

TEST_CASE("after a first load the indexes and the insert trigger are back as the schema wrote them", "[load]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    test::UnionRegister u(file);
    const std::string before = indexes_and_triggers(file);
    REQUIRE(before.find("concession_checks_insert") != std::string::npos);
    REQUIRE(before.find("concession_plot") != std::string::npos);
    REQUIRE(before.find("holder_concession") != std::string::npos);

    load_two(u);
    CHECK(u.reg.count_concessions() == 2);
    CHECK(indexes_and_triggers(file) == before);

    SECTION("the trigger refuses a second concession on a loaded plot in the same period") {
        const auto plot = u.reg.find_plot(u.liscate_cimitero, Location{"A", "1", "1", ""});
        REQUIRE(plot);
        const auto added = u.add({.plot = plot->id, .number = "L-9", .signed_on = ymd(2020, 1, 1), .years = 30});
        REQUIRE_FALSE(added);
        CHECK(added.conflict->code == ConflictCode::plot_overlap);
    }
    SECTION("the trigger refuses a concession on a plot of another comune") {
        const auto plot = u.reg.find_plot(u.liscate_cimitero, Location{"A", "1", "2", ""});
        REQUIRE(plot);
        auto c = u.concession_for({.plot = u.plot(u.bellinzago_cimitero, PlotKind::loculo, "5"), .number = "B-1",
                                   .signed_on = ymd(2005, 3, 10), .years = 30});
        c.plot = plot->id;  // Liscate's
        const auto added = u.reg.add_concession(c);
        REQUIRE_FALSE(added);
        CHECK(added.conflict->code == ConflictCode::wrong_comune);
    }
}

TEST_CASE("a first load that is not committed leaves the indexes and the trigger in place", "[load]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    test::UnionRegister u(file);
    const std::string before = indexes_and_triggers(file);
    {
        Register::Load load(u.reg, "registro.csv");
        REQUIRE(load.add_plot(Plot{{}, u.liscate_cimitero, PlotKind::loculo, Location{"A", "1", "1", ""}}));
    }  // rolled back
    CHECK_FALSE(u.reg.find_plot(u.liscate_cimitero, Location{"A", "1", "1", ""}));
    CHECK(indexes_and_triggers(file) == before);
}

TEST_CASE("a load into a register that holds concessions keeps the indexes as it writes", "[load]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    test::UnionRegister u(file);
    load_two(u);
    const std::string before = indexes_and_triggers(file);
    {
        Register::Load load(u.reg, "registro.csv");
        // Inside the load the trigger still stands: it refuses what it refuses outside.
        const auto plot = u.reg.find_plot(u.liscate_cimitero, Location{"A", "1", "1", ""});
        REQUIRE(plot);
        auto c = u.concession_for({.plot = plot->id, .number = "L-9", .signed_on = ymd(2020, 1, 1), .years = 30});
        const auto added = load.add_concession(c, 3);
        REQUIRE_FALSE(added);
        CHECK(added.conflict->code == ConflictCode::plot_overlap);
    }
    CHECK(indexes_and_triggers(file) == before);
    CHECK(u.reg.count_concessions() == 2);
}

TEST_CASE("after a first load the search index has FTS5's merge and memory settings back", "[load]") {
    // The load writes the index with automatic merges off and a large term buffer
    // (storage/load_indexes.cpp); a clerk's later edits must merge as FTS5 usually
    // does, and not hold 256 MiB of terms before writing them.
    // A first load builds the index aside (storage/search_build.hpp) unless there
    // is no temporary directory; then it writes it itself, with these settings.
    test::TempDir dir;
    const char* was = std::getenv("TMPDIR");
    const std::string before = was ? was : "";
    SECTION("built aside") {}
    SECTION("written by the load") { setenv("TMPDIR", dir.file("not-there").c_str(), 1); }
    const auto file = dir.file("registro.sqlite");
    test::UnionRegister u(file);
    load_two(u);
    // What FTS5 goes by: the setting written, or its default when none is.
    const auto r = test::sqlite3_shell(
        file,
        "SELECT coalesce((SELECT v FROM search_index_config WHERE k = 'automerge'), 4), "
        "coalesce((SELECT v FROM search_index_config WHERE k = 'crisismerge'), 16), "
        "coalesce((SELECT v FROM search_index_config WHERE k = 'hashsize'), 1048576);");
    if (was) {
        setenv("TMPDIR", before.c_str(), 1);
    } else {
        unsetenv("TMPDIR");
    }
    REQUIRE(r.status == 0);
    CHECK(r.output == "4|16|1048576\n");
    CHECK(u.reg.search("L-1").size() == 1);
}
