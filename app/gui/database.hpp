#pragma once
// The register file the window works on, with the regulation it is judged by.
//
// Owns the one Register of the interface thread (a Register is one per thread:
// the import job opens its own on the same file). Opening, creating, seeding with
// the Union's comuni and filling the demo register all go through the library.

#include <cemetery/register.hpp>
#include <cemetery/regulation.hpp>

#include <filesystem>
#include <functional>
#include <memory>

namespace gui {

class Database {
public:
    // Opens (creating when missing) and seeds a new file with the Union's comuni.
    // Throws cemetery::DatabaseError, RegulationFileError.
    static std::unique_ptr<Database> open(const std::filesystem::path& file,
                                          std::shared_ptr<const cemetery::Regulation> regulation);
    // Opens a file that must exist.
    static std::unique_ptr<Database> open_existing(const std::filesystem::path& file,
                                                   std::shared_ptr<const cemetery::Regulation> regulation);

    [[nodiscard]] cemetery::Register& reg() { return *reg_; }
    [[nodiscard]] const cemetery::Register& reg() const { return *reg_; }
    [[nodiscard]] const cemetery::Regulation& regulation() const { return *regulation_; }
    [[nodiscard]] std::shared_ptr<const cemetery::Regulation> shared_regulation() const { return regulation_; }
    [[nodiscard]] const std::filesystem::path& file() const { return file_; }

    // Copies the register to `target` with SQLite's online backup: one whole file,
    // consistent even while another program writes, readable by its owner only.
    // Replaces an existing file (the save dialog asked), never the register's own
    // files or its copies (cemetery::OutputRefused). Throws DatabaseError.
    void copy_to(const std::filesystem::path& target);

    // Writes a file for people (a list, letters, a workbook) through `write`, which
    // gets the temporary path to write to: never over the register's own files or
    // copies, readable by its owner only, put in place whole. An existing file is
    // replaced: the save dialog asked the clerk. Throws cemetery::OutputRefused.
    void write_output(const std::filesystem::path& target,
                      const std::function<void(const std::filesystem::path&)>& write) const;

private:
    Database(std::filesystem::path file, cemetery::Register reg, std::shared_ptr<const cemetery::Regulation> regulation);

    std::filesystem::path file_;
    std::unique_ptr<cemetery::Register> reg_;
    std::shared_ptr<const cemetery::Regulation> regulation_;
};

// Loads the shipped regulation (throws RegulationFileError on a bad file).
[[nodiscard]] std::shared_ptr<const cemetery::Regulation> load_shipped_regulation();

// Where the demo register lives: registro-di-prova.sqlite beside the default register
// (cemetery/default_register.hpp), made and filled when first opened.
[[nodiscard]] std::filesystem::path demo_register_path();

// Fills an empty register with the generated demo data and a few free plots in every
// cemetery (as `cemetery demo` does).
// Returns false when the register already holds concessions.
bool fill_demo_register(Database& db, std::size_t concessions = 12000);

}  // namespace gui
