#include "support.hpp"

#include "many_renewals.hpp"
#include "storage/fixtures.hpp"

#include <cemetery/register.hpp>
#include <cemetery/regulation_loader.hpp>

#include <string>
#include <vector>

using namespace cemetery;
using test::ymd;

namespace {

// What a refused write must leave behind: nothing.
struct Snapshot {
    std::int64_t concessions = 0;
    std::int64_t log = 0;
};
Snapshot snapshot(const Register& reg) { return {reg.count_concessions(), reg.change_log_size()}; }
void check_unchanged(const Register& reg, const Snapshot& before) {
    CHECK(reg.count_concessions() == before.concessions);
    CHECK(reg.change_log_size() == before.log);
}

void check_conflict(const std::optional<Conflict>& conflict, ConflictCode expected) {
    REQUIRE(conflict);
    INFO(conflict->message);
    CHECK(code_name(conflict->code) == code_name(expected));
    CHECK_FALSE(conflict->message.empty());
}

}  // namespace

// --- Comuni and cemeteries ---

TEST_CASE("comuni are found by name whatever the case and accents, and by ISTAT or cadastral code", "[store]") {
    test::UnionRegister u;
    std::string typed;
    SECTION("the name as written") { typed = "Pozzuolo Martesana"; }
    SECTION("in lower case") { typed = "pozzuolo martesana"; }
    SECTION("in capitals") { typed = "POZZUOLO MARTESANA"; }
    SECTION("with a stray accent and blanks") { typed = "  Pozzuòlo   Martesana "; }
    SECTION("by ISTAT code") { typed = "015178"; }
    SECTION("by cadastral code") { typed = "G965"; }
    SECTION("by cadastral code in lower case") { typed = "g965"; }
    INFO("typed: " << typed);
    const auto found = u.reg.find_comune(typed);
    REQUIRE(found);
    CHECK(found->id == u.pozzuolo);
    CHECK(found->name == "Pozzuolo Martesana");
    CHECK(found->istat_code == "015178");
    CHECK(found->cadastral_code == "G965");
}

TEST_CASE("a name or code of no comune of the Union finds nothing", "[store]") {
    test::UnionRegister u;
    for (const char* typed : {"Milano", "Pozzuolo", "015146", "15178", "F205", "", "%", "Liscate' OR '1'='1"}) {
        INFO("typed: " << typed);
        CHECK_FALSE(u.reg.find_comune(typed));
    }
}

TEST_CASE("the comuni are listed by name with their membership dates", "[store]") {
    test::UnionRegister u;
    const auto comuni = u.reg.comuni();
    std::vector<std::string> names;
    for (const auto& c : comuni) names.push_back(c.name);
    CHECK(names == std::vector<std::string>{"Bellinzago Lombardo", "Liscate", "Pozzuolo Martesana", "Truccazzano"});

    const auto truccazzano = u.reg.comune(u.truccazzano);
    REQUIRE(truccazzano);
    CHECK(truccazzano->member_from == ymd(2016, 1, 1));
    CHECK(truccazzano->member_until == ymd(2023, 12, 31));
    CHECK(truccazzano->member_on(ymd(2023, 12, 31)));
    CHECK_FALSE(truccazzano->member_on(ymd(2024, 1, 1)));
    const auto liscate = u.reg.comune(u.liscate);
    REQUIRE(liscate);
    CHECK_FALSE(liscate->member_until);
    CHECK_FALSE(u.reg.comune(ComuneId{999}));
}

TEST_CASE("a second comune with the name or a code of one in the register is refused", "[store]") {
    test::UnionRegister u;
    Comune c;
    c.name = "Melzo";
    c.istat_code = "015142";
    c.cadastral_code = "F119";
    c.member_from = ymd(2016, 1, 1);
    SECTION("the same name in other capitals") { c.name = "LISCATE"; }
    SECTION("the same ISTAT code") { c.istat_code = "015122"; }
    SECTION("the same cadastral code") { c.cadastral_code = "E610"; }
    const auto before = u.reg.change_log_size();
    const auto added = u.reg.add_comune(c);
    CHECK_FALSE(added);
    check_conflict(added.conflict, ConflictCode::duplicate_name);
    CHECK(u.reg.comuni().size() == 4);
    CHECK(u.reg.change_log_size() == before);
}

TEST_CASE("cemeteries are found by name whatever the case and accents, within their comune", "[store]") {
    test::UnionRegister u;
    CHECK(u.reg.find_cemetery(u.pozzuolo, "Trecella")->id == u.trecella);
    CHECK(u.reg.find_cemetery(u.pozzuolo, "TRECELLA")->id == u.trecella);
    CHECK(u.reg.find_cemetery(u.pozzuolo, "trecellà")->id == u.trecella);
    CHECK(u.reg.find_cemetery(u.truccazzano, " corneliano  bertario ")->id == u.corneliano);
    CHECK_FALSE(u.reg.find_cemetery(u.liscate, "Trecella"));
    CHECK_FALSE(u.reg.find_cemetery(u.truccazzano, "Corneliano"));

    CHECK(u.reg.cemeteries().size() == 8);
    std::vector<std::string> truccazzano;
    for (const auto& c : u.reg.cemeteries(u.truccazzano)) {
        CHECK(c.comune == u.truccazzano);
        truccazzano.push_back(c.name);
    }
    CHECK(truccazzano == std::vector<std::string>{"Albignano", "Corneliano Bertario", "Incugnate", "Truccazzano"});
}

