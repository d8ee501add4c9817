// Variants of a kind on the desktop: the new-concession wizard offers "ordinaria" or a
// variant's nome where the version in force defines variants for the kind, the deed
// keeps the one chosen and the detail names it; Regolamento in vigore lists each
// variant under its kind.
#include "gui_fixture.hpp"

#include "detail_panel.hpp"
#include "new_concession_wizard.hpp"
#include "regulation_dialog.hpp"

#include <catch2/catch.hpp>

#include <wx/choice.h>

using gui_test::GuiFixture;

namespace {

const cemetery::Date signing{date::year{2026}, date::month{12}, date::day{1}};

// The shipped rules with a provisional loculo beside the Union's ordinary one.
cemetery::Regulation with_provisional_loculo(const cemetery::Regulation& shipped) {
    cemetery::Regulation rules = shipped;
    for (auto& v : rules.versions) {
        if (v.name != "Unione 2020") continue;
        auto& loculo = v.rules.at(cemetery::PlotKind::loculo);
        cemetery::KindRule provisional;
        provisional.kind = cemetery::PlotKind::loculo;
        provisional.term_years = 2;
        provisional.basis = "prova: sepoltura provvisoria in loculo per un massimo di 2 anni";
        provisional.capacity = cemetery::Capacity{1, 0, 0, "prova: un feretro"};
        provisional.variant = "provvisorio";
        provisional.variant_name = "loculo provvisorio";
        loculo.variants.push_back(provisional);
    }
    return rules;
}

}  // namespace

TEST_CASE("the wizard offers ordinaria or a provisional loculo, and the deed keeps the variant chosen", "[life]") {
    GuiFixture f;
    auto db = gui::Database::open(f.dir / "varianti.sqlite", std::make_shared<const cemetery::Regulation>(
                                                                 with_provisional_loculo(f.frame->database().regulation())));
    auto& reg = db->reg();
    const auto liscate = reg.find_comune("Liscate");
    REQUIRE(liscate);
    cemetery::PlotRange range;
    range.cemetery = reg.cemeteries(liscate->id).front().id;
    range.kind = cemetery::PlotKind::loculo;
    range.settore = "Z";
    range.fila = "1";
    range.numero = "1-3";
    REQUIRE(reg.add_plots(range));

    gui::NewConcessionWizard wizard(f.frame, *db);
    wizard.SetPlace(wxS("Liscate"), cemetery::PlotKind::loculo, signing);
    CHECK(wizard.VariantChoices() == std::vector<wxString>{wxS("ordinaria"), wxS("loculo provvisorio")});
    auto* choice = dynamic_cast<wxChoice*>(wizard.FindWindow(wxS("variant")));
    REQUIRE(choice);
    CHECK(choice->IsEnabled());
    CHECK(choice->GetSelection() == 0);  // the ordinary rule unless the clerk picks a variant
    wizard.SetHolder(wxS("Pèrego"), wxS("Lucia"), wxString());
    // The ordinary loculo is granted only at a death; the provisional one is not.
    CHECK_FALSE(wizard.SummaryText().IsEmpty());
    CHECK_FALSE(wizard.CanFinish());
    wizard.SetVariant("provvisorio");
    auto* term = dynamic_cast<wxChoice*>(wizard.FindWindow(wxS("term")));
    REQUIRE(term);
    CHECK(term->GetString(0) == wxS("2 anni"));  // the variant's term
    const wxString summary = wizard.SummaryText();
    INFO(summary.utf8_string());
    CHECK(summary.Contains(wxS("Scadenza: 01/12/2028")));
    CHECK(summary.Contains(wxS("loculo provvisorio")));
    REQUIRE(wizard.CanFinish());
    const auto out = wizard.Confirm();
    INFO(out.reason());
    REQUIRE(out);
    CHECK(out.concession->variant == "provvisorio");
    CHECK(db->reg().concession(out.concession->id)->variant == "provvisorio");

    gui::DetailPanel detail(f.frame);
    detail.ShowConcession(*db, out.concession->id);
    INFO(detail.Text().utf8_string());
    CHECK(detail.Text().Contains(wxS("loculo provvisorio")));

    // Kinds the version defines no variant for: nothing to choose.
    wizard.SetPlace(wxS("Liscate"), cemetery::PlotKind::ossario, signing);
    CHECK(wizard.VariantChoices().empty());
    CHECK_FALSE(choice->IsEnabled());
}

TEST_CASE("Regolamento in vigore lists a variant under its kind, with its term and source", "[regulation]") {
    GuiFixture f;
    const auto rules = with_provisional_loculo(f.frame->database().regulation());
    const auto comuni = f.frame->database().reg().comuni();
    std::optional<cemetery::ComuneId> liscate;
    for (const auto& c : comuni) {
        if (c.name == "Liscate") liscate = c.id;
    }
    REQUIRE(liscate);
    gui::RegulationDialog dialog(f.frame, rules, comuni, liscate, signing);
    using gui::RegulationDialog;
    CHECK(dialog.VariantCellText(cemetery::PlotKind::loculo, "provvisorio", RegulationDialog::column_kind) ==
          wxS("  loculo provvisorio"));
    CHECK(dialog.VariantCellText(cemetery::PlotKind::loculo, "provvisorio", RegulationDialog::column_term) ==
          wxS("2 anni"));
    CHECK(dialog.VariantCellText(cemetery::PlotKind::loculo, "provvisorio", RegulationDialog::column_source) ==
          wxS("prova: sepoltura provvisoria in loculo per un massimo di 2 anni"));
    CHECK(dialog.CellText(cemetery::PlotKind::loculo, RegulationDialog::column_term) == wxS("30 anni"));
    CHECK(dialog.VariantCellText(cemetery::PlotKind::ossario, "provvisorio", RegulationDialog::column_term).empty());
    dialog.SelectRow(1);  // the loculo's variant, right under it
    INFO(dialog.DetailsText().utf8_string());
    CHECK(dialog.DetailsText().Contains(wxS("loculo provvisorio")));
    CHECK(dialog.DetailsText().Contains(wxS("provvisorio")));
}
