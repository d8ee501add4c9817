#pragma once
// Sportello: a calm, large-type view for citizens' enquiries ("where is my
// grandfather buried?"). It searches deceased only and shows the deceased, their
// dates, the cemetery and the place: never a holder, a tax code or a contact.
// "Stampa promemoria" prints a card with the place; "Anteprima di stampa" shows it first.

#include "host.hpp"
#include "reminder_card.hpp"

#include <wx/panel.h>
#include <wx/timer.h>

#include <functional>
#include <memory>

class wxButton;
class wxHtmlEasyPrinting;
class wxPrintPreview;
class wxStaticText;
class wxTextCtrl;

namespace gui {

class CounterList;

class CounterPanel : public wxPanel {
public:
    static constexpr int max_hits = 200;

    CounterPanel(wxWindow* parent, Host& host);
    ~CounterPanel() override;

    // Shows the text in the large field and searches it.
    void SetQuery(const wxString& text);
    void Reload();
    void FocusField();

    [[nodiscard]] wxTextCtrl* field() { return field_; }
    [[nodiscard]] const std::vector<CounterRow>& rows() const;
    [[nodiscard]] wxString SelectedCardText() const;
    // Opens the selected row's card in a print preview; returns it (owned by its
    // frame, "print_preview"), or null when no row is selected or it cannot be shown.
    wxPrintPreview* PreviewCard();
    // Everything the view shows, as text (for tests).
    [[nodiscard]] wxString VisibleText() const;

    // Told when the clerk types in the large field, so the window's field follows.
    std::function<void(const wxString&)> on_query_typed;

private:
    void RunSearch();
    void OnTypeQuery(wxCommandEvent& event);
    void OnPrintCard(wxCommandEvent& event);
    const CounterRow* SelectedRow() const;

    Host& host_;
    wxTextCtrl* field_ = nullptr;
    wxStaticText* count_ = nullptr;
    CounterList* list_ = nullptr;
    wxButton* print_ = nullptr;
    wxButton* preview_ = nullptr;
    wxTimer timer_;
    std::vector<wxWindow*> enlarged_;  // controls in large type
    std::unique_ptr<wxHtmlEasyPrinting> printer_;
};

}  // namespace gui