TEST_CASE("a cemetery name is unique within its comune only", "[store]") {
    test::UnionRegister u;
    SECTION("the same name again in the same comune is refused") {
        const auto added = u.reg.add_cemetery(u.truccazzano, "ALBIGNANO");
        CHECK_FALSE(added);
        check_conflict(added.conflict, ConflictCode::duplicate_name);
        CHECK(u.reg.cemeteries(u.truccazzano).size() == 4);
    }
    SECTION("the same name in another comune is accepted") {
        const auto added = u.reg.add_cemetery(u.liscate, "Albignano");
        REQUIRE(added);
        CHECK(u.reg.find_cemetery(u.liscate, "albignano")->id == *added.value);
        CHECK(u.reg.find_cemetery(u.truccazzano, "albignano")->id == u.albignano);
    }
}

// --- Plots ---

TEST_CASE("one plot stands at each place of a cemetery", "[store]") {
    test::UnionRegister u;
    const auto first = u.plot(u.liscate_cimitero, PlotKind::loculo, "14", "B", "3", "2");
    const auto stored = u.reg.plot(first);
    REQUIRE(stored);
    CHECK(stored->cemetery == u.liscate_cimitero);
    CHECK(stored->kind == PlotKind::loculo);
    CHECK(stored->location == Location{"B", "3", "14", "2"});
    CHECK(u.reg.find_plot(u.liscate_cimitero, Location{"B", "3", "14", "2"})->id == first);

    SECTION("a second plot at the same place is refused, whatever its kind") {
        for (PlotKind kind : {PlotKind::loculo, PlotKind::ossario}) {
            const auto added = u.reg.add_plot(Plot{{}, u.liscate_cimitero, kind, {"B", "3", "14", "2"}});
            CHECK_FALSE(added);
            check_conflict(added.conflict, ConflictCode::location_taken);
        }
    }
    SECTION("a plot without a level is another place than one on level 2") {
        const auto added = u.reg.add_plot(Plot{{}, u.liscate_cimitero, PlotKind::loculo, {"B", "3", "14", ""}});
        REQUIRE(added);
        CHECK(*added.value != first);
        SECTION("and it too is one of a kind") {
            const auto again = u.reg.add_plot(Plot{{}, u.liscate_cimitero, PlotKind::loculo, {"B", "3", "14", ""}});
            check_conflict(again.conflict, ConflictCode::location_taken);
        }
    }
    SECTION("the same place in another cemetery is another plot") {
        const auto added = u.reg.add_plot(Plot{{}, u.trecella, PlotKind::loculo, {"B", "3", "14", "2"}});
        REQUIRE(added);
        CHECK(u.reg.find_plot(u.trecella, Location{"B", "3", "14", "2"})->id == *added.value);
    }
    CHECK_FALSE(u.reg.find_plot(u.liscate_cimitero, Location{"B", "3", "15", "2"}));
}

// --- Concessions ---

TEST_CASE("a deed number is unique within a comune, not across comuni", "[store]") {
    test::UnionRegister u;
    const auto liscate_1 = u.plot(u.liscate_cimitero, PlotKind::loculo, "1");
    const auto liscate_2 = u.plot(u.liscate_cimitero, PlotKind::loculo, "2");
    const auto pozzuolo_1 = u.plot(u.pozzuolo_cimitero, PlotKind::loculo, "1");
    const auto first = u.add_ok({.plot = liscate_1, .number = "12/2021", .signed_on = ymd(2021, 4, 1)});

    SECTION("the same number again in the same comune is refused") {
        const auto before = snapshot(u.reg);
        const auto added = u.add({.plot = liscate_2, .number = "12/2021", .signed_on = ymd(2021, 5, 1)});
        CHECK_FALSE(added);
        check_conflict(added.conflict, ConflictCode::duplicate_deed);
        check_unchanged(u.reg, before);
    }
    SECTION("the same number in another comune is accepted") {
        const auto other = u.add_ok({.plot = pozzuolo_1, .number = "12/2021", .signed_on = ymd(2021, 5, 1)});
        CHECK(other != first);
        CHECK(u.reg.find_concession(u.liscate, "12/2021") == first);
        CHECK(u.reg.find_concession(u.pozzuolo, "12/2021") == other);
        CHECK(u.reg.count_concessions() == 2);
        CHECK(u.reg.count_concessions(u.pozzuolo) == 1);
    }
    CHECK_FALSE(u.reg.find_concession(u.bellinzago, "12/2021"));
}

TEST_CASE("a second concession overlapping the first on one plot is refused", "[store]") {
    test::UnionRegister u;
    const auto plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "7");
    // A legacy deed, before any version for Liscate: 2005-03-10 + 30 years.
    const auto first = u.add_ok({.plot = plot, .number = "4/2005", .signed_on = ymd(2005, 3, 10), .years = 30});
    REQUIRE(u.reg.concession(first)->expires_on == ymd(2035, 3, 10));
    const auto before = snapshot(u.reg);

    test::Deed second{.plot = plot, .number = "9/2035"};
    SECTION("starting while the first runs") { second.signed_on = ymd(2030, 1, 1); }
    SECTION("starting on the first's expiry day, its last valid day") { second.signed_on = ymd(2035, 3, 10); }
    SECTION("starting on the same day") { second.signed_on = ymd(2005, 3, 10); second.years = 30; }
    SECTION("starting before it and running into it") { second.signed_on = ymd(1990, 1, 1); second.years = 20; }
    SECTION("running across the whole of it") { second.signed_on = ymd(2000, 1, 1); second.years = 99; }
    INFO("second signed on " << to_iso(second.signed_on));
    const auto added = u.add(second);
    CHECK_FALSE(added);
    check_conflict(added.conflict, ConflictCode::plot_overlap);
    check_unchanged(u.reg, before);
}

