#pragma once
// Bringing an existing register into the database: a CSV exported by an older
// program or a spreadsheet (UTF-8 or Windows-1252, ';' or ',' or tab, d/m/yyyy
// dates), one row per deceased, a family tomb on several rows of one deed.
//
// All or nothing: every row is checked against the file's format, the Union's
// comuni and cemeteries, the regulation and the register itself; if any row is
// wrong nothing is written and every problem is reported with its line and field.
// A file is refused whole, before its rows are read, when it is not one encoding
// (encoding.hpp: UTF-8 with stray Windows-1252 lines, UTF-16), naming its stray
// lines. What no register can hold is refused on its row: a date that has not come
// (ImportOptions::future_tolerance_days), a stated expiry before its term starts or
// more than the regulation's longest period past the term's own end (more than a
// renewal can add), control characters, cells too
// long for any name, holders and deceased without a name (register_row.hpp).
//
// The order of the rows never changes what is written. A concession's term is
// decided once all its rows were read: from its earliest burial where the term
// starts at the burial, and restarted at each later burial, in the order they were
// made, where its version says so (burial.hpp term_restart_at, the rule `bury`
// applies), each restart kept in its history; a stated expiry is compared with the
// term so reached. One deceased on two rows with two burial dates is refused. A
// deed already in the register takes only its new people, whose burials restart
// its term as `bury` would have.
//
// With skip_invalid, the good rows are written and the bad ones reported (and
// copied to a rejects file by the caller). A dry run checks everything and writes
// nothing. Cancelling writes nothing.

#include <cemetery/encoding.hpp>
#include <cemetery/register.hpp>
#include <cemetery/register_row.hpp>
#include <cemetery/regulation.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cemetery {

struct ImportOptions {
    bool dry_run = false;
    bool skip_invalid = false;
    // A signing, term start, birth, death or burial after today is refused; these
    // many days after it are let through (a register kept a day or two ahead, a
    // clock that is behind). Not negative.
    int future_tolerance_days = 0;
    // The day taken as today: the machine's when none (tests pin it).
    std::optional<Date> today;
    // Called now and then with rows done and rows in all; return false to cancel.
    std::function<bool(std::size_t done, std::size_t total)> progress;
    // Called once the whole file was checked, just before the first write (never
    // for a dry run, a refused file or one with no valid row): where a program
    // keeps a copy of the register (backup.hpp keep_backup).
    std::function<void()> before_write;
};

// A problem with one row: the file's line, the column as named in its header (or
// empty for the whole row), the value and what is wrong.
using ImportProblem = FieldError;

struct RejectedRow {
    std::size_t line = 0;
    std::vector<std::string> fields;  // as read, UTF-8
    std::string reason;               // every problem of the row, joined
};

struct ImportReport {
    std::string file;
    TextEncoding encoding = TextEncoding::utf8;
    char separator = ';';
    std::vector<std::string> header;
    std::vector<std::string> unknown_columns;
    std::size_t rows = 0;                // data rows read
    std::size_t concessions_added = 0;
    std::size_t plots_added = 0;
    std::size_t deceased_added = 0;
    std::vector<ImportProblem> errors;   // rows refused
    std::vector<ImportProblem> notices;  // rows accepted, worth a look (a stated expiry kept...)
    std::vector<RejectedRow> rejected;   // with skip_invalid: the rows not written
    bool committed = false;              // something was written
    bool cancelled = false;

    [[nodiscard]] bool ok() const { return errors.empty() && !cancelled; }
};

// Reads, checks and (unless dry_run, cancelled or wrong) writes the file in one
// transaction. Throws CsvError for a file that cannot be read as CSV at all (an
// unterminated quote, a line over the size limit), DatabaseError for the database.
// A file that cannot be read (a folder, no such file, no permission) is one error
// of line 0 (ProblemCode::not_a_file, file_unreadable) and nothing is written.
ImportReport import_register(Register& reg, const Regulation& regulation, const std::filesystem::path& file,
                             const ImportOptions& options = {});

// The same from text already in memory; `source_name` names it in the report.
ImportReport import_register_text(Register& reg, const Regulation& regulation, std::string bytes,
                                  const std::string& source_name, const ImportOptions& options = {});

// Writes rejected rows as CSV: the file's header plus an "Errore" column.
void write_rejects(std::ostream& out, const ImportReport& report);

}  // namespace cemetery
