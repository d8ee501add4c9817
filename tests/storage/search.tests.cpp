#include "support.hpp"

#include "storage/fixtures.hpp"

#include <cemetery/register.hpp>

#include <algorithm>
#include <string>
#include <type_traits>
#include <vector>

using namespace cemetery;
using test::ymd;

namespace {

// A small register: who lies where, and who holds which concession.
struct Sample : test::UnionRegister {
    ConcessionId perego_giuseppe, dadda, dellorto, perego_carla, giussani, villa, bianchi;

    Sample() {
        Holder elsa = test::holder("Cazzaniga", "Elsa", "CZZLSE60A41G965X");
        elsa.address = "Via Dante 4, Pozzuolo Martesana";
        elsa.phone = "333 1234567";
        elsa.email = "elsa@example.org";
        perego_giuseppe = add_ok(
            {.plot = plot(pozzuolo_cimitero, PlotKind::loculo, "1", "B", "2", "3"),
             .number = "15/2021",
             .signed_on = ymd(2021, 5, 10),
             .holders = {elsa},
             .deceased = {test::deceased("Pèrego", "Giuseppe", ymd(1931, 3, 3), ymd(2021, 5, 8), ymd(2021, 5, 11))}});
        dadda = add_ok({.plot = plot(liscate_cimitero, PlotKind::loculo, "1"),
                        .number = "7/2022",
                        .signed_on = ymd(2022, 1, 20),
                        .holders = {test::holder("Rossi", "Mario", "RSSMRA55C10E610Y")},
                        .deceased = {test::deceased("D'Adda", "Maria")}});
        dellorto = add_ok({.plot = plot(bellinzago_cimitero, PlotKind::loculo, "1"),
                           .number = "3/2021",
                           .signed_on = ymd(2021, 9, 9),
                           .holders = {test::holder("Brambilla", "Anna")},
                           .deceased = {test::deceased("Dell'Orto", "Luigi")}});
        perego_carla = add_ok({.plot = plot(truccazzano_cimitero, PlotKind::loculo, "1"),
                               .number = "9/2022",
                               .signed_on = ymd(2022, 4, 4),
                               .holders = {test::holder("Colombo", "Franco")},
                               .deceased = {test::deceased("Perego", "Carla")}});
        giussani = add_ok({.plot = plot(liscate_cimitero, PlotKind::loculo, "2"),
                           .number = "8/2022",
                           .signed_on = ymd(2022, 2, 2),
                           .holders = {test::holder("Sala", "Teresa")},
                           .deceased = {test::deceased("Giussani", "Pietro")}});
        villa = add_ok({.plot = plot(liscate_cimitero, PlotKind::ossario, "3", "Ossari"),
                        .number = "11/2022",
                        .signed_on = ymd(2022, 6, 6),
                        .holders = {test::holder("Pèrego", "Franco")},
                        .deceased = {test::deceased("Villa", "Rosa")}});
        bianchi = add_ok({.plot = plot(trecella, PlotKind::tomba_famiglia, "4", "Tombe", ""),
                          .number = "12/1960",
                          .signed_on = ymd(1960, 11, 11),
                          .perpetual = true,
                          .holders = {test::holder("Bianchi", "Ernesto")},
                          .deceased = {test::deceased("Bianchi", "Ernesto")}});
    }

    // The concessions found, in the order given.
    [[nodiscard]] std::vector<ConcessionId> found(std::string_view text, const SearchOptions& options = {}) const {
        std::vector<ConcessionId> out;
        for (const auto& hit : reg.search(text, options)) out.push_back(hit.concession);
        return out;
    }
    // The same, in id order, to compare as a set.
    [[nodiscard]] std::vector<ConcessionId> found_set(std::string_view text, const SearchOptions& options = {}) const {
        auto out = found(text, options);
        std::sort(out.begin(), out.end());
        return out;
    }
};

std::vector<ConcessionId> set_of(std::vector<ConcessionId> ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
}

SearchOptions deceased_only() {
    SearchOptions o;
    o.scope = SearchScope::deceased_only;
    return o;
}

}  // namespace

