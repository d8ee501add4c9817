#include "support.hpp"

#include "storage/fixtures.hpp"

#include <cemetery/register.hpp>
#include <cemetery/text.hpp>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

using namespace cemetery;
using test::ymd;

namespace {

// Legacy deeds (signed before any version of the regulation, so their own term
// stands), chosen for their expiry dates around the end of 2020.
struct Sample : test::UnionRegister {
    ConcessionId liscate_nov30, liscate_dec30, liscate_dec31, liscate_jan1, liscate_perpetual, liscate_revoked,
        bellinzago_may10, pozzuolo_3, pozzuolo_7, pozzuolo_jun1, trecella_2019, truccazzano_2019;

    ConcessionId legacy(CemeteryId cemetery, const std::string& numero, const std::string& deed, Date signed_on,
                        int years, std::vector<Holder> holders = {}, std::vector<Deceased> deceased = {}) {
        return add_ok({.plot = plot(cemetery, PlotKind::loculo, numero),
                       .number = deed,
                       .signed_on = signed_on,
                       .years = years,
                       .holders = std::move(holders),
                       .deceased = std::move(deceased)});
    }

    Sample() {
        liscate_nov30 = legacy(liscate_cimitero, "1", "9/1990", ymd(1990, 11, 30), 30);
        liscate_dec30 = legacy(liscate_cimitero, "2", "5/1990", ymd(1990, 12, 30), 30,
                               {test::holder("Rossi", "Mario", "RSSMRA55C10E610Y"), test::holder("Rossi", "Anna")},
                               {test::deceased("Rossi", "Carlo", ymd(1920, 1, 1), ymd(1991, 3, 1), ymd(1991, 3, 4)),
                                test::deceased("Rossi", "Pia", ymd(1922, 1, 1), ymd(1990, 12, 28), ymd(1990, 12, 31))});
        liscate_dec31 = legacy(liscate_cimitero, "3", "6/1990", ymd(1990, 12, 31), 30,
                               {test::holder("Confraternita del Santissimo", "")});
        liscate_jan1 = legacy(liscate_cimitero, "4", "2/1991", ymd(1991, 1, 1), 30);
        liscate_perpetual = add_ok({.plot = plot(liscate_cimitero, PlotKind::tomba_famiglia, "5", "Tombe", ""),
                                    .number = "1/1962",
                                    .signed_on = ymd(1962, 5, 5),
                                    .perpetual = true});
        {
            Concession revoked = concession_for({.plot = plot(liscate_cimitero, PlotKind::loculo, "6"),
                                                 .number = "3/1980",
                                                 .signed_on = ymd(1980, 1, 1),
                                                 .years = 30});
            revoked.ending = Ending::revoked;
            revoked.ended_on = ymd(2005, 6, 1);
            revoked.ending_act = "delibera G.C. 12/2005";
            const auto added = reg.add_concession(revoked);
            REQUIRE(added);
            liscate_revoked = *added.value;
        }
        bellinzago_may10 = legacy(bellinzago_cimitero, "1", "10/1980", ymd(1980, 5, 10), 40);
        pozzuolo_7 = legacy(pozzuolo_cimitero, "1", "7/1985", ymd(1985, 1, 1), 35);
        pozzuolo_3 = legacy(pozzuolo_cimitero, "2", "3/1985", ymd(1985, 1, 1), 35);
        pozzuolo_jun1 = legacy(pozzuolo_cimitero, "3", "1/1970", ymd(1970, 6, 1), 50);
        trecella_2019 = legacy(trecella, "1", "4/1989", ymd(1989, 1, 1), 30);
        truccazzano_2019 = legacy(truccazzano_cimitero, "1", "8/1999", ymd(1999, 12, 1), 20);
    }
};

std::vector<ConcessionId> ids(const std::vector<ListRow>& rows) {
    std::vector<ConcessionId> out;
    for (const auto& r : rows) out.push_back(r.concession);
    return out;
}

bool contains(const std::vector<ListRow>& rows, ConcessionId id) {
    return std::any_of(rows.begin(), rows.end(), [&](const ListRow& r) { return r.concession == id; });
}

// Everything a row says, to compare rows whole.
std::string describe(const ListRow& r) {
    return std::to_string(r.concession.value()) + " | " + r.comune + " | " + r.cemetery + " | " +
           std::string(code(r.kind)) + " | " + cemetery::describe(r.location) + " | " + r.deed_number + " | " +
           to_iso(r.term_start) + " | " + to_iso(r.expires_on) + " | " + join(r.holders, ", ") + " | " +
           join(r.deceased, ", ");
}

std::vector<std::string> describe(const std::vector<ListRow>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(describe(r));
    return out;
}

}  // namespace

namespace Catch {
template <>
struct StringMaker<ConcessionId> {
    static std::string convert(ConcessionId id) { return "concession " + std::to_string(id.value()); }
};
}  // namespace Catch

