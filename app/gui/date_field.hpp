#pragma once
// The date pickers of the window: what a clerk types is read as dd/mm/yyyy whatever the
// system's locale, and a text that is no date is said to be one, never dropped in
// silence (wx's picker puts its last date back when the field loses the focus).

#include <wx/datectrl.h>
#include <wx/string.h>

class wxTextCtrl;

namespace gui {

// A drop-down picker showing the century, on `value`, named `name`, that keeps what is
// typed in it (keep_typed_dates).
[[nodiscard]] wxDatePickerCtrl* make_date_picker(wxWindow* parent, const wxDateTime& value, const wxString& name = {});

// While typing, a field that holds no date is marked and says how to write one; when it
// loses the focus, a typed date becomes the picker's value (wxEVT_DATE_CHANGED is sent),
// and a text that is no date is refused with a message saying which date stays.
void keep_typed_dates(wxDatePickerCtrl* picker);

// The text field inside the picker (null if the toolkit's picker has none).
[[nodiscard]] wxTextCtrl* date_text_field(wxDatePickerCtrl* picker);

}  // namespace gui
