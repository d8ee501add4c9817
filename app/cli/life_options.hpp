#pragma once
// What the commands of a concession's life share: people typed on the command line,
// the cemetery of a comune, the forms and destinations of remains, and how a refusal
// ends the program (exit 1, the rule's reason on stderr).

#include "session.hpp"

#include <cemetery/register.hpp>
#include <cemetery/remains.hpp>

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cli {

// "Surname,Given name[,CODICE FISCALE]": Exit(invalid_input) without a surname.
cemetery::Holder holder_option(const std::string& text, const std::string& option);
// "Surname,Given name" with the dates given apart; empty text: none.
std::optional<cemetery::Deceased> deceased_option(const std::string& text, const std::string& born,
                                                  const std::string& died, const std::string& buried);

// The cemetery named, or the comune's own when there is one (its name, or the only one).
cemetery::Cemetery cemetery_option(Session& session, const cemetery::Comune& comune, const std::string& name);

// The plot at a place, or Exit(invalid_input).
cemetery::Plot plot_at(Session& session, const cemetery::Cemetery& cemetery, const cemetery::Location& where);

// Option checks: the codes as written ("feretro", "ossario", ...).
CLI::Validator remains_form_check();
CLI::Validator remains_destination_check();
cemetery::RemainsForm remains_form(const std::string& code);
cemetery::RemainsDestination remains_destination(const std::string& code);

// Ends the program with the outcome's refusal (exit 1) or conflict (1; 3 when the
// record is missing), prefixed with what was refused: "burial refused: ...".
[[noreturn]] void refuse(const std::string& what, const cemetery::LifeOutcome& outcome);

// Prints the notices of an outcome, one a line: "Note: ...".
void print_notices(const cemetery::LifeOutcome& outcome);

}  // namespace cli