namespace Catch {
template <>
struct StringMaker<ConcessionId> {
    static std::string convert(ConcessionId id) { return "concession " + std::to_string(id.value()); }
};
}  // namespace Catch

TEST_CASE("a surname is found whatever its accents and case, both ways", "[search]") {
    const Sample s;
    const auto all_peregos = set_of({s.perego_giuseppe, s.perego_carla, s.villa});
    for (const char* typed : {"perego", "Perego", "PEREGO", "pèrego", "PÈREGO", "Pérego", "  perego  "}) {
        INFO("typed: " << typed);
        CHECK(s.found_set(typed) == all_peregos);
    }
}

TEST_CASE("a name with an apostrophe is found by either of its parts or by both joined", "[search]") {
    const Sample s;
    for (const char* typed : {"adda", "dadda", "d'adda", "D'Adda", "D’Adda", "d adda", "DADDA", "maria d'adda"}) {
        INFO("typed: " << typed);
        CHECK(s.found(typed) == std::vector{s.dadda});
    }
    for (const char* typed : {"dell'orto", "orto", "dellorto", "DELL ORTO", "Dell’Orto", "luigi dell"}) {
        INFO("typed: " << typed);
        CHECK(s.found(typed) == std::vector{s.dellorto});
    }
}

TEST_CASE("every word typed is the beginning of some word of the concession", "[search]") {
    const Sample s;
    SECTION("the start of a given name or surname") {
        CHECK(s.found_set("giu") == set_of({s.perego_giuseppe, s.giussani}));
        CHECK(s.found_set("per") == set_of({s.perego_giuseppe, s.perego_carla, s.villa}));
        CHECK(s.found("giuss") == std::vector{s.giussani});
    }
    SECTION("two words must both match, in any order") {
        CHECK(s.found("perego giuseppe") == std::vector{s.perego_giuseppe});
        CHECK(s.found("giuseppe perego") == std::vector{s.perego_giuseppe});
        CHECK(s.found("per car") == std::vector{s.perego_carla});
        CHECK(s.found("perego pietro").empty());
        CHECK(s.found("giu rossi").empty());
    }
    SECTION("a word inside a name is not the start of a word") {
        CHECK(s.found("rego").empty());
        CHECK(s.found("ussani").empty());
    }
    SECTION("a holder's name finds the concession") {
        CHECK(s.found("cazzaniga") == std::vector{s.perego_giuseppe});
        CHECK(s.found("elsa caz") == std::vector{s.perego_giuseppe});
    }
}

TEST_CASE("a deed number or a codice fiscale finds its concession", "[search]") {
    const Sample s;
    SECTION("the deed number") {
        CHECK(s.found("15/2021") == std::vector{s.perego_giuseppe});
        CHECK(s.found("152021") == std::vector{s.perego_giuseppe});
        CHECK(s.found("11/2022") == std::vector{s.villa});
        CHECK(s.found_set("2021") == set_of({s.perego_giuseppe, s.dellorto}));
    }
    SECTION("the codice fiscale, whole, in lower case, or its beginning") {
        for (const char* typed : {"CZZLSE60A41G965X", "czzlse60a41g965x", "CZZLSE60"}) {
            INFO("typed: " << typed);
            CHECK(s.found(typed) == std::vector{s.perego_giuseppe});
        }
        CHECK(s.found("RSSMRA55C10E610Y") == std::vector{s.dadda});
    }
}

TEST_CASE("the comune option restricts the search to one comune", "[search]") {
    const Sample s;
    SearchOptions o;
    o.comune = s.truccazzano;
    CHECK(s.found("perego", o) == std::vector{s.perego_carla});
    o.comune = s.liscate;
    CHECK(s.found("perego", o) == std::vector{s.villa});
    o.comune = s.bellinzago;
    CHECK(s.found("perego", o).empty());
    CHECK(s.found("d", o) == std::vector{s.dellorto});
    o.comune.reset();
    CHECK(s.found("d", o).size() > 1);
}