TEST_CASE("concessions one after another on one plot are accepted", "[store]") {
    test::UnionRegister u;
    const auto plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "7");
    u.add_ok({.plot = plot, .number = "4/2005", .signed_on = ymd(2005, 3, 10), .years = 30});

    SECTION("the next one starting the day after the first expires") {
        const auto next = u.add_ok({.plot = plot, .number = "2/2035", .signed_on = ymd(2035, 3, 11)});
        CHECK(u.reg.concession(next)->term_start == ymd(2035, 3, 11));
    }
    SECTION("an earlier one that expired the day before the first began") {
        u.add_ok({.plot = plot, .number = "1/1975", .signed_on = ymd(1975, 3, 9), .years = 30});
    }
    CHECK(u.reg.count_concessions() == 2);
}

TEST_CASE("a perpetual concession blocks any later concession on its plot", "[store]") {
    test::UnionRegister u;
    const auto plot = u.plot(u.pozzuolo_cimitero, PlotKind::tomba_famiglia, "3", "C", "");
    const auto perpetual = u.add_ok({.plot = plot, .number = "31/1965", .signed_on = ymd(1965, 4, 15), .perpetual = true});
    const auto stored = u.reg.concession(perpetual);
    REQUIRE(stored);
    CHECK(stored->perpetual);
    CHECK_FALSE(stored->expires_on);
    CHECK_FALSE(stored->term_years);
    const auto before = snapshot(u.reg);

    Date signed_on;
    SECTION("in 2021") { signed_on = ymd(2021, 1, 1); }
    SECTION("a century later") { signed_on = ymd(2090, 6, 30); }
    const auto added = u.add({.plot = plot, .number = "1/2021", .signed_on = signed_on});
    CHECK_FALSE(added);
    check_conflict(added.conflict, ConflictCode::plot_overlap);
    check_unchanged(u.reg, before);
}

TEST_CASE("a concession on a plot of another comune is refused", "[store]") {
    test::UnionRegister u;
    const auto liscate_plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "1");
    Concession c = u.concession_for({.plot = liscate_plot, .number = "5/2022", .signed_on = ymd(2022, 2, 2)});
    c.comune = u.pozzuolo;
    const auto before = snapshot(u.reg);
    const auto added = u.reg.add_concession(c);
    CHECK_FALSE(added);
    check_conflict(added.conflict, ConflictCode::wrong_comune);
    check_unchanged(u.reg, before);
}

TEST_CASE("dates of a deceased that cannot be are refused", "[store]") {
    test::UnionRegister u;
    const auto plot = u.plot(u.bellinzago_cimitero, PlotKind::loculo, "22");
    test::Deed deed{.plot = plot, .number = "3/2022", .signed_on = ymd(2022, 3, 3),
                    .holders = {test::holder("Villa", "Marco")}};
    SECTION("death before birth") {
        deed.deceased = {test::deceased("Villa", "Rosa", ymd(1950, 5, 1), ymd(1949, 12, 31), ymd(2022, 3, 4))};
    }
    SECTION("burial before death") {
        deed.deceased = {test::deceased("Villa", "Rosa", ymd(1930, 5, 1), ymd(2022, 3, 1), ymd(2022, 2, 27))};
    }
    SECTION("one of several deceased with impossible dates") {
        deed.deceased = {test::deceased("Villa", "Piero", ymd(1925, 1, 1), ymd(2022, 3, 1), ymd(2022, 3, 4)),
                         test::deceased("Villa", "Rosa", {}, ymd(2022, 3, 1), ymd(2022, 2, 28))};
    }
    const auto before = snapshot(u.reg);
    const auto added = u.add(deed);
    CHECK_FALSE(added);
    check_conflict(added.conflict, ConflictCode::invalid_data);
    check_unchanged(u.reg, before);
    CHECK(u.reg.search("villa").empty());
}

TEST_CASE("a death and burial on the same day, and a burial without known dates, are accepted", "[store]") {
    test::UnionRegister u;
    const auto plot = u.plot(u.bellinzago_cimitero, PlotKind::loculo, "22");
    const auto id = u.add_ok({.plot = plot, .number = "3/2022", .signed_on = ymd(2022, 3, 3),
                              .deceased = {test::deceased("Villa", "Rosa", ymd(2022, 3, 1), ymd(2022, 3, 1),
                                                          ymd(2022, 3, 1)),
                                           test::deceased("Villa", "Ignoto")}});
    const auto c = u.reg.concession(id);
    REQUIRE(c);
    REQUIRE(c->deceased.size() == 2);
    CHECK(c->deceased[0].buried_on == ymd(2022, 3, 1));
    CHECK_FALSE(c->deceased[1].born_on);
    CHECK_FALSE(c->deceased[1].died_on);
    CHECK_FALSE(c->deceased[1].buried_on);
}

