#include "new_concession_wizard.hpp"

#include "convert.hpp"
#include "date_field.hpp"
#include "holder_rows.hpp"
#include "words.hpp"

#include <cemetery/term.hpp>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/display.h>
#include <wx/listbox.h>
#include <wx/msgdlg.h>
#include <wx/panel.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/settings.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace gui {

namespace {

// A page of the book with a grid of labelled fields.
wxFlexGridSizer* page_grid(wxWindow* page) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* grid = new wxFlexGridSizer(2, page->FromDIP(8), page->FromDIP(12));
    grid->AddGrowableCol(1, 1);
    sizer->Add(grid, wxSizerFlags().Expand());
    page->SetSizer(sizer);
    return grid;
}

wxTextCtrl* add_field(wxWindow* page, wxFlexGridSizer* grid, const wxString& label, const wxString& name) {
    grid->Add(new wxStaticText(page, wxID_ANY, label), wxSizerFlags().CenterVertical());
    auto* field = new wxTextCtrl(page, wxID_ANY);
    field->SetName(name);
    grid->Add(field, wxSizerFlags().Expand());
    return field;
}

// A line of help under a page's fields, in the colour of secondary text.
void add_note(wxWindow* page, const wxString& text) {
    auto* note = new wxStaticText(page, wxID_ANY, text);
    note->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    note->Wrap(page->FromDIP(600));
    page->GetSizer()->Add(note, wxSizerFlags().Border(wxTOP, page->FromDIP(12)));
}

std::optional<cemetery::Date> typed_date(const wxTextCtrl* field) {
    const wxString text = field->GetValue().Strip(wxString::both);
    if (text.empty()) return std::nullopt;
    return parse_date_text(text);
}

wxString step_title(int step) {
    switch (step) {
        case NewConcessionWizard::step_place: return _("Comune, cemetery and kind");
        case NewConcessionWizard::step_plot: return _("Free places");
        case NewConcessionWizard::step_deceased: return _("Deceased to bury");
        case NewConcessionWizard::step_holders: return _("Holders");
        default: return _("What the regulation says");
    }
}

}  // namespace

NewConcessionWizard::NewConcessionWizard(wxWindow* parent, Database& db)
    : wxDialog(parent, wxID_ANY, _("New concession"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      db_(db) {
    SetName(wxS("new_concession_wizard"));
    comuni_ = db_.reg().comuni();
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    title_ = new wxStaticText(this, wxID_ANY, wxString());
    title_->SetName(wxS("step_title"));
    title_->SetFont(title_->GetFont().Bold().Scaled(1.1f));
    sizer->Add(title_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(12)));
    book_ = new wxSimplebook(this, wxID_ANY);
    sizer->Add(book_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));
    BuildPlacePage();
    BuildPlotPage();
    BuildDeceasedPage();
    BuildHoldersPage();
    BuildSummaryPage();
    BuildButtons(sizer);
    SetSizer(sizer);
    // Room for the longest page, and never more than the screen's working area (a
    // 1024×768 screen leaves less than that under the panels).
    const int display = wxDisplay::GetFromWindow(parent ? parent : this);
    const wxRect screen = wxDisplay(display == wxNOT_FOUND ? 0u : static_cast<unsigned>(display)).GetClientArea();
    wxSize smallest = FromDIP(wxSize(520, 400));
    smallest.DecTo(screen.GetSize());
    wxSize size = FromDIP(wxSize(720, 500));
    size.DecTo(screen.GetSize());
    SetSizeHints(smallest, screen.GetSize());
    SetSize(size);
    CentreOnParent();
    Bind(wxEVT_CHAR_HOOK, &NewConcessionWizard::OnCharHook, this);
    // Shown: the cursor in the first field, whatever the toolkit remembered.
    Bind(wxEVT_INIT_DIALOG, [this](wxInitDialogEvent& event) {
        event.Skip();
        CallAfter([this] { FocusStep(); });
    });
    Bind(wxEVT_BUTTON, &NewConcessionWizard::OnBack, this, wxID_BACKWARD);
    Bind(wxEVT_BUTTON, &NewConcessionWizard::OnForward, this, wxID_FORWARD);
    FillCemeteries();
    FillPlots();
    ShowStep(step_place);
}

