// Variants of a kind that the comune defines beside its ordinary rule ("sepoltura
// provvisoria in loculo, massimo 2 anni"): read from the file like a kind's rule, and
// followed by the term, renewals, burials and new concessions of the deeds granted
// under them; a variant the version in force does not define is refused, never read
// as the ordinary rule.

#include "regulation_files.hpp"
#include "support.hpp"

#include <cemetery/burial.hpp>
#include <cemetery/concede.hpp>
#include <cemetery/kind_variant.hpp>
#include <cemetery/regulation_loader.hpp>
#include <cemetery/renewal.hpp>
#include <cemetery/term.hpp>

using namespace cemetery;
using test::ymd;

namespace {

// Two versions: "Prima" offers a provisional loculo beside the ordinary one; "Seconda"
// offers a niche for foetuses instead, and no provisional loculo.
const std::string two_versions = test::general_section + R"toml([[versione]]
nome = "Prima"
in_vigore_dal = 2010-01-01
fonte = "test"
[versione.tipi.loculo]
durata_anni = 30
rinnovi = 1
anni_rinnovo = 10
decorrenza = "stipula"
fonte = "art. 40 c.1"
capienza = { feretri = 1, urne = 1, fonte = "art. 40 c.2" }
[versione.tipi.loculo.varianti.provvisorio]
nome = "loculo provvisorio"
durata_anni = 2
rinnovi = 1
anni_rinnovo = 1
decorrenza = "stipula"
fonte = "art. 40 c.5: sepoltura provvisoria in loculo per un massimo di 2 anni"
capienza = { feretri = 1, fonte = "art. 40 c.5: una sola salma" }
[versione.tipi.cinerario]
durata_anni = 30
rinnovi = 0
decorrenza = "stipula"
fonte = "art. 41"
[[versione]]
nome = "Seconda"
in_vigore_dal = 2020-01-01
fonte = "test"
[versione.tipi.loculo]
durata_anni = 30
rinnovi = 1
anni_rinnovo = 10
decorrenza = "stipula"
fonte = "art. 40 c.1 (2020)"
[versione.tipi.loculo.varianti.feti]
nome = "nicchia per feti"
durata_anni = 10
rinnovi = 0
decorrenza = "stipula"
fonte = "art. 40 c.7"
)toml";

const Regulation& rules() {
    static const Regulation r = [] {
        auto load = parse_regulation(two_versions, "varianti.toml");
        INFO((load.error ? load.error->to_string() : std::string{}));
        REQUIRE(load);
        return *load.regulation;
    }();
    return r;
}

// A file whose loculo has one variant with `keys`; the variant's table is line 18, its
// keys start on line 19.
std::string with_variant(const std::string& code, const std::string& keys) {
    return test::general_section + R"([[versione]]
nome = "V"
in_vigore_dal = 2010-01-01
fonte = "test"
[versione.tipi.loculo]
durata_anni = 30
rinnovi = 0
decorrenza = "stipula"
fonte = "art. 40"
)" + "[versione.tipi.loculo.varianti." + code + "]\n" + keys;
}

RegulationError error_of(const std::string& text) {
    auto load = parse_regulation(text, "varianti.toml");
    REQUIRE_FALSE(load);
    REQUIRE(load.error);
    return *load.error;
}

const std::string good_keys = "nome = \"loculo provvisorio\"\ndurata_anni = 2\nrinnovi = 0\n"
                              "decorrenza = \"stipula\"\nfonte = \"art. 40 c.5\"\n";

TermRequest deed(Date signed_on, std::optional<std::string> variant) {
    TermRequest r;
    r.comune = "Liscate";
    r.kind = PlotKind::loculo;
    r.signed_on = signed_on;
    r.variant = std::move(variant);
    return r;
}

Concession signed_for(Date signed_on, std::optional<std::string> variant) {
    const auto d = decide_term(rules(), deed(signed_on, variant));
    INFO((d.refusal ? d.refusal->message : std::string{}));
    REQUIRE(d);
    Concession c;
    c.signed_on = c.term_start = signed_on;
    apply_term(c, *d.term);
    c.variant = std::move(variant);
    return c;
}

}  // namespace