TEST_CASE("a family tomb with several deceased under one concession is read back whole, in burial order",
          "[store]") {
    test::UnionRegister u;
    const auto plot = u.plot(u.bellinzago_cimitero, PlotKind::tomba_famiglia, "5", "Tombe", "2");
    Holder anna = test::holder("Brambilla", "Anna", "BRMNNA60A41A751X");
    anna.address = "Via Roma 1, Bellinzago Lombardo";
    anna.phone = "02 9578 0000";
    anna.email = "anna@example.org";
    // Entered in the order the clerk found them, not the order of burial.
    const auto id = u.add_ok(
        {.plot = plot,
         .number = "8/2021",
         .signed_on = ymd(2021, 6, 1),
         .holders = {anna, test::holder("Brambilla", "Luca")},
         .deceased = {test::deceased("Brambilla", "Carlo", ymd(1935, 2, 2), ymd(2023, 2, 1), ymd(2023, 2, 10)),
                      test::deceased("Colombo", "Ugo"),
                      test::deceased("Brambilla", "Teresa", ymd(1938, 7, 7), ymd(2021, 6, 1), ymd(2021, 6, 5)),
                      test::deceased("Brambilla", "Giovanni", ymd(1960, 1, 1), ymd(2024, 1, 3), ymd(2024, 1, 8))}});

    const auto record = u.reg.record(id);
    REQUIRE(record);
    const Concession& c = record->concession;
    CHECK(c.id == id);
    CHECK(c.comune == u.bellinzago);
    CHECK(c.deed_number == "8/2021");
    CHECK(c.signed_on == ymd(2021, 6, 1));
    CHECK(c.term_start == ymd(2021, 6, 1));
    CHECK(c.term_years == 30);
    CHECK(c.expires_on == ymd(2051, 6, 1));
    CHECK(c.term_source == TermSource::regulation);
    CHECK(c.version_name == "Unione 2020");
    CHECK(c.row_version >= 1);
    CHECK(c.renewals.empty());

    std::vector<std::string> deceased;
    for (const auto& d : c.deceased) deceased.push_back(d.full_name());
    CHECK(deceased ==
          std::vector<std::string>{"Brambilla Teresa", "Brambilla Carlo", "Brambilla Giovanni", "Colombo Ugo"});
    CHECK(c.deceased[0].born_on == ymd(1938, 7, 7));
    CHECK(c.deceased[0].died_on == ymd(2021, 6, 1));
    CHECK(c.deceased[0].buried_on == ymd(2021, 6, 5));
    for (const auto& d : c.deceased) CHECK(d.id.valid());

    REQUIRE(c.holders.size() == 2);
    CHECK(c.holders[0].full_name() == "Brambilla Anna");
    CHECK(c.holders[0].codice_fiscale == "BRMNNA60A41A751X");
    CHECK(c.holders[0].address == anna.address);
    CHECK(c.holders[0].phone == anna.phone);
    CHECK(c.holders[0].email == anna.email);
    CHECK(c.holders[1].full_name() == "Brambilla Luca");

    CHECK(record->plot.id == plot);
    CHECK(record->plot.kind == PlotKind::tomba_famiglia);
    CHECK(record->plot.location == Location{"Tombe", "2", "5", ""});
    CHECK(record->cemetery.name == "Bellinzago Lombardo");
    CHECK(record->comune.name == "Bellinzago Lombardo");
}

TEST_CASE("a concession with no burial yet is stored without deceased", "[store]") {
    test::UnionRegister u;
    const auto plot = u.plot(u.trecella, PlotKind::tomba_famiglia, "2", "Tombe", "");
    const auto id = u.add_ok({.plot = plot, .number = "1/2022", .signed_on = ymd(2022, 9, 1),
                              .holders = {test::holder("Mapelli", "Giorgio")}});
    const auto c = u.reg.concession(id);
    REQUIRE(c);
    CHECK(c->deceased.empty());
    REQUIRE(c->holders.size() == 1);
    CHECK(c->expires_on == ymd(2052, 9, 1));
    CHECK(u.reg.search("mapelli").size() == 1);
}

TEST_CASE("a concession that does not exist is not found", "[store]") {
    test::UnionRegister u;
    CHECK_FALSE(u.reg.concession(ConcessionId{42}));
    CHECK_FALSE(u.reg.record(ConcessionId{42}));
    CHECK_FALSE(u.reg.plot(PlotId{42}));
}

// --- Batches ---

TEST_CASE("a batch keeps all its writes when committed and none when not", "[store]") {
    test::UnionRegister u;
    const auto before = snapshot(u.reg);
    const Location where{"N", "1", "9", ""};
    auto write_two = [&] {
        const auto plot = u.reg.add_plot(Plot{{}, u.liscate_cimitero, PlotKind::loculo, where});
        REQUIRE(plot);
        u.add_ok({.plot = *plot.value, .number = "50/2022", .signed_on = ymd(2022, 1, 10)});
        // Inside the batch its own writes are visible.
        CHECK(u.reg.count_concessions() == before.concessions + 1);
    };

    SECTION("a batch left without commit rolls everything back") {
        {
            Register::Batch batch(u.reg);
            write_two();
        }
        check_unchanged(u.reg, before);
        CHECK_FALSE(u.reg.find_plot(u.liscate_cimitero, where));
        CHECK(u.reg.search("50/2022").empty());
    }
    SECTION("a committed batch keeps everything") {
        {
            Register::Batch batch(u.reg);
            write_two();
            batch.commit();
        }
        CHECK(u.reg.count_concessions() == before.concessions + 1);
        CHECK(u.reg.change_log_size() == before.log + 2);
        CHECK(u.reg.find_plot(u.liscate_cimitero, where));
        CHECK(u.reg.find_concession(u.liscate, "50/2022"));
    }
    SECTION("a write refused inside a batch leaves the batch's other writes") {
        {
            Register::Batch batch(u.reg);
            write_two();
            const auto again = u.reg.add_plot(Plot{{}, u.liscate_cimitero, PlotKind::loculo, where});
            check_conflict(again.conflict, ConflictCode::location_taken);
            batch.commit();
        }
        CHECK(u.reg.count_concessions() == before.concessions + 1);
        CHECK(u.reg.change_log_size() == before.log + 2);
    }
    SECTION("after a rolled-back batch the register takes writes again") {
        { Register::Batch batch(u.reg); write_two(); }
        write_two();
        CHECK(u.reg.change_log_size() == before.log + 2);
    }
}

// --- Renewals ---

