#pragma once
// Scadenze: the concessions expired as of a day, or expiring within N days, in the
// chosen comune (or the whole Union), with their count and a CSV export in the
// command line's format; and those whose term has not started yet (non decorse),
// with what each waits for, where a clerk looks for what will one day expire. The rows are read with each_expired / each_expiring into
// memory: the Union's registers hold tens of thousands of concessions at most, and
// the list itself stays virtual.

#include "host.hpp"

#include <wx/listctrl.h>
#include <wx/panel.h>

#include <filesystem>
#include <vector>

class wxDatePickerCtrl;
class wxRadioButton;
class wxSpinCtrl;
class wxStaticText;

namespace gui {

class ListRowsView;

class ExpiriesPanel : public wxPanel {
public:
    ExpiriesPanel(wxWindow* parent, Host& host);

    // Reads the list again for the chosen comune.
    void Reload();
    void ShowExpired(cemetery::Date as_of);
    void ShowExpiring(int days);
    void ShowNotStarted();
    // The list of concessions not started, shown instead of the expiries.
    [[nodiscard]] wxListView* not_started_rows() { return waiting_; }
    [[nodiscard]] std::size_t count() const;
    [[nodiscard]] wxString CountText() const;
    [[nodiscard]] ListRowsView* rows() { return rows_; }
    // Writes the list shown as CSV (header as `cemetery expired --format csv`).
    void ExportCsv(const std::filesystem::path& file) const;
    // The list shown as an Excel workbook.
    void ExportXlsx(const std::filesystem::path& file) const;
    // The expired list to post and the letters to the holders, for the chosen comune
    // as of the day shown (see expiry_documents.hpp).
    void ExportPdf(const std::filesystem::path& file, cemetery::Date posting_from);
    void ExportNotices(const std::filesystem::path& file, cemetery::Date posting_from);
    // The PDF to post, then the offer to record its posting (an exported list records
    // nothing by itself). Throws as ExportPdf.
    void ExportPostedList(const std::filesystem::path& file, cemetery::Date posting_from);
    // Registra affissione for the chosen comune's list as of the day shown, posted from
    // `posted_on` (posting_dialog.hpp); `after_export`: offered once the list to post
    // was exported or previewed.
    void RecordPosting(cemetery::Date posted_on, bool after_export);

private:
    void OnChangeCriteria(wxCommandEvent& event);
    void OnExportCsv(wxCommandEvent& event);
    void OnOpenRow(wxListEvent& event);
    void OnOpenWaiting(wxListEvent& event);
    void ReloadNotStarted();
    void OnExportXlsx(wxCommandEvent& event);
    void OnExportPdf(wxCommandEvent& event);
    void OnWriteNotices(wxCommandEvent& event);
    void OnPreviewPdf(wxCommandEvent& event);
    // The comune and day of the expired list, or none (after telling the clerk why).
    [[nodiscard]] bool CanWriteDocuments();

    Host& host_;
    wxRadioButton* expired_ = nullptr;
    wxRadioButton* expiring_ = nullptr;
    wxRadioButton* not_started_ = nullptr;
    wxListView* waiting_ = nullptr;  // small: a plain list, one row per concession not started
    std::vector<cemetery::NotStartedRow> waiting_rows_;
    wxWindow* export_csv_ = nullptr;
    wxWindow* export_xlsx_ = nullptr;
    wxDatePickerCtrl* as_of_ = nullptr;
    wxSpinCtrl* days_ = nullptr;
    wxStaticText* count_ = nullptr;
    ListRowsView* rows_ = nullptr;
    wxWindow* expired_only_ = nullptr;  // the PDF buttons: only for the expired list
};

}  // namespace gui
