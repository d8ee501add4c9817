#pragma once
// The whole of one concession, as the office sees it: place, kind, deed, term,
// expiry and why, status today, how it ended (revoked, forfeited, surrendered, its
// place freed), holders with their contacts, deceased, renewals and the change
// history; with the buttons that act on it.

#include "database.hpp"

#include <cemetery/concession_record.hpp>

#include <wx/scrolwin.h>

#include <functional>
#include <optional>

class wxButton;
class wxFlexGridSizer;
class wxListView;
class wxNotebook;
class wxStaticText;

namespace gui {

class DetailPanel : public wxScrolledWindow {
public:
    explicit DetailPanel(wxWindow* parent);

    void ShowConcession(Database& db, cemetery::ConcessionId id);
    void Clear(const wxString& message);
    void FocusActions();

    [[nodiscard]] std::optional<cemetery::ConcessionId> concession_id() const;
    [[nodiscard]] const std::optional<cemetery::ConcessionRecord>& record() const { return record_; }
    // Everything shown, as text (for tests and the clipboard).
    [[nodiscard]] wxString Text() const;

    std::function<void()> on_renew;
    std::function<void()> on_edit_holders;
    std::function<void()> on_print_deed;
    std::function<void()> on_add_burial;
    std::function<void()> on_record_payment;
    // Shown only where the term waits for its payment.
    [[nodiscard]] bool OffersPayment() const;

private:
    // Returns the label, for a field shown only when it has something to say.
    wxStaticText* AddField(const wxString& label, wxStaticText*& value);
    void FillLists(Database& db);
    void OnSize(wxSizeEvent& event);
    void WrapMessage();

    std::optional<cemetery::ConcessionRecord> record_;
    wxStaticText* title_ = nullptr;
    wxStaticText* message_ = nullptr;
    wxString message_text_;  // as given, before wrapping
    wxWindow* body_ = nullptr;
    wxStaticText* comune_ = nullptr;
    wxStaticText* cemetery_ = nullptr;
    wxStaticText* place_ = nullptr;
    wxStaticText* kind_ = nullptr;
    wxStaticText* signed_ = nullptr;
    wxStaticText* start_ = nullptr;
    wxStaticText* term_ = nullptr;
    wxStaticText* expiry_ = nullptr;
    wxStaticText* why_ = nullptr;
    wxStaticText* status_ = nullptr;
    wxStaticText* ended_label_ = nullptr;
    wxStaticText* ended_ = nullptr;  // how it ended and when its place was freed
    wxNotebook* tabs_ = nullptr;
    wxListView* holders_ = nullptr;
    wxListView* deceased_ = nullptr;
    wxListView* renewals_ = nullptr;
    wxListView* events_ = nullptr;
    wxListView* history_ = nullptr;
    wxButton* renew_ = nullptr;
    wxButton* edit_holders_ = nullptr;
    wxButton* print_deed_ = nullptr;
    wxButton* add_burial_ = nullptr;
    wxButton* record_payment_ = nullptr;
    wxFlexGridSizer* grid_ = nullptr;
};

}  // namespace gui
