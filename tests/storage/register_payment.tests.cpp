// Terms waiting for their event on a real register: the list of concessions not
// started, and the payment recorded after the deed, written in one transaction with
// its start in the concession's history and an entry in the change log.
#include "support.hpp"

#include "storage/fixtures.hpp"
#include "term_start_files.hpp"

#include <cemetery/register.hpp>

using namespace cemetery;
using test::ymd;

namespace {

const Regulation& rules() { return test::term_start_regulation(); }

ConcessionRequest deed(ComuneId comune, PlotId plot, Date signed_on) {
    ConcessionRequest r;
    r.comune = comune;
    r.plot = plot;
    r.signed_on = signed_on;
    r.holders = {test::holder("Pèrego", "Lucia", "PRGLCU60A41F205K")};
    r.today = signed_on;
    return r;
}

ConcessionId granted(test::UnionRegister& u, const ConcessionRequest& r) {
    const auto out = u.reg.concede(r, rules());
    INFO(out.reason());
    REQUIRE(out);
    return out.concession->id;
}

bool listed(const std::vector<ListRow>& rows, ConcessionId id) {
    for (const auto& row : rows) {
        if (row.concession == id) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("a payment starts a term waiting for it, kept in its history and the change log", "[store][payment]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    ConcessionId id;
    {
        test::UnionRegister u(file);
        id = granted(u, deed(u.liscate, u.plot(u.liscate_cimitero, PlotKind::ossario, "1"), ymd(2025, 6, 2)));
        const auto version = u.reg.concession(id)->row_version;
        const auto out = u.reg.pay(id, PaymentRequest{ymd(2025, 6, 20), ymd(2025, 7, 1)}, rules());
        INFO(out.reason());
        REQUIRE(out);
        CHECK(out.concession->term_start == ymd(2025, 6, 20));
        CHECK(out.concession->expires_on == ymd(2045, 6, 20));
        CHECK(out.concession->row_version > version);
        REQUIRE_FALSE(out.notices.empty());
        CHECK_THAT(out.notices.back(), Catch::Contains("the term starts on 2025-06-20"));
    }
    // Read back from the file, by another program.
    const auto reg = Register::open(file, "test.clerk");
    const auto c = reg.concession(id);
    REQUIRE(c);
    CHECK(c->expires_on == ymd(2045, 6, 20));
    CHECK(c->status_on(ymd(2025, 7, 1)) == ConcessionStatus::active);
    const auto life = reg.life(id);
    REQUIRE(life.restarts.size() == 1);
    CHECK(life.restarts[0].event == TermEvent::payment);
    CHECK(life.restarts[0].buried_on == ymd(2025, 6, 20));
    CHECK_FALSE(life.restarts[0].previous_expiry);
    CHECK(life.restarts[0].previous_start == ymd(2025, 6, 2));
    CHECK(life.restarts[0].new_expiry == ymd(2045, 6, 20));
    CHECK(life.restarts[0].deceased.empty());
    const auto log = reg.change_log("concession", id.value());
    REQUIRE_FALSE(log.empty());
    CHECK(log.back().action == "pay");
    CHECK_THAT(log.back().details, Catch::Contains("\"paid_on\":\"2025-06-20\""));
    CHECK_THAT(log.back().details, Catch::Contains("\"new_expiry\":\"2045-06-20\""));
    // The chain and every record's digest still agree.
    CHECK(reg.verify().ok());
    CHECK(listed(reg.expired(std::nullopt, ymd(2045, 6, 21)), id));
    CHECK(reg.not_started(std::nullopt, rules()).empty());
}

TEST_CASE("a refused payment writes nothing", "[store][payment]") {
    test::UnionRegister u;
    const auto id = granted(u, deed(u.liscate, u.plot(u.liscate_cimitero, PlotKind::ossario, "1"), ymd(2025, 6, 2)));
    const auto log = u.reg.change_log_size();
    auto refused = [&](const PaymentRequest& r, RefusalCode code) {
        const auto out = u.reg.pay(id, r, rules());
        REQUIRE_FALSE(out);
        REQUIRE(out.refusal);
        INFO(out.refusal->message);
        CHECK(code_name(out.refusal->code) == code_name(code));
        CHECK(u.reg.change_log_size() == log);
        CHECK_FALSE(u.reg.concession(id)->expires_on);
        CHECK(u.reg.life(id).restarts.empty());
    };
    SECTION("before the signing") { refused({ymd(2025, 6, 1), ymd(2025, 7, 1)}, RefusalCode::before_signing); }
    SECTION("in the future") { refused({ymd(2025, 7, 2), ymd(2025, 7, 1)}, RefusalCode::after_today); }
    SECTION("once surrendered") {
        REQUIRE(u.reg.end_concession(id, EndingRequest{Ending::surrendered, ymd(2025, 6, 10), "prot. 1/2025", "rinuncia", std::nullopt},
                                     rules()));
        const auto after_ending = u.reg.change_log_size();
        const auto out = u.reg.pay(id, {ymd(2025, 6, 20), ymd(2025, 7, 1)}, rules());
        REQUIRE(out.refusal);
        CHECK(out.refusal->code == RefusalCode::concession_ended);
        CHECK(u.reg.change_log_size() == after_ending);
    }
    SECTION("a second payment") {
        REQUIRE(u.reg.pay(id, {ymd(2025, 6, 20), ymd(2025, 7, 1)}, rules()));
        const auto after_first = u.reg.change_log_size();
        const auto out = u.reg.pay(id, {ymd(2025, 6, 25), ymd(2025, 7, 1)}, rules());
        REQUIRE(out.refusal);
        CHECK(out.refusal->code == RefusalCode::payment_recorded);
        CHECK(u.reg.change_log_size() == after_first);
        CHECK(u.reg.concession(id)->expires_on == ymd(2045, 6, 20));
    }
    SECTION("a kind whose term does not run from the payment") {
        const auto tomb = granted(u, deed(u.liscate, u.plot(u.liscate_cimitero, PlotKind::tomba_famiglia, "2"),
                                          ymd(2025, 6, 2)));
        const auto before = u.reg.change_log_size();
        const auto out = u.reg.pay(tomb, {ymd(2025, 6, 20), ymd(2025, 7, 1)}, rules());
        REQUIRE(out.refusal);
        CHECK(out.refusal->code == RefusalCode::term_not_from_payment);
        CHECK(u.reg.change_log_size() == before);
    }
}

TEST_CASE("the list of concessions not started says what each waits for", "[store][not-started][lists]") {
    test::UnionRegister u;
    // Signed out of order: the list is in signing order within a cemetery.
    const auto tomb = granted(u, deed(u.liscate, u.plot(u.liscate_cimitero, PlotKind::tomba_famiglia, "1"), ymd(2025, 3, 1)));
    const auto box = granted(u, deed(u.liscate, u.plot(u.liscate_cimitero, PlotKind::ossario, "2"), ymd(2024, 5, 6)));
    auto grave = deed(u.liscate, u.plot(u.liscate_cimitero, PlotKind::fossa, "3"), ymd(2025, 1, 8));
    const auto fossa = granted(u, grave);
    // Started ones are not on it: paid at the deed, or from the signing.
    auto paid = deed(u.liscate, u.plot(u.liscate_cimitero, PlotKind::ossario, "4"), ymd(2024, 5, 6));
    paid.paid_on = ymd(2024, 5, 6);
    granted(u, paid);
    granted(u, deed(u.liscate, u.plot(u.liscate_cimitero, PlotKind::cappella, "5"), ymd(2024, 5, 6)));
    // Ended ones neither.
    const auto gone = granted(u, deed(u.liscate, u.plot(u.liscate_cimitero, PlotKind::ossario, "6"), ymd(2024, 5, 7)));
    REQUIRE(u.reg.end_concession(gone, EndingRequest{Ending::surrendered, ymd(2024, 6, 1), "prot. 2/2024", "rinuncia", std::nullopt},
                                 rules()));

    const auto rows = u.reg.not_started(u.liscate, rules());
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].concession == box);
    CHECK(rows[0].waits_for == TermStart::payment);
    CHECK(rows[0].kind == PlotKind::ossario);
    CHECK(rows[0].signed_on == ymd(2024, 5, 6));
    CHECK(rows[0].term_years == 20);
    CHECK(rows[0].version_name == "Prova 2020");
    CHECK(rows[0].comune == "Liscate");
    CHECK(rows[0].location.numero == "2");
    CHECK(rows[0].holders == std::vector<std::string>{"Pèrego Lucia"});
    CHECK(rows[1].concession == fossa);
    CHECK(rows[1].waits_for == TermStart::burial);
    CHECK(rows[2].concession == tomb);
    CHECK(rows[2].waits_for == TermStart::death);
    CHECK(u.reg.not_started(std::nullopt, rules()).size() == 3);
    CHECK(u.reg.not_started(u.bellinzago, rules()).empty());

    SECTION("a payment takes it off the list") {
        REQUIRE(u.reg.pay(box, {ymd(2025, 6, 20), ymd(2025, 7, 1)}, rules()));
        const auto after = u.reg.not_started(u.liscate, rules());
        REQUIRE(after.size() == 2);
        CHECK(after[0].concession == fossa);
    }
}