TEST_CASE("the counter's search finds the deceased only, never by holder or codice fiscale", "[search]") {
    const Sample s;
    CHECK(s.found_set("perego", deceased_only()) == set_of({s.perego_giuseppe, s.perego_carla}));
    CHECK(s.found("rosa", deceased_only()) == std::vector{s.villa});
    for (const char* typed : {"cazzaniga", "elsa", "CZZLSE60A41G965X", "czzlse", "15/2021", "franco", "colombo",
                              "holders:cazzaniga", "holders : cazzaniga", "{holders}: cazzaniga",
                              "numbers:CZZLSE60A41G965X"}) {
        INFO("typed: " << typed);
        CHECK(s.found(typed, deceased_only()).empty());
    }
}

TEST_CASE("text that looks like query syntax is searched as plain words and never throws", "[search]") {
    const Sample s;
    const auto all_peregos = set_of({s.perego_giuseppe, s.perego_carla, s.villa});
    struct Case {
        std::string typed;
        std::vector<ConcessionId> expected;
    };
    const std::vector<Case> cases{
        {"\"", {}},
        {"\"\"", {}},
        {"*", {}},
        {"-", {}},
        {"^", {}},
        {":", {}},
        {"(", {}},
        {")", {}},
        {"+", {}},
        {"%", {}},
        {"_", {}},
        {"\\", {}},
        {"'); DROP TABLE concession; --", {}},
        {"perego OR cazzaniga", {}},       // as a query, OR would find every Perego
        {"perego NOT giuseppe", {}},       // as a query, NOT would find Carla and Villa
        {"perego AND giuseppe", {}},
        {"NEAR(perego giuseppe)", {}},
        {"\"perego\" OR \"villa\"", {}},
        {"deceased:perego", {}},           // a column filter is a word like any other
        {"{deceased holders}: perego", {}},
        {"\xFF\xFE perego \xC3", all_peregos},  // malformed UTF-8 around a good word
        {"🙂", {}},
        {"perego 🙂", {}},
        {"perego*", all_peregos},
        {"perego\"", all_peregos},
        {"\"perego\"", all_peregos},
        {"^perego", all_peregos},
        {"-perego", all_peregos},
        {"+perego", all_peregos},
        {"(perego)", all_peregos},
        {"OR", {s.dellorto}},  // a word like any other: the start of "Orto"
        {std::string(5000, 'a'), {}},
    };
    for (const auto& c : cases) {
        INFO("typed: " << c.typed);
        std::vector<ConcessionId> hits;
        REQUIRE_NOTHROW(hits = s.found_set(c.typed));
        CHECK(hits == c.expected);
        REQUIRE_NOTHROW(s.reg.search(c.typed, deceased_only()));
    }
    // Nothing was run as SQL: the register is whole.
    CHECK(s.reg.count_concessions() == 7);
    CHECK(s.found("perego giuseppe") == std::vector{s.perego_giuseppe});
}

TEST_CASE("blank text finds nothing", "[search]") {
    const Sample s;
    for (const char* typed : {"", " ", "   ", "\t\n", "'", "’", "--", "...", " ' - ' "}) {
        INFO("typed: [" << typed << "]");
        CHECK(s.reg.search(typed).empty());
        CHECK(s.reg.search(typed, deceased_only()).empty());
    }
}

TEST_CASE("a hit names the holders but carries no codice fiscale or contacts", "[search]") {
    // The struct itself holds holders' names only.
    static_assert(std::is_same_v<decltype(SearchHit::holders), std::vector<std::string>>);

    const Sample s;
    const auto hits = s.reg.search("giuseppe");
    REQUIRE(hits.size() == 1);
    const SearchHit& hit = hits[0];
    CHECK(hit.holders == std::vector<std::string>{"Cazzaniga Elsa"});
    for (const auto& h : hit.holders) {
        CHECK_THAT(h, !Catch::Contains("CZZLSE"));
        CHECK_THAT(h, !Catch::Contains("Via Dante"));
        CHECK_THAT(h, !Catch::Contains("333"));
        CHECK_THAT(h, !Catch::Contains("@"));
    }
    // Found by the codice fiscale, the hit still does not show it.
    const auto by_cf = s.reg.search("CZZLSE60A41G965X");
    REQUIRE(by_cf.size() == 1);
    CHECK(by_cf[0].holders == std::vector<std::string>{"Cazzaniga Elsa"});
}

