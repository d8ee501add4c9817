#include "life_options.hpp"

#include "exit_codes.hpp"

#include <cemetery/text.hpp>

#include <iostream>

namespace cli {

namespace {

std::vector<std::string> split_commas(const std::string& text) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const auto comma = text.find(',', start);
        std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        const auto first = part.find_first_not_of(' ');
        const auto last = part.find_last_not_of(' ');
        parts.push_back(first == std::string::npos ? std::string() : part.substr(first, last - first + 1));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return parts;
}

std::optional<cemetery::Date> optional_date(const std::string& text, const std::string& option) {
    if (text.empty()) return std::nullopt;
    return date_option(text, option);
}

}  // namespace

cemetery::Holder holder_option(const std::string& text, const std::string& option) {
    const auto parts = split_commas(text);
    if (parts.empty() || parts[0].empty() || parts.size() > 3) {
        throw Exit{invalid_input, option + ": \"" + text + "\" is not \"Surname,Given name[,codice fiscale]\""};
    }
    cemetery::Holder h;
    h.surname = parts[0];
    if (parts.size() > 1) h.given_name = parts[1];
    if (parts.size() > 2) h.codice_fiscale = parts[2];
    return h;
}

std::optional<cemetery::Deceased> deceased_option(const std::string& text, const std::string& born,
                                                  const std::string& died, const std::string& buried) {
    if (text.empty()) return std::nullopt;
    const auto parts = split_commas(text);
    if (parts.empty() || parts[0].empty() || parts.size() > 2) {
        throw Exit{invalid_input, "--deceased: \"" + text + "\" is not \"Surname,Given name\""};
    }
    cemetery::Deceased d;
    d.surname = parts[0];
    if (parts.size() > 1) d.given_name = parts[1];
    d.born_on = optional_date(born, "--born");
    d.died_on = optional_date(died, "--died");
    d.buried_on = optional_date(buried, "--buried");
    return d;
}

cemetery::Cemetery cemetery_option(Session& session, const cemetery::Comune& comune, const std::string& name) {
    auto& reg = session.reg();
    if (!name.empty()) {
        if (auto found = reg.find_cemetery(comune.id, name)) return *found;
    }
    const auto all = reg.cemeteries(comune.id);
    if (name.empty()) {
        if (all.size() == 1) return all.front();
        if (auto own = reg.find_cemetery(comune.id, comune.name)) return *own;
    }
    std::string known;
    for (const auto& c : all) known += (known.empty() ? "" : ", ") + c.name;
    throw Exit{invalid_input, (name.empty() ? std::string("name the cemetery") : "unknown cemetery \"" + name + "\"") +
                                  " in " + comune.name + " (known: " + known + ")"};
}

cemetery::Plot plot_at(Session& session, const cemetery::Cemetery& cemetery, const cemetery::Location& where) {
    auto found = session.reg().find_plot(cemetery.id, where);
    if (!found) {
        throw Exit{invalid_input, "no plot at " + cemetery::describe(where) + " in the cemetery of " + cemetery.name};
    }
    return *found;
}

CLI::Validator remains_form_check() { return CLI::IsMember({"feretro", "cassetta", "urna"}); }
CLI::Validator remains_destination_check() { return CLI::IsMember({"ossario", "cremazione", "famiglia", "nessuno"}); }

cemetery::RemainsForm remains_form(const std::string& code) {
    return cemetery::remains_form_from_code(code).value_or(cemetery::RemainsForm::coffin);
}

cemetery::RemainsDestination remains_destination(const std::string& code) {
    return cemetery::remains_destination_from_code(code).value_or(cemetery::RemainsDestination::none);
}

void refuse(const std::string& what, const cemetery::LifeOutcome& outcome) {
    if (outcome.conflict && outcome.conflict->code == cemetery::ConflictCode::missing_reference) {
        throw Exit{invalid_input, what + " refused: " + outcome.conflict->message};
    }
    std::string reason = outcome.reason();
    if (outcome.refusal) reason += " [" + std::string(cemetery::code_name(outcome.refusal->code)) + "]";
    throw Exit{refused, what + " refused: " + reason};
}

void print_notices(const cemetery::LifeOutcome& outcome) {
    for (const auto& n : outcome.notices) std::cout << "Note: " << n << '\n';
}

}  // namespace cli
