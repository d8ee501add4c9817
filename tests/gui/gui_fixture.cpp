#include "gui_fixture.hpp"

#include "database.hpp"
#include "screenshot.hpp"

#include <cemetery/codice_fiscale.hpp>
#include <cemetery/import.hpp>

#include <wx/app.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/srchctrl.h>
#include <wx/timer.h>
#include <wx/utils.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <random>
#include <thread>

namespace gui_test {

void pump(int ms) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    do {
        wxTheApp->Yield(true);
        wxTheApp->ProcessPendingEvents();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    } while (std::chrono::steady_clock::now() < end);
}

bool wait_until(const std::function<bool()>& done, int timeout_ms) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (!done()) {
        if (std::chrono::steady_clock::now() > end) return false;
        pump(10);
    }
    return true;
}

void when_window_appears(const wxString& name, std::function<void(wxWindow*)> act) {
    auto* timer = new wxTimer;
    timer->Bind(wxEVT_TIMER, [timer, name, act = std::move(act)](wxTimerEvent&) {
        wxWindow* window = wxWindow::FindWindowByName(name);
        if (!window || !window->IsShown()) return;
        timer->Stop();
        // The timer, and this handler with what it captured, is deleted by the next
        // round of pending events, which `act` may run (pump): it runs from a copy.
        const auto run = act;
        wxTheApp->CallAfter([timer] { delete timer; });
        run(window);
    });
    timer->Start(40);
}

void click(wxWindow* dialog, int id) {
    wxCommandEvent event(wxEVT_BUTTON, id);
    event.SetEventObject(dialog->FindWindow(id));
    dialog->GetEventHandler()->ProcessEvent(event);
}

void screenshot(const wxString& name) {
    wxString folder;
    if (!wxGetEnv(wxS("CEMETERY_GUI_SCREENSHOTS"), &folder) || folder.empty()) return;
    pump(300);  // painted
    wxRect whole;
    wxDisplaySize(&whole.width, &whole.height);
    gui::save_screen(whole, folder + wxS("/") + name + wxS(".png"));
}

std::string holder_tax_code() {
    const std::string first15 = "BRMCRL60A41F205";
    return first15 + *cemetery::codice_fiscale_check_letter(first15);
}

namespace {

std::shared_ptr<const cemetery::Regulation> regulation() {
    static const auto shared = gui::load_shipped_regulation();
    return shared;
}

// Chosen for the tests: a Liscate loculo under the Union's rules (renewable once),
// a Truccazzano loculo (no rules after it left the Union), and old deeds long
// expired in Liscate (1) and Pozzuolo Martesana (2).
std::string register_csv() {
    return "Comune;Cimitero;Tipo;Settore;Fila;Numero;Piano;Numero_Concessione;Data_Concessione;Durata_Anni;Scadenza;"
           "Perpetua;Concessionario_Cognome;Concessionario_Nome;Concessionario_CF;Defunto_Cognome;Defunto_Nome;"
           "Defunto_Data_Nascita;Defunto_Data_Morte;Data_Sepoltura\n"
           "Liscate;;Loculo;A;1;1;1;L-2022-001;01/03/2022;;;;Brambilla;Carla;" + holder_tax_code() +
           ";Zanardelli;Ermenegildo;02/02/1930;25/02/2022;01/03/2022\n"
           "Truccazzano;;Loculo;B;2;7;2;T-2010-004;10/05/2010;;;;Gatti;Simone;;Colombo;Pierina;03/03/1925;08/05/2010;"
           "10/05/2010\n"
           "Liscate;;Fossa;Campo 1;3;5;;L-1950-002;12/06/1950;30;;;Rossi;Mario;;Rossi;Giovanni;01/01/1880;10/06/1950;"
           "12/06/1950\n"
           "Pozzuolo Martesana;;Loculo;C;1;2;1;P-1960-001;05/05/1960;30;;;Sironi;Marta;;Sironi;Felice;09/09/1899;"
           "02/05/1960;05/05/1960\n"
           "Pozzuolo Martesana;Trecella;Celletta ossario;O;3;21;;P-1970-002;07/07/1970;30;;;Brambati;Luigi;;Brambati;"
           "Ugo;01/01/1890;01/07/1940;07/07/1970\n";
}

}  // namespace

GuiFixture::GuiFixture() {
    std::random_device random;
    dir = std::filesystem::temp_directory_path() / ("cemetery-gui-test-" + std::to_string(random()));
    std::filesystem::create_directories(dir);
    auto db = gui::Database::open(dir / "registro.sqlite", regulation());
    const auto report = cemetery::import_register_text(db->reg(), db->regulation(), register_csv(), "test");
    for (const auto& e : report.errors) UNSCOPED_INFO("line " << e.line << ": " << e.field << ": " << e.message);
    REQUIRE(report.ok());
    frame = new gui::MainFrame(std::move(db), false);
    frame->SetSize(wxSize(1024, 768));
    frame->Show();
    pump(50);
}

GuiFixture::~GuiFixture() {
    frame->Destroy();
    pump(30);
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
}

void GuiFixture::type_search(const wxString& text) {
    // SetValue sends the text event a keystroke sends; the search runs after the typing pause.
    frame->search_field()->SetValue(text);
    pump(300);
}

int GuiFixture::comune_index(const wxString& name) { return frame->comune_choice()->FindString(name); }

}  // namespace gui_test