TEST_CASE("a hit says where the deceased lies and until when", "[search]") {
    Sample s;
    SECTION("a fixed-term loculo") {
        const auto hits = s.reg.search("giuseppe");
        REQUIRE(hits.size() == 1);
        const SearchHit& hit = hits[0];
        CHECK(hit.concession == s.perego_giuseppe);
        CHECK(hit.comune == "Pozzuolo Martesana");
        CHECK(hit.cemetery == "Pozzuolo Martesana");
        CHECK(hit.kind == PlotKind::loculo);
        CHECK(hit.location == Location{"B", "2", "1", "3"});
        CHECK(hit.deed_number == "15/2021");
        CHECK(hit.term_start == ymd(2021, 5, 10));
        CHECK_FALSE(hit.perpetual);
        CHECK(hit.expires_on == ymd(2051, 5, 10));
        CHECK(hit.ending == Ending::none);
        REQUIRE(hit.deceased.size() == 1);
        CHECK(hit.deceased[0].full_name() == "Pèrego Giuseppe");
        CHECK(hit.deceased[0].born_on == ymd(1931, 3, 3));
        CHECK(hit.deceased[0].died_on == ymd(2021, 5, 8));
        CHECK(hit.deceased[0].buried_on == ymd(2021, 5, 11));
    }
    SECTION("a perpetual family tomb") {
        const auto hits = s.reg.search("bianchi", deceased_only());
        REQUIRE(hits.size() == 1);
        CHECK(hits[0].cemetery == "Trecella");
        CHECK(hits[0].kind == PlotKind::tomba_famiglia);
        CHECK(hits[0].perpetual);
        CHECK_FALSE(hits[0].expires_on);
    }
    SECTION("a renewed concession shows its new expiry") {
        REQUIRE(s.reg.search("giussani")[0].expires_on == ymd(2052, 2, 2));
        REQUIRE(s.reg.renew(s.giussani, {ymd(2052, 1, 2), "", ymd(2052, 1, 2)}, s.rules));
        CHECK(s.reg.search("giussani")[0].expires_on == ymd(2062, 2, 2));
    }
}

TEST_CASE("concessions whose deceased bear the surname come before those found through a holder", "[search]") {
    const Sample s;
    // Pèrego Giuseppe and Perego Carla in the register's order, then Villa Rosa,
    // found by her holder, Pèrego Franco.
    CHECK(s.found("perego") == std::vector{s.perego_giuseppe, s.perego_carla, s.villa});
}

TEST_CASE("the order is the whole result's: pages read one after another follow on", "[search]") {
    Sample s;
    // Sala Teresa holds Giussani's concession, written first; Sala Ines lies in
    // one written later. Her concession comes first on every page size.
    const auto sala = s.add_ok({.plot = s.plot(s.pozzuolo_cimitero, PlotKind::loculo, "9"),
                                .number = "6/2023",
                                .signed_on = ymd(2023, 3, 3),
                                .holders = {test::holder("Brivio", "Carlo")},
                                .deceased = {test::deceased("Sala", "Ines")}});
    CHECK(s.found("sala") == std::vector{sala, s.giussani});
    SearchOptions page;
    page.limit = 1;
    std::vector<ConcessionId> paged;
    for (page.offset = 0; page.offset < 3; ++page.offset) {
        const auto one = s.found("sala", page);
        paged.insert(paged.end(), one.begin(), one.end());
    }
    CHECK(paged == std::vector{sala, s.giussani});
    CHECK(s.reg.count_matches("sala") == 2);
}

