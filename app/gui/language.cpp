#include "language.hpp"

#include "convert.hpp"

#include <wx/filename.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

namespace gui {

namespace {
bool italian = true;
}

void setup_language(const wxString& lang) {
    // Dates in native pickers follow the system's locale; our own text follows the catalog.
    wxUILocale::UseDefault();
    italian = !lang.StartsWith(wxS("en"));

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
}

bool interface_is_italian() { return italian; }

}  // namespace gui
