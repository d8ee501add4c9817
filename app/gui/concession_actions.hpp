#pragma once
// What the buttons of a concession do: open the dialog, and on confirmation write
// through the library, report a refusal or a conflict, and refresh every view.

#include "host.hpp"

class wxWindow;

namespace gui {

// A renewal refused because the concession changed since the dialog showed it is
// shown again on the concession as it stands, with what the clerk typed: never stacked.
void renew_concession(wxWindow* parent, Host& host, cemetery::ConcessionId id);
void edit_holders(wxWindow* parent, Host& host, cemetery::ConcessionId id);

}  // namespace gui
