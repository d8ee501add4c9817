// cemetery history prints a concession's change log: what was done, when and by
// whom, never a holder's tax code (the log keeps none: storage/log_people.hpp).
#include "cli/run.hpp"
#include "support.hpp"

#include <string>
#include <vector>

namespace {

const std::vector<std::string> tax_codes = {"PRGLCU60A41E640L", "DDACRL70A41E610X"};

}  // namespace

TEST_CASE("cemetery history prints no holder's tax code, nor the verify after it a break", "[cli][history]") {
    test::TempDir dir;
    const auto db = dir.file("registro.sqlite");
    auto ok = [&](std::vector<std::string> args) {
        auto r = test::cemetery(db, std::move(args));
        INFO(r);
        REQUIRE(r.exit_code == 0);
        return r;
    };
    ok({"plots", "add", "--comune", "Liscate", "--kind", "loculo", "--settore", "N", "--fila", "1", "--numero", "1"});
    ok({"concede", "--comune", "Liscate", "--settore", "N", "--fila", "1", "--numero", "1", "--on", "2026-12-01",
        "--holder", "Pèrego,Lucia," + tax_codes[0], "--deceased", "Pèrego,Giuseppe", "--born", "1941-03-03", "--died",
        "2026-11-28"});
    ok({"succeed", "2026/0001", "--comune", "Liscate", "--on", "2032-01-10", "--act", "voltura 2032/4", "--heir",
        "D'Adda,Carla," + tax_codes[1], "--join"});
    for (const std::string format : {"table", "json"}) {
        const auto history = ok({"history", "2026/0001", "--comune", "Liscate", "--format", format}).out;
        INFO(history);
        CHECK_THAT(history, Catch::Contains("replace_holders"));
        CHECK_THAT(history, Catch::Contains("Giuseppe"));  // the deceased, by name
        for (const auto& code : tax_codes) CHECK_THAT(history, !Catch::Contains(code));
    }
    ok({"verify"});
}
