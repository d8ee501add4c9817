#include "app.hpp"

#include "convert.hpp"
#include "language.hpp"
#include "main_frame.hpp"
#include "results_list.hpp"
#include "screenshot.hpp"
#include "search_panel.hpp"
#include "words.hpp"

#include <cemetery/default_register.hpp>

#include <cemetery/regulation_loader.hpp>
#include <cemetery/storage_error.hpp>

#include <wx/busyinfo.h>
#include <wx/cmdline.h>
#include <wx/config.h>
#include <wx/log.h>
#include <wx/msgdlg.h>
#include <wx/srchctrl.h>
#include <wx/timer.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

namespace gui {

namespace {
// Taken when the program is loaded, before main(): the start of --first-paint-ms.
const auto program_start = std::chrono::steady_clock::now();
}  // namespace

void App::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.AddOption(wxS(""), wxS("db"), "register file to open", wxCMD_LINE_VAL_STRING);
    parser.AddOption(wxS(""), wxS("lang"), "interface language: it (default) or en", wxCMD_LINE_VAL_STRING);
    parser.AddSwitch(wxS(""), wxS("first-paint-ms"), "print the milliseconds to the first painted list and exit",
                     wxCMD_LINE_HIDDEN);
    parser.AddSwitch(wxS(""), wxS("scroll-list"), "with --first-paint-ms: then jump through the whole list and exit",
                     wxCMD_LINE_HIDDEN);
    parser.AddOption(wxS(""), wxS("query"), "text typed in the search field at start", wxCMD_LINE_VAL_STRING,
                     wxCMD_LINE_HIDDEN);
    parser.AddOption(wxS(""), wxS("screenshot-view"), "inizio, ricerca, scadenze, sportello, rinnovo, regolamento, posti or importa", wxCMD_LINE_VAL_STRING,
                     wxCMD_LINE_HIDDEN);
    parser.AddOption(wxS(""), wxS("screenshot"), "PNG file to write", wxCMD_LINE_VAL_STRING, wxCMD_LINE_HIDDEN);
}

bool App::OnCmdLineParsed(wxCmdLineParser& parser) {
    if (!wxApp::OnCmdLineParsed(parser)) return false;
    parser.Found(wxS("db"), &options_.db);
    parser.Found(wxS("lang"), &options_.lang);
    options_.first_paint_ms = parser.Found(wxS("first-paint-ms"));
    options_.scroll_list = parser.Found(wxS("scroll-list"));
    parser.Found(wxS("query"), &options_.query);
    parser.Found(wxS("screenshot-view"), &options_.screenshot_view);
    parser.Found(wxS("screenshot"), &options_.screenshot_file);
    return true;
}

std::filesystem::path App::ChooseDatabase() const {
    if (!options_.db.empty()) return std::filesystem::path(to_std(options_.db));
    wxString last;
    if (wxConfigBase::Get()->Read(wxS("/LastDatabase"), &last) && !last.empty() &&
        std::filesystem::exists(std::filesystem::path(to_std(last)))) {
        return std::filesystem::path(to_std(last));
    }
    return cemetery::default_register_path();  // the command line's too
}

