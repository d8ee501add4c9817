#pragma once
// Checks of what a clerk types about people, naming the field that is wrong, before
// anything is written: dates in order, a well-formed codice fiscale, a surname.

#include <cemetery/concession.hpp>

#include <string>
#include <vector>

namespace cemetery {

struct FieldProblem {
    std::string field;    // "codice_fiscale", "surname", "born_on", "died_on", "buried_on", "email"
    std::string message;  // English sentence
};

[[nodiscard]] std::vector<FieldProblem> validate(const Holder& holder);
[[nodiscard]] std::vector<FieldProblem> validate(const Deceased& deceased);

}  // namespace cemetery