TEST_CASE("a concession is valid through its expiry day and on the expired list from the next day", "[lists]") {
    const Sample s;
    const auto c = s.reg.concession(s.liscate_dec30);
    REQUIRE(c->expires_on == ymd(2020, 12, 30));

    SECTION("as of its expiry day it is not listed") {
        CHECK_FALSE(contains(s.reg.expired(std::nullopt, ymd(2020, 12, 30)), s.liscate_dec30));
        CHECK(c->status_on(ymd(2020, 12, 30)) == ConcessionStatus::active);
    }
    SECTION("as of the day after it is listed") {
        CHECK(contains(s.reg.expired(std::nullopt, ymd(2020, 12, 31)), s.liscate_dec30));
        CHECK(c->status_on(ymd(2020, 12, 31)) == ConcessionStatus::expired);
    }
}

TEST_CASE("a list as of 2020-12-31 holds every concession expired by 2020-12-30, sorted by comune, cemetery, "
          "expiry and deed number",
          "[lists]") {
    const Sample s;
    const auto rows = s.reg.expired(std::nullopt, ymd(2020, 12, 31));
    CHECK(ids(rows) == std::vector{s.bellinzago_may10, s.liscate_nov30, s.liscate_dec30, s.pozzuolo_3, s.pozzuolo_7,
                                   s.pozzuolo_jun1, s.trecella_2019, s.truccazzano_2019});
    for (const auto& r : rows) {
        INFO(describe(r));
        CHECK(r.expires_on <= ymd(2020, 12, 30));
    }
    auto key = [](const ListRow& r) { return std::tie(r.comune, r.cemetery, r.expires_on, r.deed_number); };
    CHECK(std::is_sorted(rows.begin(), rows.end(), [&](const ListRow& a, const ListRow& b) { return key(a) < key(b); }));
}

TEST_CASE("perpetual and ended concessions are never on the expired list", "[lists]") {
    const Sample s;
    for (const Date as_of : {ymd(2005, 6, 2), ymd(2010, 1, 2), ymd(2020, 12, 31), ymd(2200, 1, 1), ymd(9999, 12, 31)}) {
        INFO("as of " << to_iso(as_of));
        const auto rows = s.reg.expired(std::nullopt, as_of);
        CHECK_FALSE(contains(rows, s.liscate_perpetual));
        CHECK_FALSE(contains(rows, s.liscate_revoked));
    }
    // Every other concession has expired by 2200.
    CHECK(s.reg.expired(std::nullopt, ymd(2200, 1, 1)).size() == 10);
}

TEST_CASE("nothing is on the expired list before the first expiry", "[lists]") {
    const Sample s;
    CHECK(s.reg.expired(std::nullopt, ymd(2019, 1, 1)).empty());
    CHECK(ids(s.reg.expired(std::nullopt, ymd(2019, 1, 2))) == std::vector{s.trecella_2019});
}

TEST_CASE("the expired list of one comune holds that comune's concessions only", "[lists]") {
    const Sample s;
    CHECK(ids(s.reg.expired(s.liscate, ymd(2021, 1, 1))) ==
          std::vector{s.liscate_nov30, s.liscate_dec30, s.liscate_dec31});
    CHECK(ids(s.reg.expired(s.pozzuolo, ymd(2020, 12, 31))) ==
          std::vector{s.pozzuolo_3, s.pozzuolo_7, s.pozzuolo_jun1, s.trecella_2019});
    const auto truccazzano = s.reg.expired(s.truccazzano, ymd(2200, 1, 1));
    CHECK(ids(truccazzano) == std::vector{s.truccazzano_2019});
    CHECK(truccazzano.at(0).comune == "Truccazzano");
    CHECK(s.reg.expired(ComuneId{999}, ymd(2200, 1, 1)).empty());
}

TEST_CASE("a list row names the place, the holders and the deceased", "[lists]") {
    const Sample s;
    const auto rows = s.reg.expired(s.liscate, ymd(2021, 1, 1));
    REQUIRE(rows.size() == 3);

    const ListRow& rossi = rows[1];
    REQUIRE(rossi.concession == s.liscate_dec30);
    CHECK(rossi.comune == "Liscate");
    CHECK(rossi.cemetery == "Liscate");
    CHECK(rossi.kind == PlotKind::loculo);
    CHECK(rossi.location == Location{"A", "1", "2", ""});
    CHECK(rossi.deed_number == "5/1990");
    CHECK(rossi.term_start == ymd(1990, 12, 30));
    CHECK(rossi.expires_on == ymd(2020, 12, 30));
    CHECK(rossi.holders == std::vector<std::string>{"Rossi Mario", "Rossi Anna"});
    // In burial order: Pia was buried first.
    CHECK(rossi.deceased == std::vector<std::string>{"Rossi Pia", "Rossi Carlo"});
    for (const auto& h : rossi.holders) CHECK_THAT(h, !Catch::Contains("RSSMRA"));

    const ListRow& confraternita = rows[2];
    CHECK(confraternita.holders == std::vector<std::string>{"Confraternita del Santissimo"});
    CHECK(confraternita.deceased.empty());
    CHECK(rows[0].holders.empty());
}

