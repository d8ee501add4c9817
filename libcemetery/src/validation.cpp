#include <cemetery/codice_fiscale.hpp>
#include <cemetery/text.hpp>
#include <cemetery/validation.hpp>

namespace cemetery {

namespace {

// Each text of a person checked for control characters and length.
void check_texts(std::vector<FieldProblem>& problems,
                 std::initializer_list<std::pair<const char*, const std::string*>> texts) {
    for (const auto& [field, text] : texts) {
        const bool address = std::string_view(field) == "address";
        if (auto p = check_text(*text, address ? max_address_characters : max_text_characters, address)) {
            p->field = field;
            problems.push_back(std::move(*p));
        }
    }
}

void check_future(std::vector<FieldProblem>& problems, const char* field, const std::optional<Date>& day,
                  const FutureLimit& future) {
    if (day && *day > future.last_day()) {
        problems.push_back({field, future.describe() + ": this date has not come yet", ProblemCode::date_in_future,
                            to_italian(future.last_day())});
    }
}

}  // namespace

std::string FutureLimit::describe() const {
    if (tolerance_days <= 0) return "after today (" + to_italian(today) + ")";
    return "after " + to_italian(last_day()) + " (today, " + to_italian(today) + ", and " +
           std::to_string(tolerance_days) + (tolerance_days == 1 ? " day" : " days") + " of tolerance)";
}

std::optional<FieldProblem> check_text(std::string_view utf8, std::size_t max, bool layout_allowed) {
    if (const std::size_t at = find_control(utf8, layout_allowed); at != std::string_view::npos) {
        const std::size_t length = static_cast<unsigned char>(utf8[at]) == 0xC2 ? 2 : 1;
        const std::string which = printable(utf8.substr(at, length));
        return FieldProblem{{}, "holds a control character (" + which + "), which no name, number or date has",
                            ProblemCode::control_character, which};
    }
    // Bytes are never fewer than characters: most fields need no count.
    if (utf8.size() > max) {
        if (const std::size_t n = character_count(utf8); n > max) {
            return FieldProblem{{}, "too long: " + std::to_string(n) + " characters, at most " + std::to_string(max),
                                ProblemCode::too_long, std::to_string(max)};
        }
    }
    return std::nullopt;
}

std::string shown_value(std::string_view utf8) {
    constexpr std::size_t shown = 40;
    if (character_count(utf8) <= shown) return printable(utf8);
    std::size_t end = 0;
    for (std::size_t n = 0; end < utf8.size() && n < shown; ++n) {
        ++end;
        while (end < utf8.size() && (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80) ++end;
    }
    return printable(utf8.substr(0, end)) + "…";
}

std::vector<FieldProblem> validate(const Holder& h) {
    std::vector<FieldProblem> problems;
    if (h.surname.empty()) problems.push_back({"surname", "the surname is required"});
    check_texts(problems, {{"surname", &h.surname},
                           {"given_name", &h.given_name},
                           {"codice_fiscale", &h.codice_fiscale},
                           {"address", &h.address},
                           {"phone", &h.phone},
                           {"email", &h.email}});
    if (!h.codice_fiscale.empty()) {
        const auto check = check_codice_fiscale(h.codice_fiscale);
        if (!check.ok()) problems.push_back({"codice_fiscale", check.message(), ProblemCode::bad_codice_fiscale, h.codice_fiscale});
    }
    if (!h.email.empty() && (h.email.find('@') == std::string::npos || h.email.find(' ') != std::string::npos)) {
        problems.push_back({"email", "not an e-mail address"});
    }
    return problems;
}

std::vector<FieldProblem> validate(const Deceased& d, const std::optional<FutureLimit>& future) {
    std::vector<FieldProblem> problems;
    if (d.surname.empty()) problems.push_back({"surname", "the surname is required"});
    check_texts(problems, {{"surname", &d.surname}, {"given_name", &d.given_name}});
    if (d.born_on && d.died_on && *d.died_on < *d.born_on) {
        problems.push_back({"died_on", "death before birth (born " + to_italian(*d.born_on) + ")",
                            ProblemCode::death_before_birth, to_italian(*d.born_on)});
    }
    if (d.died_on && d.buried_on && *d.buried_on < *d.died_on) {
        problems.push_back({"buried_on", "burial before death (died " + to_italian(*d.died_on) + ")",
                            ProblemCode::burial_before_death, to_italian(*d.died_on)});
    }
    if (!d.died_on && d.born_on && d.buried_on && *d.buried_on < *d.born_on) {
        problems.push_back({"buried_on", "burial before birth (born " + to_italian(*d.born_on) + ")",
                            ProblemCode::burial_before_birth, to_italian(*d.born_on)});
    }
    if (future) {
        check_future(problems, "born_on", d.born_on, *future);
        check_future(problems, "died_on", d.died_on, *future);
        check_future(problems, "buried_on", d.buried_on, *future);
    }
    return problems;
}

}  // namespace cemetery
