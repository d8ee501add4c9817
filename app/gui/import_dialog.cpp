#include "import_dialog.hpp"
#include "words.hpp"

#include "convert.hpp"

#include <cemetery/storage_error.hpp>

#include <wx/button.h>
#include <wx/filepicker.h>
#include <wx/gauge.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace gui {

// Every problem of the file, one line each: "Riga 7: Defunto_Data_Morte: ...".
class ProblemList : public wxListCtrl {
public:
    explicit ProblemList(wxWindow* parent)
        : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_VIRTUAL | wxLC_NO_HEADER) {
        SetName(wxS("import_problems"));
        AppendColumn(wxString(), wxLIST_FORMAT_LEFT, FromDIP(1400));
    }
    void SetLines(std::vector<wxString> lines) {
        lines_ = std::move(lines);
        SetItemCount(static_cast<long>(lines_.size()));
        Refresh();
    }
    const std::vector<wxString>& lines() const { return lines_; }
    wxString OnGetItemText(long item, long) const override {
        return item >= 0 && static_cast<std::size_t>(item) < lines_.size() ? lines_[static_cast<std::size_t>(item)]
                                                                             : wxString();
    }

private:
    std::vector<wxString> lines_;
};

namespace {

wxString problem_line(const cemetery::ImportProblem& p) {
    wxString reason = problem_text(p);
    if (!p.value.empty()) reason = wxS("\"") + to_wx(p.value) + wxS("\": ") + reason;
    if (p.line == 0) return reason;  // the whole file: its encoding, say
    if (p.field.empty()) return wxString::Format(_("Line %zu: %s"), p.line, reason);
    return wxString::Format(_("Line %zu: %s: %s"), p.line, to_wx(p.field), reason);
}

// What the first block of a file says about its encoding, when it cannot be imported.
wxString encoding_refusal(const cemetery::EncodingScan& scan) {
    if (scan.wide) {
        return wxString::Format(_("The file is %s: save it as UTF-8 or Windows-1252 CSV."),
                                to_wx(cemetery::encoding_name(*scan.wide)));
    }
    if (!scan.mixed) return wxString();
    wxString lines;
    for (const auto& stray : scan.stray) lines += (lines.empty() ? wxString() : wxS(", ")) + wxString::Format(wxS("%zu"), stray.line);
    if (scan.stray_count > scan.stray.size()) lines += wxS(", …");
    return wxString::Format(_("The file mixes two encodings: the rest of it is %s, but not lines %s. Correct them, "
                              "or save the whole file again in one encoding."),
                            to_wx(cemetery::encoding_name(scan.encoding)), lines);
}

wxString separator_name(char separator) {
    switch (separator) {
        case ';': return _("semicolon (;)");
        case ',': return _("comma (,)");
        case '\t': return _("tab");
        default: return wxString(wxUniChar(separator));
    }
}

}  // namespace