TEST_CASE("the expiring list holds concessions expiring within N days of a date, both ends included", "[lists]") {
    const Sample s;
    SECTION("30 days from 2020-12-01") {
        CHECK(ids(s.reg.expiring(std::nullopt, ymd(2020, 12, 1), 30)) ==
              std::vector{s.liscate_dec30, s.liscate_dec31});
    }
    SECTION("31 days from 2020-12-01 reach 2021-01-01") {
        CHECK(ids(s.reg.expiring(std::nullopt, ymd(2020, 12, 1), 31)) ==
              std::vector{s.liscate_dec30, s.liscate_dec31, s.liscate_jan1});
    }
    SECTION("from the day of an expiry, it is included") {
        CHECK(ids(s.reg.expiring(std::nullopt, ymd(2020, 11, 30), 0)) == std::vector{s.liscate_nov30});
        CHECK(ids(s.reg.expiring(std::nullopt, ymd(2020, 11, 30), 1)) == std::vector{s.liscate_nov30});
    }
    SECTION("from the day after an expiry, it is not") {
        CHECK(s.reg.expiring(std::nullopt, ymd(2020, 12, 1), 28).size() == 0);
    }
    SECTION("one comune only") {
        CHECK(ids(s.reg.expiring(s.pozzuolo, ymd(2019, 1, 1), 365)) ==
              std::vector{s.pozzuolo_3, s.pozzuolo_7, s.trecella_2019});
        CHECK(s.reg.expiring(s.bellinzago, ymd(2019, 1, 1), 365).empty());
    }
    SECTION("perpetual and ended concessions are never expiring") {
        const auto rows = s.reg.expiring(std::nullopt, ymd(1900, 1, 1), 73000);
        CHECK_FALSE(contains(rows, s.liscate_perpetual));
        CHECK_FALSE(contains(rows, s.liscate_revoked));
        CHECK(rows.size() == 10);
    }
}

TEST_CASE("each_expired and each_expiring stream the same rows as the lists", "[lists]") {
    const Sample s;
    for (const Date as_of : {ymd(2019, 1, 1), ymd(2020, 12, 31), ymd(2021, 6, 1), ymd(2200, 1, 1)}) {
        INFO("as of " << to_iso(as_of));
        for (const std::optional<ComuneId> comune : {std::optional<ComuneId>{}, std::optional{s.liscate}}) {
            std::vector<ListRow> streamed;
            s.reg.each_expired(comune, as_of, [&](const ListRow& r) { streamed.push_back(r); });
            CHECK(describe(streamed) == describe(s.reg.expired(comune, as_of)));

            std::vector<ListRow> expiring;
            s.reg.each_expiring(comune, as_of, 400, [&](const ListRow& r) { expiring.push_back(r); });
            CHECK(describe(expiring) == describe(s.reg.expiring(comune, as_of, 400)));
        }
    }
    std::size_t n = 0;
    s.reg.each_expired(std::nullopt, ymd(2020, 12, 31), [&](const ListRow&) { ++n; });
    CHECK(n == 8);
}

TEST_CASE("a stream's callback may read the register while the list runs", "[lists]") {
    const Sample s;
    std::vector<std::string> deeds;
    s.reg.each_expired(std::nullopt, ymd(2020, 12, 31), [&](const ListRow& r) {
        const auto c = s.reg.concession(r.concession);
        REQUIRE(c);
        deeds.push_back(c->deed_number);
        CHECK(s.reg.expired(std::nullopt, ymd(2019, 1, 2)).size() == 1);
    });
    CHECK(deeds.size() == 8);
}

TEST_CASE("a concession renewed after it expired leaves the expired list", "[lists]") {
    Sample s;
    REQUIRE(contains(s.reg.expired(s.liscate, ymd(2021, 3, 1)), s.liscate_dec30));
    const auto outcome = s.reg.renew(s.liscate_dec30, {ymd(2021, 2, 1), "R-1/2021"}, s.rules);
    INFO(outcome.decision.explanation());
    REQUIRE(outcome);
    CHECK(outcome.concession->expires_on == ymd(2030, 12, 30));
    CHECK_FALSE(contains(s.reg.expired(s.liscate, ymd(2021, 3, 1)), s.liscate_dec30));
    CHECK(ids(s.reg.expiring(s.liscate, ymd(2030, 12, 1), 30)) == std::vector{s.liscate_dec30});
    CHECK(contains(s.reg.expired(s.liscate, ymd(2030, 12, 31)), s.liscate_dec30));
}

TEST_CASE("a concession signed on 29 February expires on 28 February and is listed from 1 March", "[lists]") {
    test::UnionRegister u;
    const auto id = u.add_ok({.plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "29"),
                              .number = "4/1992",
                              .signed_on = ymd(1992, 2, 29),
                              .years = 30});
    REQUIRE(u.reg.concession(id)->expires_on == ymd(2022, 2, 28));
    CHECK(u.reg.expired(std::nullopt, ymd(2022, 2, 28)).empty());
    CHECK(ids(u.reg.expired(std::nullopt, ymd(2022, 3, 1))) == std::vector{id});
    CHECK(ids(u.reg.expiring(std::nullopt, ymd(2022, 2, 1), 27)) == std::vector{id});
}