void NewConcessionWizard::BuildButtons(wxSizer* sizer) {
    // Annulla apart on the left; Indietro and Avanti/Fine together on the right, in
    // the order Tab reaches them.
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    // Not wxID_CANCEL: with that id and its usual label the toolkit draws its own
    // stock button, in English where its catalog is not installed. Esc presses it.
    auto* cancel = new wxButton(this, wxID_ANY, _("Cancel"));
    cancel->SetName(wxS("cancel"));
    cancel->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(wxID_CANCEL); });
    SetEscapeId(cancel->GetId());
    row->Add(cancel);
    row->AddStretchSpacer();
    back_ = new wxButton(this, wxID_BACKWARD, _("< &Back"));
    row->Add(back_, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
    forward_ = new wxButton(this, wxID_FORWARD, _("&Next >"));
    forward_->SetDefault();
    row->Add(forward_);
    sizer->Add(row, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
}

void NewConcessionWizard::BuildPlacePage() {
    auto* page = new wxPanel(book_);
    book_->AddPage(page, step_title(step_place));
    auto* grid = page_grid(page);
    grid->Add(new wxStaticText(page, wxID_ANY, _("Comune")), wxSizerFlags().CenterVertical());
    comune_ = new wxChoice(page, wxID_ANY);
    comune_->SetName(wxS("comune"));
    for (const auto& c : comuni_) comune_->Append(to_wx(c.name));
    if (!comuni_.empty()) comune_->SetSelection(0);
    grid->Add(comune_, wxSizerFlags().Expand());
    grid->Add(new wxStaticText(page, wxID_ANY, _("Cemetery")), wxSizerFlags().CenterVertical());
    cemetery_ = new wxChoice(page, wxID_ANY);
    cemetery_->SetName(wxS("cemetery"));
    grid->Add(cemetery_, wxSizerFlags().Expand());
    grid->Add(new wxStaticText(page, wxID_ANY, _("Kind")), wxSizerFlags().CenterVertical());
    kind_ = new wxChoice(page, wxID_ANY);
    kind_->SetName(wxS("kind"));
    for (auto k : cemetery::all_plot_kinds) kind_->Append(kind_text(k));
    kind_->SetSelection(0);
    grid->Add(kind_, wxSizerFlags().Expand());
    // The rule: ordinary, or a variant the regulation defines for the kind that day.
    grid->Add(new wxStaticText(page, wxID_ANY, _("Rule")), wxSizerFlags().CenterVertical());
    variant_ = new wxChoice(page, wxID_ANY);
    variant_->SetName(wxS("variant"));
    grid->Add(variant_, wxSizerFlags().Expand());
    grid->Add(new wxStaticText(page, wxID_ANY, _("Signed on")), wxSizerFlags().CenterVertical());
    signed_on_ = new wxDatePickerCtrl(page, wxID_ANY, to_wx_date(cemetery::today()), wxDefaultPosition,
                                      wxDefaultSize, wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    signed_on_->SetName(wxS("signed_on"));
    keep_typed_dates(signed_on_);
    grid->Add(signed_on_, wxSizerFlags());
    // The terms the regulation offers that day: a choice only where it offers several.
    grid->Add(new wxStaticText(page, wxID_ANY, _("Term")), wxSizerFlags().CenterVertical());
    term_ = new wxChoice(page, wxID_ANY);
    term_->SetName(wxS("term"));
    grid->Add(term_, wxSizerFlags());
    comune_->Bind(wxEVT_CHOICE, &NewConcessionWizard::OnChangeComune, this);
    kind_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        FillVariants();
        FillTerms();
    });
    variant_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { FillTerms(); });
    signed_on_->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent&) {
        FillVariants();
        FillTerms();
    });
    FillVariants();
    FillTerms();
}