ImportDialog::ImportDialog(wxWindow* parent, std::filesystem::path database,
                           std::shared_ptr<const cemetery::Regulation> regulation)
    : wxDialog(parent, wxID_ANY, _("Import register"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      database_(std::move(database)),
      regulation_(std::move(regulation)) {
    SetName(wxS("import_dialog"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto step = [this, sizer](const wxString& text) {
        auto* label = new wxStaticText(this, wxID_ANY, text);
        label->SetFont(label->GetFont().Bold());
        sizer->Add(label, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));
    };

    step(_("1. Choose the file exported by the old program or the spreadsheet (CSV)"));
    picker_ = new wxFilePickerCtrl(this, wxID_ANY, wxString(), _("Register to import"),
                                   _("CSV files (*.csv;*.txt)|*.csv;*.txt|All files|*"), wxDefaultPosition,
                                   wxDefaultSize, wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL);
    sizer->Add(picker_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(8)));
    info_ = new wxStaticText(this, wxID_ANY, wxString());
    info_->SetName(wxS("import_info"));
    sizer->Add(info_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(8)));
    preview_ = new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 150)), wxLC_REPORT);
    preview_->SetName(wxS("import_preview"));
    sizer->Add(preview_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(8)));

    step(_("2. Check it, then import it: all or nothing"));
    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    check_ = new wxButton(this, wxID_ANY, _("Check"));
    check_->SetName(wxS("import_check"));
    import_ = new wxButton(this, wxID_ANY, _("Import"));
    import_->SetName(wxS("import_run"));
    cancel_ = new wxButton(this, wxID_ANY, _("Stop"));
    gauge_ = new wxGauge(this, wxID_ANY, 1000);
    actions->Add(check_, wxSizerFlags().CenterVertical());
    actions->Add(import_, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(6)));
    actions->Add(gauge_, wxSizerFlags(1).CenterVertical().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    actions->Add(cancel_, wxSizerFlags().CenterVertical());
    sizer->Add(actions, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(8)));

    summary_ = new wxStaticText(this, wxID_ANY, wxString());
    summary_->SetName(wxS("import_summary"));
    summary_->SetFont(summary_->GetFont().Bold());
    sizer->Add(summary_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));
    problems_ = new ProblemList(this);
    problems_->SetMinSize(FromDIP(wxSize(-1, 150)));
    sizer->Add(problems_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(8)));

    auto* buttons = new wxStdDialogButtonSizer;
    close_ = new wxButton(this, wxID_CANCEL, _("Close"));
    buttons->AddButton(close_);
    buttons->Realize();
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizer(sizer);
    SetEscapeId(wxID_CANCEL);
    SetMinSize(FromDIP(wxSize(720, 600)));
    SetSize(FromDIP(wxSize(860, 660)));

    picker_->Bind(wxEVT_FILEPICKER_CHANGED, &ImportDialog::OnPickFile, this);
    check_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { StartCheck(); });
    import_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { StartImport(); });
    cancel_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { CancelJob(); });
    Bind(wxEVT_CLOSE_WINDOW, &ImportDialog::OnClose, this);
    Bind(wxEVT_BUTTON, [this](wxCommandEvent& event) {
        if (job_) {
            CancelJob();  // Esc or Close while running: stop first, nothing is written
            return;
        }
        event.Skip();
    }, wxID_CANCEL);
    UpdateButtons();
    CentreOnParent();
}

ImportDialog::~ImportDialog() { job_.reset(); }

void ImportDialog::SetFile(const wxString& path) {
    picker_->SetPath(path);
    file_ = std::filesystem::path(to_std(path));
    report_.reset();
    checked_ok_ = false;
    problems_->SetLines({});
    summary_->SetLabel(wxString());
    ShowPreview();
    UpdateButtons();
}

void ImportDialog::OnPickFile(wxFileDirPickerEvent& event) { SetFile(event.GetPath()); }

void ImportDialog::ShowPreview() {
    preview_->ClearAll();
    const auto preview = preview_import_file(file_);
    if (!preview.error.empty()) {
        info_->SetLabel(wxString::Format(_("The file cannot be read: %s"), to_wx(preview.error)));
        return;
    }
    if (!preview.scan.ok()) {
        // The rows are still shown, read as most of the file is: the odd ones stand out.
        info_->SetLabel(encoding_refusal(preview.scan));
        if (preview.scan.wide) return;
    }
    const std::size_t data_rows = preview.rows.empty() ? 0 : preview.rows.size() - 1;
    if (preview.scan.ok()) {
        info_->SetLabel(wxString::Format(_("Encoding: %s · separator: %s · first %zu rows shown"),
                                         to_wx(cemetery::encoding_name(preview.encoding)),
                                         separator_name(preview.separator), data_rows));
    }
    if (preview.rows.empty()) return;
    for (const auto& title : preview.rows.front()) preview_->AppendColumn(to_wx(title), wxLIST_FORMAT_LEFT, FromDIP(110));
    for (std::size_t r = 1; r < preview.rows.size(); ++r) {
        const auto& fields = preview.rows[r];
        const long row = preview_->InsertItem(preview_->GetItemCount(), fields.empty() ? wxString() : to_wx(fields[0]));
        for (std::size_t c = 1; c < fields.size() && c < preview.rows.front().size(); ++c) {
            preview_->SetItem(row, static_cast<int>(c), to_wx(fields[c]));
        }
    }
}

