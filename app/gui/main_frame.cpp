#include "main_frame.hpp"

#include "convert.hpp"
#include "counter_panel.hpp"
#include "expiries_panel.hpp"
#include "fit_display.hpp"
#include "ids.hpp"
#include "import_dialog.hpp"
#include "search_panel.hpp"
#include "start_panel.hpp"
#include "words.hpp"

#include <cemetery/output_file.hpp>
#include <cemetery/storage_error.hpp>

#include <wx/choice.h>
#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/filehistory.h>
#include <wx/msgdlg.h>
#include <wx/busyinfo.h>
#include <wx/notebook.h>
#include <wx/simplebook.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>

namespace gui {

namespace {
constexpr int search_pause_ms = 150;  // typing pause before the search runs
enum Page { page_search = 0, page_expiries = 1, page_counter = 2 };
}  // namespace

wxString comune_label(const cemetery::Comune& comune, cemetery::Date today) {
    wxString label = to_wx(comune.name);
    if (comune.member_until && *comune.member_until < today) label += wxS(" ") + _("(former member)");
    return label;
}

MainFrame::MainFrame(std::unique_ptr<Database> db, bool remember)
    : wxFrame(nullptr, wxID_ANY, _("Cemetery services"), wxDefaultPosition, wxSize(1024, 768)),
      db_(std::move(db)),
      remember_(remember),
      history_(std::make_unique<wxFileHistory>(6)),
      search_timer_(this) {
    SetName(wxS("main_frame"));
    SetMinSize(FromDIP(wxSize(800, 560)));
    BuildMenu();
    BuildControls();
    FillComuni();
    UpdateTitle();
    UpdateStatus();
    UpdateStart();
    RefreshExpiries();
    if (remember_) {
        history_->Load(*wxConfigBase::Get());
        history_->AddFileToHistory(to_wx(db_->file().string()));
    }
    search_->SetFocus();
}

MainFrame::~MainFrame() {
    if (remember_) {
        auto* config = wxConfigBase::Get();
        config->Write(wxS("/LastDatabase"), to_wx(db_->file().string()));
        history_->Save(*config);
        config->Flush();
    }
}

void MainFrame::BuildControls() {
    auto* root = new wxPanel(this);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(new wxStaticText(root, wxID_ANY, _("Comune:")), wxSizerFlags().CenterVertical().Border(wxRIGHT));
    comune_choice_ = new wxChoice(root, wxID_ANY);
    comune_choice_->SetName(wxS("comune_choice"));
    top->Add(comune_choice_, wxSizerFlags().CenterVertical().Border(wxRIGHT, FromDIP(12)));
    search_ = new wxSearchCtrl(root, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    search_->SetName(wxS("search_field"));
    search_->SetDescriptiveText(_("Search deceased, holder, deed number…"));
    search_->ShowCancelButton(true);
    search_->SetToolTip(_("Search deceased, holder, deed number or tax code (Ctrl+F)"));
    top->Add(search_, wxSizerFlags(1).CenterVertical());

    body_ = new wxSimplebook(root, wxID_ANY);
    notebook_ = new wxNotebook(body_, wxID_ANY);
    notebook_->SetName(wxS("views"));
    search_panel_ = new SearchPanel(notebook_, *this);
    expiries_panel_ = new ExpiriesPanel(notebook_, *this);
    counter_panel_ = new CounterPanel(notebook_, *this);
    notebook_->AddPage(search_panel_, _("Search"), true);
    notebook_->AddPage(expiries_panel_, _("Expiries"));
    notebook_->AddPage(counter_panel_, _("Counter"));
    counter_panel_->on_query_typed = [this](const wxString& text) { search_->ChangeValue(text); };
    start_panel_ = new StartPanel(body_);
    start_panel_->on_open_demo = [this] { OpenDemo(); };
    start_panel_->on_continue = [this] { body_->ChangeSelection(0); };
    body_->AddPage(notebook_, wxString(), true);
    body_->AddPage(start_panel_, wxString());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    sizer->Add(body_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8)));
    root->SetSizer(sizer);

    CreateStatusBar();

    comune_choice_->Bind(wxEVT_CHOICE, &MainFrame::OnChangeComune, this);
    search_->Bind(wxEVT_TEXT, &MainFrame::OnTypeSearch, this);
    search_->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) {
        search_->Clear();
        run_search_now();
    });
    search_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        run_search_now();
        if (notebook_->GetSelection() == page_search) search_panel_->FocusResults();
    });
    Bind(wxEVT_TIMER, &MainFrame::OnSearchTimer, this, search_timer_.GetId());
    notebook_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, &MainFrame::OnChangePage, this);
}

