// What a clerk types about a person, checked before anything is written: the same
// checks the desktop program's forms make.
#include "support.hpp"

#include <cemetery/validation.hpp>

using cemetery::Deceased;
using cemetery::FutureLimit;
using cemetery::Holder;
using cemetery::ProblemCode;
using test::ymd;

namespace {

Deceased ercole() {
    Deceased d;
    d.surname = "Cazzaniga";
    d.given_name = "Ercole";
    d.born_on = ymd(1901, 12, 12);
    d.died_on = ymd(1987, 8, 30);
    d.buried_on = ymd(1987, 9, 2);
    return d;
}

Holder elsa() {
    Holder h;
    h.surname = "Cazzaniga";
    h.given_name = "Elsa";
    return h;
}

// The fields with a problem, in order.
std::vector<std::string> fields(const std::vector<cemetery::FieldProblem>& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(p.field);
    return out;
}

}  // namespace

TEST_CASE("a deceased's dates after today are refused, today itself is not", "[validation]") {
    const FutureLimit limit{ymd(2026, 12, 2)};
    Deceased d = ercole();
    CHECK(cemetery::validate(d, limit).empty());
    d.died_on = ymd(2026, 12, 1);
    d.buried_on = ymd(2026, 12, 2);
    CHECK(cemetery::validate(d, limit).empty());
    d.buried_on = ymd(2026, 12, 3);
    const auto problems = cemetery::validate(d, limit);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "buried_on");
    CHECK(problems[0].code == ProblemCode::date_in_future);
    CHECK(problems[0].detail == "02/12/2026");
    CHECK(problems[0].message == "after today (02/12/2026): this date has not come yet");

    SECTION("birth and death alike") {
        d.born_on = ymd(2027, 1, 1);
        d.died_on = ymd(2027, 1, 2);
        d.buried_on = ymd(2027, 1, 3);
        CHECK(fields(cemetery::validate(d, limit)) == std::vector<std::string>{"born_on", "died_on", "buried_on"});
    }
    SECTION("a tolerance lets that many days through") {
        CHECK(cemetery::validate(d, FutureLimit{ymd(2026, 12, 2), 1}).empty());
        const auto two_days = cemetery::validate(Deceased{d}, FutureLimit{ymd(2026, 12, 1), 1});
        REQUIRE(two_days.size() == 1);
        CHECK(two_days[0].message ==
              "after 02/12/2026 (today, 01/12/2026, and 1 day of tolerance): this date has not come yet");
    }
    SECTION("without a today, only the order of the dates is checked") {
        CHECK(cemetery::validate(d, std::nullopt).empty());
    }
}

TEST_CASE("a person's text with a control character or too long is refused", "[validation]") {
    Deceased d = ercole();
    d.surname = "Caz\x1bzaniga";
    auto problems = cemetery::validate(d, std::nullopt);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "surname");
    CHECK(problems[0].code == ProblemCode::control_character);
    CHECK(problems[0].detail == "\\x1b");

    Holder h = elsa();
    h.given_name = std::string(cemetery::max_text_characters + 1, 'e');
    h.address = std::string(cemetery::max_text_characters + 1, 'v');  // an address may be longer
    problems = cemetery::validate(h);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field == "given_name");
    CHECK(problems[0].code == ProblemCode::too_long);
    CHECK(problems[0].detail == "200");

    h = elsa();
    h.address = "Via Roma 1\n20050 Liscate";
    CHECK(cemetery::validate(h).empty());
}

TEST_CASE("a value is shown escaped and cut short", "[validation]") {
    CHECK(cemetery::shown_value("Caz\x1bzaniga") == "Caz\\x1bzaniga");
    CHECK(cemetery::shown_value(std::string(41, 'x')) == std::string(40, 'x') + "…");
    std::string accented;
    for (int i = 0; i < 50; ++i) accented += "ò";
    std::string forty;
    for (int i = 0; i < 40; ++i) forty += "ò";
    CHECK(cemetery::shown_value(accented) == forty + "…");
}