void NewConcessionWizard::BuildPlotPage() {
    auto* page = new wxPanel(book_);
    book_->AddPage(page, step_title(step_plot));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    plot_list_ = new wxListBox(page, wxID_ANY);
    plot_list_->SetName(wxS("free_plots"));
    sizer->Add(plot_list_, wxSizerFlags(1).Expand());
    // Said in place of the list when it would be empty: why, and what to do.
    no_plot_ = new wxStaticText(page, wxID_ANY, wxString());
    no_plot_->SetName(wxS("no_free_plots"));
    sizer->Add(no_plot_, wxSizerFlags(1).Expand());
    page->SetSizer(sizer);
    // Enter on the list reaches Avanti as the window's default button (the list
    // passes it on); a double click is not bound: the toolkit reports Enter as one
    // too, and the page would move twice.
}

void NewConcessionWizard::BuildDeceasedPage() {
    auto* page = new wxPanel(book_);
    book_->AddPage(page, step_title(step_deceased));
    auto* grid = page_grid(page);
    deceased_surname_ = add_field(page, grid, _("Surname"), wxS("deceased_surname"));
    deceased_given_ = add_field(page, grid, _("Given name"), wxS("deceased_given"));
    born_ = add_field(page, grid, _("Born on"), wxS("born"));
    died_ = add_field(page, grid, _("Died on"), wxS("died"));
    born_->SetHint(_("dd/mm/yyyy"));
    died_->SetHint(_("dd/mm/yyyy"));
    add_note(page, _("Leave the surname empty when nobody is to be buried yet (a concession in life, where the "
                     "regulation allows one)."));
}

void NewConcessionWizard::BuildHoldersPage() {
    auto* page = new wxPanel(book_);
    book_->AddPage(page, step_title(step_holders));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    holders_ = new HolderRows(page);
    sizer->Add(holders_, wxSizerFlags(1).Expand());
    auto* add = new wxButton(page, wxID_ANY, _("&Add holder"));
    add->SetName(wxS("add_holder"));
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { holders_->AddRow(); });
    sizer->Add(add, wxSizerFlags().Border(wxTOP, FromDIP(6)));
    auto* grid = new wxFlexGridSizer(2, FromDIP(8), FromDIP(12));
    grid->Add(new wxStaticText(page, wxID_ANY, _("First holder born on")), wxSizerFlags().CenterVertical());
    holder_born_ = new wxTextCtrl(page, wxID_ANY);
    holder_born_->SetName(wxS("holder_born"));
    holder_born_->SetHint(_("dd/mm/yyyy"));
    grid->Add(holder_born_);
    sizer->Add(grid, wxSizerFlags().Border(wxTOP, FromDIP(12)));
    page->SetSizer(sizer);
    add_note(page, _("The birth date is needed only where the kind is granted in life from an age; when empty, "
                     "the first holder's tax code tells it."));
}

void NewConcessionWizard::BuildSummaryPage() {
    auto* page = new wxPanel(book_);
    book_->AddPage(page, step_title(step_summary));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    // Read-only text that scrolls: a long refusal stays whole on a small screen.
    summary_ = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                              wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
    summary_->SetName(wxS("summary"));
    sizer->Add(summary_, wxSizerFlags(1).Expand());
    page->SetSizer(sizer);
}

void NewConcessionWizard::FillVariants() {
    const auto previous = SelectedVariant();
    variants_.clear();
    variant_->Clear();
    variant_->Append(_("ordinary"));
    const int c = comune_->GetSelection();
    if (c != wxNOT_FOUND) {
        const auto offered = cemetery::variants_on_offer(
            db_.regulation(), comuni_[static_cast<std::size_t>(c)].name,
            cemetery::all_plot_kinds[static_cast<std::size_t>(kind_->GetSelection())], from_wx_date(signed_on_->GetValue()));
        for (const auto* v : offered) {
            variants_.push_back(v->variant);
            variant_->Append(to_wx(v->variant_name));
        }
    }
    // Kept across a change of date when still on offer; the ordinary rule otherwise.
    int selected = 0;
    for (std::size_t i = 0; i < variants_.size(); ++i) {
        if (previous && variants_[i] == *previous) selected = static_cast<int>(i) + 1;
    }
    variant_->SetSelection(selected);
    variant_->Enable(!variants_.empty());
}