TEST_CASE("a loculo under Unione 2020 is renewed once, adding 10 years to its current expiry", "[store]") {
    test::UnionRegister u;
    const auto plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "30");
    const auto id = u.add_ok({.plot = plot, .number = "21/2021", .signed_on = ymd(2021, 3, 1),
                              .deceased = {test::deceased("Sala", "Pietro", ymd(1940, 1, 1), ymd(2021, 2, 25),
                                                          ymd(2021, 3, 1))}});
    const auto before = u.reg.concession(id);
    REQUIRE(before);
    REQUIRE(before->expires_on == ymd(2051, 3, 1));

    Date on;
    SECTION("before it expires") { on = ymd(2050, 11, 15); }
    SECTION("on its last valid day") { on = ymd(2051, 3, 1); }
    SECTION("after it expired") { on = ymd(2052, 6, 30); }
    INFO("renewed on " << to_iso(on));
    const auto outcome = u.reg.renew(id, {on, "R-3", on}, u.rules);
    INFO(outcome.decision.explanation());
    REQUIRE(outcome);
    CHECK_FALSE(outcome.conflict);
    CHECK(outcome.decision.years == 10);
    CHECK(outcome.decision.version_name == "Unione 2020");
    CHECK(outcome.decision.previous_expiry == ymd(2051, 3, 1));
    CHECK(outcome.decision.new_expiry == ymd(2061, 3, 1));

    const auto after = u.reg.concession(id);
    REQUIRE(after);
    CHECK(after->expires_on == ymd(2061, 3, 1));
    CHECK(after->row_version == before->row_version + 1);
    CHECK(after->term_years == 30);
    CHECK(after->signed_on == before->signed_on);
    CHECK(after->deceased.size() == 1);
    REQUIRE(after->renewals.size() == 1);
    const Renewal& r = after->renewals[0];
    CHECK(r.id.valid());
    CHECK(r.granted_on == on);
    CHECK(r.years == 10);
    CHECK(r.previous_expiry == ymd(2051, 3, 1));
    CHECK(r.new_expiry == ymd(2061, 3, 1));
    CHECK(r.deed == "R-3");
    CHECK(r.version_name == "Unione 2020");

    REQUIRE(outcome.concession);
    CHECK(outcome.concession->expires_on == after->expires_on);
    CHECK(outcome.concession->row_version == after->row_version);
    CHECK(outcome.concession->renewals.size() == 1);
}

TEST_CASE("a second renewal where Unione 2020 allows one is refused, naming the version, and writes nothing",
          "[store]") {
    test::UnionRegister u;
    const auto plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "30");
    const auto id = u.add_ok({.plot = plot, .number = "21/2021", .signed_on = ymd(2021, 3, 1)});
    REQUIRE(u.reg.renew(id, {ymd(2051, 1, 10), "R-1", ymd(2051, 1, 10)}, u.rules));
    const auto renewed = u.reg.concession(id);
    const auto before = snapshot(u.reg);

    const auto second = u.reg.renew(id, {ymd(2060, 12, 1), "R-2", ymd(2060, 12, 1)}, u.rules);
    CHECK_FALSE(second);
    CHECK_FALSE(second.concession);
    REQUIRE(second.decision.refusal);
    CHECK(second.decision.refusal->code == RefusalCode::renewals_used_up);
    CHECK(second.decision.refusal->version_name == "Unione 2020");
    CHECK_THAT(second.decision.refusal->message, Catch::Contains("Unione 2020"));

    const auto after = u.reg.concession(id);
    CHECK(after->renewals.size() == 1);
    CHECK(after->expires_on == renewed->expires_on);
    CHECK(after->row_version == renewed->row_version);
    check_unchanged(u.reg, before);
}

TEST_CASE("renewals the rules refuse write nothing", "[store]") {
    test::UnionRegister u;
    ConcessionId id;
    Date on;
    RefusalCode expected = RefusalCode::no_version;
    std::string version;

    SECTION("a perpetual concession") {
        const auto plot = u.plot(u.pozzuolo_cimitero, PlotKind::cappella, "1", "Cappelle", "");
        id = u.add_ok({.plot = plot, .number = "2/1961", .signed_on = ymd(1961, 10, 2), .perpetual = true});
        on = ymd(2025, 1, 1);
        expected = RefusalCode::concession_perpetual;
    }
    SECTION("a Truccazzano loculo after Truccazzano left the Union, when no version covers it") {
        const auto plot = u.plot(u.truccazzano_cimitero, PlotKind::loculo, "40");
        id = u.add_ok({.plot = plot, .number = "17/2022", .signed_on = ymd(2022, 9, 1)});
        REQUIRE(u.reg.concession(id)->version_name == "Unione 2020");
        on = ymd(2052, 6, 1);
        expected = RefusalCode::no_version;
    }
    SECTION("a Truccazzano loculo signed under Truccazzano 2001 and renewed in 2010") {
        const auto plot = u.plot(u.albignano, PlotKind::loculo, "8");
        id = u.add_ok({.plot = plot, .number = "6/2005", .signed_on = ymd(2005, 4, 20)});
        REQUIRE(u.reg.concession(id)->version_name == "Truccazzano 2001");
        on = ymd(2010, 4, 20);
        expected = RefusalCode::kind_not_renewable;
        version = "Truccazzano 2001";
    }
    SECTION("a Truccazzano family tomb under Truccazzano 2001") {
        const auto plot = u.plot(u.incugnate, PlotKind::tomba_famiglia, "3", "Tombe", "");
        id = u.add_ok({.plot = plot, .number = "2/2012", .signed_on = ymd(2012, 7, 1)});
        on = ymd(2020, 7, 1);
        expected = RefusalCode::kind_not_renewable;
        version = "Truccazzano 2001";
    }
    SECTION("a renewal dated before the deed was signed") {
        const auto plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "31");
        id = u.add_ok({.plot = plot, .number = "22/2021", .signed_on = ymd(2021, 3, 1)});
        on = ymd(2021, 2, 1);
        expected = RefusalCode::before_signing;
    }
    const auto before_concession = u.reg.concession(id);
    REQUIRE(before_concession);
    const auto before = snapshot(u.reg);

    const auto outcome = u.reg.renew(id, {on, "R-9", on}, u.rules);
    CHECK_FALSE(outcome);
    CHECK_FALSE(outcome.concession);
    CHECK_FALSE(outcome.conflict);
    REQUIRE(outcome.decision.refusal);
    INFO(outcome.decision.refusal->message);
    CHECK(code_name(outcome.decision.refusal->code) == code_name(expected));
    CHECK(outcome.decision.refusal->version_name == version);
    if (!version.empty()) CHECK_THAT(outcome.decision.refusal->message, Catch::Contains(version));

    const auto after = u.reg.concession(id);
    CHECK(after->renewals.empty());
    CHECK(after->expires_on == before_concession->expires_on);
    CHECK(after->row_version == before_concession->row_version);
    check_unchanged(u.reg, before);
}