TEST_CASE("a variant of a kind loads as a rule of its own, with its code and name", "[variant][regulation]") {
    const auto* prima = rules().version_for("Liscate", ymd(2015, 1, 1));
    REQUIRE(prima);
    const KindRule* loculo = prima->rule_for(PlotKind::loculo);
    REQUIRE(loculo);
    CHECK(loculo->term_years == 30);
    CHECK(loculo->variant.empty());
    REQUIRE(loculo->variants.size() == 1);
    const KindRule* v = loculo->variant_rule("provvisorio");
    REQUIRE(v);
    CHECK(v->variant == "provvisorio");
    CHECK(v->variant_name == "loculo provvisorio");
    CHECK(v->kind == PlotKind::loculo);
    CHECK(v->term_years == 2);
    CHECK(v->renewals_allowed == 1);
    CHECK(v->renewal.for_renewal(0, 2) == 1);
    CHECK(v->basis == "art. 40 c.5: sepoltura provvisoria in loculo per un massimo di 2 anni");
    REQUIRE(v->capacity);
    CHECK(v->capacity->coffins == 1);
    CHECK(v->capacity->urns == 0);
    CHECK(v->variants.empty());
    CHECK_FALSE(loculo->variant_rule("feti"));
    CHECK(prima->rule_for(PlotKind::cinerario)->variants.empty());
}

TEST_CASE("a file without variants loads as before", "[variant][regulation]") {
    const auto reg = load_regulation(test::shipped_regulation_path());
    for (const auto& version : reg.versions) {
        for (const auto& [kind, rule] : version.rules) {
            CAPTURE(version.name, code(kind));
            CHECK(rule.variant.empty());
            CHECK(rule.variants.empty());
        }
    }
    auto load = parse_regulation(test::general_section + "[[versione]]\nnome = \"V\"\nin_vigore_dal = 2010-01-01\n"
                                                         "fonte = \"t\"\n[versione.tipi.loculo]\ndurata_anni = 30\n"
                                                         "rinnovi = 0\ndecorrenza = \"stipula\"\nfonte = \"t\"\n",
                                 "t.toml");
    REQUIRE(load);
    CHECK(load.regulation->versions.front().rule_for(PlotKind::loculo)->variants.empty());
}

TEST_CASE("a bad variant is refused with the line and column it is on", "[variant][regulation]") {
    REQUIRE(parse_regulation(with_variant("provvisorio", good_keys), "varianti.toml"));
    SECTION("an unknown key") {
        const auto e = error_of(with_variant("provvisorio", good_keys + "massimo_anni = 2\n"));
        INFO(e.to_string());
        CHECK(e.file == "varianti.toml");
        CHECK(e.line == 24);
        CHECK(e.column == 1);
        CHECK_THAT(e.message, Catch::Contains("unknown key \"massimo_anni\"") && Catch::Contains("variant provvisorio") &&
                                  Catch::Contains("nome"));
    }
    SECTION("no fonte") {
        const auto e = error_of(with_variant("provvisorio", "nome = \"loculo provvisorio\"\ndurata_anni = 2\n"
                                                            "rinnovi = 0\ndecorrenza = \"stipula\"\n"));
        INFO(e.to_string());
        CHECK(e.line == 18);
        CHECK_THAT(e.message, Catch::Contains("missing field \"fonte\"") && Catch::Contains("variant provvisorio"));
    }
    SECTION("no nome") {
        const auto e = error_of(with_variant("provvisorio", "durata_anni = 2\nrinnovi = 0\ndecorrenza = \"stipula\"\n"
                                                            "fonte = \"art. 40 c.5\"\n"));
        INFO(e.to_string());
        CHECK(e.line == 18);
        CHECK_THAT(e.message, Catch::Contains("missing field \"nome\""));
    }
    SECTION("a code that is not a lowercase identifier") {
        for (const std::string code : {"Provvisorio", "\"2anni\"", "\"loculo provvisorio\""}) {
            const auto e = error_of(with_variant(code, good_keys));
            INFO(e.to_string());
            CHECK(e.line == 18);
            CHECK(e.column > 1);
            CHECK_THAT(e.message, Catch::Contains("lowercase identifier"));
        }
    }
    SECTION("a variant's own rule is checked as a kind's is") {
        const auto e = error_of(with_variant("provvisorio", "nome = \"x\"\ndurata_anni = 120\nrinnovi = 0\n"
                                                            "decorrenza = \"stipula\"\nfonte = \"f\"\n"));
        CHECK(e.line == 20);
        CHECK_THAT(e.message, Catch::Contains("over the maximum of 99 years"));
    }
    SECTION("a variant has no variants of its own") {
        const auto e = error_of(with_variant("provvisorio", good_keys) + "[versione.tipi.loculo.varianti.provvisorio.varianti.x]\n" + good_keys);
        CHECK_THAT(e.message, Catch::Contains("unknown key \"varianti\""));
    }
    SECTION("two variants a clerk could not tell apart") {
        const auto e = error_of(with_variant("a", good_keys) + "[versione.tipi.loculo.varianti.b]\n" + good_keys);
        CHECK(e.line == 25);
        CHECK_THAT(e.message, Catch::Contains("same \"nome\""));
    }
}

