#pragma once
// The documents the command line writes besides text: the posted list and the
// letters as PDF, the lists and search results as .xlsx (cemetery::documents).

#include "session.hpp"

#include <cemetery/documents/office.hpp>
#include <cemetery/lists.hpp>

#include <optional>
#include <string>

namespace cli {

// Options shared by `expired` and `notices`.
struct DocumentOptions {
    std::string posting_from;  // ISO; empty: today
    std::string cemetery;      // empty: every cemetery of the comune
    std::string offices;       // the office file; empty: the shipped one
};

// The office file, or Exit(invalid_input) naming its line.
cemetery::documents::Offices offices(const DocumentOptions& options);

// Exit(usage) unless --output was given: a PDF or a workbook is never written to a terminal.
void require_output(const std::string& output, const std::string& format);

// The name of the cemetery among the comune's, or Exit(invalid_input) listing them.
std::string cemetery_name(Session& session, const cemetery::Comune& comune, const std::string& name);

// True when the row is in the cemetery named (any case or accent), or no cemetery is named.
bool in_cemetery(const cemetery::ListRow& row, const std::string& cemetery);

// The concessions a list left out because their dates cannot be read. Once the
// list is written, report() names each on stderr and ends the command with 3, so
// that a clerk or a script knows the list lacks them.
class LeftOut {
public:
    [[nodiscard]] cemetery::UnreadableRows sink() {
        return [this](const cemetery::UnreadableRow& row) { rows_.push_back(row); };
    }
    void add(const std::vector<cemetery::UnreadableRow>& rows) { rows_.insert(rows_.end(), rows.begin(), rows.end()); }
    void report() const;

private:
    std::vector<cemetery::UnreadableRow> rows_;
};

}  // namespace cli