void MainFrame::FillComuni() {
    const auto today = cemetery::today();
    comune_choice_->Clear();
    comune_ids_.clear();
    comune_choice_->Append(_("Whole Union"));
    comune_ids_.emplace_back();
    for (const auto& c : db_->reg().comuni()) {
        comune_choice_->Append(comune_label(c, today));
        comune_ids_.emplace_back(c.id);
    }
    comune_choice_->SetSelection(0);
}

std::optional<cemetery::ComuneId> MainFrame::comune() const {
    const int i = comune_choice_->GetSelection();
    if (i < 0 || static_cast<std::size_t>(i) >= comune_ids_.size()) return std::nullopt;
    return comune_ids_[static_cast<std::size_t>(i)];
}

void MainFrame::UpdateTitle() {
    SetTitle(_("Cemetery services") + wxS(" — ") + to_wx(db_->file().filename().string()));
}

void MainFrame::UpdateStatus() {
    const auto n = db_->reg().count_concessions(comune());
    SetStatusText(wxString::Format(wxPLURAL("%s concession", "%s concessions", static_cast<unsigned>(n)), count_text(n)) +
                  wxS(" · ") + comune_choice_->GetStringSelection());
}

// The start page stands in for the views while the register holds no concession at all
// (in any comune); the first concession, imported or granted, brings the views back.
void MainFrame::UpdateStart() {
    const bool empty = db_->reg().count_concessions(std::nullopt) == 0;
    if (empty) start_panel_->SetRegister(to_wx(db_->file().filename().string()));
    body_->ChangeSelection(empty ? 1 : 0);
}

bool MainFrame::showing_start() const { return body_->GetSelection() == 1; }

void MainFrame::OpenDemo() {
    try {
        auto db = Database::open(demo_file_, db_->shared_regulation());
        if (db->reg().count_concessions() == 0) {
            wxBusyInfo busy(_("Preparing the demo register…"), this);
            fill_demo_register(*db);
        }
        use_database(std::move(db));
    } catch (const std::exception& e) {
        wxMessageBox(wxString::Format(_("The register cannot be opened:\n%s"), open_error_text(e)), _("Cemetery services"),
                     wxOK | wxICON_ERROR, this);
    }
}

void MainFrame::set_status(const wxString& text) { SetStatusText(text); }

void MainFrame::select_comune(int index) {
    comune_choice_->SetSelection(index);
    wxCommandEvent event(wxEVT_CHOICE, comune_choice_->GetId());
    event.SetInt(index);
    event.SetEventObject(comune_choice_);
    comune_choice_->ProcessWindowEvent(event);
}

void MainFrame::select_view(int page) {
    body_->ChangeSelection(0);
    notebook_->SetSelection(static_cast<std::size_t>(page));
}

void MainFrame::OnChangeComune(wxCommandEvent&) {
    UpdateStatus();
    search_panel_->SetQuery(search_->GetValue());
    RefreshExpiries();
    counter_panel_->Reload();
}

void MainFrame::OnTypeSearch(wxCommandEvent&) {
    if (showing_start()) body_->ChangeSelection(0);  // a search is a way to begin too
    // Typing from the expired list goes to the search view.
    if (notebook_->GetSelection() == page_expiries) notebook_->SetSelection(page_search);
    search_timer_.StartOnce(search_pause_ms);
}

void MainFrame::OnSearchTimer(wxTimerEvent&) { run_search_now(); }

void MainFrame::run_search_now() {
    search_timer_.Stop();
    if (notebook_->GetSelection() == page_counter) {
        counter_panel_->SetQuery(search_->GetValue());
    } else {
        search_panel_->SetQuery(search_->GetValue());
    }
}

// The expired list of the whole Union can hold hundreds of thousands of rows on a
// large register: it is read when its page is shown, not at every change.
void MainFrame::RefreshExpiries() {
    if (notebook_->GetSelection() == page_expiries) {
        expiries_panel_->Reload();
        expiries_stale_ = false;
    } else {
        expiries_stale_ = true;
    }
}

void MainFrame::OnChangePage(wxBookCtrlEvent& event) {
    event.Skip();
    if (event.GetSelection() == page_expiries && expiries_stale_) RefreshExpiries();
    if (event.GetSelection() == page_counter) counter_panel_->SetQuery(search_->GetValue());
    if (event.GetSelection() == page_search) search_panel_->SetQuery(search_->GetValue());
}

void MainFrame::concession_changed(cemetery::ConcessionId id) {
    search_panel_->Reload(id);
    RefreshExpiries();
    counter_panel_->Reload();
    UpdateStatus();
    UpdateStart();
}

