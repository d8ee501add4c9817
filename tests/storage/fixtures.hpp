#pragma once
// A register holding the Union's four comuni and their cemeteries, and a short way
// to put deeds into it: the term is decided by the shipped regulation (decide_term)
// and the concession stored with Register::add_concession, as the programs do.

#include <cemetery/register.hpp>
#include <cemetery/regulation.hpp>
#include <cemetery/term.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace test {

// What a deed says, as far as the storage tests care.
// Every member has a default, so tests name only what matters: {.plot = p, .number = "1/2021", ...}.
struct Deed {
    cemetery::PlotId plot{};
    std::string number{};
    cemetery::Date signed_on{};
    std::optional<int> years{};  // the deed's own term: needed before any version applies
    bool perpetual = false;
    std::optional<cemetery::Date> stated_expiry{};
    std::vector<cemetery::Holder> holders{};
    std::vector<cemetery::Deceased> deceased{};
};

cemetery::Holder holder(std::string surname, std::string given_name, std::string codice_fiscale = {});
cemetery::Deceased deceased(std::string surname, std::string given_name,
                            std::optional<cemetery::Date> born_on = {},
                            std::optional<cemetery::Date> died_on = {},
                            std::optional<cemetery::Date> buried_on = {});

// The Union as of 2024: Bellinzago Lombardo, Liscate, Pozzuolo Martesana (two
// cemeteries) and Truccazzano (four cemeteries; left on 2024-01-01).
class UnionRegister {
public:
    // In memory, as user "test.clerk".
    UnionRegister();
    // On an existing or new file.
    explicit UnionRegister(const std::filesystem::path& file, std::string user = "test.clerk");
    explicit UnionRegister(cemetery::Register reg);

    cemetery::Register reg;
    cemetery::Regulation rules;

    cemetery::ComuneId bellinzago, liscate, pozzuolo, truccazzano;
    cemetery::CemeteryId bellinzago_cimitero, liscate_cimitero, pozzuolo_cimitero, trecella,
        truccazzano_cimitero, albignano, corneliano, incugnate;

    // A new plot; fails the test when the register refuses it.
    cemetery::PlotId plot(cemetery::CemeteryId cemetery, cemetery::PlotKind kind, const std::string& numero,
                          const std::string& settore = "A", const std::string& fila = "1",
                          const std::string& piano = "");

    // The concession the deed gives under the shipped regulation, in the plot's
    // comune; fails the test when the rules refuse the deed.
    [[nodiscard]] cemetery::Concession concession_for(const Deed& deed) const;
    // Stores it, returning what the register says.
    cemetery::WriteResult<cemetery::ConcessionId> add(const Deed& deed);
    // Stores it; fails the test when the register refuses it.
    cemetery::ConcessionId add_ok(const Deed& deed);

private:
    void add_union();
};

// The result of running the sqlite3 command-line program on a database.
struct ShellResult {
    int status = 0;      // the program's exit status; not 0 when a statement failed
    std::string output;  // stdout and stderr together
};

// Runs `sql` through the sqlite3 program (with -bail) on `database`.
ShellResult sqlite3_shell(const std::filesystem::path& database, const std::string& sql);

// The whole file, byte for byte.
std::string file_bytes(const std::filesystem::path& file);

}  // namespace test
