// Files written for people never land on the register or its own files, never
// replace a file unasked, and are their owner's only from the first byte.
#include "support.hpp"

#include <cemetery/output_file.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

using namespace cemetery;
namespace fs = std::filesystem;

namespace {

unsigned mode_of(const fs::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return st.st_mode & 0777U;
}

void put(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
}

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t entries_in(const fs::path& dir) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("an output never resolves to the register, its side files or its copies", "[output]") {
    test::TempDir dir;
    const auto reg = dir.file("registro.sqlite");
    put(reg, "register");
    fs::create_directories(dir.path() / "copie");
    const auto protect = ProtectedFiles::of_register(reg);

    for (const auto& target : {reg, dir.file("registro.sqlite-wal"), dir.file("registro.sqlite-shm"),
                               dir.file("registro.sqlite-journal"), dir.path() / "." / "registro.sqlite",
                               dir.path() / "copie" / "altro.csv", dir.path() / "copie" / "registro-x-import.sqlite"}) {
        INFO(target);
        CHECK(protect.refusal(target));
        CHECK(output_refusal(target, protect, Overwrite::allow));
        CHECK_THROWS_AS(OutputFile(target, protect, Overwrite::allow), OutputRefused);
    }
    CHECK_FALSE(protect.refusal(dir.file("scadute.csv")));
    SECTION("by a symbolic link") {
        const auto link = dir.file("scadute.csv");
        fs::create_symlink(reg, link);
        CHECK(protect.refusal(link));
    }
    SECTION("by a hard link") {
        const auto link = dir.file("scadute.csv");
        fs::create_hard_link(reg, link);
        CHECK(protect.refusal(link));
    }
    SECTION("by a relative path from the register's folder") {
        const auto here = fs::current_path();
        fs::current_path(dir.path());
        const bool refused = protect.refusal("registro.sqlite").has_value();
        fs::current_path(here);
        CHECK(refused);
    }
    SECTION("the file being read is protected once named") {
        const auto input = dir.file("registro.csv");
        put(input, "Comune;Tipo\n");
        auto with_input = ProtectedFiles::of_register(reg);
        with_input.also(input);
        CHECK(with_input.refusal(input));
        CHECK_FALSE(protect.refusal(input));
    }
    CHECK(read(reg) == "register");
}

TEST_CASE("an output is written 0600 beside its target and appears whole at commit", "[output]") {
    test::TempDir dir;
    const auto target = dir.file("scadute.csv");
    const auto old_mask = ::umask(022);
    {
        OutputFile out(target, {}, Overwrite::refuse);
        // In a folder of its own beside the target, which nobody else can enter.
        CHECK(out.path().parent_path().parent_path() == dir.path());
        CHECK(mode_of(out.path().parent_path()) == 0700U);
        CHECK(mode_of(out.path()) == 0600U);
        put(out.path(), "deed;expiry\n");
        CHECK_FALSE(fs::exists(target));
        out.commit();
    }
    ::umask(old_mask);
    CHECK(read(target) == "deed;expiry\n");
    CHECK(mode_of(target) == 0600U);
    CHECK(entries_in(dir.path()) == 1);  // no temporary file left
}

TEST_CASE("an output abandoned before commit leaves nothing and changes nothing", "[output]") {
    test::TempDir dir;
    const auto target = dir.file("scadute.csv");
    put(target, "old list");
    {
        OutputFile out(target, {}, Overwrite::allow);
        put(out.path(), "half a list");
    }
    CHECK(read(target) == "old list");
    CHECK(entries_in(dir.path()) == 1);
}

TEST_CASE("an existing file is replaced only when allowed", "[output]") {
    test::TempDir dir;
    const auto target = dir.file("copia.sqlite");
    put(target, "an older backup");
    SECTION("refused") {
        const auto why = output_refusal(target, {}, Overwrite::refuse);
        REQUIRE(why);
        CHECK_THAT(*why, Catch::Contains("already exists"));
        CHECK_THROWS_AS(OutputFile(target, {}, Overwrite::refuse), OutputRefused);
        CHECK(read(target) == "an older backup");
    }
    SECTION("a file that appears while the output is written is not replaced") {
        OutputFile out(dir.file("nuova.csv"), {}, Overwrite::refuse);
        put(out.path(), "new");
        put(dir.file("nuova.csv"), "someone else's");
        CHECK_THROWS_AS(out.commit(), OutputRefused);
        CHECK(read(dir.file("nuova.csv")) == "someone else's");
    }
    SECTION("allowed") {
        OutputFile out(target, {}, Overwrite::allow);
        put(out.path(), "new");
        out.commit();
        CHECK(read(target) == "new");
    }
}

TEST_CASE("an output into a folder, a missing folder or a folder it cannot write is refused clearly", "[output]") {
    test::TempDir dir;
    CHECK_THAT(output_refusal(dir.path(), {}, Overwrite::allow).value_or(""), Catch::Contains("folder"));
    CHECK_THAT(output_refusal(dir.path() / "manca" / "x.csv", {}, Overwrite::allow).value_or(""),
               Catch::Contains("does not exist"));
    if (::geteuid() != 0) {  // root writes anywhere
        fs::create_directories(dir.path() / "sola-lettura");
        fs::permissions(dir.path() / "sola-lettura", fs::perms::owner_read | fs::perms::owner_exec);
        CHECK_THROWS_AS(OutputFile(dir.path() / "sola-lettura" / "x.csv", {}, Overwrite::allow), OutputRefused);
        fs::permissions(dir.path() / "sola-lettura", fs::perms::owner_all);
    }
}