std::optional<std::string> NewConcessionWizard::SelectedVariant() const {
    const int i = variant_ ? variant_->GetSelection() : wxNOT_FOUND;
    if (i == wxNOT_FOUND || i == 0 || static_cast<std::size_t>(i) > variants_.size()) return std::nullopt;
    return variants_[static_cast<std::size_t>(i) - 1];
}

std::vector<wxString> NewConcessionWizard::VariantChoices() const {
    std::vector<wxString> out;
    if (variants_.empty()) return out;
    for (unsigned i = 0; i < variant_->GetCount(); ++i) out.push_back(variant_->GetString(i));
    return out;
}

void NewConcessionWizard::SetVariant(const std::string& code) {
    variant_->SetSelection(0);
    for (std::size_t i = 0; i < variants_.size(); ++i) {
        if (variants_[i] == code) variant_->SetSelection(static_cast<int>(i) + 1);
    }
    FillTerms();
}

void NewConcessionWizard::FillTerms() {
    const int c = comune_->GetSelection();
    const int previous = term_->GetSelection() == wxNOT_FOUND || terms_.empty()
                             ? 0
                             : terms_[static_cast<std::size_t>(term_->GetSelection())];
    terms_.clear();
    term_->Clear();
    if (c != wxNOT_FOUND) {
        terms_ = cemetery::terms_on_offer(db_.regulation(), comuni_[static_cast<std::size_t>(c)].name,
                                          cemetery::all_plot_kinds[static_cast<std::size_t>(kind_->GetSelection())],
                                          from_wx_date(signed_on_->GetValue()), SelectedVariant());
    }
    for (int years : terms_) term_->Append(wxString::Format(wxPLURAL("%d year", "%d years", years), years));
    if (terms_.empty()) term_->Append(_("not set by the regulation"));
    // Several terms: the clerk picks the one the deed agrees (kept across a change of
    // date when still on offer); one term: shown, nothing to choose.
    int selected = 0;
    for (std::size_t i = 0; i < terms_.size(); ++i) {
        if (terms_[i] == previous) selected = static_cast<int>(i);
    }
    term_->SetSelection(selected);
    term_->Enable(terms_.size() > 1);
}

std::vector<int> NewConcessionWizard::TermChoices() const { return terms_.size() > 1 ? terms_ : std::vector<int>{}; }

void NewConcessionWizard::SetTerm(int years) {
    for (std::size_t i = 0; i < terms_.size(); ++i) {
        if (terms_[i] == years) term_->SetSelection(static_cast<int>(i));
    }
}

void NewConcessionWizard::FillCemeteries() {
    cemetery_->Clear();
    cemeteries_.clear();
    const int c = comune_->GetSelection();
    if (c == wxNOT_FOUND) return;
    cemeteries_ = db_.reg().cemeteries(comuni_[static_cast<std::size_t>(c)].id);
    for (const auto& ce : cemeteries_) cemetery_->Append(to_wx(ce.name));
    if (!cemeteries_.empty()) cemetery_->SetSelection(0);
}

