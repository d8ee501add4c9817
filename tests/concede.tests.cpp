// A new concession on a free plot: its term from the version in force on the
// signing date, and every refusal with its reason.
#include "regulation_files.hpp"
#include "rules_fixture.hpp"

#include <cemetery/codice_fiscale.hpp>
#include <cemetery/concede.hpp>
#include <cemetery/regulation_loader.hpp>

using namespace cemetery;
using test::ymd;

namespace {

const Regulation& reg() { return test::shipped_regulation(); }

Holder holder(std::string surname, std::string given) {
    Holder h;
    h.surname = std::move(surname);
    h.given_name = std::move(given);
    return h;
}

Deceased deceased(std::string surname, std::string given, Date died) {
    Deceased d;
    d.surname = std::move(surname);
    d.given_name = std::move(given);
    d.born_on = ymd(1940, 5, 2);
    d.died_on = died;
    return d;
}

ConcessionRequest request(Date signed_on) {
    ConcessionRequest r;
    r.comune = ComuneId{2};
    r.plot = PlotId{7};
    r.signed_on = signed_on;
    r.holders = {holder("D'Adda", "Luisa")};
    r.first_deceased = deceased("D'Adda", "Carlo", add_days(signed_on, -2));
    r.today = signed_on;  // recorded on the day it is signed
    return r;
}

ConcessionContext context(PlotKind kind, std::string comune = "Liscate") {
    return ConcessionContext{std::move(comune), kind, PlotStateOn{}};
}

void check_refused(const ConcessionDecision& d, RefusalCode expected, const std::string& says) {
    REQUIRE(d.refusal);
    INFO(d.refusal->message);
    CHECK(code_name(d.refusal->code) == code_name(expected));
    CHECK_THAT(d.refusal->message, Catch::Contains(says));
}

}  // namespace

TEST_CASE("a loculo granted at a death runs 30 years from the signing date under Unione 2020", "[concede]") {
    const auto d = decide_concession(reg(), request(ymd(2026, 12, 1)), context(PlotKind::loculo));
    REQUIRE(d.allowed());
    const Concession& c = *d.concession;
    CHECK(c.signed_on == ymd(2026, 12, 1));
    CHECK(c.term_start == ymd(2026, 12, 1));
    CHECK(c.term_years == 30);
    CHECK(c.expires_on == ymd(2056, 12, 1));
    CHECK(c.version_name == "Unione 2020");
    REQUIRE(c.deceased.size() == 1);
    CHECK(c.deceased.front().buried_on == ymd(2026, 12, 1));  // the burial defaults to the signing date
    CHECK(c.holders.front().surname == "D'Adda");
}

TEST_CASE("a loculo signed on 29 February expires on 28 February", "[concede]") {
    const auto d = decide_concession(reg(), request(ymd(2028, 2, 29)), context(PlotKind::loculo));
    REQUIRE(d.allowed());
    CHECK(d.concession->expires_on == ymd(2058, 2, 28));
}

TEST_CASE("a plot that is not free is not granted", "[concede]") {
    auto ctx = context(PlotKind::loculo);
    ctx.plot_state = PlotStateOn{PlotState::occupied, ConcessionId{3}, "E-1987-031"};
    check_refused(decide_concession(reg(), request(ymd(2026, 12, 1)), ctx), RefusalCode::plot_not_free,
                  "occupato il 01/12/2026 (concessione E-1987-031)");
    ctx.plot_state = PlotStateOn{PlotState::out_of_use, {}, {}};
    check_refused(decide_concession(reg(), request(ymd(2026, 12, 1)), ctx), RefusalCode::plot_not_free, "fuori uso");
}

TEST_CASE("a loculo is granted only at a death (RR Lombardia 4/2022 art. 27 c.6)", "[concede]") {
    auto r = request(ymd(2026, 12, 1));
    r.first_deceased.reset();
    check_refused(decide_concession(reg(), r, context(PlotKind::loculo)), RefusalCode::granted_only_at_death,
                  "4/2022 art. 27 c.6");
    SECTION("a family tomb may be granted with nobody to bury yet") {
        const auto d = decide_concession(reg(), r, context(PlotKind::tomba_famiglia));
        REQUIRE(d.allowed());
        CHECK(d.concession->deceased.empty());
        CHECK(d.concession->expires_on == ymd(2056, 12, 1));
    }
}

TEST_CASE("a new concession is refused when no version covers the comune that day", "[concede]") {
    // Truccazzano left the Union on 1 January 2024 and no later rules are known.
    check_refused(decide_concession(reg(), request(ymd(2026, 12, 1)), context(PlotKind::loculo, "Truccazzano")),
                  RefusalCode::no_version, "Truccazzano il 01/12/2026");
}