TEST_CASE("a renewal follows the version in force on the renewal date, not on signing", "[store]") {
    test::UnionRegister u;
    SECTION("a Liscate ossario signed in 2005, before any version, renewed in 2036 under Unione 2020") {
        const auto plot = u.plot(u.liscate_cimitero, PlotKind::ossario, "112", "Ossari", "4");
        const auto id = u.add_ok({.plot = plot, .number = "40/2005", .signed_on = ymd(2005, 6, 15), .years = 30});
        const auto signed_c = u.reg.concession(id);
        REQUIRE(signed_c->term_source == TermSource::deed);
        REQUIRE(signed_c->version_name.empty());
        REQUIRE(signed_c->expires_on == ymd(2035, 6, 15));

        const auto outcome = u.reg.renew(id, {ymd(2036, 1, 10), "", ymd(2036, 1, 10)}, u.rules);
        INFO(outcome.decision.explanation());
        REQUIRE(outcome);
        const auto c = u.reg.concession(id);
        CHECK(c->expires_on == ymd(2050, 6, 15));
        CHECK(c->version_name.empty());  // the term still comes from the deed
        REQUIRE(c->renewals.size() == 1);
        CHECK(c->renewals[0].years == 15);
        CHECK(c->renewals[0].version_name == "Unione 2020");
        CHECK(c->renewals[0].deed.empty());
    }
    SECTION("a Truccazzano loculo signed under Truccazzano 2001, renewed in 2022 under Unione 2020") {
        const auto plot = u.plot(u.albignano, PlotKind::loculo, "8");
        const auto id = u.add_ok({.plot = plot, .number = "6/2005", .signed_on = ymd(2005, 4, 20)});
        REQUIRE(u.reg.concession(id)->version_name == "Truccazzano 2001");

        const auto outcome = u.reg.renew(id, {ymd(2022, 4, 20), "R-1/2022"}, u.rules);
        INFO(outcome.decision.explanation());
        REQUIRE(outcome);
        const auto c = u.reg.concession(id);
        CHECK(c->expires_on == ymd(2045, 4, 20));
        CHECK(c->version_name == "Truccazzano 2001");
        REQUIRE(c->renewals.size() == 1);
        CHECK(c->renewals[0].version_name == "Unione 2020");
    }
}

TEST_CASE("a renewal is granted twice where the rule allows two, and the third is refused", "[store]") {
    const auto two_renewals = parse_regulation(R"TOML(
formato = 1

[generale]
perpetue_fino_al = 1976-02-09
perpetue_fonte = "DPR 803/1975"
giorni_affissione = 90
giorni_affissione_fonte = "RR Lombardia 6/2004 art. 20"
durata_massima_anni = 99
durata_massima_fonte = "DPR 285/1990 art. 92"

[[versione]]
nome = "Prova due rinnovi"
in_vigore_dal = 2021-01-01
comuni = ["Liscate"]
fonte = "regolamento di prova"

  [versione.tipi.tomba_famiglia]
  durata_anni = 30
  rinnovi = 2
  anni_rinnovo = 30
  decorrenza = "stipula"
  fonte = "prova: due rinnovi di 30 anni"
)TOML",
                                               "due-rinnovi.toml");
    INFO((two_renewals.error ? two_renewals.error->to_string() : std::string()));
    REQUIRE(two_renewals);

    test::UnionRegister u;
    const auto plot = u.plot(u.liscate_cimitero, PlotKind::tomba_famiglia, "6", "Tombe", "");
    const auto id = u.add_ok({.plot = plot, .number = "3/2022", .signed_on = ymd(2022, 2, 1)});
    REQUIRE(u.reg.concession(id)->expires_on == ymd(2052, 2, 1));

    const auto first = u.reg.renew(id, {ymd(2052, 1, 15), "R-1", ymd(2052, 1, 15)}, *two_renewals.regulation);
    INFO(first.decision.explanation());
    REQUIRE(first);
    CHECK(first.concession->expires_on == ymd(2082, 2, 1));

    const auto second = u.reg.renew(id, {ymd(2081, 12, 1), "R-2", ymd(2081, 12, 1)}, *two_renewals.regulation);
    INFO(second.decision.explanation());
    REQUIRE(second);
    CHECK(second.concession->expires_on == ymd(2112, 2, 1));
    REQUIRE(second.concession->renewals.size() == 2);
    CHECK(second.concession->renewals[0].new_expiry == ymd(2082, 2, 1));
    CHECK(second.concession->renewals[1].previous_expiry == ymd(2082, 2, 1));
    CHECK(second.concession->renewals[1].new_expiry == ymd(2112, 2, 1));
    CHECK(second.concession->renewals[1].version_name == "Prova due rinnovi");
    const auto before = snapshot(u.reg);

    const auto third = u.reg.renew(id, {ymd(2111, 6, 1), "R-3", ymd(2111, 6, 1)}, *two_renewals.regulation);
    CHECK_FALSE(third);
    REQUIRE(third.decision.refusal);
    CHECK(third.decision.refusal->code == RefusalCode::renewals_used_up);
    CHECK_THAT(third.decision.refusal->message, Catch::Contains("Prova due rinnovi"));
    CHECK(u.reg.concession(id)->renewals.size() == 2);
    check_unchanged(u.reg, before);
}