void NewConcessionWizard::FillPlots() {
    // The place chosen before, kept when still free.
    const int before = plot_list_->GetSelection();
    const auto chosen = before == wxNOT_FOUND || static_cast<std::size_t>(before) >= plots_.size()
                            ? cemetery::PlotId{}
                            : plots_[static_cast<std::size_t>(before)].plot.id;
    plot_list_->Clear();
    plots_.clear();
    const int ce = cemetery_->GetSelection();
    if (ce != wxNOT_FOUND) {
        cemetery::PlotQuery q;
        q.cemetery = cemeteries_[static_cast<std::size_t>(ce)].id;
        q.kind = cemetery::all_plot_kinds[static_cast<std::size_t>(kind_->GetSelection())];
        q.state = cemetery::PlotState::free;
        q.on = from_wx_date(signed_on_->GetValue());
        q.limit = 500;  // a page of places is enough to pick one; the list says which wall
        plots_ = db_.reg().plots(q);
    }
    for (const auto& p : plots_) plot_list_->Append(location_text(p.plot.location));
    int selected = plots_.empty() ? wxNOT_FOUND : 0;
    for (std::size_t i = 0; i < plots_.size(); ++i) {
        if (plots_[i].plot.id == chosen) selected = static_cast<int>(i);
    }
    if (selected != wxNOT_FOUND) plot_list_->SetSelection(selected);
    // An empty list says nothing: the page says why instead, and what to do.
    no_plot_->SetLabel(NoPlotText());
    no_plot_->Wrap(FromDIP(600));
    plot_list_->Show(!plots_.empty());
    no_plot_->Show(plots_.empty());
    plot_list_->GetParent()->Layout();
}

wxString NewConcessionWizard::NoPlotText() const {
    if (!plots_.empty()) return wxString();
    const int c = comune_->GetSelection();
    const int ce = cemetery_->GetSelection();
    if (c == wxNOT_FOUND) return _("No comune in the register.");
    if (ce == wxNOT_FOUND) {
        return wxString::Format(_("The comune of %s has no cemetery in the register."),
                                to_wx(comuni_[static_cast<std::size_t>(c)].name));
    }
    return wxString::Format(_("No free place of the kind %s in the cemetery of %s on %s."),
                            kind_text(cemetery::all_plot_kinds[static_cast<std::size_t>(kind_->GetSelection())]),
                            to_wx(cemeteries_[static_cast<std::size_t>(ce)].name),
                            date_text(from_wx_date(signed_on_->GetValue()))) +
           wxS("\n\n") +
           _("To grant one, add the places from Tools → Places… (after closing this window), or go Back and "
             "choose another kind or cemetery.");
}

void NewConcessionWizard::SetPlace(const wxString& comune, cemetery::PlotKind kind, cemetery::Date signed_on) {
    comune_->SetStringSelection(comune);
    FillCemeteries();
    for (std::size_t i = 0; i < cemetery::all_plot_kinds.size(); ++i) {
        if (cemetery::all_plot_kinds[i] == kind) kind_->SetSelection(static_cast<int>(i));
    }
    signed_on_->SetValue(to_wx_date(signed_on));
    FillVariants();
    FillTerms();
    FillPlots();
    UpdateButtons();
}

int NewConcessionWizard::FreePlotCount() const { return static_cast<int>(plots_.size()); }

void NewConcessionWizard::SelectPlot(int index) { plot_list_->SetSelection(index); }

void NewConcessionWizard::SetDeceased(const wxString& surname, const wxString& given, const wxString& born,
                                      const wxString& died) {
    deceased_surname_->SetValue(surname);
    deceased_given_->SetValue(given);
    born_->SetValue(born);
    died_->SetValue(died);
}

void NewConcessionWizard::SetHolder(const wxString& surname, const wxString& given, const wxString& tax_code,
                                    const wxString& born) {
    holders_->SetRow(0, surname, given, tax_code);
    holder_born_->SetValue(born);
}

void NewConcessionWizard::AddHolder(const wxString& surname, const wxString& given, const wxString& tax_code) {
    holders_->AddRow();
    holders_->SetRow(holders_->RowCount() - 1, surname, given, tax_code);
}