bool App::OnInit() {
    SetAppName(wxS("cemetery"));
    SetVendorName(wxS("Unione Adda Martesana"));
    if (!wxApp::OnInit()) return false;
    setup_language(options_.lang);
    SetAppDisplayName(_("Cemetery services"));

    const bool automatic = Automatic();
    // Nobody is there to close a dialog: wx's errors go to stderr in an automatic run.
    if (automatic) delete wxLog::SetActiveTarget(new wxLogStderr);
    std::unique_ptr<Database> db;
    try {
        const auto file = ChooseDatabase();
        // Only the default register and the demo register are made when missing (the
        // first opens on the start page): a register named by --db or $CEMETERY_DB must
        // exist, or a mistyped path would open an empty register.
        const auto same = [&](const std::filesystem::path& other) {
            return std::filesystem::weakly_canonical(file) == std::filesystem::weakly_canonical(other);
        };
        const bool demo = same(demo_register_path());
        const bool made_when_missing =
            demo || (options_.db.empty() && !cemetery::register_named_by_environment() &&
                     same(cemetery::default_register_path()));
        db = made_when_missing ? Database::open(file, load_shipped_regulation())
                               : Database::open_existing(file, load_shipped_regulation());
        if (demo && db->reg().count_concessions() == 0) {
            wxBusyInfo busy(_("Preparing the demo register…"));
            fill_demo_register(*db);
        }
    } catch (const std::exception& e) {
        if (automatic) {
            std::cerr << "cemetery-gui: " << e.what() << '\n';
        } else {
            wxMessageBox(wxString::Format(_("The register cannot be opened:\n%s"), open_error_text(e)),
                         _("Cemetery services"), wxOK | wxICON_ERROR);
        }
        return false;
    }

    auto* frame = new MainFrame(std::move(db), !automatic);
    if (automatic) {
        frame->SetPosition(wxPoint(0, 0));
        frame->SetSize(wxSize(1024, 768));
    }
    frame->Show();
    if (!options_.query.empty()) {
        frame->search_field()->ChangeValue(options_.query);
        frame->run_search_now();
    }
    if (options_.first_paint_ms) {
        MeasureFirstPaint(frame);
    } else if (!options_.screenshot_view.empty()) {
        const wxString file = options_.screenshot_file.empty() ? options_.screenshot_view + wxS(".png")
                                                                : options_.screenshot_file;
        take_screenshot(frame, options_.screenshot_view, file, options_.query, [this, frame, file](bool ok) {
            if (!ok) {
                std::cerr << "cemetery-gui: cannot write " << to_std(file) << '\n';
                exit_code_ = 1;
            }
            frame->Destroy();
        });
    }
    return true;
}

void App::MeasureFirstPaint(MainFrame* frame) {
    // The list's rows are painted by its inner window.
    auto* list = frame->search_panel()->results();
    // Shared by the handler, which stays bound: every later paint (the scrolling) reads it.
    auto painted = std::make_shared<bool>(false);
    const bool scroll = options_.scroll_list;
    auto on_paint = [frame, painted, scroll](wxPaintEvent& event) {
        event.Skip();
        if (*painted) return;
        *painted = true;
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                              program_start);
        std::cout << ms.count() << std::endl;
        wxTheApp->CallAfter([frame, scroll] {
            if (scroll) {
                ScrollThrough(frame);
            } else {
                frame->Destroy();
            }
        });
    };
    list->Bind(wxEVT_PAINT, on_paint);
    for (auto* child : list->GetChildren()) child->Bind(wxEVT_PAINT, on_paint);
}

// Jumps through the list as a clerk drags its scroll bar, one stop every 100 ms so
// that each is painted, so that the benchmark reads the memory of a long list at its
// worst, not at its top. Then closes the window.
void App::ScrollThrough(MainFrame* frame) {
    auto* list = frame->search_panel()->results();
    auto* timer = new wxTimer();
    auto stop = std::make_shared<long>(0);
    timer->Bind(wxEVT_TIMER, [frame, list, timer, stop](wxTimerEvent&) {
        const long rows = list->GetItemCount();
        if (++*stop > 10 || rows == 0) {
            timer->Stop();
            std::cout << "rows " << rows << std::endl;
            wxTheApp->CallAfter([frame, timer] {
                delete timer;
                frame->Destroy();
            });
            return;
        }
        list->EnsureVisible(std::min(rows - 1, rows * *stop / 10));
    });
    timer->Start(100);
}

namespace {
// What the exception being handled says (wx names every one "unknown": it is built
// without its standard-library option).
std::string current_exception_text() {
    try {
        throw;
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "unknown error";
    }
}
}  // namespace

bool App::OnExceptionInMainLoop() {
    const std::string what = current_exception_text();
    if (Automatic()) {
        std::cerr << "cemetery-gui: " << what << '\n';
        exit_code_ = 1;
        return false;  // the loop ends, the run fails
    }
    wxMessageBox(wxString::Format(_("The operation could not be completed:\n%s\n\n"
                                    "Nothing half-done was written to the register. If it happens again, "
                                    "close the program and open it again."),
                                  to_wx(what)),
                 _("Cemetery services"), wxOK | wxICON_ERROR);
    return true;
}

void App::OnUnhandledException() {
    std::cerr << "cemetery-gui: unhandled error: " << current_exception_text() << '\n';
}

int App::OnRun() {
    const int code = wxApp::OnRun();
    return code != 0 ? code : exit_code_;
}

int App::OnExit() {
    wxApp::OnExit();
    return exit_code_;
}

}  // namespace gui
