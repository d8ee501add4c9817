#include "commands.hpp"
#include "exit_codes.hpp"
#include "output.hpp"

#include <cemetery/backup.hpp>
#include <cemetery/csv.hpp>
#include <cemetery/import.hpp>
#include <cemetery/text.hpp>
#include <cemetery/union_data.hpp>

#include <cerrno>
#include <cstring>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace cli {

namespace {

// FILE:LINE: field: "value": reason, or FILE: reason for the whole file. What came
// from the file is printed escaped: it may hold control characters.
void print_problem(const std::string& file, const cemetery::ImportProblem& p, const char* kind = "") {
    std::cerr << file;
    if (p.line > 0) std::cerr << ':' << p.line;
    std::cerr << ": " << kind << (p.field.empty() ? "" : cemetery::printable(p.field) + ": ");
    if (!p.value.empty()) std::cerr << '"' << cemetery::printable(p.value) << "\": ";
    std::cerr << cemetery::printable(p.message) << '\n';
}

// The file to import, refused before anything else is done when it cannot be read.
void check_readable(const std::string& file) {
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (!std::filesystem::exists(status)) throw Exit{invalid_input, file + ": no such file"};
    if (std::filesystem::is_directory(status)) {
        throw Exit{invalid_input, file + ": a directory, not a file: give the CSV file to import"};
    }
    errno = 0;
    if (!std::ifstream(file, std::ios::binary)) {
        throw Exit{invalid_input, file + ": cannot be read (" + std::string(errno ? std::strerror(errno) : "?") +
                                      "); nothing was imported"};
    }
}

}  // namespace

void add_import_command(CLI::App& app, Session& session) {
    auto* cmd = app.add_subcommand("import", "Import a register exported as CSV (all or nothing)");
    struct Args {
        std::string file, rejects;
        bool dry_run = false, skip_invalid = false, force = false;
        int tolerance_days = 0;
    };
    auto args = std::make_shared<Args>();
    // A missing file is invalid input (exit 3), not wrong usage: checked in the callback.
    cmd->add_option("file", args->file, "The CSV file (UTF-8 or Windows-1252; ';', ',' or tab)")->required();
    cmd->add_flag("--dry-run", args->dry_run, "Check everything, write nothing");
    auto* skip = cmd->add_flag("--skip-invalid", args->skip_invalid,
                               "Write the valid concessions; a concession with any bad row is skipped whole");
    auto* rejects = cmd->add_option("--rejects", args->rejects, "With --skip-invalid: write the rejected rows here");
    cmd->add_option("--tolleranza-giorni", args->tolerance_days,
                    "Days after today a signing, burial or other date may fall (default 0: none after today)")
        ->check(CLI::Range(0, 366));
    skip->needs(rejects);
    rejects->needs(skip);
    add_force_flag(cmd, args->force);
    cmd->callback([&session, args] {
        check_readable(args->file);
        // The rejects file is checked before anything is read: never the register,
        // its copies or the file being imported.
        std::optional<Output> rejects_file;
        try {
            if (!args->rejects.empty()) rejects_file.emplace(session, args->rejects, args->force, args->file);
        } catch (const Exit& e) {
            throw Exit{e.code, e.message + "; nothing was imported"};
        }
        cemetery::ImportOptions options;
        options.dry_run = args->dry_run;
        options.skip_invalid = args->skip_invalid;
        options.future_tolerance_days = args->tolerance_days;
        const bool terminal = isatty(STDERR_FILENO) != 0;
        int last_percent = -1;
        if (terminal) {
            options.progress = [&](std::size_t done, std::size_t total) {
                const int percent = total ? static_cast<int>(done * 100 / total) : 100;
                if (percent != last_percent) {
                    std::cerr << "\rimport: " << percent << "% " << std::flush;
                    last_percent = percent;
                }
                return true;
            };
        }
        // A dry run writes nothing, so it makes no register either: without one it
        // checks the file against a new one in memory, with the Union's comuni.
        std::optional<cemetery::Register> scratch;
        if (args->dry_run && !std::filesystem::exists(session.db_path())) {
            scratch.emplace(cemetery::Register::in_memory());
            cemetery::seed_register(*scratch, cemetery::load_union_data(cemetery::shipped_union_data_path()));
        } else if (!args->dry_run) {
            session.may_create();
        }
        auto& reg = scratch ? *scratch : session.reg();
        // A copy first (copie/), once the file is known to write something: an import
        // is the largest write a register sees, and the one most likely to bring in
        // what should not be there. A new register has nothing to keep.
        if (!session.created()) options.before_write = [&reg] { cemetery::keep_backup(reg, "import"); };
        const auto report = [&] {
            try {
                return cemetery::import_register(reg, session.regulation(), args->file, options);
            } catch (const cemetery::CsvError& e) {
                // A file that is not CSV at all: say which file, as for a bad row.
                throw Exit{invalid_input, args->file + ": " + cemetery::printable(e.what()) + "; nothing was imported"};
            }
        }();
        if (terminal) std::cerr << "\r              \r";

        for (const auto& e : report.errors) print_problem(args->file, e);
        for (const auto& w : report.notices) print_problem(args->file, w, "warning: ");
        if (!report.unknown_columns.empty()) {
            std::cerr << args->file << ":1: warning: columns ignored:";
            for (const auto& c : report.unknown_columns) std::cerr << " \"" << cemetery::printable(c) << '"';
            std::cerr << '\n';
        }
        // No row read and errors: the file itself is refused (its encoding, its
        // header), which --skip-invalid cannot skip.
        const bool file_refused = report.rows == 0 && !report.errors.empty();
        if (rejects_file && !file_refused) {
            {
                std::ofstream out(rejects_file->path(), std::ios::binary | std::ios::trunc);
                cemetery::write_rejects(out, report);
                out.flush();
                if (!out) throw Exit{invalid_input, "could not write all of " + args->rejects + "; the rows were imported"};
            }
            rejects_file->commit();
        }
        if (file_refused) {
            // Its rows were never read: no counts, no encoding or separator to report.
            std::cout << report.file << ": not read: " << report.errors.size()
                      << (report.errors.size() == 1 ? " error.\n" : " errors.\n")
                      << "Nothing was imported: correct the file and import again.\n";
            throw Exit{invalid_input, ""};
        }
        // Counts of a dry run or a refused file are what would have been added.
        const bool written = !args->dry_run && (report.errors.empty() || args->skip_invalid);
        std::cout << report.file << ": " << report.rows << " rows (" << cemetery::encoding_name(report.encoding)
                  << ", separator '" << (report.separator == '\t' ? std::string("tab") : std::string(1, report.separator))
                  << "'); " << report.concessions_added << " concessions, " << report.deceased_added << " deceased, "
                  << report.plots_added << (written ? " plots added; " : " plots to add; ") << report.rejected.size() << " rows rejected; "
                  << report.errors.size() << " errors; " << report.notices.size() << " warnings.\n";
        if (args->dry_run) {
            std::cout << "Dry run: nothing was written.\n";
        } else if (!written) {
            std::cout << "Nothing was imported: correct the rows above and import again.\n";
        }
        if (!report.errors.empty() && !args->skip_invalid) throw Exit{invalid_input, ""};
    });
}

}  // namespace cli
