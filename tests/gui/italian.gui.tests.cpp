// The window speaks Italian on a machine set up in another language: this test runs
// with LANG=C and LANGUAGE=en (tests/gui/CMakeLists.txt). Dates in the pickers are
// dd/mm/yyyy and what a clerk types in them is kept or refused aloud; refusals, tax
// code problems and the toolkit's own words come from the Italian catalogues.

#include "gui_fixture.hpp"

#include "convert.hpp"
#include "date_field.hpp"
#include "expiries_panel.hpp"
#include "language.hpp"
#include "words.hpp"

#include <cemetery/concede.hpp>

#include <catch2/catch.hpp>

#include <wx/datectrl.h>
#include <wx/msgdlg.h>
#include <wx/generic/msgdlgg.h>
#include <wx/timer.h>
#include <wx/textctrl.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

#include <clocale>
#include <functional>
#include <libintl.h>
#include <string>

using gui_test::GuiFixture;

namespace {

cemetery::Date day(int y, unsigned m, unsigned d) { return cemetery::Date{date::year{y}, date::month{m}, date::day{d}}; }

// What `words` says with no catalogue at all: the English message ids.
wxString in_english(const std::function<wxString()>& words) {
    wxTranslations::Set(new wxTranslations);
    const wxString english = words();
    gui::setup_language(wxS("it"));
    return english;
}

// Types `text` in the picker's field and leaves it, as a clerk tabbing on does.
void type_and_leave(wxDatePickerCtrl* picker, const wxString& text) {
    wxTextCtrl* field = gui::date_text_field(picker);
    REQUIRE(field != nullptr);
    field->SetValue(text);
    wxFocusEvent leave(wxEVT_KILL_FOCUS, field->GetId());
    leave.SetEventObject(field);
    field->GetEventHandler()->ProcessEvent(leave);
}

wxDatePickerCtrl* as_of_picker(GuiFixture& f) {
    f.frame->select_view(1);
    auto* picker = dynamic_cast<wxDatePickerCtrl*>(wxWindow::FindWindowByName(wxS("as_of"), f.frame));
    REQUIRE(picker != nullptr);
    return picker;
}

}  // namespace

TEST_CASE("on a machine set up in English the date pickers and the toolkit speak Italian", "[italian]") {
    REQUIRE(std::string(std::getenv("LANG") ? std::getenv("LANG") : "") == "C");  // as CTest starts it
    INFO("the it_IT.UTF-8 locale must be installed: scripts/install-deps generates it");
    REQUIRE(std::string(std::setlocale(LC_TIME, nullptr)).starts_with("it_IT"));
    GuiFixture f;
    auto* picker = as_of_picker(f);
    // Today, as 03/12/2026, not 12/03/2026.
    CHECK(gui::date_text_field(picker)->GetValue() == gui::date_text(cemetery::today()));
    CHECK(wxUILocale::GetCurrent().GetInfo(wxLOCALE_SHORT_DATE_FMT) == wxS("%d/%m/%Y"));
    // GTK's own words (Cancel in its dialogs, the print and file dialogs) and its calendar
    // read GTK's catalogue; the Italian one puts Monday first.
    CHECK(std::string(dgettext("gtk30", "_Cancel")) == "A_nnulla");
    CHECK(std::string(dgettext("gtk30", "calendar:week_start:0")) == "calendar:week_start:1");
    // wx's own words.
    CHECK(wxGetTranslation(wxS("Cancel"), wxS("wxstd-3.2")) != wxS("Cancel"));
}

