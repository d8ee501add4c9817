#include "expiries_panel.hpp"

#include "convert.hpp"
#include "date_field.hpp"
#include "document_printout.hpp"
#include "expiry_documents.hpp"
#include "fit_display.hpp"
#include "list_rows_view.hpp"
#include "posting_dialog.hpp"
#include "words.hpp"

#include <cemetery/csv.hpp>
#include <cemetery/text.hpp>

#include <wx/button.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

#include <fstream>

namespace gui {

ExpiriesPanel::ExpiriesPanel(wxWindow* parent, Host& host) : wxPanel(parent), host_(host) {
    SetName(wxS("expiries_panel"));
    auto* criteria = new wxBoxSizer(wxHORIZONTAL);
    expired_ = new wxRadioButton(this, wxID_ANY, _("Expired as of"), wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    as_of_ = make_date_picker(this, wxDateTime::Today(), wxS("as_of"));
    expiring_ = new wxRadioButton(this, wxID_ANY, _("Expiring within"));
    days_ = new wxSpinCtrl(this, wxID_ANY, wxS("90"), wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1,
                           36500, 90);
    days_->SetName(wxS("days"));
    criteria->Add(expired_, wxSizerFlags().CenterVertical());
    criteria->Add(as_of_, wxSizerFlags().CenterVertical().Border(wxLEFT | wxRIGHT, FromDIP(6)));
    criteria->AddSpacer(FromDIP(18));
    criteria->Add(expiring_, wxSizerFlags().CenterVertical());
    criteria->Add(days_, wxSizerFlags().CenterVertical().Border(wxLEFT | wxRIGHT, FromDIP(6)));
    criteria->Add(new wxStaticText(this, wxID_ANY, _("days")), wxSizerFlags().CenterVertical());
    criteria->AddSpacer(FromDIP(18));
    not_started_ = new wxRadioButton(this, wxID_ANY, _("Not started"));
    not_started_->SetName(wxS("not_started"));
    not_started_->SetToolTip(_("Concessions whose term has not started: no expiry until the event it runs from"));
    criteria->Add(not_started_, wxSizerFlags().CenterVertical());
    criteria->AddStretchSpacer();
    auto* export_csv = new wxButton(this, wxID_ANY, _("Export CSV…"));
    export_csv->SetName(wxS("export_csv"));
    export_csv_ = export_csv;
    criteria->Add(export_csv, wxSizerFlags().CenterVertical());
    auto* export_xlsx = new wxButton(this, wxID_ANY, _("Export Excel…"));
    export_xlsx->SetName(wxS("export_xlsx"));
    export_xlsx_ = export_xlsx;
    criteria->Add(export_xlsx, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(4)));

    // The documents of the expired list: the PDF to post, its preview, the letters.
    auto* documents = new wxPanel(this);
    expired_only_ = documents;
    auto* document_buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* export_pdf = new wxButton(documents, wxID_ANY, _("Export PDF…"));
    export_pdf->SetName(wxS("export_pdf"));
    auto* preview_pdf = new wxButton(documents, wxID_ANY, _("Print preview…"));
    preview_pdf->SetName(wxS("preview_pdf"));
    auto* notices = new wxButton(documents, wxID_ANY, _("Notices to holders…"));
    notices->SetName(wxS("notices"));
    document_buttons->Add(export_pdf);
    document_buttons->Add(preview_pdf, wxSizerFlags().Border(wxLEFT, FromDIP(4)));
    document_buttons->Add(notices, wxSizerFlags().Border(wxLEFT, FromDIP(4)));
    auto* record_posting = new wxButton(documents, wxID_ANY, _("Record posting…"));
    record_posting->SetName(wxS("record_posting"));
    record_posting->SetToolTip(_("Record the day the list went up on the albo pretorio: expired places can be freed "
                                 "only once its posting days are over"));
    document_buttons->Add(record_posting, wxSizerFlags().Border(wxLEFT, FromDIP(4)));
    documents->SetSizer(document_buttons);

    count_ = new wxStaticText(this, wxID_ANY, wxString());
    count_->SetName(wxS("expiry_count"));
    count_->SetFont(count_->GetFont().Bold());
    rows_ = new ListRowsView(this);
    waiting_ = new wxListView(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    waiting_->SetName(wxS("not_started_rows"));
    const std::pair<wxString, int> columns[] = {{_("Comune"), 130},   {_("Cemetery"), 120}, {_("Place"), 150},
                                                {_("Kind"), 110},     {_("Deed"), 90},      {_("Signed on"), 90},
                                                {_("Waits for"), 110}, {_("Holders"), 180}};
    for (const auto& [title, width] : columns) waiting_->AppendColumn(title, wxLIST_FORMAT_LEFT, FromDIP(width));
    waiting_->Hide();

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(criteria, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    auto* count_row = new wxBoxSizer(wxHORIZONTAL);
    count_row->Add(count_, wxSizerFlags(1).CenterVertical());
    count_row->Add(documents, wxSizerFlags().CenterVertical());
    sizer->Add(count_row, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8)));
    sizer->Add(rows_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8)));
    sizer->Add(waiting_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8)));
    SetSizer(sizer);

    expired_->Bind(wxEVT_RADIOBUTTON, &ExpiriesPanel::OnChangeCriteria, this);
    expiring_->Bind(wxEVT_RADIOBUTTON, &ExpiriesPanel::OnChangeCriteria, this);
    not_started_->Bind(wxEVT_RADIOBUTTON, &ExpiriesPanel::OnChangeCriteria, this);
    waiting_->Bind(wxEVT_LIST_ITEM_ACTIVATED, &ExpiriesPanel::OnOpenWaiting, this);
    as_of_->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) {
        expired_->SetValue(true);
        Reload();
    });
    days_->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) {
        expiring_->SetValue(true);
        Reload();
    });
    export_csv->Bind(wxEVT_BUTTON, &ExpiriesPanel::OnExportCsv, this);
    export_xlsx->Bind(wxEVT_BUTTON, &ExpiriesPanel::OnExportXlsx, this);
    export_pdf->Bind(wxEVT_BUTTON, &ExpiriesPanel::OnExportPdf, this);
    preview_pdf->Bind(wxEVT_BUTTON, &ExpiriesPanel::OnPreviewPdf, this);
    notices->Bind(wxEVT_BUTTON, &ExpiriesPanel::OnWriteNotices, this);
    record_posting->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { RecordPosting(cemetery::today(), false); });
    rows_->Bind(wxEVT_LIST_ITEM_ACTIVATED, &ExpiriesPanel::OnOpenRow, this);
}