cemetery::ConcessionRequest NewConcessionWizard::Request() const {
    cemetery::ConcessionRequest r;
    const int c = comune_->GetSelection();
    if (c != wxNOT_FOUND) r.comune = comuni_[static_cast<std::size_t>(c)].id;
    const int p = plot_list_->GetSelection();
    if (p != wxNOT_FOUND && static_cast<std::size_t>(p) < plots_.size()) {
        r.plot = plots_[static_cast<std::size_t>(p)].plot.id;
    }
    r.signed_on = from_wx_date(signed_on_->GetValue());
    if (terms_.size() > 1 && term_->GetSelection() != wxNOT_FOUND) {
        r.years = terms_[static_cast<std::size_t>(term_->GetSelection())];
    }
    r.variant = SelectedVariant();
    r.holders = holders_->Holders();
    r.applicant_born_on = typed_date(holder_born_);
    const std::string surname = to_std(deceased_surname_->GetValue().Strip(wxString::both));
    if (!surname.empty()) {
        cemetery::Deceased d;
        d.surname = surname;
        d.given_name = to_std(deceased_given_->GetValue().Strip(wxString::both));
        d.born_on = typed_date(born_);
        d.died_on = typed_date(died_);
        r.first_deceased = d;
    }
    return r;
}

void NewConcessionWizard::UpdateSummary() {
    const auto request = Request();
    wxString text;
    can_finish_ = false;
    if (!request.plot.valid()) {
        text = _("No free place of this kind in the cemetery on that day.");
    } else {
        const auto& row = plots_[static_cast<std::size_t>(plot_list_->GetSelection())];
        const auto comune = comuni_[static_cast<std::size_t>(comune_->GetSelection())];
        const auto state = db_.reg().plot_state(request.plot, request.signed_on);
        const cemetery::ConcessionContext context{comune.name, row.plot.kind, state.value_or(cemetery::PlotStateOn{})};
        const auto decision = cemetery::decide_concession(db_.regulation(), request, context);
        text = kind_text(row.plot.kind) + wxS(" · ") + to_wx(comune.name) + wxS(" · ") + to_wx(row.cemetery) +
               wxS(" · ") + location_text(row.plot.location) + wxS("\n");
        if (decision.allowed()) {
            const auto& c = *decision.concession;
            text += wxString::Format(_("Expires on: %s"), date_text(c.expires_on, _("perpetual"))) + wxS("\n");
            if (c.term_years) {
                text += wxString::Format(_("Term: %s, regulation \"%s\""),
                                         wxString::Format(wxPLURAL("%d year", "%d years", *c.term_years), *c.term_years),
                                         to_wx(c.version_name)) + wxS("\n");
            }
            if (c.variant) {
                text += wxString::Format(_("Rule: %s"), variant_->GetStringSelection()) + wxS("\n");
            }
            text += price_line(cemetery::quote_price(db_.regulation(), comune.name, row.plot.kind,
                                                     cemetery::TariffItem::concession, c.term_years, c.signed_on)) +
                    wxS("\n");
            if (!c.deceased.empty()) text += wxString::Format(_("Deceased: %s"), to_wx(c.deceased.front().full_name())) + wxS("\n");
            wxString names;
            for (const auto& h : c.holders) {
                if (!names.empty()) names += wxS(", ");
                names += to_wx(h.full_name());
            }
            text += wxString::Format(c.holders.size() > 1 ? _("Holders: %s") : _("Holder: %s"), names);
            can_finish_ = true;
        } else {
            const auto& refusal = *decision.refusal;
            text += wxString::Format(_("The regulation does not allow this concession: %s."), refusal_text(refusal.code)) +
                    wxS("\n") + refusal_detail(refusal);
        }
    }
    summary_text_ = text;
    summary_->ChangeValue(text);
    UpdateButtons();
}

wxString NewConcessionWizard::SummaryText() {
    UpdateSummary();
    return summary_text_;
}

cemetery::LifeOutcome NewConcessionWizard::Confirm() {
    outcome_ = db_.reg().concede(Request(), db_.regulation());
    return outcome_;
}

int NewConcessionWizard::CurrentStep() const { return book_->GetSelection(); }

void NewConcessionWizard::ShowStep(int step) {
    book_->ChangeSelection(static_cast<std::size_t>(step));
    title_->SetLabel(
        wxString::Format(_("Step %d of %d: %s"), step + 1, static_cast<int>(step_count), step_title(step)));
    UpdateButtons();
    Layout();
    FocusStep();
    // Again once the key that changed the page is handled: the toolkit moves the
    // cursor off the page just hidden only then.
    CallAfter([this] { FocusStep(); });
}

