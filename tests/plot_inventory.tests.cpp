// Plots laid out by ranges, and a plot's state over time (free → conceded →
// occupied → free again once closed).
#include "support.hpp"

#include <cemetery/plot_inventory.hpp>

using namespace cemetery;
using test::ymd;

TEST_CASE("a range of fila, numero and piano gives every place of a new wall", "[plots]") {
    PlotRange r;
    r.settore = "N";
    r.fila = "1-5";
    r.numero = "1-40";
    r.piano = "1-4";
    const auto e = expand(r);
    REQUIRE(e);
    CHECK(e.places.size() == 800);
    CHECK(e.places.front() == Location{"N", "1", "1", "1"});
    CHECK(e.places[1] == Location{"N", "1", "1", "2"});
    CHECK(e.places.back() == Location{"N", "5", "40", "4"});
}

TEST_CASE("single values and empty parts make one place each", "[plots]") {
    PlotRange r;
    r.numero = "12";
    const auto e = expand(r);
    REQUIRE(e);
    REQUIRE(e.places.size() == 1);
    CHECK(e.places.front() == Location{"", "", "12", ""});
}

TEST_CASE("a range that is not one is refused, naming the part", "[plots]") {
    PlotRange r;
    r.numero = "1-40";
    std::string part;
    SECTION("reversed") { r.numero = "40-1"; part = "numero"; }
    SECTION("not a number") { r.fila = "a-c"; part = "fila"; }
    SECTION("half a range") { r.piano = "1-"; part = "piano"; }
    SECTION("no number") { r.numero = ""; part = "numero"; }
    const auto e = expand(r);
    REQUIRE_FALSE(e);
    CHECK_THAT(*e.error, Catch::StartsWith(part));
    // Named for a program that says it in its own language.
    CHECK(e.part == part);
    CHECK(e.problem == (r.numero.empty() ? RangeProblem::no_number : RangeProblem::not_a_range));
}

TEST_CASE("spaces around a value or a range are not part of the place", "[plots]") {
    PlotRange r;
    r.settore = " A ";
    r.fila = " 2 ";
    r.numero = "1 - 3 ";
    const auto e = expand(r);
    REQUIRE(e);
    REQUIRE(e.places.size() == 3);
    CHECK(e.places.front() == Location{"A", "2", "1", ""});
    CHECK(e.places.back() == Location{"A", "2", "3", ""});
}

TEST_CASE("a huge range is refused for its size without spelling it out", "[plots]") {
    // Spelled out first, "1-2000000000" took gigabytes before the limit refused it.
    PlotRange r;
    r.fila = "1-2000000000";
    r.numero = "0-2147483647";
    r.piano = "1-2000000000";
    const auto e = expand(r);
    REQUIRE_FALSE(e);
    CHECK(e.problem == RangeProblem::too_many);
    CHECK(e.count > max_places_at_once);
}

TEST_CASE("a range over the limit is refused before anything is made", "[plots]") {
    PlotRange r;
    r.fila = "1-100";
    r.numero = "1-200";
    const auto e = expand(r, 10000);
    REQUIRE_FALSE(e);
    CHECK_THAT(*e.error, Catch::Contains("20000 places"));
    CHECK(e.problem == RangeProblem::too_many);
    CHECK(e.count == 20000);
}

TEST_CASE("a plot is free, conceded, occupied, then free again once closed", "[plots]") {
    Tenure t;
    t.concession = ConcessionId{1};
    t.deed_number = "2026/0001";
    t.from = ymd(2026, 3, 1);
    t.expires_on = ymd(2056, 3, 1);
    t.has_remains = true;
    t.first_burial = ymd(2026, 3, 10);
    t.released_on = ymd(2056, 9, 1);
    const std::vector<Tenure> tenures{t};

    CHECK(plot_state_on(tenures, {}, ymd(2026, 2, 28)).state == PlotState::free);
    const auto conceded = plot_state_on(tenures, {}, ymd(2026, 3, 1));
    CHECK(conceded.state == PlotState::conceded);
    CHECK(conceded.deed_number == "2026/0001");
    CHECK(plot_state_on(tenures, {}, ymd(2026, 3, 10)).state == PlotState::occupied);
    // Expired but not yet closed: the remains are still there.
    CHECK(plot_state_on(tenures, {}, ymd(2056, 3, 2)).state == PlotState::occupied);
    CHECK(plot_state_on(tenures, {}, ymd(2056, 9, 1)).state == PlotState::free);
}

TEST_CASE("an ended concession frees its plot at once when nobody rests there, else once the remains move",
          "[plots]") {
    Tenure t;
    t.from = ymd(2022, 1, 1);
    t.expires_on = ymd(2052, 1, 1);
    t.ended_on = ymd(2030, 6, 1);
    SECTION("nobody buried") {
        CHECK(plot_state_on({t}, {}, ymd(2030, 5, 31)).state == PlotState::conceded);
        CHECK(plot_state_on({t}, {}, ymd(2030, 6, 1)).state == PlotState::free);
    }
    SECTION("remains not yet moved") {
        t.has_remains = true;
        CHECK(plot_state_on({t}, {}, ymd(2031, 1, 1)).state == PlotState::occupied);
        t.released_on = ymd(2031, 2, 1);
        CHECK(plot_state_on({t}, {}, ymd(2031, 2, 1)).state == PlotState::free);
    }
}

TEST_CASE("a plot out of use is out of use from its day, whatever holds it", "[plots]") {
    CHECK(plot_state_on({}, ymd(2026, 1, 1), ymd(2025, 12, 31)).state == PlotState::free);
    CHECK(plot_state_on({}, ymd(2026, 1, 1), ymd(2026, 1, 1)).state == PlotState::out_of_use);
}

TEST_CASE("plot states have codes that read back", "[plots]") {
    for (auto s : {PlotState::free, PlotState::conceded, PlotState::occupied, PlotState::out_of_use}) {
        CHECK(plot_state_from_code(code(s)) == s);
    }
    CHECK_FALSE(plot_state_from_code("libero"));
}
