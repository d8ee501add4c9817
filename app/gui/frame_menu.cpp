// The main window's menus and the About box (kept apart from main_frame.cpp).
#include "ids.hpp"
#include "main_frame.hpp"
#include "plots_dialog.hpp"
#include "regulation_dialog.hpp"

#include <wx/aboutdlg.h>
#include <wx/filehistory.h>
#include <wx/menu.h>

namespace gui {

void MainFrame::BuildMenu() {
    auto* file = new wxMenu;
    file->Append(id_new_database, _("&New database…"));
    file->Append(wxID_OPEN, _("&Open…\tCtrl+O"));
    file->Append(id_backup, _("&Back up database…"));
    auto* recent = new wxMenu;
    file->AppendSubMenu(recent, _("&Recent files"));
    history_->UseMenu(recent);
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));

    auto* edit = new wxMenu;
    edit->Append(id_focus_search, _("&Search\tCtrl+F"));
    edit->AppendSeparator();
    edit->Append(id_renew, _("&Renew…\tCtrl+R"));
    edit->Append(id_edit_holders, _("Edit &holders…"));
    edit->Append(id_print_deed, _("&Print deed…\tCtrl+P"));
    edit->AppendSeparator();
    edit->Append(id_new_concession, _("&New concession…\tCtrl+N"));
    edit->Append(id_add_burial, _("Add &burial…"));
    edit->Append(id_succession, _("Su&ccession…"));
    edit->Append(id_end_concession, _("Surrender / Forfeiture / Re&vocation…"));
    edit->Append(id_close_concession, _("&Close expired concession…"));

    auto* view = new wxMenu;
    view->Append(id_view_search, _("&Search\tCtrl+1"));
    view->Append(id_view_expiries, _("&Expiries\tCtrl+2"));
    view->Append(id_view_counter, _("&Counter\tCtrl+3"));

    auto* tools = new wxMenu;
    tools->Append(id_import, _("&Import register…"));
    tools->Append(id_regulation, _("&Regulation in force…"));
    tools->Append(id_plots, _("&Plots…"));

    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, _("&About"));

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(edit, _("&Edit"));
    bar->Append(view, _("&View"));
    bar->Append(tools, _("&Tools"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(wxEVT_MENU, &MainFrame::OnNewDatabase, this, id_new_database);
    Bind(wxEVT_MENU, &MainFrame::OnOpenDatabase, this, wxID_OPEN);
    Bind(wxEVT_MENU, &MainFrame::OnBackupDatabase, this, id_backup);
    Bind(wxEVT_MENU, &MainFrame::OnOpenRecent, this, wxID_FILE1, wxID_FILE9);
    Bind(wxEVT_MENU, &MainFrame::OnQuit, this, wxID_EXIT);
    Bind(wxEVT_MENU, &MainFrame::OnFocusSearch, this, id_focus_search);
    Bind(wxEVT_MENU, &MainFrame::OnConcessionCommand, this, id_renew);
    Bind(wxEVT_MENU, &MainFrame::OnConcessionCommand, this, id_edit_holders);
    Bind(wxEVT_MENU, &MainFrame::OnConcessionCommand, this, id_print_deed);
    Bind(wxEVT_MENU, &MainFrame::OnSelectView, this, id_view_search, id_view_counter);
    Bind(wxEVT_MENU, &MainFrame::OnImportRegister, this, id_import);
    Bind(wxEVT_MENU, &MainFrame::OnAbout, this, wxID_ABOUT);
    Bind(wxEVT_MENU, &MainFrame::OnShowRegulation, this, id_regulation);
    Bind(wxEVT_MENU, &MainFrame::OnShowPlots, this, id_plots);
    Bind(wxEVT_MENU, &MainFrame::OnNewConcession, this, id_new_concession);
    Bind(wxEVT_MENU, &MainFrame::OnLifeCommand, this, id_end_concession, id_succession);
}

void MainFrame::OnAbout(wxCommandEvent&) {
    wxAboutDialogInfo info;
    info.SetName(_("Cemetery services"));
    info.SetVersion(wxS("0.1.0"));
    info.SetDescription(_("The register of burial concessions of the Unione di Comuni Lombarda "
                          "\"Adda Martesana\": search, renewals, expired lists, the counter."));
    wxAboutBox(info, this);
}

// Read-only: what the regulation says for the comune chosen in the window, today.
void MainFrame::OnShowRegulation(wxCommandEvent&) {
    RegulationDialog dialog(this, database().regulation(), database().reg().comuni(), comune(), cemetery::today());
    dialog.ShowModal();
}

// The plot inventory: lay out a wall or a field, put a plot out of use. What it writes
// touches no concession, so the views need not be read again.
void MainFrame::OnShowPlots(wxCommandEvent&) {
    PlotsDialog dialog(this, *this);
    dialog.ShowModal();
}

}  // namespace gui