TEST_CASE("a hit found other than by its deceased says through whom or what", "[search]") {
    const Sample s;
    SECTION("a deceased's name: nothing more to say") {
        const auto hits = s.reg.search("giussani");
        REQUIRE(hits.size() == 1);
        CHECK(hits[0].matched_by == MatchedBy::deceased);
        CHECK(hits[0].matched_holder.empty());
    }
    SECTION("a holder's surname names that holder") {
        const auto hits = s.reg.search("perego");
        REQUIRE(hits.size() == 3);
        CHECK(hits[0].matched_by == MatchedBy::deceased);
        CHECK(hits[1].matched_by == MatchedBy::deceased);
        CHECK(hits[2].concession == s.villa);
        CHECK(hits[2].matched_by == MatchedBy::holder);
        CHECK(hits[2].matched_holder == "Pèrego Franco");
    }
    SECTION("the deed number") {
        const auto hits = s.reg.search("11/2022");
        REQUIRE(hits.size() == 1);
        CHECK(hits[0].matched_by == MatchedBy::deed_number);
        CHECK(hits[0].matched_holder.empty());
    }
    SECTION("a tax code names its holder, and the hit still carries no tax code") {
        const auto hits = s.reg.search("rssmra55");
        REQUIRE(hits.size() == 1);
        CHECK(hits[0].concession == s.dadda);
        CHECK(hits[0].matched_by == MatchedBy::codice_fiscale);
        CHECK(hits[0].matched_holder == "Rossi Mario");
        for (const auto& name : hits[0].holders) CHECK(name.find("RSSMRA") == std::string::npos);
    }
    SECTION("words over a deceased and a holder: the holder who explains them") {
        const auto hits = s.reg.search("giussani teresa");
        REQUIRE(hits.size() == 1);
        CHECK(hits[0].matched_by == MatchedBy::holder);
        CHECK(hits[0].matched_holder == "Sala Teresa");
    }
    SECTION("the counter's search: always the deceased") {
        for (const auto& hit : s.reg.search("perego", deceased_only())) CHECK(hit.matched_by == MatchedBy::deceased);
    }
}

TEST_CASE("the count is the number of concessions found, in every rank", "[search]") {
    const Sample s;
    CHECK(s.reg.count_matches("perego") == 3);
    CHECK(s.reg.count_matches("perego", deceased_only()) == 2);
    SearchOptions o;
    o.comune = s.liscate;
    CHECK(s.reg.count_matches("perego", o) == 1);
    CHECK(s.reg.count_matches("nobody") == 0);
    CHECK(s.reg.count_matches("  ") == 0);
}

TEST_CASE("the search returns at most the number of hits asked for", "[search]") {
    const Sample s;
    SearchOptions o;
    SECTION("one") {
        o.limit = 1;
        CHECK(s.found("perego", o).size() == 1);
    }
    SECTION("two") {
        o.limit = 2;
        CHECK(s.found("perego", o).size() == 2);
    }
    SECTION("more than there are") {
        o.limit = 50;
        CHECK(s.found("perego", o).size() == 3);
    }
    SECTION("none") {
        o.limit = 0;
        CHECK(s.found("perego", o).empty());
    }
}

TEST_CASE("a concession added later is found at once", "[search]") {
    Sample s;
    CHECK(s.found("brivio").empty());
    const auto id = s.add_ok({.plot = s.plot(s.pozzuolo_cimitero, PlotKind::cinerario, "9", "Cinerari"),
                              .number = "2/2023",
                              .signed_on = ymd(2023, 3, 3),
                              .deceased = {test::deceased("Brivio", "Ada")}});
    CHECK(s.found("brivio") == std::vector{id});
    CHECK(s.found("ada") == std::vector{id});
}

