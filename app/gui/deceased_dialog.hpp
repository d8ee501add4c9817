#pragma once
// Aggiungi defunto: name and dates (dd/mm/yyyy) of a person buried under the
// concession, checked with cemetery::validate; problems are shown next to their
// field. The caller saves with the concession's row_version.

#include "form.hpp"

#include <cemetery/concession.hpp>

#include <wx/dialog.h>

#include <optional>

namespace gui {

class DeceasedDialog : public wxDialog {
public:
    DeceasedDialog(wxWindow* parent, const cemetery::Concession& concession);

    // The deceased as typed, when every field is valid (problems are shown otherwise).
    std::optional<cemetery::Deceased> Check();
    [[nodiscard]] FormFields& fields() { return fields_; }
    [[nodiscard]] const cemetery::Deceased& deceased() const { return deceased_; }

private:
    void OnConfirm(wxCommandEvent& event);

    FormFields fields_;
    cemetery::Deceased deceased_;
};

}  // namespace gui
