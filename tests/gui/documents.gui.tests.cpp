// The documents of the Scadenze view: the list to post and the letters as PDF, the
// list as a workbook, and the printout drawn by the same renderer as the PDF.
#include "gui_fixture.hpp"

#include "document_printout.hpp"
#include "documents/tools.hpp"
#include "expiries_panel.hpp"
#include "expiry_documents.hpp"

#include <catch2/catch.hpp>

#include <wx/dcmemory.h>

using gui_test::GuiFixture;

namespace {

cemetery::Date day(int y, unsigned m, unsigned d) { return cemetery::Date{date::year{y}, date::month{m}, date::day{d}}; }

}  // namespace

TEST_CASE("the expired view writes the list to post, the letters and a workbook", "[documents]") {
    GuiFixture f;
    f.frame->select_view(1);
    auto* expiries = f.frame->expiries_panel();
    f.frame->select_comune(f.comune_index(wxS("Liscate")));
    expiries->ShowExpired(day(2026, 1, 1));
    REQUIRE(expiries->count() == 1);
    for (const auto* name : {"export_pdf", "preview_pdf", "notices", "export_xlsx"}) {
        INFO(name);
        CHECK(wxWindow::FindWindowByName(name, expiries));
    }

    const auto pdf = f.dir / "albo.pdf";
    expiries->ExportPdf(pdf, day(2026, 1, 10));
    const std::string text = test::pdf_text(pdf);
    CHECK_THAT(text, Catch::Contains("Comune di Liscate"));
    CHECK_THAT(text, Catch::Contains("L-1950-002"));
    CHECK_THAT(text, Catch::Contains("scadute al 01/01/2026"));

    const auto letters = f.dir / "avvisi.pdf";
    expiries->ExportNotices(letters, day(2026, 1, 10));
    CHECK(test::pdf_pages(letters) >= 1);
    CHECK_THAT(test::pdf_text(letters), Catch::Contains("L-1950-002"));

    const auto xlsx = f.dir / "scadute.xlsx";
    expiries->ExportXlsx(xlsx);
    CHECK_THAT(test::zip_entry(xlsx, "xl/worksheets/sheet1.xml"), Catch::Contains("L-1950-002"));

    SECTION("the PDF buttons are for the expired list only") {
        expiries->ShowExpiring(30);
        CHECK_FALSE(wxWindow::FindWindowByName("export_pdf", expiries)->IsEnabled());
        CHECK(wxWindow::FindWindowByName("export_xlsx", expiries)->IsEnabled());
    }
}

TEST_CASE("the printout draws the posted list's pages with the document renderer", "[documents]") {
    GuiFixture f;
    f.frame->select_comune(f.comune_index(wxS("Liscate")));
    auto pages = gui::posted_list_pages(*f.frame, {*f.frame->comune(), day(2026, 1, 1), day(2026, 1, 10)});
    REQUIRE(pages.size() == 1);
    gui::DocumentPrintout printout(wxS("test"), pages);
    int min = 0, max = 0, from = 0, to = 0;
    printout.GetPageInfo(&min, &max, &from, &to);
    CHECK(max == 1);
    CHECK(printout.HasPage(1));
    CHECK_FALSE(printout.HasPage(2));

    wxBitmap bitmap(300, 424, 24);
    {
        wxMemoryDC dc(bitmap);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        printout.SetDC(&dc);
        printout.SetPageSizePixels(300, 424);
        REQUIRE(printout.OnPrintPage(1));
        printout.SetDC(nullptr);
    }
    // Ink on the page: the heading, the table and its text were drawn.
    const wxImage image = bitmap.ConvertToImage();
    int dark = 0;
    for (int y = 0; y < image.GetHeight(); ++y) {
        for (int x = 0; x < image.GetWidth(); ++x) {
            if (image.GetRed(x, y) < 128) ++dark;
        }
    }
    CHECK(dark > 200);
}

TEST_CASE("the print preview opens on the posted list's pages", "[documents]") {
    GuiFixture f;
    f.frame->select_comune(f.comune_index(wxS("Liscate")));
    auto* preview = gui::show_print_preview(
        f.frame, wxS("Concessioni scadute"),
        gui::posted_list_pages(*f.frame, {*f.frame->comune(), day(2026, 1, 1), day(2026, 1, 10)}));
    REQUIRE(preview);
    gui_test::pump(200);
    CHECK(preview->GetMaxPage() == 1);
    CHECK(preview->GetCurrentPage() == 1);
    REQUIRE(preview->GetFrame());
    CHECK(preview->GetFrame()->IsShown());
    // Closed as the clerk closes it: the frame's close handler re-enables the
    // main window and frees what it disabled it with (Destroy() alone leaks that).
    preview->GetFrame()->Close(true);
    gui_test::pump(50);
}