namespace {

// Two clerks at two desks, each with a Register of their own on `location`: both are
// shown the same family tomb, the first renews it, then the second confirms the
// renewal the preview promised. Written for any register the clerks can share.
void second_clerk_renews_what_was_shown(const std::filesystem::path& location) {
    const auto rules = parse_regulation(test::many_renewals_toml, "rinnovi-a-volonta.toml");
    INFO((rules.error ? rules.error->to_string() : std::string()));
    REQUIRE(rules);
    test::UnionRegister first_desk(location, "first.clerk");
    auto second_desk = Register::open(location, "second.clerk");
    const auto plot = first_desk.plot(first_desk.liscate_cimitero, PlotKind::tomba_famiglia, "6", "Tombe", "");
    const auto id = first_desk.add_ok({.plot = plot, .number = "3/2022", .signed_on = ymd(2022, 2, 1)});

    const auto shown_first = *first_desk.reg.concession(id);
    const auto shown_second = *second_desk.concession(id);
    REQUIRE(shown_first.row_version == shown_second.row_version);

    RenewalRequest first{ymd(2030, 1, 10), "R-1/2030", ymd(2030, 1, 10), shown_first.row_version};
    REQUIRE(first_desk.reg.renew(id, first, *rules.regulation));
    const auto before = snapshot(second_desk);

    RenewalRequest second{ymd(2030, 1, 20), "R-2/2030", ymd(2030, 1, 20), shown_second.row_version};
    const auto refused = second_desk.renew(id, second, *rules.regulation);
    CHECK_FALSE(refused);
    CHECK_FALSE(refused.concession);
    check_conflict(refused.conflict, ConflictCode::stale);
    const auto now = *second_desk.concession(id);
    REQUIRE(now.renewals.size() == 1);
    CHECK(now.renewals[0].deed == "R-1/2030");
    CHECK(now.expires_on == ymd(2053, 2, 1));
    check_unchanged(second_desk, before);

    SECTION("shown again, the second clerk's renewal is recorded on the first") {
        second.expected_version = now.row_version;
        const auto renewed = second_desk.renew(id, second, *rules.regulation);
        INFO(renewed.decision.explanation());
        REQUIRE(renewed);
        CHECK(renewed.concession->renewals.size() == 2);
        CHECK(renewed.concession->expires_on == ymd(2054, 2, 1));
    }
}

}  // namespace

TEST_CASE("a renewal confirmed after another clerk renewed the concession since it was shown is refused as stale",
          "[store][stale]") {
    test::TempDir dir;
    second_clerk_renews_what_was_shown(dir.file("registro.sqlite"));
}

TEST_CASE("a renewal that would run into a later concession on the same plot is refused and writes nothing",
          "[store]") {
    test::UnionRegister u;
    const auto plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "7");
    const auto first = u.add_ok({.plot = plot, .number = "4/2005", .signed_on = ymd(2005, 3, 10), .years = 30});
    u.add_ok({.plot = plot, .number = "1/2040", .signed_on = ymd(2040, 1, 1)});
    const auto before_concession = u.reg.concession(first);
    const auto before = snapshot(u.reg);

    const auto outcome = u.reg.renew(first, {ymd(2035, 1, 15), "R-1", ymd(2035, 1, 15)}, u.rules);
    CHECK_FALSE(outcome);
    CHECK_FALSE(outcome.concession);
    check_conflict(outcome.conflict, ConflictCode::plot_overlap);
    // The rules allowed it; the register did not.
    CHECK(outcome.decision.allowed());
    CHECK(outcome.decision.new_expiry == ymd(2045, 3, 10));

    const auto after = u.reg.concession(first);
    CHECK(after->expires_on == ymd(2035, 3, 10));
    CHECK(after->renewals.empty());
    CHECK(after->row_version == before_concession->row_version);
    check_unchanged(u.reg, before);
}

TEST_CASE("a register sees what another program wrote to the same file after its own reads", "[store]") {
    test::TempDir dir;
    test::UnionRegister clerk(dir.file("registro.sqlite"));
    auto other = Register::open(dir.file("registro.sqlite"), "other.clerk");
    const auto first = clerk.add_ok({.plot = clerk.plot(clerk.liscate_cimitero, PlotKind::loculo, "1"),
                                     .number = "L-1", .signed_on = ymd(2022, 1, 10)});
    // Reads that leave a statement mid-result must not pin an old snapshot.
    REQUIRE(clerk.reg.find_concession(clerk.liscate, "L-1") == first);
    REQUIRE(clerk.reg.find_comune("Liscate"));
    REQUIRE(other.count_concessions() == 1);

    const auto plot = other.add_plot(Plot{{}, clerk.liscate_cimitero, PlotKind::loculo, {"A", "1", "2", ""}});
    REQUIRE(plot);
    Concession c = *clerk.reg.concession(first);
    c.plot = *plot.value;
    c.deed_number = "L-2";
    c.holders.clear();
    c.deceased.clear();
    REQUIRE(other.add_concession(c));

    CHECK(clerk.reg.count_concessions() == 2);
    CHECK(clerk.reg.find_concession(clerk.liscate, "L-2"));
    // And its own next write is not refused for an old snapshot.
    CHECK(clerk.add({.plot = clerk.plot(clerk.liscate_cimitero, PlotKind::loculo, "3"), .number = "L-3",
                     .signed_on = ymd(2022, 2, 1)}));
}

