// A first load builds its search index in a scratch file, on a connection of its
// own, and moves it into the register at commit (storage/search_build.hpp). The
// index moved in must be whole (FTS5's own integrity check), find what the load
// wrote, go on taking the clerk's edits on the same connection, and leave no
// scratch file behind; without a usable temporary directory the load writes the
// index itself.
#include "support.hpp"

#include "storage/fixtures.hpp"
#include "storage/scratch_fixtures.hpp"

#include <cemetery/register.hpp>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

using namespace cemetery;
using test::ymd;

namespace {

// FTS5's check of the index against the rows it was made from, on the committed file.
void check_search_index_whole(const std::filesystem::path& file) {
    const auto r = test::sqlite3_shell(file, "INSERT INTO search_index (search_index) VALUES ('integrity-check');");
    INFO(r.output);
    CHECK(r.status == 0);
}

std::vector<std::string> deeds_found(const Register& reg, const char* text) {
    std::vector<std::string> deeds;
    for (const auto& h : reg.search(text)) deeds.push_back(h.deed_number);
    std::sort(deeds.begin(), deeds.end());
    return deeds;
}

}  // namespace

TEST_CASE("a first load's search index is built aside, whole, and takes later edits", "[load][search]") {
    test::ScratchRegister f;
    auto& [dir, scratch, tmpdir, file, u] = f;
    // The connection has read the empty index before the load (FTS5 keeps what it read).
    CHECK(u.reg.search("sala").empty());
    test::first_load(u);

    CHECK(test::files_in(scratch).empty());
    check_search_index_whole(file);
    const std::vector<std::string> tomb{"T-7"};
    CHECK(deeds_found(u.reg, "brambilla") == tomb);
    CHECK(deeds_found(u.reg, "oggioni") == tomb);  // from the rows after the loculo
    CHECK(deeds_found(u.reg, "sala bruno") == tomb);
    CHECK(deeds_found(u.reg, "BRMGUO60A01E640T") == tomb);
    CHECK(deeds_found(u.reg, "crippa elena") == std::vector<std::string>{"L-8"});
    CHECK(u.reg.count_matches("sala", {}) == 1);

    // The same connection goes on writing to the index it took in.
    const auto plot = u.reg.find_plot(u.liscate_cimitero, Location{"C", "1", "3", ""});
    REQUIRE(plot);
    u.add_ok({.plot = plot->id, .number = "L-9", .signed_on = ymd(2024, 6, 1), .years = 30,
              .deceased = {test::deceased("Sala", "Carla")}});
    CHECK(deeds_found(u.reg, "sala") == std::vector<std::string>{"L-9", "T-7"});
    CHECK(deeds_found(u.reg, "crippa") == std::vector<std::string>{"L-8"});
    check_search_index_whole(file);

    // And so does another program's.
    const auto later = Register::open_existing(file);
    CHECK(deeds_found(later, "sala carla") == std::vector<std::string>{"L-9"});
}

TEST_CASE("a first load leaves FTS5's settings of the search index as they were", "[load][search]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    test::UnionRegister u(file);
    const std::string settings = "SELECT k, v FROM search_index_config ORDER BY k;";
    const auto before = test::sqlite3_shell(file, settings);
    REQUIRE(before.status == 0);
    test::first_load(u);
    CHECK(test::sqlite3_shell(file, settings).output == before.output);
}

TEST_CASE("a first load that is not committed leaves no scratch file and an empty search index", "[load][search]") {
    test::ScratchRegister f;
    auto& [dir, scratch, tmpdir, file, u] = f;
    {
        Register::Load load(u.reg, "registro.csv");
        const auto p = load.add_plot(Plot{{}, u.liscate_cimitero, PlotKind::loculo, Location{"C", "1", "1", ""}});
        REQUIRE(p);
        REQUIRE(load.add_concession(u.concession_for({.plot = *p.value, .number = "L-1", .signed_on = ymd(2001, 3, 3),
                                                      .years = 40, .deceased = {test::deceased("Crippa", "Elena")}}),
                                    2));
    }  // rolled back
    CHECK(test::files_in(scratch).empty());
    CHECK(u.reg.search("crippa").empty());
    // A load of plots only is a first load too, and the one after it again.
    {
        Register::Load load(u.reg, "piante.csv");
        REQUIRE(load.add_plot(Plot{{}, u.liscate_cimitero, PlotKind::loculo, Location{"C", "1", "5", ""}}));
        load.commit();
    }
    test::first_load(u);
    CHECK(test::files_in(scratch).empty());
    CHECK(deeds_found(u.reg, "crippa") == std::vector<std::string>{"L-8"});
    check_search_index_whole(file);
}

TEST_CASE("without a temporary directory a first load writes the search index itself", "[load][search]") {
    test::TempDir dir;
    test::TemporaryDirectory tmpdir(dir.file("not-there"));
    const auto file = dir.file("registro.sqlite");
    test::UnionRegister u(file);
    test::first_load(u);
    CHECK(deeds_found(u.reg, "sala") == std::vector<std::string>{"T-7"});
    CHECK(deeds_found(u.reg, "crippa") == std::vector<std::string>{"L-8"});
    check_search_index_whole(file);
}

TEST_CASE("a first load removes the scratch files of programs that were stopped before they could", "[load][search]") {
    test::ScratchRegister f;
    auto& [dir, scratch, tmpdir, file, u] = f;
    // No process has an id over the kernel's largest (pid_max, at most 2^22).
    const std::string abandoned = "cemetery-search-999999999-Ab12Cd";
    const std::string running = "cemetery-search-" + std::to_string(getpid()) + "-Ef34Gh";
    const std::string other = "cemetery-searching-notes";
    for (const auto& name : {abandoned, running, other}) std::ofstream(scratch / name) << "x";
    test::first_load(u);
    auto left = test::files_in(scratch);
    std::sort(left.begin(), left.end());
    CHECK(left == std::vector<std::string>{running, other});
}