void ExpiriesPanel::Reload() {
    const bool waiting = not_started_->GetValue();
    rows_->Show(!waiting);
    waiting_->Show(waiting);
    export_csv_->Enable(!waiting);
    export_xlsx_->Enable(!waiting);
    if (waiting) {
        ReloadNotStarted();
        expired_only_->Enable(false);
        Layout();
        return;
    }
    Layout();
    std::vector<cemetery::ListRow> rows;
    const auto& reg = host_.database().reg();
    auto keep = [&rows](const cemetery::ListRow& r) { rows.push_back(r); };
    // A concession whose dates cannot be read never empties the list: it is named.
    std::vector<cemetery::UnreadableRow> left_out;
    auto unreadable = [&left_out](const cemetery::UnreadableRow& r) { left_out.push_back(r); };
    if (expired_->GetValue()) {
        reg.each_expired(host_.comune(), from_wx_date(as_of_->GetValue()), keep, unreadable);
    } else {
        reg.each_expiring(host_.comune(), cemetery::today(), days_->GetValue(), keep, unreadable);
    }
    rows_->SetRows(std::move(rows));
    wxString count = CountText();
    if (!left_out.empty()) {
        wxString deeds;
        for (const auto& r : left_out) deeds << (deeds.empty() ? wxString() : wxString(wxS(", "))) << to_wx(r.deed_number);
        count << wxS(" — ")
              << wxString::Format(wxPLURAL("%d concession left out: its dates cannot be read (%s)",
                                           "%d concessions left out: their dates cannot be read (%s)",
                                           static_cast<unsigned>(left_out.size())),
                                  static_cast<int>(left_out.size()), deeds);
    }
    count_->SetLabel(count);
    expired_only_->Enable(expired_->GetValue());
}

void ExpiriesPanel::ShowExpired(cemetery::Date as_of) {
    expired_->SetValue(true);
    as_of_->SetValue(to_wx_date(as_of));
    Reload();
}

void ExpiriesPanel::ShowNotStarted() {
    not_started_->SetValue(true);
    Reload();
}

