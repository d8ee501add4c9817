// Perpetual deeds where a comune's cut-off differs from the general one: per comune,
// per kind, and a deed written perpetual after it read as a fixed term.

#include "regulation_files.hpp"
#include "support.hpp"

#include <cemetery/regulation_loader.hpp>
#include <cemetery/term.hpp>

using cemetery::parse_regulation;
using cemetery::PlotKind;
using cemetery::RefusalCode;
using cemetery::Regulation;
using cemetery::TermRequest;
using test::ymd;

namespace {

const std::string general = test::general_section;  // [[perpetue]] entries start on line 9

const std::string versions = R"(
[[versione]]
nome = "V"
in_vigore_dal = 2001-01-01
fonte = "test"
[versione.tipi.loculo]
durata_anni = 30
rinnovi = 0
decorrenza = "stipula"
fonte = "test"
)";

Regulation load(const std::string& cutoffs) {
    auto load = parse_regulation(general + cutoffs + versions, "perpetue.toml");
    INFO((load.error ? load.error->message : std::string{}));
    REQUIRE(load);
    return *load.regulation;
}

cemetery::RegulationError error_of(const std::string& cutoffs) {
    auto load = parse_regulation(general + cutoffs + versions, "perpetue.toml");
    REQUIRE_FALSE(load);
    REQUIRE(load.error);
    return *load.error;
}

cemetery::TermDecision perpetual(const Regulation& reg, std::string comune, PlotKind kind, cemetery::Date signed_on) {
    TermRequest r;
    r.comune = std::move(comune);
    r.kind = kind;
    r.signed_on = signed_on;
    r.perpetual = true;
    return decide_term(reg, r);
}

// Pozzuolo's family tombs were perpetual until 06/06/1979; everything else follows the law.
const std::string pozzuolo_tombs = R"([[perpetue]]
comuni = ["Pozzuolo Martesana"]
tipi = ["tomba_famiglia", "cappella"]
fino_al = 1979-06-06
fonte = "delibera C.C. 31/1979"
)";

}  // namespace

TEST_CASE("a cut-off for one comune's tombs moves only theirs", "[term][perpetual]") {
    const auto reg = load(pozzuolo_tombs);
    SECTION("a Pozzuolo family tomb of 1978 is perpetual, on that cut-off's source") {
        const auto d = perpetual(reg, "Pozzuolo Martesana", PlotKind::tomba_famiglia, ymd(1978, 5, 1));
        REQUIRE(d);
        CHECK(d.term->perpetual);
        CHECK(d.term->basis == "delibera C.C. 31/1979");
    }
    SECTION("the last day counts, the next is refused naming the cut-off") {
        CHECK(perpetual(reg, "pozzuolo martesana", PlotKind::cappella, ymd(1979, 6, 6)));
        const auto d = perpetual(reg, "Pozzuolo Martesana", PlotKind::cappella, ymd(1979, 6, 7));
        REQUIRE_FALSE(d);
        CHECK(d.refusal->code == RefusalCode::perpetual_not_allowed);
        CHECK_THAT(d.refusal->message, Catch::Contains("06/06/1979") && Catch::Contains("delibera C.C. 31/1979"));
    }
    SECTION("a Pozzuolo loculo, or a Liscate tomb, of 1978 is refused under the general cut-off") {
        const auto loculo = perpetual(reg, "Pozzuolo Martesana", PlotKind::loculo, ymd(1978, 5, 1));
        REQUIRE_FALSE(loculo);
        CHECK_THAT(loculo.refusal->message, Catch::Contains("09/02/1976") && Catch::Contains("DPR 803/1975"));
        CHECK_FALSE(perpetual(reg, "Liscate", PlotKind::tomba_famiglia, ymd(1978, 5, 1)));
    }
}

