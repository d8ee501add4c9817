#pragma once
// What the buttons of a concession do: open the dialog, and on confirmation write
// through the library, report a refusal or a conflict, and refresh every view.

#include "host.hpp"

#include <cemetery/documents/page_layout.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <vector>

class wxWindow;

namespace gui {

// A renewal refused because the concession changed since the dialog showed it is
// shown again on the concession as it stands, with what the clerk typed: never stacked.
void renew_concession(wxWindow* parent, Host& host, cemetery::ConcessionId id);
void edit_holders(wxWindow* parent, Host& host, cemetery::ConcessionId id);

// "Stampa atto…": asks which deed (the concession's or a renewal's), then previews it
// for the printer or saves it as a PDF; a bad deed text (data/atto.txt) or office file
// is reported naming its line.
void print_deed(wxWindow* parent, Host& host, cemetery::ConcessionId id);
// The deed's pages (renewal: none for the concession's own deed), as the PDF holds
// them, and the PDF itself. Throw RegulationFileError for a bad text or office file,
// std::runtime_error when the file cannot be written (OutputRefused for the register's own).
[[nodiscard]] std::vector<cemetery::documents::Page> deed_pages(Host& host, cemetery::ConcessionId id,
                                                                std::optional<std::size_t> renewal);
void write_deed(Host& host, cemetery::ConcessionId id, std::optional<std::size_t> renewal,
                const std::filesystem::path& file);

}  // namespace gui