void ExpiriesPanel::ReloadNotStarted() {
    auto& db = host_.database();
    waiting_rows_ = db.reg().not_started(host_.comune(), db.regulation());
    waiting_->DeleteAllItems();
    for (const auto& r : waiting_rows_) {
        const long i = waiting_->InsertItem(waiting_->GetItemCount(), to_wx(r.comune));
        const wxString cells[] = {to_wx(r.cemetery), location_text(r.location), kind_text(r.kind),
                                  to_wx(r.deed_number), date_text(r.signed_on), awaited_text(r.waits_for),
                                  to_wx(cemetery::join(r.holders, ", "))};
        int column = 1;
        for (const auto& cell : cells) waiting_->SetItem(i, column++, cell);
    }
    count_->SetLabel(CountText());
}

void ExpiriesPanel::OnOpenWaiting(wxListEvent& event) {
    const auto i = static_cast<std::size_t>(event.GetIndex());
    if (i < waiting_rows_.size()) host_.show_concession(waiting_rows_[i].concession, to_wx(waiting_rows_[i].deed_number));
}

void ExpiriesPanel::ShowExpiring(int days) {
    expiring_->SetValue(true);
    days_->SetValue(days);
    Reload();
}

std::size_t ExpiriesPanel::count() const {
    return not_started_->GetValue() ? waiting_rows_.size() : rows_->rows().size();
}

wxString ExpiriesPanel::CountText() const {
    const auto n = static_cast<long>(count());
    const wxString number = count_text(n);
    if (not_started_->GetValue()) {
        return wxString::Format(wxPLURAL("%s concession whose term has not started",
                                         "%s concessions whose term has not started", static_cast<unsigned>(n)),
                                number);
    }
    if (expired_->GetValue()) {
        return wxString::Format(wxPLURAL("%s concession expired as of %s", "%s concessions expired as of %s",
                                         static_cast<unsigned>(n)),
                                number, date_text(from_wx_date(as_of_->GetValue())));
    }
    return wxString::Format(wxPLURAL("%s concession expiring within %d days", "%s concessions expiring within %d days",
                                     static_cast<unsigned>(n)),
                            number, days_->GetValue());
}

void ExpiriesPanel::ExportCsv(const std::filesystem::path& file) const {
    host_.database().write_output(file, [&](const std::filesystem::path& path) {
        std::ofstream out(path, std::ios::binary);
        if (!out) throw std::runtime_error("cannot write " + file.string());
        cemetery::CsvWriter csv(out, ',');
        csv.row({"comune", "cimitero", "ubicazione", "tipo", "numero_concessione", "decorrenza", "scadenza",
                 "concessionari", "defunti"});
        for (const auto& r : rows_->rows()) {
            csv.row({r.comune, r.cemetery, cemetery::describe(r.location), std::string(cemetery::code(r.kind)),
                     r.deed_number, cemetery::to_iso(r.term_start), cemetery::to_iso(r.expires_on),
                     cemetery::join(r.holders, " | "), cemetery::join(r.deceased, " | ")});
        }
        out.flush();
        if (!out) throw std::runtime_error("cannot write " + file.string());
    });
}

void ExpiriesPanel::OnChangeCriteria(wxCommandEvent&) { Reload(); }

