// A term that runs from the payment, granted before it: the payment recorded later
// starts it, for the deed's years, its last day counted as its version counts it; and
// what a term not started waits for.
#include "term_start_files.hpp"

#include <cemetery/payment.hpp>

using namespace cemetery;
using test::ymd;

namespace {

const Regulation& reg() { return test::term_start_regulation(); }

// The same ossario from the payment, under a version whose periods end the day before
// their anniversary (scadenza "giorno_prima").
const Regulation& day_before_reg() {
    static const test::TempDir dir;
    static const Regulation r = test::load_written(dir.file("regolamento.toml"), test::general_section + R"([[versione]]
nome = "Vigilia 2020"
in_vigore_dal = 2020-01-01
comuni = ["Liscate"]
scadenza = "giorno_prima"
scadenza_fonte = "art. 41"
fonte = "test"
[versione.tipi.ossario]
durata_anni = 20
rinnovi = 1
anni_rinnovo = 10
decorrenza = "pagamento"
decorrenza_fonte = "art. 11 c.2"
fonte = "art. 11"
)");
    return r;
}

// Granted on the day, not started: its years, no expiry.
Concession waiting(Date signed_on, int years = 20, std::string version = "Prova 2020") {
    Concession c;
    c.deed_number = "2025/0007";
    c.signed_on = signed_on;
    c.term_start = signed_on;
    c.term_years = years;
    c.term_source = TermSource::regulation;
    c.version_name = std::move(version);
    return c;
}

PaymentRequest paid(Date on, Date today) { return PaymentRequest{on, today}; }

void check_refused(const PaymentDecision& d, RefusalCode expected, const std::string& says) {
    REQUIRE(d.refusal);
    INFO(d.refusal->message);
    CHECK(code_name(d.refusal->code) == code_name(expected));
    CHECK_THAT(d.refusal->message, Catch::Contains(says));
    CHECK_FALSE(d.start);
}

}  // namespace

TEST_CASE("a payment recorded after the deed starts the term from the payment", "[payment]") {
    const auto c = waiting(ymd(2025, 6, 2));
    const auto d = decide_payment(reg(), c, PlotKind::ossario, paid(ymd(2025, 6, 20), ymd(2025, 7, 1)));
    INFO((d.refusal ? d.refusal->message : std::string()));
    REQUIRE(d.allowed());
    REQUIRE(d.start);
    CHECK(d.start->event == TermEvent::payment);
    CHECK(d.start->buried_on == ymd(2025, 6, 20));
    CHECK(d.start->new_start == ymd(2025, 6, 20));
    CHECK(d.start->new_expiry == ymd(2045, 6, 20));
    CHECK(d.start->previous_start == ymd(2025, 6, 2));
    CHECK_FALSE(d.start->previous_expiry);
    CHECK(d.start->deceased.empty());
    CHECK(d.start->version_name == "Prova 2020");
    CHECK(d.start->basis == "art. 11 c.2");

    SECTION("paid on 29 February: 20 years on is a leap year's 29 February, under giorno_prima the 28th") {
        const auto leap = decide_payment(reg(), waiting(ymd(2024, 2, 1)), PlotKind::ossario,
                                         paid(ymd(2024, 2, 29), ymd(2024, 3, 1)));
        REQUIRE(leap.start);
        CHECK(leap.start->new_expiry == ymd(2044, 2, 29));
        const auto before = decide_payment(day_before_reg(), waiting(ymd(2024, 2, 1), 20, "Vigilia 2020"),
                                           PlotKind::ossario, paid(ymd(2024, 2, 29), ymd(2024, 3, 1)));
        REQUIRE(before.start);
        CHECK(before.start->new_expiry == ymd(2044, 2, 28));
    }
    SECTION("paid on the signing day, and on today: both days may be the payment's") {
        CHECK(decide_payment(reg(), c, PlotKind::ossario, paid(ymd(2025, 6, 2), ymd(2025, 6, 2))).allowed());
        CHECK(decide_payment(reg(), c, PlotKind::ossario, paid(ymd(2025, 7, 1), ymd(2025, 7, 1))).allowed());
    }
}

TEST_CASE("under a version whose periods end the day before the anniversary, so does a term from the payment",
          "[payment][scadenza]") {
    const auto c = waiting(ymd(2025, 6, 2), 20, "Vigilia 2020");
    const auto d = decide_payment(day_before_reg(), c, PlotKind::ossario, paid(ymd(2025, 6, 20), ymd(2025, 7, 1)));
    REQUIRE(d.start);
    CHECK(d.start->new_expiry == ymd(2045, 6, 19));
    SECTION("paid on 1 March: the day before is the last of February") {
        const auto march = decide_payment(day_before_reg(), c, PlotKind::ossario, paid(ymd(2026, 3, 1), ymd(2026, 3, 2)));
        REQUIRE(march.start);
        CHECK(march.start->new_expiry == ymd(2046, 2, 28));
    }
}

