#pragma once
// Importa registro, in three steps on one page: choose the file and see its first
// rows with the detected encoding and separator; check it (a dry run that lists
// every problem by line); import it for real. Both runs go on a worker thread with
// a progress bar and a Cancel button, so the window never freezes; cancelling or
// any error writes nothing.

#include "import_job.hpp"

#include <wx/dialog.h>

#include <atomic>
#include <filesystem>
#include <memory>

class wxButton;
class wxFileDirPickerEvent;
class wxFilePickerCtrl;
class wxGauge;
class wxListCtrl;
class wxListView;
class wxStaticText;

namespace gui {

class ProblemList;

class ImportDialog : public wxDialog {
public:
    ImportDialog(wxWindow* parent, std::filesystem::path database, std::shared_ptr<const cemetery::Regulation> regulation);
    ~ImportDialog() override;

    // Chooses the file as the picker does.
    void SetFile(const wxString& path);
    // Starts the check (dry run) or the import, as the buttons do.
    void StartCheck();
    void StartImport();
    void CancelJob();

    [[nodiscard]] bool running() const { return job_ != nullptr; }
    [[nodiscard]] bool imported() const { return imported_; }
    [[nodiscard]] const std::optional<cemetery::ImportReport>& report() const { return report_; }
    [[nodiscard]] wxString SummaryText() const;
    [[nodiscard]] wxString PreviewInfo() const;
    [[nodiscard]] std::vector<wxString> ProblemLines() const;

private:
    void Start(bool dry_run);
    void ShowPreview();
    void OnProgress(std::size_t done, std::size_t total);
    void OnFinished(ImportJob::Result result);
    void UpdateButtons();
    void OnPickFile(wxFileDirPickerEvent& event);
    void OnClose(wxCloseEvent& event);

    std::filesystem::path database_;
    std::shared_ptr<const cemetery::Regulation> regulation_;
    std::filesystem::path file_;
    std::unique_ptr<ImportJob> job_;
    std::optional<cemetery::ImportReport> report_;
    bool checked_ok_ = false;
    bool imported_ = false;
    std::atomic<bool> progress_posted_{false};

    wxFilePickerCtrl* picker_ = nullptr;
    wxStaticText* info_ = nullptr;
    wxListView* preview_ = nullptr;
    wxButton* check_ = nullptr;
    wxButton* import_ = nullptr;
    wxButton* cancel_ = nullptr;
    wxButton* close_ = nullptr;
    wxGauge* gauge_ = nullptr;
    wxStaticText* summary_ = nullptr;
    ProblemList* problems_ = nullptr;
};

}  // namespace gui