void NewConcessionWizard::UpdateButtons() {
    const int step = CurrentStep();
    back_->Enable(step > step_place);
    forward_->SetLabel(step == step_summary ? _("&Finish") : _("&Next >"));
    forward_->Enable(step == step_summary ? can_finish_ : step != step_plot || !plots_.empty());
    // A button switched off while it had the cursor would leave the keys nowhere.
    const wxWindow* focus = FindFocus();
    if (focus && !focus->IsEnabled()) FocusStep();
}

void NewConcessionWizard::FocusStep() {
    wxWindow* target = nullptr;
    switch (CurrentStep()) {
        case step_place: target = comune_; break;
        case step_plot: target = plots_.empty() ? static_cast<wxWindow*>(back_) : plot_list_; break;
        case step_deceased: target = deceased_surname_; break;
        case step_holders: target = holders_->Surname(0); break;
        default: target = can_finish_ ? forward_ : back_; break;
    }
    if (target) target->SetFocus();
}

bool NewConcessionWizard::ReadForStep(int step) {
    // Another program may have changed the register since the window opened (places
    // laid out, a deed signed): each step reads it afresh, and a read that fails
    // leaves the clerk on the page, told why, instead of ending the program.
    try {
        if (step == step_plot) FillPlots();
        if (step == step_summary) UpdateSummary();
        return true;
    } catch (const std::exception& e) {
        TellRegisterChanged(e);
        return false;
    }
}

void NewConcessionWizard::TellRegisterChanged(const std::exception& e) {
    wxMessageBox(wxString::Format(_("The register could not be read: %s\n\nAnother program may be changing it. "
                                    "Nothing was written; try again in a moment."),
                                  to_wx(e.what())),
                 _("New concession"), wxOK | wxICON_WARNING, this);
}

void NewConcessionWizard::Finish() {
    try {
        Confirm();
    } catch (const std::exception& e) {
        TellRegisterChanged(e);
        return;
    }
    if (!outcome_) {
        // Refused at the write (the place taken meanwhile by another office): the clerk
        // reads why, and the summary is decided again on the register as it is now.
        wxMessageBox(outcome_text(outcome_), _("New concession"), wxOK | wxICON_WARNING, this);
        if (ReadForStep(step_plot)) ReadForStep(step_summary);
        FocusStep();
        return;
    }
    EndModal(wxID_OK);
}

void NewConcessionWizard::OnChangeComune(wxCommandEvent&) {
    FillCemeteries();
    FillVariants();
    FillTerms();
}

void NewConcessionWizard::OnBack(wxCommandEvent&) {
    if (CurrentStep() > step_place) ShowStep(CurrentStep() - 1);
}

void NewConcessionWizard::OnForward(wxCommandEvent&) {
    const int step = CurrentStep();
    if (!forward_->IsEnabled()) return;
    if (step == step_summary) {
        Finish();
        return;
    }
    if (ReadForStep(step + 1)) ShowStep(step + 1);
}

void NewConcessionWizard::OnCharHook(wxKeyEvent& event) {
    const int key = event.GetKeyCode();
    if ((key == WXK_RETURN || key == WXK_NUMPAD_ENTER) && !event.HasAnyModifiers()) {
        // Enter on a button presses that button (Aggiungi titolare, Rimuovi, Indietro);
        // anywhere else it is Avanti, or Fine on the summary.
        if (dynamic_cast<wxAnyButton*>(FindFocus())) {
            event.Skip();
            return;
        }
        wxCommandEvent forward(wxEVT_BUTTON, wxID_FORWARD);
        forward.SetEventObject(forward_);
        ProcessWindowEvent(forward);
        return;
    }
    event.Skip();  // Esc: Annulla (the escape id); Tab and the rest as usual
}

}  // namespace gui
