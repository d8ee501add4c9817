#include "screenshot.hpp"

#include "main_frame.hpp"
#include "counter_panel.hpp"
#include "expiries_panel.hpp"
#include "holders_dialog.hpp"
#include "import_dialog.hpp"
#include "plots_dialog.hpp"
#include "regulation_dialog.hpp"
#include "renew_dialog.hpp"
#include "results_list.hpp"
#include "search_panel.hpp"

#include <wx/app.h>
#include <wx/bitmap.h>
#include <wx/choice.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/image.h>
#include <wx/srchctrl.h>
#include <wx/textctrl.h>
#include <wx/timer.h>

namespace gui {

namespace {

// Runs `then` after `ms` milliseconds of the event loop.
void after(int ms, std::function<void()> then) {
    auto* timer = new wxTimer;
    timer->Bind(wxEVT_TIMER, [timer, then = std::move(then)](wxTimerEvent&) {
        then();
        timer->Stop();
        wxTheApp->CallAfter([timer] { delete timer; });
    });
    timer->StartOnce(ms);
}

// The first concession among the results that the regulation lets renew today.
RenewDialog* open_renewal(MainFrame* frame) {
    auto* list = frame->search_panel()->results();
    auto& db = frame->database();
    for (long row = 0; row < list->GetItemCount() && row < 200; ++row) {
        const auto* hit = list->hit_at(row);
        if (!hit) break;
        const auto record = db.reg().record(hit->concession);
        if (!record) continue;
        const auto decision = cemetery::decide_renewal(db.regulation(), record->concession, record->plot.kind,
                                                       record->comune.name, cemetery::today());
        if (!decision.allowed()) continue;
        frame->search_panel()->ShowConcession(hit->concession);
        auto* dialog = new RenewDialog(frame, *record, db.regulation(), cemetery::today());
        dialog->SetDeed(wxS("R-2026/14"));
        dialog->Show();
        return dialog;
    }
    return nullptr;
}

}  // namespace

bool save_screen(const wxRect& rect, const wxString& file) {
    wxImage::AddHandler(new wxPNGHandler);
    wxBitmap bitmap(rect.width, rect.height, 24);
    wxMemoryDC memory(bitmap);
    wxScreenDC screen;
    memory.Blit(0, 0, rect.width, rect.height, &screen, rect.x, rect.y);
    memory.SelectObject(wxNullBitmap);
    return bitmap.SaveFile(file, wxBITMAP_TYPE_PNG);
}

void take_screenshot(MainFrame* frame, const wxString& view, const wxString& file, const wxString& query,
                     std::function<void(bool)> done) {
    const wxString text = query.empty() ? wxString(wxS("perego")) : query;
    if (view == wxS("scadenze")) {
        const int liscate = frame->comune_choice()->FindString(wxS("Liscate"));  // it finished its list first
        if (liscate > 0) frame->select_comune(liscate);
        frame->select_view(1);
    } else if (view == wxS("sportello")) {
        frame->select_view(2);
        frame->search_field()->ChangeValue(text);
        frame->run_search_now();
    } else if (view != wxS("importa") && view != wxS("inizio")) {  // inizio: the window as it opens
        frame->select_view(0);
        frame->search_field()->ChangeValue(text);
        frame->run_search_now();
    }
    after(600, [frame, view, file, done, query] {
        wxWindow* dialog = nullptr;
        if (view == wxS("rinnovo")) dialog = open_renewal(frame);
        if (view == wxS("concessionari")) {
            // The holders of the first concession, with a mistyped tax code caught.
            const auto* hit = frame->search_panel()->results()->hit_at(0);
            const auto concession = hit ? frame->database().reg().concession(hit->concession) : std::nullopt;
            if (concession) {
                auto* holders = new HoldersDialog(frame, *concession);
                holders->Show();
                holders->fields()["codice_fiscale"].text->SetValue(wxS("RSSMRA85T10A562X"));
                holders->CheckAll();
                dialog = holders;
            }
        }
        if (view == wxS("regolamento")) {
            // The rules in force today for the comune chosen in the window.
            auto* rules = new RegulationDialog(frame, frame->database().regulation(), frame->database().reg().comuni(),
                                               frame->comune(), cemetery::today());
            rules->Show();
            dialog = rules;
        }
        if (view == wxS("posti")) {
            // The plots of the comune chosen in the window (the first when none), a new wall typed in.
            auto* plots = new PlotsDialog(frame, *frame);
            plots->Show();
            plots->SetRange(cemetery::PlotKind::loculo, wxS("N"), wxS("1-5"), wxS("1-40"), wxS("1-4"));
            dialog = plots;
        }
        if (view == wxS("importa")) {
            // The query names the file to import; its check runs at once.
            auto* import = new ImportDialog(frame, frame->database().file(), frame->database().shared_regulation());
            import->Show();
            import->SetFile(query);
            import->StartCheck();
            dialog = import;
        }
        after(300, [frame] { frame->Refresh(); });
        after(1200, [frame, file, done, dialog] {
            frame->Refresh();
            frame->Update();
            if (dialog) dialog->Update();
            // The renewal is shown as its dialog alone: without a window manager, the
            // date picker's hidden popup leaves an unpainted patch on the window behind.
            const bool ok = save_screen(dialog ? dialog->GetScreenRect() : frame->GetScreenRect(), file);
            if (dialog) dialog->Destroy();
            done(ok);
        });
    });
}

}  // namespace gui
