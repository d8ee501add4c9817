#include "support.hpp"

#include <cstdlib>
#include <random>

namespace test {

cemetery::Date ymd(int y, unsigned m, unsigned d) {
    return cemetery::Date{date::year{y}, date::month{m}, date::day{d}};
}

TempDir::TempDir() {
    std::random_device rd;
    const auto base = std::filesystem::temp_directory_path();
    for (;;) {
        path_ = base / ("cemetery-test-" + std::to_string(rd()));
        if (std::filesystem::create_directory(path_)) break;
    }
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::filesystem::path shipped_regulation_path() {
    return std::filesystem::path{CEMETERY_SOURCE_DIR} / "regolamento" / "regolamento.toml";
}

}  // namespace test