TEST_CASE("a provisional loculo runs the variant's 2 years, with its source", "[variant][term]") {
    const auto d = decide_term(rules(), deed(ymd(2015, 3, 10), "provvisorio"));
    INFO((d.refusal ? d.refusal->message : std::string{}));
    REQUIRE(d);
    CHECK(d.term->years == 2);
    CHECK(d.term->expires_on == ymd(2017, 3, 10));
    CHECK(d.term->version_name == "Prima");
    CHECK_THAT(d.term->basis, Catch::Contains("art. 40 c.5"));
    CHECK(terms_on_offer(rules(), "Liscate", PlotKind::loculo, ymd(2015, 3, 10), "provvisorio") == std::vector<int>{2});
    CHECK(terms_on_offer(rules(), "Liscate", PlotKind::loculo, ymd(2015, 3, 10)) == std::vector<int>{30});
    const auto offered = variants_on_offer(rules(), "Liscate", PlotKind::loculo, ymd(2015, 3, 10));
    REQUIRE(offered.size() == 1);
    CHECK(offered.front()->variant_name == "loculo provvisorio");
    // The ordinary rule is untouched by the variant beside it.
    CHECK(decide_term(rules(), deed(ymd(2015, 3, 10), std::nullopt)).term->years == 30);
}

TEST_CASE("a variant the version in force does not define is refused, listing those on offer", "[variant][term]") {
    SECTION("a version offering another variant") {
        const auto d = decide_term(rules(), deed(ymd(2021, 3, 10), "provvisorio"));
        REQUIRE(d.refusal);
        CHECK(d.refusal->code == RefusalCode::variant_not_offered);
        CHECK(d.refusal->message == "la versione «Seconda» non prevede la variante «provvisorio» per loculo: prevede "
                                    "«feti» (nicchia per feti) (art. 40 c.1 (2020))");
        CHECK(d.refusal->version_name == "Seconda");
    }
    SECTION("a kind without variants") {
        auto r = deed(ymd(2015, 3, 10), "provvisorio");
        r.kind = PlotKind::cinerario;
        const auto d = decide_term(rules(), r);
        REQUIRE(d.refusal);
        CHECK(d.refusal->code == RefusalCode::variant_not_offered);
        CHECK_THAT(d.refusal->message, Catch::Contains("prevede solo la regola ordinaria"));
    }
    SECTION("a deed signed before any version") {
        const auto d = decide_term(rules(), deed(ymd(2005, 3, 10), "provvisorio"));
        REQUIRE(d.refusal);
        CHECK(d.refusal->code == RefusalCode::variant_not_offered);
        CHECK_THAT(d.refusal->message, Catch::Contains("prima di ogni versione"));
    }
}

