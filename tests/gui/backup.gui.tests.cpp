// The desktop program's copies: "Salva copia del database" through the online
// backup, and the copy an import keeps first.
#include "gui_fixture.hpp"

#include "database.hpp"
#include "import_dialog.hpp"

#include <cemetery/backup.hpp>
#include <cemetery/demo_register.hpp>
#include <cemetery/output_file.hpp>
#include <cemetery/union_data.hpp>

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>

using gui_test::GuiFixture;

TEST_CASE("Salva copia writes one whole file, its owner's only, while another program writes", "[backup]") {
    GuiFixture f;
    auto& db = f.frame->database();
    const auto count = db.reg().count_concessions();
    REQUIRE(count > 0);
    // Another program in the middle of a write: its change is not in the copy.
    auto other = cemetery::Register::open_existing(db.file(), "other.clerk");
    cemetery::Register::Batch pending(other);
    cemetery::Comune extra;
    extra.name = "Melzo";
    extra.istat_code = "015142";
    extra.cadastral_code = "F119";
    extra.member_from = cemetery::Date{date::year{2016}, date::January, date::day{1}};
    REQUIRE(other.add_comune(extra));

    const auto copy = f.dir / "copia.sqlite";
    CHECK_NOTHROW(db.copy_to(copy));
    CHECK_FALSE(std::filesystem::exists(copy.string() + "-wal"));
    struct stat st {};
    REQUIRE(::stat(copy.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777U) == 0600U);
    auto reopened = cemetery::Register::open_existing(copy);
    CHECK(reopened.count_concessions() == count);
    CHECK_FALSE(reopened.find_comune("Melzo"));
    // The window goes on with its register.
    CHECK(db.reg().count_concessions() == count);
}

TEST_CASE("neither a copy nor an export from the window lands on the register itself", "[backup]") {
    GuiFixture f;
    auto& db = f.frame->database();
    const auto count = db.reg().count_concessions();
    for (const auto& target : {db.file(), std::filesystem::path(db.file().string() + "-wal")}) {
        CHECK_THROWS_AS(db.copy_to(target), cemetery::OutputRefused);
        CHECK_THROWS_AS(db.write_output(target, [](const std::filesystem::path& p) { std::ofstream(p) << "x"; }),
                        cemetery::OutputRefused);
    }
    CHECK(db.reg().count_concessions() == count);
    CHECK(cemetery::Register::open_existing(db.file()).count_concessions() == count);
}

TEST_CASE("an import from the window keeps a copy of the register first", "[backup]") {
    GuiFixture f;
    auto target = gui::Database::open(f.dir / "altro.sqlite", f.frame->database().shared_regulation());
    const auto file = f.dir / "registro.csv";
    {
        std::ofstream out(file, std::ios::binary);
        cemetery::DemoOptions options;
        options.seed = 9;
        options.concessions = 200;
        cemetery::write_demo_register(out, target->regulation(),
                                      cemetery::load_union_data(cemetery::shipped_union_data_path()), options);
    }
    REQUIRE(cemetery::kept_backups(target->file()).empty());
    auto* dialog = new gui::ImportDialog(f.frame, target->file(), target->shared_regulation());
    dialog->Show();
    dialog->SetFile(wxString::FromUTF8(file.string()));
    dialog->StartImport();
    REQUIRE(gui_test::wait_until([&] { return !dialog->running(); }, 60000));
    CHECK(dialog->imported());
    const auto kept = cemetery::kept_backups(target->file());
    REQUIRE(kept.size() == 1);
    CHECK_THAT(kept.front().filename().string(), Catch::EndsWith("-import.sqlite"));
    CHECK(cemetery::Register::open_existing(kept.front()).count_concessions() == 0);
    CHECK(target->reg().count_concessions() == 200);
    dialog->Destroy();
}

TEST_CASE("a copy that cannot be written says so, and leaves nothing behind", "[backup]") {
    GuiFixture f;
    auto& db = f.frame->database();
    const auto count = db.reg().count_concessions();
    // A folder that cannot exist: its parent is a file (permissions would not stop root).
    const auto file = f.dir / "non-una-cartella";
    std::ofstream(file) << "x";
    const auto target = file / "copia.sqlite";
    // The reason reaches the clerk: "Salva copia" shows it instead of "Copia salvata".
    CHECK_THROWS_WITH(db.copy_to(target), Catch::Contains("does not exist"));
    CHECK_THROWS_AS(db.copy_to(target), cemetery::OutputRefused);
    std::error_code ec;
    CHECK_FALSE(std::filesystem::exists(target, ec));
    CHECK(db.reg().count_concessions() == count);
}