TEST_CASE("a new concession needs a holder and people with dates in order", "[concede]") {
    auto r = request(ymd(2026, 12, 1));
    SECTION("no holder") {
        r.holders.clear();
        check_refused(decide_concession(reg(), r, context(PlotKind::loculo)), RefusalCode::holder_missing, "concessionario");
    }
    SECTION("death before birth") {
        r.first_deceased->died_on = ymd(1930, 1, 1);
        check_refused(decide_concession(reg(), r, context(PlotKind::loculo)), RefusalCode::person_invalid,
                      "death before birth");
    }
    SECTION("burial before death") {
        r.first_deceased->buried_on = ymd(2026, 11, 1);
        check_refused(decide_concession(reg(), r, context(PlotKind::loculo)), RefusalCode::person_invalid,
                      "burial before death");
    }
    SECTION("burial before the deed") {
        r.first_deceased->died_on = ymd(2026, 11, 1);
        r.first_deceased->buried_on = ymd(2026, 11, 3);
        check_refused(decide_concession(reg(), r, context(PlotKind::loculo)), RefusalCode::before_signing,
                      "non può precedere la stipula");
    }
    SECTION("a holder's tax code that is not one") {
        r.holders.front().codice_fiscale = "XXXXXX00X00X000X";
        check_refused(decide_concession(reg(), r, context(PlotKind::loculo)), RefusalCode::person_invalid,
                      "codice_fiscale");
        // Each field refused, with whom it belongs to, for a program to say in its own words.
        const auto refusal = decide_concession(reg(), r, context(PlotKind::loculo)).refusal;
        REQUIRE(refusal);
        REQUIRE(refusal->people.size() == 1);
        CHECK_FALSE(refusal->people[0].deceased);
        CHECK(refusal->people[0].name == r.holders.front().full_name());
        CHECK(refusal->people[0].problem.field == "codice_fiscale");
        CHECK(refusal->people[0].problem.code == ProblemCode::bad_codice_fiscale);
        CHECK(refusal->people[0].problem.detail == "XXXXXX00X00X000X");
    }
}

TEST_CASE("a place that cannot hold the remains is not granted for them", "[concede]") {
    auto r = request(ymd(2026, 12, 1));
    r.form = RemainsForm::coffin;
    check_refused(decide_concession(reg(), r, context(PlotKind::cinerario)), RefusalCode::capacity_exceeded,
                  "accoglie 0 feretri");
    r.form = RemainsForm::urn;
    CHECK(decide_concession(reg(), r, context(PlotKind::cinerario)).allowed());
}

TEST_CASE("a deed is not recorded before it is signed, nor a death before it happens", "[concede]") {
    auto r = request(ymd(2026, 12, 1));
    SECTION("a signing after today") {
        r.today = ymd(2026, 11, 30);
        check_refused(decide_concession(reg(), r, context(PlotKind::loculo)), RefusalCode::after_today,
                      "dopo oggi (30/11/2026)");
    }
    SECTION("a deed centuries ahead") {
        r.signed_on = ymd(9999, 12, 31);
        r.first_deceased->died_on = ymd(9999, 12, 29);
        r.today = ymd(2026, 12, 2);
        check_refused(decide_concession(reg(), r, context(PlotKind::loculo)), RefusalCode::after_today, "31/12/9999");
    }
    SECTION("a death after today, on a deed of today") {
        r.first_deceased->died_on = ymd(2026, 12, 5);
        r.first_deceased->buried_on = ymd(2026, 12, 1);
        check_refused(decide_concession(reg(), r, context(PlotKind::loculo)), RefusalCode::person_invalid, "died_on");
    }
    SECTION("signed today is fine") {
        CHECK(decide_concession(reg(), r, context(PlotKind::loculo)).allowed());
    }
}

namespace {

// Loculi at a death, or in life from 65; ossari in life from 65 or turning 65 in the year.
const Regulation& in_life_rules() {
    static const Regulation r = [] {
        auto load = parse_regulation(test::general_section + R"([[versione]]
nome = "In vita"
in_vigore_dal = 2000-01-01
fonte = "test"
[versione.tipi.loculo]
durata_anni = 30
rinnovi = 0
decorrenza = "stipula"
fonte = "art. 40"
solo_al_decesso = true
solo_al_decesso_fonte = "art. 41 c.1"
in_vita_da_anni = { anni = 65, fonte = "art. 41 c.2: in vita a chi ha compiuto 65 anni" }
[versione.tipi.ossario]
durata_anni = 30
rinnovi = 0
decorrenza = "stipula"
fonte = "art. 40"
in_vita_da_anni = { anni = 65, nell_anno = true, fonte = "art. 42: 65 anni compiuti o da compiere nell'anno" }
)",
                                     "in_vita.toml");
        INFO((load.error ? load.error->to_string() : std::string{}));
        REQUIRE(load);
        return *load.regulation;
    }();
    return r;
}