TEST_CASE("a payment is refused where the term does not run from it, or already started", "[payment]") {
    const Date today = ymd(2026, 1, 10);
    SECTION("a family tomb waiting for the death") {
        const auto d = decide_payment(reg(), waiting(ymd(2025, 6, 2), 40), PlotKind::tomba_famiglia,
                                      paid(ymd(2025, 6, 20), today));
        check_refused(d, RefusalCode::term_not_from_payment, "decorre dal decesso, non dal pagamento (art. 12 c.2)");
        CHECK(d.refusal->version_name == "Prova 2020");
    }
    SECTION("a cappella from the signing") {
        auto c = waiting(ymd(2025, 6, 2), 50);
        c.expires_on = ymd(2075, 6, 2);
        check_refused(decide_payment(reg(), c, PlotKind::cappella, paid(ymd(2025, 6, 20), today)),
                      RefusalCode::term_not_from_payment, "la durata di cappella decorre dalla stipula");
    }
    SECTION("a deed signed before any version") {
        auto c = waiting(ymd(1990, 6, 2), 30, "");
        c.term_source = TermSource::deed;
        check_refused(decide_payment(reg(), c, PlotKind::ossario, paid(ymd(2025, 6, 20), today)),
                      RefusalCode::term_not_from_payment, "prima di ogni versione del regolamento");
    }
    SECTION("a payment already recorded: the term has started") {
        auto c = waiting(ymd(2025, 6, 2));
        c.term_start = ymd(2025, 6, 20);
        c.expires_on = ymd(2045, 6, 20);
        check_refused(decide_payment(reg(), c, PlotKind::ossario, paid(ymd(2025, 7, 1), today)),
                      RefusalCode::payment_recorded, "il pagamento è già registrato: la durata decorre dal 20/06/2025 e scade il 20/06/2045");
    }
}

TEST_CASE("a payment is refused before the signing, after today, and once the concession is over", "[payment]") {
    const auto c = waiting(ymd(2025, 6, 2));
    SECTION("before the signing") {
        check_refused(decide_payment(reg(), c, PlotKind::ossario, paid(ymd(2025, 6, 1), ymd(2025, 7, 1))),
                      RefusalCode::before_signing, "il pagamento (01/06/2025) non può precedere la stipula dell'atto (02/06/2025)");
    }
    SECTION("after today") {
        check_refused(decide_payment(reg(), c, PlotKind::ossario, paid(ymd(2025, 7, 2), ymd(2025, 7, 1))),
                      RefusalCode::after_today, "la data del pagamento 02/07/2025 è dopo oggi (01/07/2025)");
    }
    SECTION("surrendered") {
        auto ended = c;
        ended.ending = Ending::surrendered;
        ended.ended_on = ymd(2025, 6, 10);
        check_refused(decide_payment(reg(), ended, PlotKind::ossario, paid(ymd(2025, 6, 20), ymd(2025, 7, 1))),
                      RefusalCode::concession_ended, "non si può registrarne il pagamento");
    }
    SECTION("its place freed") {
        auto closed = c;
        closed.ending = Ending::surrendered;
        closed.ended_on = ymd(2025, 6, 10);
        closed.closed_on = ymd(2025, 6, 12);
        check_refused(decide_payment(reg(), closed, PlotKind::ossario, paid(ymd(2025, 6, 20), ymd(2025, 7, 1))),
                      RefusalCode::already_closed, "non si può registrarne il pagamento");
    }
}

TEST_CASE("a term not started waits for the event its rule starts it from", "[payment][not-started]") {
    CHECK(awaited_event(reg(), waiting(ymd(2025, 6, 2)), PlotKind::ossario) == TermStart::payment);
    CHECK(awaited_event(reg(), waiting(ymd(2025, 6, 2), 40), PlotKind::tomba_famiglia) == TermStart::death);
    CHECK(awaited_event(reg(), waiting(ymd(2025, 6, 2), 10), PlotKind::fossa) == TermStart::burial);
    SECTION("a legacy common-field turn waits for its burial") {
        auto legacy = waiting(ymd(1990, 6, 2), 10, "");
        CHECK(awaited_event(reg(), legacy, PlotKind::campo_comune) == TermStart::burial);
    }
    SECTION("started or perpetual: nothing") {
        auto started = waiting(ymd(2025, 6, 2));
        started.expires_on = ymd(2045, 6, 2);
        CHECK_FALSE(awaited_event(reg(), started, PlotKind::ossario));
        auto perpetual = waiting(ymd(1970, 6, 2));
        perpetual.perpetual = true;
        perpetual.term_years.reset();
        CHECK_FALSE(awaited_event(reg(), perpetual, PlotKind::ossario));
    }
}

TEST_CASE("a deed under a variant waits for, and is started by, the event of its variant's rule", "[payment][variant]") {
    // The ordinary loculo runs from the signing; the reserved one ("prenotato") from the payment.
    static const test::TempDir dir;
    static const Regulation r = test::load_written(dir.file("regolamento.toml"), test::general_section + R"([[versione]]
nome = "Varianti 2020"
in_vigore_dal = 2020-01-01
comuni = ["Liscate"]
fonte = "test"
[versione.tipi.loculo]
durata_anni = 30
rinnovi = 0
decorrenza = "stipula"
fonte = "art. 20"
[versione.tipi.loculo.varianti.prenotato]
nome = "loculo prenotato"
durata_anni = 30
rinnovi = 0
decorrenza = "pagamento"
decorrenza_fonte = "art. 21 c.2: il loculo prenotato decorre dal pagamento"
fonte = "art. 21"
)");
    auto reserved = waiting(ymd(2025, 6, 2), 30, "Varianti 2020");
    reserved.variant = "prenotato";
    CHECK(awaited_event(r, reserved, PlotKind::loculo) == TermStart::payment);
    const auto d = decide_payment(r, reserved, PlotKind::loculo, paid(ymd(2025, 6, 20), ymd(2025, 7, 1)));
    INFO((d.refusal ? d.refusal->message : std::string()));
    REQUIRE(d.start);
    CHECK(d.start->new_expiry == ymd(2055, 6, 20));
    CHECK(d.start->basis == "art. 21 c.2: il loculo prenotato decorre dal pagamento");

    // The same deed without the variant follows the ordinary rule: not from the payment.
    auto ordinary = waiting(ymd(2025, 6, 2), 30, "Varianti 2020");
    check_refused(decide_payment(r, ordinary, PlotKind::loculo, paid(ymd(2025, 6, 20), ymd(2025, 7, 1))),
                  RefusalCode::term_not_from_payment, "dalla stipula");
}
