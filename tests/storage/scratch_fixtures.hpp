#pragma once
// A register whose loads make their scratch files (storage/scratch.hpp) in a
// temporary directory of its own, and a first load that makes every kind of
// record the loads build aside.
#include "support.hpp"

#include "storage/fixtures.hpp"

#include <cemetery/register.hpp>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace test {

// TMPDIR set for the life of the object (CTest runs each test case in a process of its own).
class TemporaryDirectory {
public:
    explicit TemporaryDirectory(const std::filesystem::path& dir) {
        if (const char* was = std::getenv("TMPDIR")) before_ = was;
        setenv("TMPDIR", dir.c_str(), 1);
    }
    ~TemporaryDirectory() {
        if (before_) {
            setenv("TMPDIR", before_->c_str(), 1);
        } else {
            unsetenv("TMPDIR");
        }
    }
    TemporaryDirectory(const TemporaryDirectory&) = delete;
    TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;

private:
    std::optional<std::string> before_;
};

// A register on a new file, with TMPDIR pointing at an empty directory of its own
// (`scratch`) for the load's scratch files.
struct ScratchRegister {
    TempDir dir;
    std::filesystem::path scratch = make_scratch(dir);
    TemporaryDirectory tmpdir{scratch};
    std::filesystem::path file = dir.file("registro.sqlite");
    UnionRegister u{file};

    static std::filesystem::path make_scratch(const TempDir& d) {
        const auto path = d.file("tmp");
        std::filesystem::create_directory(path);
        return path;
    }
};

inline std::vector<std::string> files_in(const std::filesystem::path& dir) {
    std::vector<std::string> out;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) out.push_back(entry.path().filename().string());
    return out;
}

// A first load: a family tomb completed by rows after another concession, a
// loculo, and (unless not `with_free_plot`) a plot with no concession yet, which
// no import writes: verify reports it as a record no entry speaks of.
inline void first_load(UnionRegister& u, bool with_free_plot = true) {
    cemetery::Register::Load load(u.reg, "registro.csv");
    auto new_plot = [&](cemetery::PlotKind kind, const char* numero) {
        const auto p = load.add_plot(cemetery::Plot{{}, u.liscate_cimitero, kind, cemetery::Location{"C", "1", numero, ""}});
        REQUIRE(p);
        return *p.value;
    };
    const auto tomb = load.add_concession(
        u.concession_for({.plot = new_plot(cemetery::PlotKind::tomba_famiglia, "1"), .number = "T-7", .signed_on = ymd(1990, 5, 2),
                          .years = 99, .holders = {holder("Brambilla", "Ugo", "BRMGUO60A01E640T")},
                          .deceased = {deceased("Sala", "Anna")}}),
        2);
    REQUIRE(tomb);
    REQUIRE(load.add_concession(
        u.concession_for({.plot = new_plot(cemetery::PlotKind::loculo, "2"), .number = "L-8", .signed_on = ymd(2001, 3, 3),
                          .years = 40, .deceased = {deceased("Crippa", "Elena")}}),
        3));
    REQUIRE(load.add_people(*tomb.value, {holder("Oggioni", "Rita")}, {deceased("Sala", "Bruno")}));
    if (with_free_plot) new_plot(cemetery::PlotKind::loculo, "3");
    load.commit();
}

}  // namespace test
