#pragma once
// How the command line prints the register: an aligned table for people, CSV
// (RFC 4180, UTF-8, ISO dates) and JSON for programs. Keys and headers are the
// Italian names scripts rely on.

#include <cemetery/closing.hpp>
#include <cemetery/concession_record.hpp>
#include <cemetery/lists.hpp>
#include <cemetery/search.hpp>

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace cli {

enum class Format { table, csv, json };
Format parse_format(const std::string& text);  // the option was already checked

// Streams an expired/expiring list: CSV and JSON row by row (memory stays flat),
// the table once it has all rows (to align them). Returns the number of rows.
std::size_t write_list(std::ostream& out, Format format,
                       const std::function<void(const std::function<void(const cemetery::ListRow&)>&)>& rows);

// The concessions whose term has not started, each with what it waits for: "la
// sepoltura" for people, the regulation's code ("sepoltura") for programs. Names only:
// no tax codes, no contacts. Returns the number of rows.
std::size_t write_not_started(std::ostream& out, Format format, const std::vector<cemetery::NotStartedRow>& rows);

void write_search(std::ostream& out, Format format, const std::vector<cemetery::SearchHit>& hits);

// `closing`: the closing that freed its place, when it was (Register::life);
// `variant_name`: how a clerk reads the deed's variant (variant_name_of), if it has one.
void write_record(std::ostream& out, Format format, const cemetery::ConcessionRecord& record, cemetery::Date as_of,
                  const std::optional<cemetery::Closing>& closing, const std::string& variant_name = {});

// Italian words for a status, as on the status line: "scaduta".
std::string status_word(cemetery::ConcessionStatus status);

// An aligned plain-text table, for people.
void print_table(std::ostream& out, const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows);

}  // namespace cli
