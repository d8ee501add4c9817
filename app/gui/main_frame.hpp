#pragma once
// The main window: menus, the comune chooser and the search field (always
// visible), the three views (Ricerca, Scadenze, Sportello) and the status bar.
// Holds no rules: the panels call the library and show what it returns.

#include "host.hpp"

#include <wx/bookctrl.h>
#include <wx/frame.h>
#include <wx/timer.h>

#include <filesystem>
#include <memory>
#include <vector>

class wxChoice;
class wxFileHistory;
class wxNotebook;
class wxSimplebook;
class wxSearchCtrl;

namespace gui {

class CounterPanel;
class ExpiriesPanel;
class SearchPanel;
class StartPanel;

class MainFrame : public wxFrame, public Host {
public:
    // `remember` false: the frame writes nothing to the configuration (tests, screenshots).
    MainFrame(std::unique_ptr<Database> db, bool remember = true);
    ~MainFrame() override;

    // Host
    Database& database() override { return *db_; }
    std::optional<cemetery::ComuneId> comune() const override;
    void concession_changed(cemetery::ConcessionId id) override;
    void show_concession(cemetery::ConcessionId id, const wxString& deed_number) override;
    void set_status(const wxString& text) override;

    // Switches to another register file (the old one is closed).
    void use_database(std::unique_ptr<Database> db);

    // For tests and screenshots.
    wxSearchCtrl* search_field() { return search_; }
    wxChoice* comune_choice() { return comune_choice_; }
    wxNotebook* notebook() { return notebook_; }
    StartPanel* start_panel() { return start_panel_; }
    bool showing_start() const;
    // The register "Apri il registro di prova" opens (made and filled when missing).
    void set_demo_register(std::filesystem::path file) { demo_file_ = std::move(file); }
    SearchPanel* search_panel() { return search_panel_; }
    ExpiriesPanel* expiries_panel() { return expiries_panel_; }
    CounterPanel* counter_panel() { return counter_panel_; }
    // Selects the comune by its position in the chooser (0: the whole Union).
    void select_comune(int index);
    // Runs the pending search now instead of after the typing pause.
    void run_search_now();
    void select_view(int page);

private:
    void BuildMenu();
    void BuildControls();
    void FillComuni();
    void UpdateTitle();
    void UpdateStatus();
    void UpdateStart();
    void OpenDemo();
    void OpenFile(const wxString& path, bool create);

    void OnChangeComune(wxCommandEvent& event);
    void OnTypeSearch(wxCommandEvent& event);
    void OnSearchTimer(wxTimerEvent& event);
    void RefreshExpiries();
    void OnChangePage(wxBookCtrlEvent& event);
    void OnNewDatabase(wxCommandEvent& event);
    void OnOpenDatabase(wxCommandEvent& event);
    void OnBackupDatabase(wxCommandEvent& event);
    void OnOpenRecent(wxCommandEvent& event);
    void OnImportRegister(wxCommandEvent& event);
    void OnFocusSearch(wxCommandEvent& event);
    void OnSelectView(wxCommandEvent& event);
    void OnConcessionCommand(wxCommandEvent& event);
    void OnAbout(wxCommandEvent& event);
    void OnShowRegulation(wxCommandEvent& event);  // frame_menu.cpp
    void OnShowPlots(wxCommandEvent& event);       // frame_menu.cpp
    void OnNewConcession(wxCommandEvent& event);  // frame_life.cpp
    void OnLifeCommand(wxCommandEvent& event);    // frame_life.cpp
    void OnQuit(wxCommandEvent& event);

    std::unique_ptr<Database> db_;
    bool remember_;
    std::vector<std::optional<cemetery::ComuneId>> comune_ids_;
    std::unique_ptr<wxFileHistory> history_;
    wxChoice* comune_choice_ = nullptr;
    wxSearchCtrl* search_ = nullptr;
    wxSimplebook* body_ = nullptr;  // the views, or the start page on an empty register
    StartPanel* start_panel_ = nullptr;
    wxNotebook* notebook_ = nullptr;
    SearchPanel* search_panel_ = nullptr;
    ExpiriesPanel* expiries_panel_ = nullptr;
    CounterPanel* counter_panel_ = nullptr;
    wxTimer search_timer_;
    bool expiries_stale_ = true;
    std::filesystem::path demo_file_ = demo_register_path();
};

// The chooser's label for a comune: its name, former members marked.
[[nodiscard]] wxString comune_label(const cemetery::Comune& comune, cemetery::Date today);

}  // namespace gui
