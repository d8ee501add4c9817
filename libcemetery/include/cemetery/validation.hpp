#pragma once
// Checks of what a clerk types, or a file brings, about people, naming the field that
// is wrong, before anything is written: dates in order and already come, a
// well-formed codice fiscale, a name, text without control characters and of a
// sane length.

#include <cemetery/concession.hpp>
#include <cemetery/dates.hpp>
#include <cemetery/problem_code.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cemetery {

struct FieldProblem {
    std::string field;    // "codice_fiscale", "surname", "born_on", "died_on", "buried_on", "email"
    std::string message;  // English sentence
    ProblemCode code = ProblemCode::other;
    std::string detail;   // what the code's sentence needs (see ProblemCode)

    FieldProblem() = default;
    FieldProblem(std::string field_name, std::string english, ProblemCode problem = ProblemCode::other,
                 std::string problem_detail = {})
        : field(std::move(field_name)), message(std::move(english)), code(problem), detail(std::move(problem_detail)) {}
};

// The longest text a field can hold, in characters. Not a rule of the law: the
// longest names of the Italian registry and the longest street addresses are well
// under these, so a longer cell is a broken file (a whole row in one cell, a pasted
// document), never a person. Generous, so that no real name is refused.
inline constexpr std::size_t max_text_characters = 200;     // names, numbers, places, contacts
inline constexpr std::size_t max_address_characters = 500;  // a holder's address

// The last day a date of a person or a deed can be: nobody is born, dies or is
// buried, and no deed is signed, after today. `tolerance_days` lets a register be
// kept a few days ahead (a burial recorded on the eve of its day) or a machine whose
// clock is behind.
struct FutureLimit {
    Date today{};
    int tolerance_days = 0;  // not negative

    [[nodiscard]] Date last_day() const { return add_days(today, tolerance_days); }
    // "after today (02/12/2026)", "after 05/12/2026 (today, 02/12/2026, and 3 days of tolerance)"
    [[nodiscard]] std::string describe() const;
};

// A text's problem of form, if any: a control character (C0 but, where
// `layout_allowed`, TAB and line breaks; DEL; C1), or more characters than `max`.
// The message and detail name it; the field is the caller's.
[[nodiscard]] std::optional<FieldProblem> check_text(std::string_view utf8, std::size_t max,
                                                     bool layout_allowed = false);

// A short, printable form of a value to show in a message: control characters
// escaped, cut after 40 characters.
[[nodiscard]] std::string shown_value(std::string_view utf8);

[[nodiscard]] std::vector<FieldProblem> validate(const Holder& holder);

// `future`: the dates are also checked against today. None where the caller has no
// today to give (the rules are dated by their own request, not by the clock).
[[nodiscard]] std::vector<FieldProblem> validate(const Deceased& deceased, const std::optional<FutureLimit>& future);

}  // namespace cemetery