ConcessionDecision in_life(PlotKind kind, Date signed_on, std::optional<Date> born) {
    auto r = request(signed_on);
    r.first_deceased.reset();
    r.applicant_born_on = born;
    return decide_concession(in_life_rules(), r, context(kind));
}

}  // namespace

TEST_CASE("a loculo in life only from 65: refused the day before the 65th birthday, granted on it",
          "[concede][applicant_age]") {
    check_refused(in_life(PlotKind::loculo, ymd(2026, 3, 1), ymd(1961, 3, 2)), RefusalCode::applicant_too_young,
                  "di almeno 65 anni (art. 41 c.2: in vita a chi ha compiuto 65 anni): il richiedente, nato il "
                  "02/03/1961, la soddisfa solo dal 02/03/2026");
    CHECK(in_life(PlotKind::loculo, ymd(2026, 3, 2), ymd(1961, 3, 2)).allowed());
    SECTION("at a death the age does not count") {
        auto r = request(ymd(2026, 3, 1));
        r.applicant_born_on = ymd(1990, 1, 1);
        CHECK(decide_concession(in_life_rules(), r, context(PlotKind::loculo)).allowed());
    }
    SECTION("born on 29 February: 65 on 28 February of a common year") {
        check_refused(in_life(PlotKind::loculo, ymd(2025, 2, 27), ymd(1960, 2, 29)), RefusalCode::applicant_too_young,
                      "la soddisfa solo dal 28/02/2025");
        CHECK(in_life(PlotKind::loculo, ymd(2025, 2, 28), ymd(1960, 2, 29)).allowed());
    }
}

TEST_CASE("an ossario in life from 65 or turning 65 in the year: from 1 January of that year",
          "[concede][applicant_age]") {
    check_refused(in_life(PlotKind::ossario, ymd(2025, 12, 31), ymd(1961, 3, 2)), RefusalCode::applicant_too_young,
                  "o che li compie nell'anno della richiesta (art. 42: 65 anni compiuti o da compiere nell'anno): il "
                  "richiedente, nato il 02/03/1961, la soddisfa solo dal 01/01/2026");
    CHECK(in_life(PlotKind::ossario, ymd(2026, 1, 1), ymd(1961, 3, 2)).allowed());
    SECTION("born on 29 February") {
        CHECK_FALSE(in_life(PlotKind::ossario, ymd(2024, 12, 31), ymd(1960, 2, 29)).allowed());
        CHECK(in_life(PlotKind::ossario, ymd(2025, 1, 1), ymd(1960, 2, 29)).allowed());
    }
}

TEST_CASE("the applicant's birth date: as given, else from the first holder's codice fiscale, else refused",
          "[concede][applicant_age]") {
    auto r = request(ymd(2026, 3, 1));
    r.first_deceased.reset();
    SECTION("unknown") {
        check_refused(decide_concession(in_life_rules(), r, context(PlotKind::loculo)),
                      RefusalCode::applicant_born_on_missing, "serve la data di nascita del richiedente");
    }
    SECTION("from the codice fiscale: a woman born on 29/02/1960") {
        r.holders.front().codice_fiscale = "DDALSU60B69F205";
        r.holders.front().codice_fiscale += *codice_fiscale_check_letter(r.holders.front().codice_fiscale);
        CHECK(decide_concession(in_life_rules(), r, context(PlotKind::loculo)).allowed());
        r.signed_on = r.today = ymd(2025, 2, 27);
        check_refused(decide_concession(in_life_rules(), r, context(PlotKind::loculo)), RefusalCode::applicant_too_young,
                      "nato il 29/02/1960 (dal codice fiscale di D'Adda Luisa), la soddisfa solo dal 28/02/2025");
    }
    SECTION("a date given wins over the codice fiscale") {
        r.holders.front().codice_fiscale = "DDALSU60B69F205";
        r.holders.front().codice_fiscale += *codice_fiscale_check_letter(r.holders.front().codice_fiscale);
        r.applicant_born_on = ymd(1970, 1, 1);
        check_refused(decide_concession(in_life_rules(), r, context(PlotKind::loculo)), RefusalCode::applicant_too_young,
                      "nato il 01/01/1970, la soddisfa solo dal 01/01/2035");
    }
    SECTION("a birth after the signing is refused") {
        r.applicant_born_on = ymd(2026, 3, 2);
        check_refused(decide_concession(in_life_rules(), r, context(PlotKind::loculo)), RefusalCode::person_invalid,
                      "dopo la stipula");
    }
}
