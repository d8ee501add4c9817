#pragma once
// Modifica concessionari: the holders of a concession with their tax codes and
// contacts, one at a time in a form; each is checked with cemetery::validate and
// a problem is shown next to its field. The caller saves with the concession's
// row_version.

#include "form.hpp"

#include <cemetery/concession.hpp>

#include <wx/dialog.h>

#include <vector>

class wxListBox;

namespace gui {

class HoldersDialog : public wxDialog {
public:
    HoldersDialog(wxWindow* parent, const cemetery::Concession& concession);

    [[nodiscard]] const std::vector<cemetery::Holder>& holders() const { return holders_; }
    // Checks every holder; shows the first with problems. True when all are valid.
    bool CheckAll();
    [[nodiscard]] FormFields& fields() { return fields_; }
    void SelectHolder(int index);
    void AddHolder();

private:
    void StoreCurrent();
    void LoadCurrent();
    void RefreshList();
    void OnSelectHolder(wxCommandEvent& event);
    void OnAddHolder(wxCommandEvent& event);
    void OnRemoveHolder(wxCommandEvent& event);
    void OnConfirm(wxCommandEvent& event);

    std::vector<cemetery::Holder> holders_;
    int current_ = -1;
    wxListBox* list_ = nullptr;
    FormFields fields_;
};

}  // namespace gui
