#include "support.hpp"

#include <cemetery/plot_kind.hpp>

using cemetery::PlotKind;
using cemetery::plot_kind_from_register;

TEST_CASE("plot kinds are read as registers write them", "[plot_kind]") {
    CHECK(plot_kind_from_register("Loculo") == PlotKind::loculo);
    CHECK(plot_kind_from_register("Colombaro") == PlotKind::loculo);
    CHECK(plot_kind_from_register("Tomba di famiglia") == PlotKind::tomba_famiglia);
    CHECK(plot_kind_from_register("Celletta ossario") == PlotKind::ossario);
    CHECK(plot_kind_from_register("NICCHIA CINERARIA") == PlotKind::cinerario);
    CHECK(plot_kind_from_register("Cappella gentilizia") == PlotKind::cappella);
    CHECK(plot_kind_from_register("Fossa") == PlotKind::fossa);
    CHECK(plot_kind_from_register("campo_comune") == PlotKind::campo_comune);
    CHECK_FALSE(plot_kind_from_register("Mausoleo"));
}

TEST_CASE("every plot kind's code reads back as the same kind", "[plot_kind]") {
    for (PlotKind k : cemetery::all_plot_kinds) {
        CHECK(cemetery::plot_kind_from_code(cemetery::code(k)) == k);
        CHECK(plot_kind_from_register(cemetery::italian_name(k)) == k);
    }
}
