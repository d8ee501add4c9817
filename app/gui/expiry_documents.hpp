#pragma once
// The documents of the Scadenze view, made by cemetery::documents: the expired list
// to post (PDF and print preview), the letters to the holders (PDF) and the list as
// an Excel workbook. No rules here: the library decides the rows, the renewals and
// the posting period; this file asks the clerk the posting's first day and a file.

#include "host.hpp"

#include <cemetery/documents/page_layout.hpp>
#include <cemetery/lists.hpp>

#include <filesystem>
#include <optional>
#include <vector>

class wxWindow;

namespace gui {

struct ExpiredDocument {
    cemetery::ComuneId comune;
    cemetery::Date as_of{};
    cemetery::Date posting_from{};
};

// Each throws std::runtime_error when the file cannot be written (OutputRefused
// for the register's own files), and RegulationFileError when the office file is bad.
void write_posted_list(Host& host, const ExpiredDocument& what, const std::filesystem::path& file);
void write_notices(Host& host, const ExpiredDocument& what, const std::filesystem::path& file);
[[nodiscard]] std::vector<cemetery::documents::Page> posted_list_pages(Host& host, const ExpiredDocument& what);
// The rows shown, as a workbook.
void write_rows_xlsx(const Database& database, const std::vector<cemetery::ListRow>& rows, const wxString& sheet,
                     const std::filesystem::path& file);

// Asks the first day of the posting (today by default); none when cancelled.
[[nodiscard]] std::optional<cemetery::Date> ask_posting_start(wxWindow* parent, Host& host);

}  // namespace gui
