#pragma once
// Comma- (or semicolon-) separated values as RFC 4180 describes them, plus what
// spreadsheets and older register programs actually write: a UTF-8 byte order mark,
// LF or CR line ends, ';' as separator. Bytes in, bytes out: the encoding is the
// caller's business (see encoding.hpp).

#include <array>
#include <cstddef>
#include <istream>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cemetery {

// A file that cannot be read as CSV at all: a field without its closing quote, a
// record longer than the reader's limit. These are broken files, not bad rows, so
// they throw; line() is the physical line (1-based) where the trouble starts.
class CsvError : public std::runtime_error {
public:
    CsvError(std::size_t line, const std::string& message);
    [[nodiscard]] std::size_t line() const { return line_; }

private:
    std::size_t line_;
};

// Reads records one at a time from a stream, in large blocks so that a register of a
// million rows reads at disk speed. Quoted fields may hold separators, doubled
// quotes and line breaks. Blank lines between records are skipped (a record with a
// single empty field must be written as "" to survive). A record longer than
// max_record_bytes throws CsvError rather than eating memory, and once next() has
// thrown the reader stays at end of input. The stream must outlive the reader; one
// reader per thread.
class CsvReader {
public:
    static constexpr std::size_t default_max_record_bytes = std::size_t{1} << 20;  // 1 MiB

    CsvReader(std::istream& in, char separator, std::size_t max_record_bytes = default_max_record_bytes);

    // Fills fields with the next record (reusing its strings) and returns true, or
    // returns false at end of input. Throws CsvError on a broken file.
    bool next(std::vector<std::string>& fields);

    // The physical line (1-based) where the record last returned by next() started.
    [[nodiscard]] std::size_t line() const { return record_line_; }

    [[nodiscard]] char separator() const { return separator_; }

private:
    bool fill();
    bool at_end();
    bool read_field(std::string& field);
    void read_quoted(std::string& field);
    [[noreturn]] void fail(std::size_t line, const std::string& message);
    void count_bytes(std::size_t n);

    std::istream& in_;
    char separator_;
    std::size_t max_record_bytes_;
    std::array<bool, 256> special_{};  // bytes that end a run of plain field text
    std::unique_ptr<char[]> buffer_;
    std::size_t pos_ = 0;
    std::size_t end_ = 0;
    std::size_t physical_line_ = 1;  // line of the next unread byte
    std::size_t record_line_ = 0;
    std::size_t record_bytes_ = 0;
    bool started_ = false;
    bool eof_ = false;
    bool failed_ = false;
    bool skip_lf_ = false;  // the last byte was a CR ending a line: an LF after it belongs to it
};

// Writes records as RFC 4180 asks: fields quoted only when they must be (separator,
// quote, CR, LF, leading or trailing blank), quotes doubled, lines ended with CRLF.
// A record of one empty field is written as "" so that readers do not take it for a
// blank line. The stream must outlive the writer.
//
// Every file the program writes may be opened in a spreadsheet, and a cell that starts
// with = + - @ (or a tab or CR) is run there as a formula: legacy registers hold such
// text, and so can a hostile file. Such a field is written with a leading apostrophe
// (guard_cell), which spreadsheets take as "text" and do not show; a plain number
// ("-12", "-3,5") is left as it is. The importer takes the apostrophe off again
// (unguard_cell), so a file the program wrote reads back unchanged.
class CsvWriter {
public:
    explicit CsvWriter(std::ostream& out, char separator = ',');

    void row(const std::vector<std::string>& fields);

    [[nodiscard]] char separator() const { return separator_; }

private:
    std::ostream& out_;
    char separator_;
    std::string line_;     // reused between rows
    std::string guarded_;  // a field with its apostrophe (see above)
};

// The field as a spreadsheet will show it and never run it (see CsvWriter).
[[nodiscard]] bool cell_needs_guard(std::string_view field);
void guard_cell(std::string& field);
// The inverse: a leading apostrophe before = + - @ tab or CR is taken off.
void unguard_cell(std::string& field);

}  // namespace cemetery
