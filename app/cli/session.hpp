#pragma once
// What every command needs: the register file and the regulation, opened once,
// and the conversions of command-line text (dates, comuni) into library values.

#include <cemetery/register.hpp>
#include <cemetery/regulation.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace cli {

struct GlobalOptions {
    std::string db;           // empty: $CEMETERY_DB, else the XDG data directory
    std::string regolamento;  // empty: the shipped file
};

class Session {
public:
    // Reads the options when a command first needs them, after parsing.
    explicit Session(const GlobalOptions& options) : options_(options) {}

    // The register, created, migrated and seeded with the Union's comuni on first use.
    cemetery::Register& reg();
    const cemetery::Regulation& regulation();
    [[nodiscard]] std::filesystem::path db_path() const;

    // "liscate", "Pozzuolo martesana", an ISTAT code: the comune, or Exit(invalid_input).
    cemetery::Comune comune(const std::string& name);
    std::optional<cemetery::ComuneId> comune_filter(const std::string& name);
    // The concession with that deed number in the comune, or Exit(invalid_input).
    cemetery::ConcessionId concession(const std::string& deed, const cemetery::Comune& comune);

private:
    const GlobalOptions& options_;
    std::optional<cemetery::Register> reg_;
    std::optional<cemetery::Regulation> regulation_;
};

// An ISO date option; empty means today. Exit(usage) for anything else.
cemetery::Date date_option(const std::string& text, const std::string& option);

}  // namespace cli
