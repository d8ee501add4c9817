// The demo register's free places: in every cemetery a few of each kind, laid out
// where the export put nothing, the same every time, so that a new concession on the
// demo finds room.
#include "support.hpp"

#include <cemetery/demo_free_plots.hpp>
#include <cemetery/demo_register.hpp>
#include <cemetery/import.hpp>
#include <cemetery/register.hpp>
#include <cemetery/regulation_loader.hpp>
#include <cemetery/union_data.hpp>

#include <sstream>
#include <string>
#include <vector>

using namespace cemetery;
using test::ymd;

namespace {

const Date demo_today = ymd(2025, 6, 15);

// A demo register of `concessions` deeds, as `cemetery demo` makes it.
Register demo(std::size_t concessions) {
    static const Regulation regulation = load_regulation(test::shipped_regulation_path());
    static const UnionData data = load_union_data(CEMETERY_SOURCE_DIR "/data/unione.toml");
    auto reg = Register::in_memory("demo");
    seed_register(reg, data);
    DemoOptions options;
    options.concessions = concessions;
    options.today = demo_today;
    std::ostringstream csv;
    write_demo_register(csv, regulation, data, options);
    const auto report = import_register_text(reg, regulation, std::move(csv).str(), "demo");
    REQUIRE(report.ok());
    return reg;
}

std::vector<PlotStatusRow> free_plots(const Register& reg, CemeteryId cemetery, std::optional<PlotKind> kind = {}) {
    PlotQuery q;
    q.cemetery = cemetery;
    q.kind = kind;
    q.state = PlotState::free;
    q.on = demo_today;
    return reg.plots(q);
}

}  // namespace

TEST_CASE("an imported export has no free place: the demo lays out a few of each kind in every cemetery",
          "[demo][plots]") {
    auto reg = demo(3000);
    const auto cemeteries = reg.cemeteries();
    REQUIRE(cemeteries.size() >= 4);
    for (const auto& c : cemeteries) CHECK(free_plots(reg, c.id).empty());
    const auto concessions = reg.count_concessions();

    const auto added = add_demo_free_plots(reg);
    CHECK(added == 28 * cemeteries.size());
    CHECK(reg.count_concessions() == concessions);
    for (const auto& c : cemeteries) {
        CAPTURE(c.name);
        CHECK(free_plots(reg, c.id).size() == 28);
        for (const auto kind : all_plot_kinds) {
            CAPTURE(code(kind));
            CHECK(free_plots(reg, c.id, kind).size() >= 2);
        }
    }
}

TEST_CASE("the demo's free places are in units no granted place uses, and the same every time", "[demo][plots]") {
    auto a = demo(3000);
    auto b = demo(3000);
    add_demo_free_plots(a);
    add_demo_free_plots(b);
    for (const auto& c : a.cemeteries()) {
        CAPTURE(c.name);
        const auto fa = free_plots(a, c.id);
        const auto other = b.find_cemetery(b.comune(c.comune)->id, c.name);
        REQUIRE(other);
        const auto fb = free_plots(b, other->id);
        REQUIRE(fa.size() == fb.size());
        for (std::size_t i = 0; i < fa.size(); ++i) CHECK(fa[i].plot.location == fb[i].plot.location);
        // No settore of a new place holds a granted one (cappelle have none: they follow the last).
        PlotQuery all;
        all.cemetery = c.id;
        all.on = demo_today;
        for (const auto& row : a.plots(all)) {
            if (row.state.state == PlotState::free || row.plot.location.settore.empty()) continue;
            for (const auto& f : fa) CHECK(f.plot.location.settore != row.plot.location.settore);
        }
    }
}
