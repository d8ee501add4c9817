#pragma once
// The office's lists as Excel workbooks (.xlsx): expired and expiring concessions
// and search results, one row per concession, with real date cells (shown
// dd/mm/yyyy, so they sort and filter as dates), column widths, a bold frozen
// header and a filter on it. Rows are written as they come, so memory stays flat on
// lists of any length. These lists are for the office: they name the holders (never
// their tax codes or contacts), and are not for posting.

#include <cemetery/lists.hpp>
#include <cemetery/search.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace cemetery::documents {

using ListRows = std::function<void(const std::function<void(const ListRow&)>&)>;

// Columns: Comune, Cimitero, Ubicazione, Tipo, N. concessione, Decorrenza, Scadenza,
// Concessionari, Defunti (as the CSV). Replaces the file only once it is complete;
// throws std::runtime_error when it cannot be written. Returns the number of rows.
std::size_t write_list_xlsx(const std::filesystem::path& file, const std::string& sheet_name, const ListRows& rows);

// Columns: Comune, Cimitero, Ubicazione, Tipo, N. concessione, Decorrenza, Scadenza
// ("perpetua" as text when it has none), Defunti, Concessionari.
void write_search_xlsx(const std::filesystem::path& file, const std::vector<SearchHit>& hits);

// The spreadsheet's day number for a date (days since 30/12/1899).
[[nodiscard]] double spreadsheet_serial(Date d);

}  // namespace cemetery::documents
