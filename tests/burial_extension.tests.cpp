// A term extended at every burial, the first included (proroga_a_ogni_sepoltura):
// the expiry becomes the later of the current one and the burial plus the deed's
// years; declined where the regulation lets the holders decline it, refused where
// not. And a term not started, started by the burial (or the death) it waited for.
#include "term_start_files.hpp"

#include <cemetery/burial.hpp>
#include <cemetery/concede.hpp>

using namespace cemetery;
using test::ymd;

namespace {

const Regulation& reg() { return test::term_start_regulation(); }

Concession granted(Date signed_on, int years) {
    Concession c;
    c.signed_on = c.term_start = signed_on;
    c.term_years = years;
    c.expires_on = add_years(signed_on, years);
    c.term_source = TermSource::regulation;
    c.version_name = "Prova 2020";
    return c;
}

Concession not_started(Date signed_on, int years) {
    Concession c = granted(signed_on, years);
    c.expires_on.reset();
    return c;
}

BurialRequest burial(Date buried_on, bool declined = false) {
    BurialRequest r;
    r.deceased.surname = "Pèrego";
    r.deceased.given_name = "Anna";
    r.deceased.born_on = ymd(1945, 1, 9);
    r.deceased.died_on = add_days(buried_on, -3);
    r.deceased.buried_on = buried_on;
    r.today = buried_on;
    r.extension_declined = declined;
    return r;
}

void check_refused(const BurialDecision& d, RefusalCode expected, const std::string& says) {
    REQUIRE(d.refusal);
    INFO(d.refusal->message);
    CHECK(code_name(d.refusal->code) == code_name(expected));
    CHECK_THAT(d.refusal->message, Catch::Contains(says));
}

}  // namespace

TEST_CASE("every burial extends a cappella's term, the first included", "[burial][extension]") {
    // 50 years from the signing, 2021-03-01 to 2071-03-01.
    auto c = granted(ymd(2021, 3, 1), 50);
    const auto first = decide_burial(reg(), c, PlotKind::cappella, "Liscate", {}, burial(ymd(2030, 5, 10)));
    REQUIRE(first.allowed());
    REQUIRE(first.restart);
    CHECK(first.restart->previous_expiry == ymd(2071, 3, 1));
    CHECK(first.restart->new_start == ymd(2030, 5, 10));
    CHECK(first.restart->new_expiry == ymd(2080, 5, 10));
    CHECK(first.restart->basis == "art. 13 c.4");
    CHECK(first.restart->version_name == "Prova 2020");
    apply_restart(c, *first.restart);
    CHECK(c.expires_on == ymd(2080, 5, 10));
    CHECK(c.term_start == ymd(2030, 5, 10));

    SECTION("a later burial extends it further") {
        const auto second = decide_burial(reg(), c, PlotKind::cappella, "Liscate", RemainsCount{1, 0, 0},
                                          burial(ymd(2041, 1, 2)));
        REQUIRE(second.restart);
        CHECK(second.restart->previous_expiry == ymd(2080, 5, 10));
        CHECK(second.restart->new_expiry == ymd(2091, 1, 2));
    }
    SECTION("a burial on 29 February extends to 28 February") {
        const auto second = decide_burial(reg(), c, PlotKind::cappella, "Liscate", RemainsCount{1, 0, 0},
                                          burial(ymd(2032, 2, 29)));
        REQUIRE(second.restart);
        CHECK(second.restart->new_expiry == ymd(2082, 2, 28));
    }
}

TEST_CASE("a burial whose term would end sooner does not shorten it", "[burial][extension]") {
    auto c = granted(ymd(2021, 3, 1), 50);
    c.expires_on = ymd(2080, 5, 10);  // extended by an earlier burial
    SECTION("an earlier day") {
        const auto d = decide_burial(reg(), c, PlotKind::cappella, "Liscate", RemainsCount{1, 0, 0},
                                     burial(ymd(2029, 1, 1)));
        REQUIRE(d.allowed());
        CHECK_FALSE(d.restart);
    }
    SECTION("a term ending the same day") {
        const auto d = decide_burial(reg(), c, PlotKind::cappella, "Liscate", RemainsCount{1, 0, 0},
                                     burial(ymd(2030, 5, 10)));
        REQUIRE(d.allowed());
        CHECK_FALSE(d.restart);
    }
}

TEST_CASE("holders decline an extension only where the regulation lets them", "[burial][extension]") {
    SECTION("declinable: the burial is recorded, the term not extended") {
        const auto c = granted(ymd(2021, 3, 1), 40);
        const auto d =
            decide_burial(reg(), c, PlotKind::tomba_famiglia, "Liscate", {}, burial(ymd(2030, 5, 10), true));
        REQUIRE(d.allowed());
        CHECK_FALSE(d.restart);
        // Not declined, the same burial extends it.
        CHECK(decide_burial(reg(), c, PlotKind::tomba_famiglia, "Liscate", {}, burial(ymd(2030, 5, 10))).restart);
    }
    SECTION("not declinable: refused") {
        const auto c = granted(ymd(2021, 3, 1), 50);
        check_refused(decide_burial(reg(), c, PlotKind::cappella, "Liscate", {}, burial(ymd(2030, 5, 10), true)),
                      RefusalCode::extension_not_declinable, "Prova 2020");
    }
    SECTION("no extension to decline: refused") {
        auto c = granted(ymd(2021, 3, 1), 30);
        check_refused(decide_burial(reg(), c, PlotKind::loculo, "Liscate", {}, burial(ymd(2030, 5, 10), true)),
                      RefusalCode::extension_not_declinable, "loculo");
    }
}

