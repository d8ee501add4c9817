#include "language.hpp"

#include "convert.hpp"

#include <wx/filename.h>
#include <wx/log.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

#include <clocale>
#include <cstdlib>
#include <initializer_list>

namespace gui {

namespace {
bool italian = true;

// The C locale, and with it GTK's own words ("Annulla", the print and file dialogs) and
// its calendar (Monday first), and the date format of every date picker, follow the
// interface language, not the system's: a clerk on a machine set up in English still
// works in Italian. The first of the names the system knows is used.
bool use_locale(std::initializer_list<const char*> names) {
    for (const char* name : names) {
        if (std::setlocale(LC_ALL, name) == nullptr) continue;
        // Numbers written to files and read back (CSV, the regulation) keep the C form;
        // numbers for people are formatted by the program itself (convert.hpp).
        std::setlocale(LC_NUMERIC, "C");
        wxUILocale::UseLocaleName(wxString::FromAscii(name));
        return true;
    }
    return false;
}
}  // namespace

void setup_language(const wxString& lang) {
    italian = !lang.StartsWith(wxS("en"));
    // gettext reads LANGUAGE before the locale: GTK's words would stay in the
    // language it names.
    ::setenv("LANGUAGE", italian ? "it" : "en", 1);
    const bool found = italian ? use_locale({"it_IT.UTF-8", "it_IT.utf8", "it_IT"})
                               : use_locale({"en_GB.UTF-8", "en_US.UTF-8", "C.UTF-8"});
    if (!found) {
        wxUILocale::UseDefault();
        std::setlocale(LC_NUMERIC, "C");
    }

    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxS(CEMETERY_BUILD_LOCALE_DIR));
    wxFileName installed(wxStandardPaths::Get().GetExecutablePath());
    installed.RemoveLastDir();
    installed.AppendDir(wxS("share"));
    installed.AppendDir(wxS("locale"));
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(installed.GetPath());

    auto* translations = new wxTranslations;
    translations->SetLanguage(italian ? wxLANGUAGE_ITALIAN : wxLANGUAGE_ENGLISH_US);
    wxTranslations::Set(translations);
    translations->AddStdCatalog();
    translations->AddCatalog(wxS("cemetery"), wxLANGUAGE_ENGLISH_US);
    set_thousands_separator(italian ? wxS('.') : wxS(','));
    if (!found && italian) {
        wxLogWarning(_("The Italian locale (it_IT.UTF-8) is not installed on this computer: the calendars and the "
                       "toolkit's own words follow the system's language. scripts/install-deps installs it."));
    }
}

bool interface_is_italian() { return italian; }

}  // namespace gui
