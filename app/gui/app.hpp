#pragma once
// The program: reads the command line, sets the language, opens the register
// (--db, else the last one used, else $CEMETERY_DB, else the demo register next to
// the build, filled on first start) and shows the main window. Hidden options
// serve the benchmark (--first-paint-ms) and the screenshots (--screenshot-view).

#include <wx/app.h>
#include <wx/string.h>

#include <filesystem>

namespace gui {

class MainFrame;

struct StartOptions {
    wxString db;
    wxString lang = wxS("it");
    bool first_paint_ms = false;
    bool scroll_list = false;  // with first_paint_ms: jump through the list, then exit
    wxString query;            // typed in the search field at start
    wxString screenshot_view;  // ricerca, scadenze, sportello, rinnovo
    wxString screenshot_file;
};

class App : public wxApp {
public:
    bool OnInit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;
    // The main loop's result, or 1 when an automatic run failed (wx ignores OnExit's).
    int OnRun() override;
    int OnExit() override;
    // The safety net under every event handler: a failure no handler caught (the
    // register unreadable for a moment, a bug) is shown to the clerk and the window
    // goes on, instead of wx's "Unhandled unknown exception; terminating". Every
    // write is one transaction, so nothing half-written is left behind. The
    // automatic runs (benchmark, screenshots) print it and stop with an error, so
    // that a test sees it. The GUI tests run their own wxApp: nothing is hidden there.
    bool OnExceptionInMainLoop() override;
    void OnUnhandledException() override;

private:
    std::filesystem::path ChooseDatabase() const;
    void MeasureFirstPaint(MainFrame* frame);
    static void ScrollThrough(MainFrame* frame);
    [[nodiscard]] bool Automatic() const { return options_.first_paint_ms || !options_.screenshot_view.empty(); }

    StartOptions options_;
    int exit_code_ = 0;
};

}  // namespace gui