TEST_CASE("a provisional loculo renews by its variant's rule, and not under a version without it",
          "[variant][renewal]") {
    Concession c = signed_for(ymd(2015, 3, 10), "provvisorio");
    SECTION("under the version that defines it: 1 year from the expiry") {
        const auto d = decide_renewal(rules(), c, PlotKind::loculo, "Liscate", ymd(2017, 1, 10));
        INFO(d.explanation());
        REQUIRE(d.allowed());
        CHECK(d.years == 1);
        CHECK(d.new_expiry == ymd(2018, 3, 10));
        CHECK_THAT(d.basis, Catch::Contains("art. 40 c.5"));
        // Its one renewal used, the next is refused by the variant, not granted by the ordinary rule.
        c.renewals.push_back({{}, ymd(2017, 1, 10), d.years, d.previous_expiry, d.new_expiry, "", d.version_name});
        c.expires_on = d.new_expiry;
        const auto again = decide_renewal(rules(), c, PlotKind::loculo, "Liscate", ymd(2018, 1, 10));
        REQUIRE(again.refusal);
        CHECK(again.refusal->code == RefusalCode::renewals_used_up);
    }
    SECTION("under a later version that does not define it: refused, saying so") {
        c.expires_on = ymd(2021, 3, 10);  // as if the register kept a later expiry
        const auto d = decide_renewal(rules(), c, PlotKind::loculo, "Liscate", ymd(2021, 1, 10));
        REQUIRE(d.refusal);
        CHECK(d.refusal->code == RefusalCode::variant_not_offered);
        CHECK_THAT(d.refusal->message, Catch::Contains("la versione «Seconda» non prevede la variante «provvisorio»") &&
                                           Catch::Contains("il rinnovo non si può decidere"));
        // The same deed without its variant would have been renewed by the ordinary rule.
        c.variant.reset();
        CHECK(decide_renewal(rules(), c, PlotKind::loculo, "Liscate", ymd(2021, 1, 10)).allowed());
    }
}

TEST_CASE("a burial in a provisional loculo follows the variant's capacity", "[variant][burial]") {
    Concession c = signed_for(ymd(2015, 3, 10), "provvisorio");
    BurialRequest b;
    b.deceased.surname = "Pèrego";
    b.deceased.given_name = "Anna";
    b.deceased.died_on = ymd(2015, 6, 1);
    b.deceased.buried_on = ymd(2015, 6, 3);
    b.form = RemainsForm::urn;
    b.today = ymd(2015, 6, 3);
    const auto refused = decide_burial(rules(), c, PlotKind::loculo, "Liscate", RemainsCount{1, 0, 0}, b);
    REQUIRE(refused.refusal);
    CHECK(refused.refusal->code == RefusalCode::capacity_exceeded);
    CHECK_THAT(refused.refusal->message, Catch::Contains("art. 40 c.5: una sola salma"));
    // The ordinary loculo takes an urn beside its coffin.
    c.variant.reset();
    CHECK(decide_burial(rules(), c, PlotKind::loculo, "Liscate", RemainsCount{1, 0, 0}, b).allowed());
}

TEST_CASE("a concession granted under a variant records it; one not on offer is refused", "[variant][concede]") {
    ConcessionRequest r;
    r.comune = ComuneId{2};
    r.plot = PlotId{7};
    r.signed_on = ymd(2015, 3, 10);
    r.today = r.signed_on;
    r.holders.push_back(Holder{{}, "D'Adda", "Luisa", "", "", "", ""});
    r.variant = "provvisorio";
    const ConcessionContext ctx{"Liscate", PlotKind::loculo, PlotStateOn{}};
    const auto d = decide_concession(rules(), r, ctx);
    INFO((d.refusal ? d.refusal->message : std::string{}));
    REQUIRE(d.allowed());
    CHECK(d.concession->variant == "provvisorio");
    CHECK(d.concession->term_years == 2);
    CHECK(d.concession->expires_on == ymd(2017, 3, 10));

    r.variant = "provvisoria";
    const auto wrong = decide_concession(rules(), r, ctx);
    REQUIRE(wrong.refusal);
    CHECK(wrong.refusal->code == RefusalCode::variant_not_offered);
    CHECK_THAT(wrong.refusal->message, Catch::Contains("«provvisorio» (loculo provvisorio)"));
}

TEST_CASE("a variant's code is a lowercase identifier", "[variant]") {
    CHECK(is_variant_code("provvisorio"));
    CHECK(is_variant_code("feti_2"));
    CHECK_FALSE(is_variant_code(""));
    CHECK_FALSE(is_variant_code("Provvisorio"));
    CHECK_FALSE(is_variant_code("2anni"));
    CHECK_FALSE(is_variant_code("loculo provvisorio"));
    CHECK_FALSE(is_variant_code("provvisòrio"));
}
