#pragma once
// "Stampa atto…": which deed of the concession to print (its own, or one of its
// renewals'), and whether to preview it for the printer or save it as a PDF. The
// library lays the deed out (cemetery/documents/deed_pdf.hpp); this dialog only asks.

#include <cemetery/concession.hpp>

#include <wx/dialog.h>

#include <cstddef>
#include <optional>

class wxChoice;

namespace gui {

class DeedDialog : public wxDialog {
public:
    // Ends with wxID_PREVIEW (print preview) or wxID_SAVE (save as PDF), or wxID_CANCEL.
    DeedDialog(wxWindow* parent, const cemetery::Concession& concession);

    // None: the concession's own deed; else the index of the renewal (0: the first).
    [[nodiscard]] std::optional<std::size_t> renewal() const;
    // Chooses the deed as a clerk does in the list: 0 the concession's, n the n-th renewal's.
    void Choose(int index);
    [[nodiscard]] int ChoiceCount() const;

private:
    wxChoice* choice_ = nullptr;
};

}  // namespace gui
