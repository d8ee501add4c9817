#pragma once
// Prints, and previews, pages laid out by cemetery::documents: the SAME renderer
// that writes the PDF draws each page on the printer's cairo context. The preview
// draws the page into a cairo image with it and shows that, so what the clerk sees
// is what the PDF holds.

#include <cemetery/documents/page_layout.hpp>

#include <wx/print.h>

#include <vector>

class wxWindow;

namespace gui {

class DocumentPrintout : public wxPrintout {
public:
    DocumentPrintout(const wxString& title, std::vector<cemetery::documents::Page> pages);

    bool OnPrintPage(int page) override;
    bool HasPage(int page) override;
    void GetPageInfo(int* min_page, int* max_page, int* from, int* to) override;

private:
    std::vector<cemetery::documents::Page> pages_;
};

// Opens the print preview of the pages in a frame of its own (A4, portrait), fitted to
// the display and closed by Esc (fit_display.hpp); returns the preview (owned by its
// frame), or null when it cannot be shown.
wxPrintPreview* show_print_preview(wxWindow* parent, const wxString& title, std::vector<cemetery::documents::Page> pages);

}  // namespace gui
