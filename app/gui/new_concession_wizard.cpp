#include "new_concession_wizard.hpp"

#include "convert.hpp"
#include "date_field.hpp"
#include "words.hpp"

#include <cemetery/term.hpp>

#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/listbox.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace gui {

namespace {

// A page with a title and a grid of labelled fields.
wxFlexGridSizer* page_grid(wxWizardPageSimple* page, const wxString& title) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(page, wxID_ANY, title);
    heading->SetFont(heading->GetFont().Bold().Scaled(1.1f));
    sizer->Add(heading, wxSizerFlags().Border(wxBOTTOM, page->FromDIP(10)));
    auto* grid = new wxFlexGridSizer(2, page->FromDIP(8), page->FromDIP(12));
    grid->AddGrowableCol(1, 1);
    sizer->Add(grid, wxSizerFlags(1).Expand());
    page->SetSizer(sizer);
    return grid;
}

wxTextCtrl* add_field(wxWizardPageSimple* page, wxFlexGridSizer* grid, const wxString& label, const wxString& name) {
    grid->Add(new wxStaticText(page, wxID_ANY, label), wxSizerFlags().CenterVertical());
    auto* field = new wxTextCtrl(page, wxID_ANY);
    field->SetName(name);
    grid->Add(field, wxSizerFlags().Expand());
    return field;
}

std::optional<cemetery::Date> typed_date(const wxTextCtrl* field) {
    const wxString text = field->GetValue().Strip(wxString::both);
    if (text.empty()) return std::nullopt;
    return parse_date_text(text);
}

}  // namespace

NewConcessionWizard::NewConcessionWizard(wxWindow* parent, Database& db)
    : wxWizard(parent, wxID_ANY, _("New concession")), db_(db) {
    SetName(wxS("new_concession_wizard"));
    comuni_ = db_.reg().comuni();
    BuildWherePage();
    BuildPlotPage();
    BuildPeoplePages();
    BuildSummaryPage();
    wxWizardPageSimple::Chain(where_, plot_page_);
    wxWizardPageSimple::Chain(plot_page_, deceased_page_);
    wxWizardPageSimple::Chain(deceased_page_, holder_page_);
    wxWizardPageSimple::Chain(holder_page_, summary_page_);
    GetPageAreaSizer()->Add(where_);
    SetPageSize(FromDIP(wxSize(560, 340)));
    Bind(wxEVT_WIZARD_PAGE_CHANGED, &NewConcessionWizard::OnChangePage, this);
    Bind(wxEVT_WIZARD_FINISHED, &NewConcessionWizard::OnFinishWizard, this);
    FillCemeteries();
    FillPlots();
}

