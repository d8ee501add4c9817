#pragma once
// What every command needs: the register file and the regulation, opened once,
// and the conversions of command-line text (dates, comuni) into library values.

#include <cemetery/register.hpp>
#include <cemetery/output_file.hpp>
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

    // The register, opened and migrated on first use. It must exist: a command that
    // reads never makes a register where one was expected (a mistyped --db would
    // otherwise give an empty albo list). Exit(database) when missing or empty.
    cemetery::Register& reg();
    // Commands that make a register (import, demo, plots add, concede, init) call
    // this before reg(): a missing register is then created, seeded with the Union's
    // comuni and cemeteries, and the command says so. Missing folders are
    // made only for the default register, never for a --db path.
    void may_create() { may_create_ = true; }
    // Whether reg() made a new register.
    [[nodiscard]] bool created() const { return created_; }
    // The files no output of a command may replace: the register's own.
    [[nodiscard]] cemetery::ProtectedFiles protected_files() const;
    const cemetery::Regulation& regulation();
    // The regulation file: --regolamento, else the shipped one.
    [[nodiscard]] std::filesystem::path regulation_path() const;
    [[nodiscard]] std::filesystem::path db_path() const;

    // "liscate", "Pozzuolo martesana", an ISTAT code: the comune, or Exit(invalid_input).
    cemetery::Comune comune(const std::string& name);
    std::optional<cemetery::ComuneId> comune_filter(const std::string& name);
    // The concession with that deed number in the comune, or Exit(invalid_input).
    cemetery::ConcessionId concession(const std::string& deed, const cemetery::Comune& comune);

private:
    [[nodiscard]] bool default_location() const;
    // Exit(invalid_input) when the regulation names a comune the register does not
    // know; checked once both are open.
    void check_comuni() const;

    const GlobalOptions& options_;
    bool may_create_ = false;
    bool created_ = false;
    std::optional<cemetery::Register> reg_;
    std::optional<cemetery::Regulation> regulation_;
};

// An ISO date option; empty means today. Exit(usage) for anything else.
cemetery::Date date_option(const std::string& text, const std::string& option);

}  // namespace cli