void MainFrame::show_concession(cemetery::ConcessionId id, const wxString& deed_number) {
    search_->ChangeValue(deed_number);
    notebook_->SetSelection(page_search);
    search_panel_->SetQuery(deed_number);
    search_panel_->ShowConcession(id);
}

void MainFrame::use_database(std::unique_ptr<Database> db) {
    db_ = std::move(db);
    FillComuni();
    UpdateTitle();
    UpdateStatus();
    UpdateStart();
    search_->ChangeValue(wxString());
    search_panel_->SetQuery(wxString());
    RefreshExpiries();
    counter_panel_->SetQuery(wxString());
    if (remember_) {
        history_->AddFileToHistory(to_wx(db_->file().string()));
        wxConfigBase::Get()->Write(wxS("/LastDatabase"), to_wx(db_->file().string()));
    }
}

void MainFrame::OpenFile(const wxString& path, bool create) {
    try {
        const auto file = std::filesystem::path(to_std(path));
        auto regulation = db_->shared_regulation();
        use_database(create ? Database::open(file, regulation) : Database::open_existing(file, regulation));
    } catch (const std::exception& e) {
        wxMessageBox(wxString::Format(_("Cannot open %s:\n%s"), path, open_error_text(e)), _("Cemetery services"),
                     wxOK | wxICON_ERROR, this);
    }
}

void MainFrame::OnNewDatabase(wxCommandEvent&) {
    wxFileDialog dialog(this, _("New database"), wxString(), wxS("registro.sqlite"),
                        _("Register databases (*.sqlite)|*.sqlite|All files|*"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (show_fitted(dialog) != wxID_OK) return;
    const auto file = std::filesystem::path(to_std(dialog.GetPath()));
    std::error_code ignored;
    if (cemetery::ProtectedFiles::of_register(db_->file()).refusal(file)) {
        wxMessageBox(_("That is the database open now, or one of its own files or copies: choose another name."),
                     _("New database"), wxOK | wxICON_WARNING, this);
        return;
    }
    std::filesystem::remove(file, ignored);  // the clerk confirmed overwriting it
    OpenFile(dialog.GetPath(), true);
}

void MainFrame::OnOpenDatabase(wxCommandEvent&) {
    wxFileDialog dialog(this, _("Open database"), wxString(), wxString(),
                        _("Register databases (*.sqlite)|*.sqlite|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (show_fitted(dialog) == wxID_OK) OpenFile(dialog.GetPath(), false);
}

void MainFrame::OnOpenRecent(wxCommandEvent& event) {
    const wxString path = history_->GetHistoryFile(static_cast<std::size_t>(event.GetId() - wxID_FILE1));
    if (!path.empty()) OpenFile(path, false);
}

void MainFrame::OnBackupDatabase(wxCommandEvent&) {
    const wxString name = to_wx(db_->file().stem().string()) + wxDateTime::Today().Format(wxS("-%Y%m%d")) + wxS(".sqlite");
    wxFileDialog dialog(this, _("Back up database"), wxString(), name,
                        _("Register databases (*.sqlite)|*.sqlite|All files|*"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (show_fitted(dialog) != wxID_OK) return;
    try {
        db_->copy_to(std::filesystem::path(to_std(dialog.GetPath())));
        SetStatusText(wxString::Format(_("Copy saved: %s"), dialog.GetPath()));
    } catch (const std::exception& e) {
        wxMessageBox(wxString::Format(_("The copy could not be saved:\n%s"), to_wx(e.what())), _("Back up database"),
                     wxOK | wxICON_ERROR, this);
    }
}

void MainFrame::OnImportRegister(wxCommandEvent&) {
    ImportDialog dialog(this, db_->file(), db_->shared_regulation());
    dialog.ShowModal();
    if (dialog.imported()) {
        FillComuni();
        concession_changed(cemetery::ConcessionId{});
    }
}

void MainFrame::OnFocusSearch(wxCommandEvent&) {
    if (notebook_->GetSelection() == page_counter) {
        counter_panel_->FocusField();
    } else {
        search_->SetFocus();
        search_->SelectAll();
    }
}

void MainFrame::OnSelectView(wxCommandEvent& event) { select_view(event.GetId() - id_view_search); }

void MainFrame::OnConcessionCommand(wxCommandEvent& event) {
    if (notebook_->GetSelection() != page_search) notebook_->SetSelection(page_search);
    switch (event.GetId()) {
        case id_renew: search_panel_->RenewSelected(); break;
        case id_edit_holders: search_panel_->EditHolders(); break;
        case id_print_deed: search_panel_->PrintDeed(); break;
        default: break;
    }
}

void MainFrame::OnQuit(wxCommandEvent&) { Close(); }

}  // namespace gui