TEST_CASE("the most specific cut-off applies, whatever the order in the file", "[term][perpetual]") {
    const std::string every_tomb = "[[perpetue]]\ntipi = [\"tomba_famiglia\"]\nfino_al = 1977-12-31\nfonte = \"tombe\"\n";
    const std::string liscate = "[[perpetue]]\ncomuni = [\"Liscate\"]\nfino_al = 1976-12-31\nfonte = \"Liscate\"\n";
    const std::string liscate_tombs =
        "[[perpetue]]\ncomuni = [\"Liscate\"]\ntipi = [\"tomba_famiglia\"]\nfino_al = 1980-12-31\nfonte = \"Liscate, tombe\"\n";
    for (const auto& text : {every_tomb + liscate + liscate_tombs, liscate_tombs + liscate + every_tomb}) {
        const auto reg = load(text);
        CHECK(reg.perpetual_cutoff_for("Liscate", PlotKind::tomba_famiglia).basis == "Liscate, tombe");
        CHECK(reg.perpetual_cutoff_for("Liscate", PlotKind::loculo).basis == "Liscate");
        CHECK(reg.perpetual_cutoff_for("Bellinzago Lombardo", PlotKind::tomba_famiglia).basis == "tombe");
        CHECK(reg.perpetual_cutoff_for("Bellinzago Lombardo", PlotKind::loculo).basis == "DPR 803/1975");
    }
}

TEST_CASE("a deed written perpetual after the cut-off is read as 99 years where the comune says so",
          "[term][perpetual]") {
    const auto reg = load("[[perpetue]]\ncomuni = [\"Liscate\"]\nfino_al = 1976-02-09\nleggi_come_anni = 99\n"
                          "fonte = \"Liscate: perpetue dopo il 1976 intese per 99 anni\"\n");
    const auto d = perpetual(reg, "Liscate", PlotKind::cappella, ymd(1984, 2, 29));
    REQUIRE(d);
    CHECK_FALSE(d.term->perpetual);
    CHECK(d.term->years == 99);
    CHECK(d.term->expires_on == ymd(2083, 2, 28));
    REQUIRE(d.notices.size() == 1);
    CHECK_THAT(d.notices.front(), Catch::Contains("vale 99 anni") && Catch::Contains("Liscate: perpetue"));
    SECTION("before the cut-off it stays perpetual") {
        CHECK(perpetual(reg, "Liscate", PlotKind::cappella, ymd(1970, 1, 1)).term->perpetual);
    }
    SECTION("elsewhere it is still refused") {
        CHECK_FALSE(perpetual(reg, "Bellinzago Lombardo", PlotKind::cappella, ymd(1984, 2, 29)));
    }
}

TEST_CASE("a perpetual cut-off the law or the file cannot mean is refused naming its line", "[regulation][perpetual]") {
    SECTION("after DPR 285/1990, no deed is perpetual") {
        const auto e = error_of("[[perpetue]]\nfino_al = 1991-01-01\nfonte = \"x\"\n");
        CHECK(e.line == 10);
        CHECK_THAT(e.message, Catch::Contains("1990-10-27"));
    }
    SECTION("two entries as specific as each other for one comune and kind") {
        const auto e = error_of(pozzuolo_tombs + "[[perpetue]]\ncomuni = [\"Pozzuolo Martesana\"]\n"
                                                 "tipi = [\"cappella\"]\nfino_al = 1978-01-01\nfonte = \"y\"\n");
        CHECK(e.line == 14);
        CHECK_THAT(e.message, Catch::Contains("Pozzuolo Martesana") && Catch::Contains("cappella"));
    }
    SECTION("an unknown kind") {
        CHECK(error_of("[[perpetue]]\ntipi = [\"mausoleo\"]\nfino_al = 1976-01-01\nfonte = \"x\"\n").line == 10);
    }
    SECTION("read as more years than the longest period") {
        const auto e = error_of("[[perpetue]]\nfino_al = 1976-01-01\nleggi_come_anni = 150\nfonte = \"x\"\n");
        CHECK(e.line == 11);
    }
    SECTION("without its source") {
        CHECK_THAT(error_of("[[perpetue]]\nfino_al = 1976-01-01\n").message, Catch::Contains("fonte"));
    }
}
