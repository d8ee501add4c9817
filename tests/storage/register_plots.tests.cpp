// The plot inventory on a real register: a new wall laid out in one transaction,
// refused whole when a place is taken; free plots listed by comune, cemetery, kind.
#include "support.hpp"

#include "storage/fixtures.hpp"

#include <cemetery/register.hpp>

using namespace cemetery;
using test::ymd;

namespace {

PlotRange wall(CemeteryId cemetery, std::string fila, std::string numero, std::string piano) {
    // Built whole: assigning the members one by one trips a false -Wrestrict in GCC 12.
    return PlotRange{.cemetery = cemetery,
                     .kind = PlotKind::loculo,
                     .settore = std::string("N"),
                     .fila = std::move(fila),
                     .numero = std::move(numero),
                     .piano = std::move(piano)};
}

std::size_t count_plots(const Register& reg, CemeteryId cemetery) {
    PlotQuery q;
    q.cemetery = cemetery;
    q.on = ymd(2026, 12, 1);
    return reg.plots(q).size();
}

}  // namespace

TEST_CASE("a new wall of loculi is laid out in one go, each plot in the change log", "[store][plots]") {
    test::UnionRegister u;
    const auto log_before = u.reg.change_log_size();
    const auto added = u.reg.add_plots(wall(u.liscate_cimitero, "1-2", "1-10", "1-4"));
    REQUIRE(added);
    CHECK(added.value->size() == 80);
    CHECK(u.reg.change_log_size() == log_before + 80);
    const auto first = u.reg.plot(added.value->front());
    REQUIRE(first);
    CHECK(first->kind == PlotKind::loculo);
    CHECK(first->location == Location{"N", "1", "1", "1"});
    CHECK(u.reg.change_log("plot", added.value->back().value()).front().action == "insert");
}

TEST_CASE("a range that touches a plot already there is refused whole, naming the place", "[store][plots]") {
    test::UnionRegister u;
    REQUIRE(u.reg.add_plots(wall(u.liscate_cimitero, "1", "1-5", "")));
    const auto log_before = u.reg.change_log_size();
    const auto again = u.reg.add_plots(wall(u.liscate_cimitero, "1", "4-8", ""));
    REQUIRE_FALSE(again);
    REQUIRE(again.conflict);
    CHECK(again.conflict->code == ConflictCode::location_taken);
    CHECK_THAT(again.conflict->message, Catch::Contains("n. 4"));
    CHECK(count_plots(u.reg, u.liscate_cimitero) == 5);
    CHECK(u.reg.change_log_size() == log_before);
}

TEST_CASE("a range that is not one is refused before anything is written", "[store][plots]") {
    test::UnionRegister u;
    const auto r = u.reg.add_plots(wall(u.liscate_cimitero, "1", "9-2", ""));
    REQUIRE(r.conflict);
    CHECK(r.conflict->code == ConflictCode::invalid_data);
    CHECK(count_plots(u.reg, u.liscate_cimitero) == 0);
}

TEST_CASE("free plots are listed by comune, cemetery and kind, in the order of the wall", "[store][plots]") {
    test::UnionRegister u;
    REQUIRE(u.reg.add_plots(wall(u.liscate_cimitero, "1", "1-12", "")));
    auto ossari = wall(u.liscate_cimitero, "9", "1-3", "");
    ossari.kind = PlotKind::ossario;
    REQUIRE(u.reg.add_plots(ossari));
    REQUIRE(u.reg.add_plots(wall(u.bellinzago_cimitero, "1", "1-4", "")));
    PlotQuery q;
    q.comune = u.liscate;
    q.kind = PlotKind::loculo;
    q.state = PlotState::free;
    q.on = ymd(2026, 12, 1);
    auto rows = u.reg.plots(q);
    REQUIRE(rows.size() == 12);
    CHECK(rows[0].plot.location.numero == "1");
    CHECK(rows[1].plot.location.numero == "2");
    CHECK(rows[2].plot.location.numero == "3");  // numbers in order, not as text (10 after 9)
    CHECK(rows[9].plot.location.numero == "10");
    CHECK(rows[0].comune == "Liscate");
    q.kind = PlotKind::ossario;
    CHECK(u.reg.plots(q).size() == 3);
    q.kind.reset();
    q.comune = u.bellinzago;
    CHECK(u.reg.plots(q).size() == 4);
}

TEST_CASE("a plot out of use is not free from its day", "[store][plots]") {
    test::UnionRegister u;
    const auto ids = u.reg.add_plots(wall(u.liscate_cimitero, "1", "1-2", ""));
    REQUIRE(ids);
    const PlotId condemned = ids.value->front();
    REQUIRE(u.reg.put_out_of_use(condemned, ymd(2027, 1, 1), "wall condemned"));
    CHECK(u.reg.plot_state(condemned, ymd(2026, 12, 31))->state == PlotState::free);
    CHECK(u.reg.plot_state(condemned, ymd(2027, 1, 1))->state == PlotState::out_of_use);
    PlotQuery q;
    q.cemetery = u.liscate_cimitero;
    q.state = PlotState::free;
    q.on = ymd(2027, 1, 1);
    REQUIRE(u.reg.plots(q).size() == 1);
    CHECK(u.reg.plots(q).front().plot.id == ids.value->back());
    CHECK(u.reg.change_log("plot", condemned.value()).back().action == "out_of_use");
    CHECK_FALSE(u.reg.plot_state(PlotId{99999}, ymd(2027, 1, 1)));
}

TEST_CASE("a plot is put out of use only with a reason, and only if it exists", "[store][plots]") {
    test::UnionRegister u;
    const auto ids = u.reg.add_plots(wall(u.liscate_cimitero, "1", "1", ""));
    REQUIRE(ids);
    const auto log_before = u.reg.change_log_size();
    SECTION("no reason") {
        const auto done = u.reg.put_out_of_use(ids.value->front(), ymd(2027, 1, 1), "  ");
        REQUIRE_FALSE(done);
        CHECK(done.conflict->code == ConflictCode::invalid_data);
        CHECK_THAT(done.conflict->message, Catch::StartsWith("reason"));
        CHECK(u.reg.plot_state(ids.value->front(), ymd(2027, 1, 1))->state == PlotState::free);
    }
    SECTION("no such plot") {
        const auto done = u.reg.put_out_of_use(PlotId{99999}, ymd(2027, 1, 1), "wall condemned");
        REQUIRE_FALSE(done);
        CHECK(done.conflict->code == ConflictCode::missing_reference);
    }
    CHECK(u.reg.change_log_size() == log_before);
}