void ExpiriesPanel::OnExportCsv(wxCommandEvent&) {
    const wxString name = expired_->GetValue() ? wxS("scadute.csv") : wxS("in-scadenza.csv");
    wxFileDialog dialog(this, _("Export CSV"), wxString(), name, _("CSV files (*.csv)|*.csv"),
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (show_fitted(dialog) != wxID_OK) return;
    try {
        ExportCsv(std::filesystem::path(to_std(dialog.GetPath())));
        host_.set_status(wxString::Format(_("%s rows written to %s"), count_text(static_cast<long>(count())),
                                          dialog.GetPath()));
    } catch (const std::exception& e) {
        wxMessageBox(to_wx(e.what()), _("Export CSV"), wxOK | wxICON_ERROR, this);
    }
}

void ExpiriesPanel::OnOpenRow(wxListEvent& event) {
    const auto& rows = rows_->rows();
    const auto i = static_cast<std::size_t>(event.GetIndex());
    if (i < rows.size()) host_.show_concession(rows[i].concession, to_wx(rows[i].deed_number));
}

void ExpiriesPanel::ExportXlsx(const std::filesystem::path& file) const {
    const wxString sheet = expired_->GetValue()
                               ? wxString::Format(wxS("Scadute al %s"), date_text(from_wx_date(as_of_->GetValue())))
                               : wxString::Format(wxS("In scadenza entro %d giorni"), days_->GetValue());
    write_rows_xlsx(host_.database(), rows_->rows(), sheet, file);
}

void ExpiriesPanel::ExportPdf(const std::filesystem::path& file, cemetery::Date posting_from) {
    write_posted_list(host_, {*host_.comune(), from_wx_date(as_of_->GetValue()), posting_from}, file);
}

void ExpiriesPanel::ExportNotices(const std::filesystem::path& file, cemetery::Date posting_from) {
    write_notices(host_, {*host_.comune(), from_wx_date(as_of_->GetValue()), posting_from}, file);
}

bool ExpiriesPanel::CanWriteDocuments() {
    if (host_.comune()) return true;
    wxMessageBox(_("Choose a comune: each comune posts its own list and writes its own letters."),
                 _("Expired concessions"), wxOK | wxICON_INFORMATION, this);
    return false;
}

void ExpiriesPanel::OnExportXlsx(wxCommandEvent&) {
    const wxString name = expired_->GetValue() ? wxS("scadute.xlsx") : wxS("in-scadenza.xlsx");
    wxFileDialog dialog(this, _("Export Excel"), wxString(), name, _("Excel workbooks (*.xlsx)|*.xlsx"),
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (show_fitted(dialog) != wxID_OK) return;
    try {
        ExportXlsx(std::filesystem::path(to_std(dialog.GetPath())));
        host_.set_status(wxString::Format(_("%s rows written to %s"), count_text(static_cast<long>(count())),
                                          dialog.GetPath()));
    } catch (const std::exception& e) {
        wxMessageBox(to_wx(e.what()), _("Export Excel"), wxOK | wxICON_ERROR, this);
    }
}

void ExpiriesPanel::OnExportPdf(wxCommandEvent&) {
    if (!CanWriteDocuments()) return;
    const auto from = ask_posting_start(this, host_);
    if (!from) return;
    wxFileDialog dialog(this, _("Export PDF"), wxString(), wxS("albo-scadute.pdf"), _("PDF files (*.pdf)|*.pdf"),
                        wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (show_fitted(dialog) != wxID_OK) return;
    try {
        ExportPostedList(std::filesystem::path(to_std(dialog.GetPath())), *from);
    } catch (const std::exception& e) {
        wxMessageBox(to_wx(e.what()), _("Export PDF"), wxOK | wxICON_ERROR, this);
    }
}

void ExpiriesPanel::ExportPostedList(const std::filesystem::path& file, cemetery::Date posting_from) {
    ExportPdf(file, posting_from);
    host_.set_status(wxString::Format(_("%s rows written to %s"), count_text(static_cast<long>(count())),
                                      to_wx(file.string())));
    RecordPosting(posting_from, true);
}

void ExpiriesPanel::RecordPosting(cemetery::Date posted_on, bool after_export) {
    if (!CanWriteDocuments()) return;
    if (record_posting(this, host_, *host_.comune(), from_wx_date(as_of_->GetValue()), posted_on, after_export)) {
        Reload();
    }
}

void ExpiriesPanel::OnPreviewPdf(wxCommandEvent&) {
    if (!CanWriteDocuments()) return;
    const auto from = ask_posting_start(this, host_);
    if (!from) return;
    try {
        show_print_preview(this, _("Expired concessions"),
                           posted_list_pages(host_, {*host_.comune(), from_wx_date(as_of_->GetValue()), *from}));
    } catch (const std::exception& e) {
        wxMessageBox(to_wx(e.what()), _("Print preview…"), wxOK | wxICON_ERROR, this);
    }
}

void ExpiriesPanel::OnWriteNotices(wxCommandEvent&) {
    if (!CanWriteDocuments()) return;
    const auto from = ask_posting_start(this, host_);
    if (!from) return;
    wxFileDialog dialog(this, _("Notices to holders"), wxString(), wxS("avvisi-scadenza.pdf"),
                        _("PDF files (*.pdf)|*.pdf"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (show_fitted(dialog) != wxID_OK) return;
    try {
        ExportNotices(std::filesystem::path(to_std(dialog.GetPath())), *from);
        host_.set_status(wxString::Format(_("Notices written to %s"), dialog.GetPath()));
    } catch (const std::exception& e) {
        wxMessageBox(to_wx(e.what()), _("Notices to holders"), wxOK | wxICON_ERROR, this);
    }
}

}  // namespace gui