TEST_CASE("a term waiting for the burial starts at it", "[burial][extension][not-started]") {
    const auto c = not_started(ymd(2023, 2, 27), 10);
    const auto d = decide_burial(reg(), c, PlotKind::fossa, "Liscate", {}, burial(ymd(2024, 2, 29)));
    REQUIRE(d.allowed());
    REQUIRE(d.restart);
    CHECK_FALSE(d.restart->previous_expiry);
    CHECK(d.restart->previous_start == ymd(2023, 2, 27));
    CHECK(d.restart->new_start == ymd(2024, 2, 29));
    CHECK(d.restart->new_expiry == ymd(2034, 2, 28));
    CHECK(d.restart->deceased == "Pèrego Anna");
}

TEST_CASE("a term waiting for the death starts at the burial that follows it", "[burial][extension][not-started]") {
    const auto c = not_started(ymd(2023, 2, 27), 40);
    auto r = burial(ymd(2030, 3, 2));
    r.deceased.died_on = ymd(2030, 2, 26);
    SECTION("a term also extended at every burial runs from the burial, as a deed with its burial does") {
        const auto d = decide_burial(reg(), c, PlotKind::tomba_famiglia, "Liscate", {}, r);
        REQUIRE(d.allowed());
        REQUIRE(d.restart);
        CHECK_FALSE(d.restart->previous_expiry);
        CHECK(d.restart->new_expiry == ymd(2070, 3, 2));
    }
    SECTION("declined, the term runs from the death") {
        r.extension_declined = true;
        const auto d = decide_burial(reg(), c, PlotKind::tomba_famiglia, "Liscate", {}, r);
        REQUIRE(d.allowed());
        REQUIRE(d.restart);
        CHECK(d.restart->new_start == ymd(2030, 2, 26));
        CHECK(d.restart->new_expiry == ymd(2070, 2, 26));
    }
    SECTION("without the date of death it is refused") {
        r.deceased.died_on.reset();
        check_refused(decide_burial(reg(), c, PlotKind::tomba_famiglia, "Liscate", {}, r),
                      RefusalCode::death_date_missing, "art. 12 c.2");
    }
}

TEST_CASE("a term waiting for the payment is not started by a burial", "[burial][extension][not-started]") {
    const auto c = not_started(ymd(2023, 2, 27), 20);
    auto r = burial(ymd(2024, 5, 6));
    r.form = RemainsForm::box;
    const auto d = decide_burial(reg(), c, PlotKind::ossario, "Liscate", {}, r);
    REQUIRE(d.allowed());
    CHECK_FALSE(d.restart);
}

TEST_CASE("a form offers to decline the extension only where the concession's own rule lets the holders",
          "[burial][extension]") {
    const auto& reg = test::term_start_regulation();
    Concession c;
    c.signed_on = test::ymd(2021, 3, 1);
    c.term_start = c.signed_on;
    c.term_years = 40;
    c.version_name = "Prova 2020";
    CHECK(extension_declinable(reg, c, PlotKind::tomba_famiglia));
    CHECK(extension_declinable(reg, c, PlotKind::fossa));
    CHECK_FALSE(extension_declinable(reg, c, PlotKind::cappella));  // extended, not declinable
    CHECK_FALSE(extension_declinable(reg, c, PlotKind::ossario));   // not extended at all
    c.version_name.clear();  // a legacy deed: no rule of its own
    CHECK_FALSE(extension_declinable(reg, c, PlotKind::tomba_famiglia));
}

TEST_CASE("a deed whose first burial extends its term counts the last day as its version does (giorno_prima)",
          "[burial][extension][scadenza]") {
    static const test::TempDir dir;
    static const Regulation reg = test::load_written(dir.file("regolamento.toml"), test::general_section + R"([[versione]]
nome = "Vigilia 2020"
in_vigore_dal = 2020-01-01
comuni = ["Liscate"]
scadenza = "giorno_prima"
scadenza_fonte = "art. 41"
fonte = "test"
[versione.tipi.tomba_famiglia]
durata_anni = 30
rinnovi = 1
anni_rinnovo = 10
decorrenza = "stipula"
fonte = "art. 12"
capienza = { feretri = 4, fonte = "art. 12 c.3" }
proroga_a_ogni_sepoltura = { rinunciabile = true, fonte = "art. 12 c.4" }
)");
    ConcessionRequest r;
    r.signed_on = ymd(2021, 3, 1);
    r.today = ymd(2021, 4, 1);
    Holder h;
    h.surname = "Pèrego";
    h.given_name = "Lucia";
    r.holders = {h};
    Deceased d;
    d.surname = "Pèrego";
    d.given_name = "Giuseppe";
    d.died_on = ymd(2021, 3, 6);
    d.buried_on = ymd(2021, 3, 10);
    r.first_deceased = d;
    const ConcessionContext ctx{"Liscate", PlotKind::tomba_famiglia, {}};
    const auto granted = decide_concession(reg, r, ctx);
    INFO((granted.refusal ? granted.refusal->message : std::string()));
    REQUIRE(granted.concession);
    // From the burial, the day before its 30th anniversary: as bury would give it.
    CHECK(granted.concession->term_start == ymd(2021, 3, 10));
    CHECK(granted.concession->expires_on == ymd(2051, 3, 9));
    SECTION("declined: from the signing, the day before its anniversary") {
        r.extension_declined = true;
        const auto declined = decide_concession(reg, r, ctx);
        REQUIRE(declined.concession);
        CHECK(declined.concession->expires_on == ymd(2051, 2, 28));
    }
}