wxString ImportDialog::PreviewInfo() const { return info_->GetLabel(); }

void ImportDialog::StartCheck() { Start(true); }
void ImportDialog::StartImport() { Start(false); }

void ImportDialog::Start(bool dry_run) {
    if (job_ || file_.empty()) return;
    gauge_->SetValue(0);
    summary_->SetLabel(dry_run ? _("Checking…") : _("Importing…"));
    problems_->SetLines({});
    auto progress = [this](std::size_t done, std::size_t total) {
        if (progress_posted_.exchange(true)) return;  // the window has not shown the last one yet
        CallAfter([this, done, total] { OnProgress(done, total); });
    };
    auto finished = [this](ImportJob::Result result) {
        CallAfter([this, result = std::move(result)]() mutable { OnFinished(std::move(result)); });
    };
    job_ = std::make_unique<ImportJob>(database_, regulation_, file_, dry_run, progress, finished);
    UpdateButtons();
}

void ImportDialog::CancelJob() {
    if (!job_) return;
    job_->cancel();
    summary_->SetLabel(_("Stopping…"));
}

void ImportDialog::OnProgress(std::size_t done, std::size_t total) {
    progress_posted_ = false;
    if (total > 0) gauge_->SetValue(static_cast<int>(done * 1000 / total));
}

void ImportDialog::OnFinished(ImportJob::Result result) {
    const bool dry_run = job_ && job_->dry_run();
    job_.reset();  // the thread has ended: this was its last call
    gauge_->SetValue(result.report && !result.report->cancelled ? 1000 : 0);
    if (!result.report) {
        summary_->SetLabel(_("Nothing was imported.") + wxS(" ") + to_wx(result.error));
        UpdateButtons();
        return;
    }
    report_ = std::move(result.report);
    const auto& r = *report_;
    std::vector<wxString> lines;
    for (const auto& e : r.errors) lines.push_back(problem_line(e));
    for (const auto& n : r.notices) lines.push_back(problem_line(n) + wxS(" ") + _("(notice)"));
    problems_->SetLines(std::move(lines));

    const wxString counts = wxString::Format(wxPLURAL("%s row", "%s rows", static_cast<unsigned>(r.rows)),
                                             count_text(static_cast<long>(r.rows))) +
                            wxS(", ") +
                            wxString::Format(wxPLURAL("%s error", "%s errors", static_cast<unsigned>(r.errors.size())),
                                             count_text(static_cast<long>(r.errors.size())));
    if (r.cancelled) {
        summary_->SetLabel(_("Stopped.") + wxS(" ") + _("Nothing was imported."));
    } else if (!r.errors.empty()) {
        summary_->SetLabel(counts + wxS(". ") + _("Nothing was imported."));
    } else if (dry_run) {
        checked_ok_ = true;
        summary_->SetLabel(counts + wxS(". ") + _("The file can be imported."));
    } else {
        imported_ = imported_ || r.committed;
        summary_->SetLabel(counts + wxS(". ") +
                           wxString::Format(wxPLURAL("%s concession imported.", "%s concessions imported.",
                                                     static_cast<unsigned>(r.concessions_added)),
                                            count_text(static_cast<long>(r.concessions_added))));
    }
    UpdateButtons();
}

std::vector<wxString> ImportDialog::ProblemLines() const { return problems_->lines(); }

wxString ImportDialog::SummaryText() const { return summary_->GetLabel(); }

void ImportDialog::UpdateButtons() {
    const bool busy = job_ != nullptr;
    const bool have_file = !file_.empty();
    check_->Enable(have_file && !busy);
    import_->Enable(have_file && !busy && !imported_);
    cancel_->Enable(busy);
    picker_->Enable(!busy);
    Layout();
}

void ImportDialog::OnClose(wxCloseEvent& event) {
    if (job_ && event.CanVeto()) {
        CancelJob();
        event.Veto();
        return;
    }
    event.Skip();
}

}  // namespace gui
