#include "gui_fixture.hpp"

#include "import_dialog.hpp"

#include "database.hpp"

#include <cemetery/demo_register.hpp>
#include <cemetery/union_data.hpp>

#include <catch2/catch.hpp>

#include <fstream>

using gui_test::GuiFixture;

namespace {

void write_file(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
}

}  // namespace

TEST_CASE("an import with errors lists every problem by line and writes nothing", "[import]") {
    GuiFixture f;
    const auto before = f.frame->database().reg().count_concessions();
    const auto file = f.dir / "sbagliato.csv";
    write_file(file,
               "Comune;Tipo;Numero;Numero_Concessione;Data_Concessione;Defunto_Cognome;Defunto_Nome;Defunto_Data_Morte\n"
               "Liscate;Loculo;40;L-2023-010;12/01/2023;Galli;Ada;10/01/2023\n"
               "Liscate;Loculo;41;L-2023-011;12/01/2023;Galli;Rino;30/02/2023\n"
               "Gorgonzola;Loculo;42;G-2023-001;12/01/2023;Motta;Ida;10/01/2023\n");

    auto* dialog = new gui::ImportDialog(f.frame, f.frame->database().file(), f.frame->database().shared_regulation());
    dialog->Show();
    dialog->SetFile(wxString::FromUTF8(file.string()));
    CHECK(dialog->PreviewInfo().StartsWith(wxS("Codifica: UTF-8 · separatore: punto e virgola (;)")));

    SECTION("the check") {
        dialog->StartCheck();
        REQUIRE(gui_test::wait_until([&] { return !dialog->running(); }));
        CHECK(dialog->SummaryText() == wxS("3 righe, 2 errori. Non è stato importato nulla."));
    }
    SECTION("the import") {
        dialog->StartImport();
        REQUIRE(gui_test::wait_until([&] { return !dialog->running(); }));
        CHECK_FALSE(dialog->imported());
        CHECK(dialog->SummaryText().EndsWith(wxS("Non è stato importato nulla.")));
    }
    const auto lines = dialog->ProblemLines();
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].StartsWith(wxS("Riga 3: Defunto_Data_Morte: \"30/02/2023\"")));
    CHECK(lines[1].StartsWith(wxS("Riga 4: Comune: \"Gorgonzola\"")));
    CHECK(f.frame->database().reg().count_concessions() == before);
    dialog->Destroy();
}

TEST_CASE("a file mixing two encodings is refused in the preview and by the check, naming its lines", "[import]") {
    GuiFixture f;
    const auto before = f.frame->database().reg().count_concessions();
    const auto file = f.dir / "misto.csv";
    write_file(file,
               "Comune;Tipo;Numero;Numero_Concessione;Data_Concessione;Defunto_Cognome;Defunto_Nome;Defunto_Data_Morte\n"
               "Liscate;Loculo;40;L-2023-010;12/01/2023;Viganò;Ada;10/01/2023\n"
               "Liscate;Loculo;41;L-2023-011;12/01/2023;Vigan\xF2;Rino;10/01/2023\n"
               "Liscate;Loculo;42;L-2023-012;12/01/2023;Pèrego;Ida;10/01/2023\n");

    auto* dialog = new gui::ImportDialog(f.frame, f.frame->database().file(), f.frame->database().shared_regulation());
    dialog->Show();
    dialog->SetFile(wxString::FromUTF8(file.string()));
    CHECK(dialog->PreviewInfo().StartsWith(
        wxS("Il file mescola due codifiche: il resto è in UTF-8, ma non le righe 3. Correggerle")));

    dialog->StartCheck();
    REQUIRE(gui_test::wait_until([&] { return !dialog->running(); }));
    CHECK(dialog->SummaryText().EndsWith(wxS("Non è stato importato nulla.")));
    const auto lines = dialog->ProblemLines();
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].StartsWith(wxS("il file mescola due codifiche: il resto è in UTF-8.")));
    CHECK(lines[1] == wxS("Riga 3: \"…023-011;12/01/2023;Viganò;Rino;10/01/2023\": "
                          "questa riga non è in UTF-8 come il resto del file (mostrata come Windows-1252)"));
    CHECK(f.frame->database().reg().count_concessions() == before);
    dialog->Destroy();
}

TEST_CASE("a file saved as UTF-16 says so in the preview", "[import]") {
    GuiFixture f;
    const auto file = f.dir / "unicode.csv";
    std::string bytes = "\xFF\xFE";
    for (const char c : std::string("Comune;Tipo;Numero;Numero_Concessione;Data_Concessione\r\n")) {
        bytes += c;
        bytes += '\0';
    }
    write_file(file, bytes);
    auto* dialog = new gui::ImportDialog(f.frame, f.frame->database().file(), f.frame->database().shared_regulation());
    dialog->Show();
    dialog->SetFile(wxString::FromUTF8(file.string()));
    CHECK(dialog->PreviewInfo() == wxS("Il file è in UTF-16 (little-endian): salvarlo come CSV UTF-8 o Windows-1252."));
    dialog->Destroy();
}

TEST_CASE("a good file is imported on a worker thread; a cancelled one writes nothing", "[import]") {
    GuiFixture f;
    // The demo data's deed numbers may meet the fixture's: this file goes into a register of its own.
    auto target = gui::Database::open(f.dir / "altro.sqlite", f.frame->database().shared_regulation());
    const auto before = target->reg().count_concessions();
    const auto file = f.dir / "registro.csv";
    {
        std::ofstream out(file, std::ios::binary);
        cemetery::DemoOptions options;
        options.seed = 7;
        options.concessions = 1500;
        cemetery::write_demo_register(out, f.frame->database().regulation(),
                                      cemetery::load_union_data(cemetery::shipped_union_data_path()), options);
    }
    auto* dialog = new gui::ImportDialog(f.frame, target->file(), target->shared_regulation());
    dialog->Show();
    dialog->SetFile(wxString::FromUTF8(file.string()));

    SECTION("cancelled") {
        dialog->StartImport();
        dialog->CancelJob();
        REQUIRE(gui_test::wait_until([&] { return !dialog->running(); }, 60000));
        REQUIRE(dialog->report());
        CHECK(dialog->report()->cancelled);
        CHECK(dialog->SummaryText() == wxS("Interrotto. Non è stato importato nulla."));
        CHECK(target->reg().count_concessions() == before);
    }
    SECTION("imported, while the window keeps answering") {
        dialog->StartImport();
        int turns = 0;  // the event loop runs while the import does
        REQUIRE(gui_test::wait_until([&] { ++turns; return !dialog->running(); }, 60000));
        CHECK(turns > 1);
        REQUIRE(dialog->report());
        const auto& report = *dialog->report();
        for (const auto& e : report.errors) UNSCOPED_INFO("line " << e.line << ": " << e.field << ": " << e.message);
        CHECK(report.errors.empty());
        CHECK(dialog->imported());
        CHECK(report.concessions_added == 1500);
        CHECK(target->reg().count_concessions() == before + 1500);
    }
    dialog->Destroy();
}
