#include <cemetery/codice_fiscale.hpp>
#include <cemetery/validation.hpp>

namespace cemetery {

std::vector<FieldProblem> validate(const Holder& h) {
    std::vector<FieldProblem> problems;
    if (h.surname.empty()) problems.push_back({"surname", "the surname is required"});
    if (!h.codice_fiscale.empty()) {
        const auto check = check_codice_fiscale(h.codice_fiscale);
        if (!check.ok()) problems.push_back({"codice_fiscale", check.message()});
    }
    if (!h.email.empty() && (h.email.find('@') == std::string::npos || h.email.find(' ') != std::string::npos)) {
        problems.push_back({"email", "not an e-mail address"});
    }
    return problems;
}

std::vector<FieldProblem> validate(const Deceased& d) {
    std::vector<FieldProblem> problems;
    if (d.surname.empty()) problems.push_back({"surname", "the surname is required"});
    if (d.born_on && d.died_on && *d.died_on < *d.born_on) {
        problems.push_back({"died_on", "death before birth (born " + to_italian(*d.born_on) + ")"});
    }
    if (d.died_on && d.buried_on && *d.buried_on < *d.died_on) {
        problems.push_back({"buried_on", "burial before death (died " + to_italian(*d.died_on) + ")"});
    }
    if (!d.died_on && d.born_on && d.buried_on && *d.buried_on < *d.born_on) {
        problems.push_back({"buried_on", "burial before birth (born " + to_italian(*d.born_on) + ")"});
    }
    return problems;
}

}  // namespace cemetery
