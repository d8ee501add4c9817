#pragma once
// The holders of a new deed, one row each (surname, given name, tax code, Remove),
// in a panel that scrolls when a family names many: a deed is often granted to
// several children together. Always at least one row; the rows a clerk left blank
// are not holders.

#include <cemetery/concession.hpp>

#include <wx/scrolwin.h>

#include <vector>

class wxButton;
class wxFlexGridSizer;
class wxTextCtrl;

namespace gui {

class HolderRows : public wxScrolledWindow {
public:
    explicit HolderRows(wxWindow* parent);

    [[nodiscard]] int RowCount() const { return static_cast<int>(rows_.size()); }
    // Adds an empty row at the end and puts the cursor in its surname.
    void AddRow();
    // Removes the row; the last one left is emptied instead.
    void RemoveRow(int index);
    void SetRow(int index, const wxString& surname, const wxString& given, const wxString& tax_code);
    // The rows with a surname or a given name, in order, trimmed; the tax code upper-case.
    [[nodiscard]] std::vector<cemetery::Holder> Holders() const;
    [[nodiscard]] wxTextCtrl* Surname(int index) const;

private:
    struct Row {
        wxTextCtrl* surname = nullptr;
        wxTextCtrl* given = nullptr;
        wxTextCtrl* tax_code = nullptr;
        wxButton* remove = nullptr;
    };
    void Relayout();

    wxFlexGridSizer* grid_ = nullptr;
    std::vector<Row> rows_;
};

}  // namespace gui
