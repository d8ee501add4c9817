#pragma once
// The interface language: Italian unless asked otherwise, through gettext catalogs
// (po/it.po compiled to share/locale/it/LC_MESSAGES/cemetery.mo) found next to the
// build or the installed program. Message ids are English.

#include <wx/string.h>

namespace gui {

// "it" (the default) or "en". Call once, before any window is made.
void setup_language(const wxString& lang);

[[nodiscard]] bool interface_is_italian();

}  // namespace gui