TEST_CASE("a family tomb's hit names each holder once in order and each deceased once in burial order",
          "[search]") {
    Sample s;
    const auto id = s.add_ok({.plot = s.plot(s.liscate_cimitero, PlotKind::tomba_famiglia, "7", "Tombe", ""),
                              .number = "4/2023",
                              .signed_on = ymd(2023, 1, 9),
                              .holders = {test::holder("Sironi", "Marta"), test::holder("Sironi", "Luca"),
                                          test::holder("Sironi", "")},
                              .deceased = {test::deceased("Sironi", "Aldo", ymd(1940, 1, 1), ymd(2023, 1, 5),
                                                          ymd(2023, 1, 10)),
                                           test::deceased("Sironi", "Bice", ymd(1941, 1, 1), ymd(2020, 3, 3),
                                                          ymd(2020, 3, 6)),
                                           test::deceased("Sironi", "Ugo")}});
    const auto hits = s.reg.search("sironi");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].concession == id);
    CHECK(hits[0].holders == std::vector<std::string>{"Sironi Marta", "Sironi Luca", "Sironi"});
    std::vector<std::string> deceased;
    for (const auto& d : hits[0].deceased) deceased.push_back(d.full_name());
    // Buried first, then later, then the one with no burial date recorded.
    CHECK(deceased == std::vector<std::string>{"Sironi Bice", "Sironi Aldo", "Sironi Ugo"});
}

TEST_CASE("a concession with holders and no deceased yet is a hit with no deceased", "[search]") {
    Sample s;
    const auto id = s.add_ok({.plot = s.plot(s.liscate_cimitero, PlotKind::loculo, "8"),
                              .number = "5/2023",
                              .signed_on = ymd(2023, 2, 9),
                              .holders = {test::holder("Brivio", "Carlo")}});
    const auto hits = s.reg.search("brivio");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].concession == id);
    CHECK(hits[0].deceased.empty());
    CHECK(hits[0].holders == std::vector<std::string>{"Brivio Carlo"});
}

// A bulk load makes each concession's search row once the concession is complete
// (a family tomb's later rows included), aside from the writes: every name and
// number it wrote must be found, and a concession completed out of order too.
TEST_CASE("a load's search rows find every person and number it wrote", "[search][load]") {
    test::UnionRegister u;
    {
        Register::Load load(u.reg, "registro.csv");
        auto new_plot = [&](PlotKind kind, const char* numero) {
            const auto p = load.add_plot(Plot{{}, u.liscate_cimitero, kind, Location{"C", "1", numero, ""}});
            REQUIRE(p);
            return *p.value;
        };
        const auto tomb = load.add_concession(
            u.concession_for({.plot = new_plot(PlotKind::tomba_famiglia, "1"), .number = "T-7", .signed_on = ymd(1990, 5, 2),
                              .years = 99, .holders = {test::holder("Brambilla", "Ugo", "BRMGUO60A01E640T")},
                              .deceased = {test::deceased("Sala", "Anna")}}),
            2);
        REQUIRE(tomb);
        REQUIRE(load.add_people(*tomb.value, {test::holder("Oggioni", "Rita")}, {test::deceased("Sala", "Pietro")}));
        const auto other = load.add_concession(
            u.concession_for({.plot = new_plot(PlotKind::loculo, "2"), .number = "L-8", .signed_on = ymd(2001, 3, 3),
                              .years = 40, .deceased = {test::deceased("Crippa", "Elena")}}),
            4);
        REQUIRE(other);
        REQUIRE(load.add_people(*tomb.value, {}, {test::deceased("Sala", "Bruno")}));  // after another one
        load.commit();
    }
    auto found = [&](const char* text) {
        const auto hits = u.reg.search(text);
        std::vector<std::string> deeds;
        for (const auto& h : hits) deeds.push_back(h.deed_number);
        std::sort(deeds.begin(), deeds.end());
        return deeds;
    };
    const std::vector<std::string> tomb{"T-7"};
    CHECK(found("brambilla") == tomb);
    CHECK(found("oggioni rita") == tomb);
    CHECK(found("sala anna") == tomb);
    CHECK(found("sala pietro") == tomb);
    CHECK(found("sala bruno") == tomb);
    CHECK(found("BRMGUO60A01E640T") == tomb);
    CHECK(found("T7") == tomb);
    CHECK(found("crippa") == std::vector<std::string>{"L-8"});
    CHECK(found("L-8") == std::vector<std::string>{"L-8"});
}
