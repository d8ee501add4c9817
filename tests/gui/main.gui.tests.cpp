// The GUI tests' main: a wx application without its own main loop, then Catch.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "language.hpp"

#include <wx/app.h>
#include <wx/init.h>

namespace {
class TestApp : public wxApp {
public:
    bool OnInit() override { return true; }
};
}  // namespace

wxIMPLEMENT_APP_NO_MAIN(TestApp);

int main(int argc, char** argv) {
    int wx_argc = 1;  // Catch's arguments are not wx's
    if (!wxEntryStart(wx_argc, argv)) return 1;
    wxTheApp->CallOnInit();
    gui::setup_language(wxS("it"));
    const int result = Catch::Session().run(argc, argv);
    wxTheApp->OnExit();
    wxEntryCleanup();
    return result;
}