TEST_CASE("renewing a concession that is not in the register is a missing reference, not a rule", "[store]") {
    test::UnionRegister u;
    const auto outcome = u.reg.renew(ConcessionId{4242}, {ymd(2026, 1, 1), ""}, u.rules);
    CHECK_FALSE(outcome);
    CHECK_FALSE(outcome.decision.refusal);
    REQUIRE(outcome.conflict);
    CHECK(outcome.conflict->code == ConflictCode::missing_reference);
    CHECK(u.reg.change_log("concession").empty());
}

TEST_CASE("a renewal deed number is recorded once in a comune; an empty one is not compared", "[store]") {
    test::UnionRegister u;
    const auto first = u.add_ok({.plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "30"), .number = "21/2021",
                                 .signed_on = ymd(2021, 3, 1)});
    const auto second = u.add_ok({.plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "31"), .number = "22/2021",
                                  .signed_on = ymd(2021, 3, 1)});
    const auto elsewhere = u.add_ok({.plot = u.plot(u.pozzuolo_cimitero, PlotKind::loculo, "31"), .number = "22/2021",
                                     .signed_on = ymd(2021, 3, 1)});
    const Date today = ymd(2051, 1, 10);
    REQUIRE(u.reg.renew(first, {ymd(2051, 1, 10), "R-1/2051", today}, u.rules));

    SECTION("the same deed for another concession of the comune is refused, naming where it is") {
        const auto before = snapshot(u.reg);
        const auto outcome = u.reg.renew(second, {ymd(2051, 1, 10), "R-1/2051", today}, u.rules);
        CHECK_FALSE(outcome);
        CHECK_FALSE(outcome.conflict);
        REQUIRE(outcome.decision.refusal);
        INFO(outcome.decision.refusal->message);
        CHECK(code_name(outcome.decision.refusal->code) == code_name(RefusalCode::renewal_deed_used));
        CHECK_THAT(outcome.decision.refusal->message, Catch::Contains("R-1/2051") && Catch::Contains("21/2021"));
        CHECK(u.reg.concession(second)->renewals.empty());
        check_unchanged(u.reg, before);
    }
    SECTION("the same renewal recorded again for the same concession is refused") {
        const auto before = snapshot(u.reg);
        const auto again = u.reg.renew(first, {ymd(2051, 1, 10), "R-1/2051", today}, u.rules);
        CHECK_FALSE(again);
        REQUIRE(again.decision.refusal);
        CHECK(code_name(again.decision.refusal->code) == code_name(RefusalCode::not_after_last_renewal));
        CHECK(u.reg.concession(first)->renewals.size() == 1);
        check_unchanged(u.reg, before);
    }
    SECTION("another comune may use the same number") {
        CHECK(u.reg.renew(elsewhere, {ymd(2051, 1, 10), "R-1/2051", today}, u.rules));
    }
    SECTION("renewals without a deed number are not compared") {
        REQUIRE(u.reg.renew(second, {ymd(2051, 1, 10), "", today}, u.rules));
        CHECK(u.reg.renew(elsewhere, {ymd(2051, 1, 10), "", today}, u.rules));
    }
}

TEST_CASE("a renewal dated after the day it is recorded is refused and writes nothing", "[store]") {
    test::UnionRegister u;
    const auto id = u.add_ok({.plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "30"), .number = "21/2021",
                              .signed_on = ymd(2021, 3, 1)});
    const auto before = snapshot(u.reg);
    SECTION("today given") {
        const auto outcome = u.reg.renew(id, {ymd(2026, 12, 3), "R-1", ymd(2026, 12, 2)}, u.rules);
        REQUIRE(outcome.decision.refusal);
        CHECK(code_name(outcome.decision.refusal->code) == code_name(RefusalCode::after_today));
    }
    SECTION("today from the clock, centuries ahead") {
        const auto outcome = u.reg.renew(id, {ymd(2351, 1, 1), "R-1"}, u.rules);
        REQUIRE(outcome.decision.refusal);
        CHECK(code_name(outcome.decision.refusal->code) == code_name(RefusalCode::after_today));
    }
    CHECK(u.reg.concession(id)->renewals.empty());
    check_unchanged(u.reg, before);
}

TEST_CASE("a renewal that would end before its own date is refused with the dates, and writes nothing", "[store]") {
    test::UnionRegister u;
    // Signed before any version, with its own 30 years: expired on 1990-05-05.
    const auto id = u.add_ok({.plot = u.plot(u.pozzuolo_cimitero, PlotKind::loculo, "2", "C", "1", "1"),
                              .number = "P-1960-001", .signed_on = ymd(1960, 5, 5), .years = 30});
    const auto before = snapshot(u.reg);
    const auto outcome = u.reg.renew(id, {ymd(2026, 11, 26), "R-2026/9", ymd(2026, 12, 2)}, u.rules);
    CHECK_FALSE(outcome);
    REQUIRE(outcome.decision.refusal);
    INFO(outcome.decision.refusal->message);
    CHECK(code_name(outcome.decision.refusal->code) == code_name(RefusalCode::renewal_ends_before));
    CHECK_THAT(outcome.decision.refusal->message, Catch::Contains("05/05/2000") && Catch::Contains("26/11/2026"));
    CHECK(u.reg.concession(id)->expires_on == ymd(1990, 5, 5));
    check_unchanged(u.reg, before);
}