void NewConcessionWizard::BuildWherePage() {
    where_ = new wxWizardPageSimple(this);
    auto* grid = page_grid(where_, _("Comune, cemetery and kind"));
    grid->Add(new wxStaticText(where_, wxID_ANY, _("Comune")), wxSizerFlags().CenterVertical());
    comune_ = new wxChoice(where_, wxID_ANY);
    comune_->SetName(wxS("comune"));
    for (const auto& c : comuni_) comune_->Append(to_wx(c.name));
    if (!comuni_.empty()) comune_->SetSelection(0);
    grid->Add(comune_, wxSizerFlags().Expand());
    grid->Add(new wxStaticText(where_, wxID_ANY, _("Cemetery")), wxSizerFlags().CenterVertical());
    cemetery_ = new wxChoice(where_, wxID_ANY);
    cemetery_->SetName(wxS("cemetery"));
    grid->Add(cemetery_, wxSizerFlags().Expand());
    grid->Add(new wxStaticText(where_, wxID_ANY, _("Kind")), wxSizerFlags().CenterVertical());
    kind_ = new wxChoice(where_, wxID_ANY);
    kind_->SetName(wxS("kind"));
    for (auto k : cemetery::all_plot_kinds) kind_->Append(kind_text(k));
    kind_->SetSelection(0);
    grid->Add(kind_, wxSizerFlags().Expand());
    // The rule: ordinary, or a variant the regulation defines for the kind that day.
    grid->Add(new wxStaticText(where_, wxID_ANY, _("Rule")), wxSizerFlags().CenterVertical());
    variant_ = new wxChoice(where_, wxID_ANY);
    variant_->SetName(wxS("variant"));
    grid->Add(variant_, wxSizerFlags().Expand());
    grid->Add(new wxStaticText(where_, wxID_ANY, _("Signed on")), wxSizerFlags().CenterVertical());
    signed_on_ = new wxDatePickerCtrl(where_, wxID_ANY, to_wx_date(cemetery::today()), wxDefaultPosition,
                                      wxDefaultSize, wxDP_DROPDOWN | wxDP_SHOWCENTURY);
    keep_typed_dates(signed_on_);
    grid->Add(signed_on_, wxSizerFlags());
    // The terms the regulation offers that day: a choice only where it offers several.
    grid->Add(new wxStaticText(where_, wxID_ANY, _("Term")), wxSizerFlags().CenterVertical());
    term_ = new wxChoice(where_, wxID_ANY);
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

void NewConcessionWizard::BuildPlotPage() {
    plot_page_ = new wxWizardPageSimple(this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(plot_page_, wxID_ANY, _("Free places"));
    heading->SetFont(heading->GetFont().Bold().Scaled(1.1f));
    sizer->Add(heading, wxSizerFlags().Border(wxBOTTOM, FromDIP(10)));
    plot_list_ = new wxListBox(plot_page_, wxID_ANY);
    plot_list_->SetName(wxS("free_plots"));
    sizer->Add(plot_list_, wxSizerFlags(1).Expand());
    plot_page_->SetSizer(sizer);
}

void NewConcessionWizard::BuildPeoplePages() {
    deceased_page_ = new wxWizardPageSimple(this);
    auto* grid = page_grid(deceased_page_, _("Deceased"));
    deceased_surname_ = add_field(deceased_page_, grid, _("Surname"), wxS("deceased_surname"));
    deceased_given_ = add_field(deceased_page_, grid, _("Given name"), wxS("deceased_given"));
    born_ = add_field(deceased_page_, grid, _("Born on"), wxS("born"));
    died_ = add_field(deceased_page_, grid, _("Died on"), wxS("died"));
    born_->SetHint(_("dd/mm/yyyy"));
    died_->SetHint(_("dd/mm/yyyy"));

    holder_page_ = new wxWizardPageSimple(this);
    grid = page_grid(holder_page_, _("Holder"));
    holder_surname_ = add_field(holder_page_, grid, _("Surname"), wxS("holder_surname"));
    holder_given_ = add_field(holder_page_, grid, _("Given name"), wxS("holder_given"));
    holder_tax_code_ = add_field(holder_page_, grid, _("Tax code"), wxS("holder_tax_code"));
    holder_born_ = add_field(holder_page_, grid, _("Born on"), wxS("holder_born"));
    holder_born_->SetHint(_("dd/mm/yyyy"));
}

void NewConcessionWizard::BuildSummaryPage() {
    summary_page_ = new wxWizardPageSimple(this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(summary_page_, wxID_ANY, _("What the regulation says"));
    heading->SetFont(heading->GetFont().Bold().Scaled(1.1f));
    sizer->Add(heading, wxSizerFlags().Border(wxBOTTOM, FromDIP(10)));
    summary_ = new wxStaticText(summary_page_, wxID_ANY, wxString());
    summary_->SetName(wxS("summary"));
    sizer->Add(summary_, wxSizerFlags(1).Expand());
    summary_page_->SetSizer(sizer);
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
    plot_list_->Clear();
    plots_.clear();
    const int ce = cemetery_->GetSelection();
    if (ce == wxNOT_FOUND) return;
    cemetery::PlotQuery q;
    q.cemetery = cemeteries_[static_cast<std::size_t>(ce)].id;
    q.kind = cemetery::all_plot_kinds[static_cast<std::size_t>(kind_->GetSelection())];
    q.state = cemetery::PlotState::free;
    q.on = from_wx_date(signed_on_->GetValue());
    q.limit = 500;  // a page of places is enough to pick one; the list says which wall
    plots_ = db_.reg().plots(q);
    for (const auto& p : plots_) plot_list_->Append(location_text(p.plot.location));
    if (!plots_.empty()) plot_list_->SetSelection(0);
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
    holder_surname_->SetValue(surname);
    holder_given_->SetValue(given);
    holder_tax_code_->SetValue(tax_code);
    holder_born_->SetValue(born);
}

cemetery::ConcessionRequest NewConcessionWizard::Request() const {
    cemetery::ConcessionRequest r;
    const int c = comune_->GetSelection();
    if (c != wxNOT_FOUND) r.comune = comuni_[static_cast<std::size_t>(c)].id;
    const int p = plot_list_->GetSelection();
    if (p != wxNOT_FOUND) r.plot = plots_[static_cast<std::size_t>(p)].plot.id;
    r.signed_on = from_wx_date(signed_on_->GetValue());
    if (terms_.size() > 1 && term_->GetSelection() != wxNOT_FOUND) {
        r.years = terms_[static_cast<std::size_t>(term_->GetSelection())];
    }
    r.variant = SelectedVariant();
    cemetery::Holder h;
    h.surname = to_std(holder_surname_->GetValue().Strip(wxString::both));
    h.given_name = to_std(holder_given_->GetValue().Strip(wxString::both));
    h.codice_fiscale = to_std(holder_tax_code_->GetValue().Strip(wxString::both).Upper());
    if (!h.surname.empty() || !h.given_name.empty()) r.holders.push_back(h);
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
            text += wxString::Format(_("Holder: %s"), to_wx(c.holders.front().full_name()));
            can_finish_ = true;
        } else {
            const auto& refusal = *decision.refusal;
            text += wxString::Format(_("The regulation does not allow this concession: %s."), refusal_text(refusal.code)) +
                    wxS("\n") + refusal_detail(refusal);
        }
    }
    summary_text_ = text;
    summary_->SetLabel(text);
    summary_->Wrap(FromDIP(520));
    if (auto* finish = FindWindow(wxID_FORWARD); finish && GetCurrentPage() == summary_page_) finish->Enable(can_finish_);
}

wxString NewConcessionWizard::SummaryText() {
    UpdateSummary();
    return summary_text_;
}

cemetery::LifeOutcome NewConcessionWizard::Confirm() {
    outcome_ = db_.reg().concede(Request(), db_.regulation());
    return outcome_;
}

void NewConcessionWizard::OnChangeComune(wxCommandEvent&) {
    FillCemeteries();
    FillVariants();
    FillTerms();
    FillPlots();
}

void NewConcessionWizard::OnChangePage(wxWizardEvent& event) {
    if (event.GetPage() == plot_page_) FillPlots();
    if (event.GetPage() == summary_page_) UpdateSummary();
}

void NewConcessionWizard::OnFinishWizard(wxWizardEvent&) {
    if (!Confirm()) {
        wxMessageBox(outcome_text(outcome_), _("New concession"), wxOK | wxICON_WARNING, this);
    }
}

}  // namespace gui