TEST_CASE("a date typed in Scadute al is the list's date", "[italian]") {
    GuiFixture f;
    auto* picker = as_of_picker(f);
    auto* expiries = f.frame->expiries_panel();
    type_and_leave(picker, wxS("31/12/2026"));
    CHECK(gui::from_wx_date(picker->GetValue()) == day(2026, 12, 31));
    CHECK(expiries->CountText().EndsWith(wxS(" al 31/12/2026")));

    SECTION("written short, it is read as the clerk means it") {
        type_and_leave(picker, wxS("7/5/2004"));
        CHECK(gui::from_wx_date(picker->GetValue()) == day(2004, 5, 7));
        CHECK(gui::date_text_field(picker)->GetValue() == wxS("07/05/2004"));
        CHECK(expiries->CountText().EndsWith(wxS(" al 07/05/2004")));
    }
    SECTION("a text that is no date is refused aloud, and the date kept is said") {
        wxString said;
        // The message is a modal dialog: answered from inside its own event loop.
        wxTimer answer;
        answer.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
            for (wxWindow* window : wxTopLevelWindows) {
                auto* message = dynamic_cast<wxGenericMessageDialog*>(window);
                if (!message || !message->IsModal()) continue;
                answer.Stop();
                said = message->GetMessage();
                message->EndModal(wxID_OK);
                return;
            }
        });
        answer.Start(40);
        type_and_leave(picker, wxS("31/13/2026"));
        REQUIRE(gui_test::wait_until([&] { return !said.empty(); }));
        CHECK(said == wxS("«31/13/2026» non è una data: scrivetela come gg/mm/aaaa. La data resta 31/12/2026."));
        CHECK(gui::from_wx_date(picker->GetValue()) == day(2026, 12, 31));
        CHECK(gui::date_text_field(picker)->GetValue() == wxS("31/12/2026"));
        CHECK(expiries->CountText().EndsWith(wxS(" al 31/12/2026")));
    }
    SECTION("while typing, a text that is no date is marked") {
        wxTextCtrl* field = gui::date_text_field(picker);
        field->SetValue(wxS("31/12/20x6"));
        CHECK(field->GetToolTipText() == wxS("Non è una data: scrivetela come gg/mm/aaaa"));
        field->SetValue(wxS("31/12/2026"));
        CHECK(field->GetToolTipText().empty());
    }
}

TEST_CASE("every refusal has its Italian words in the catalogue", "[italian]") {
    for (int i = 0;; ++i) {
        const auto code = static_cast<cemetery::RefusalCode>(i);
        if (cemetery::code_name(code) == "?") break;
        INFO(cemetery::code_name(code));
        const wxString italian = gui::refusal_text(code);
        CHECK_FALSE(italian.empty());
        CHECK(italian != in_english([code] { return gui::refusal_text(code); }));
    }
}

TEST_CASE("every problem of a tax code is said in Italian", "[italian]") {
    using cemetery::CodiceFiscaleProblem;
    for (const auto problem : {CodiceFiscaleProblem::wrong_length, CodiceFiscaleProblem::bad_character,
                               CodiceFiscaleProblem::bad_month, CodiceFiscaleProblem::bad_day,
                               CodiceFiscaleProblem::bad_check_letter}) {
        cemetery::CodiceFiscaleCheck check;
        check.problem = problem;
        check.position = 3;
        check.found_length = 15;
        check.found_check = 'X';
        check.expected_check = 'I';
        const wxString italian = gui::codice_fiscale_text(check);
        CHECK_FALSE(italian.empty());
        CHECK(italian != in_english([check] { return gui::codice_fiscale_text(check); }));
    }
}

TEST_CASE("a holder refused for a tax code is told in Italian, naming the holder", "[italian]") {
    cemetery::Holder holder;
    holder.surname = "ROSSI";
    holder.given_name = "MARIA";
    std::string code = gui_test::holder_tax_code();
    code.back() = code.back() == 'X' ? 'Y' : 'X';
    holder.codice_fiscale = code;
    const auto refusal = cemetery::check_people({holder}, {}, std::nullopt);
    REQUIRE(refusal);
    CHECK(gui::refusal_text(refusal->code) != wxString());
    const wxString detail = gui::refusal_detail(*refusal);
    CHECK(detail == wxString::Format(wxS("Concessionario ROSSI MARIA, codice fiscale: il carattere di controllo è %c, "
                                         "dovrebbe essere %c"),
                                     code.back(), gui_test::holder_tax_code().back()));
    CHECK_FALSE(detail.Contains(wxS("check letter")));
}

TEST_CASE("a register in a network folder is refused in Italian, saying why and naming the server's register",
          "[italian]") {
    const cemetery::DatabaseError shared(cemetery::DatabaseError::Kind::network_filesystem,
                                         "/mnt/ufficio/registro.sqlite: the register is in a network folder (NFS)");
    const wxString said = gui::open_error_text(shared);
    INFO(said.utf8_string());
    CHECK(said.StartsWith(wxS("Il registro è in una cartella di rete")));
    CHECK(said.Contains(wxS("non sono affidabili")));
    CHECK(said.Contains(wxS("registro su un server PostgreSQL")));
    // Any other error: the library's sentence as it is.
    const cemetery::DatabaseError busy(cemetery::DatabaseError::Kind::busy, "the register is busy");
    CHECK(gui::open_error_text(busy) == wxS("the register is busy"));
}
