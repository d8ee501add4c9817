#include "date_field.hpp"

#include "convert.hpp"

#include <wx/combo.h>
#include <wx/dateevt.h>
#include <wx/msgdlg.h>
#include <wx/generic/msgdlgg.h>
#include <wx/settings.h>
#include <wx/textctrl.h>

namespace gui {

namespace {

void mark(wxTextCtrl* field, bool is_date) {
    if (is_date) {
        field->SetBackgroundColour(wxNullColour);
        field->UnsetToolTip();
    } else {
        field->SetBackgroundColour(wxColour(0xFF, 0xE0, 0xE0));
        field->SetToolTip(_("Not a date: write it as dd/mm/yyyy"));
    }
    field->Refresh();
}

// The picker's value, from the date typed in its field; false when the text is no date.
bool take_typed_date(wxDatePickerCtrl* picker, wxTextCtrl* field) {
    const auto typed = parse_date_text(field->GetValue());
    if (!typed) return false;
    const wxDateTime value = to_wx_date(*typed);
    if (!picker->GetValue().IsValid() || !picker->GetValue().IsSameDate(value)) {
        picker->SetValue(value);
        wxDateEvent changed(picker, value, wxEVT_DATE_CHANGED);
        picker->GetEventHandler()->ProcessEvent(changed);
    }
    field->ChangeValue(date_text(*typed));
    return true;
}

}  // namespace

wxTextCtrl* date_text_field(wxDatePickerCtrl* picker) {
    for (wxWindow* child : picker->GetChildren()) {
        if (auto* combo = wxDynamicCast(child, wxComboCtrl)) return combo->GetTextCtrl();
        if (auto* text = wxDynamicCast(child, wxTextCtrl)) return text;
    }
    return nullptr;
}

void keep_typed_dates(wxDatePickerCtrl* picker) {
    wxTextCtrl* field = date_text_field(picker);
    if (!field) return;  // a native picker takes only dates
    field->Bind(wxEVT_TEXT, [field](wxCommandEvent& event) {
        event.Skip();
        const wxString text = field->GetValue().Strip(wxString::both);
        mark(field, text.empty() || parse_date_text(text).has_value());
    });
    field->Bind(wxEVT_KILL_FOCUS, [picker, field](wxFocusEvent& event) {
        event.Skip();
        if (take_typed_date(picker, field)) return;
        const wxString typed = field->GetValue().Strip(wxString::both);
        const wxDateTime kept = picker->GetValue();
        field->ChangeValue(kept.IsValid() ? date_text(from_wx_date(kept)) : wxString());
        mark(field, true);
        if (typed.empty()) return;
        const wxString message =
            kept.IsValid() ? wxString::Format(_("\"%s\" is not a date: write it as dd/mm/yyyy. The date stays %s."), typed,
                                              date_text(from_wx_date(kept)))
                           : wxString::Format(_("\"%s\" is not a date: write it as dd/mm/yyyy."), typed);
        // After the focus has moved: a modal window inside a focus change confuses GTK. A wx
        // dialog, not GTK's own, so that tests can answer it as they do the program's others.
        picker->CallAfter([picker, message] {
            wxGenericMessageDialog dialog(wxGetTopLevelParent(picker), message, _("Date"), wxOK | wxICON_WARNING);
            dialog.ShowModal();
        });
    });
}

wxDatePickerCtrl* make_date_picker(wxWindow* parent, const wxDateTime& value, const wxString& name) {
    auto* picker = new wxDatePickerCtrl(parent, wxID_ANY, value, wxDefaultPosition, wxDefaultSize,
                                        wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    if (!name.empty()) picker->SetName(name);
    keep_typed_dates(picker);
    return picker;
}

}  // namespace gui
