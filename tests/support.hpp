#pragma once
// What every test file shares: Catch2, dates printed as 2030-02-28 on failure, and
// helpers that give a test a real, throw-away database.

#include <catch2/catch.hpp>

#include <cemetery/dates.hpp>

#include <filesystem>
#include <string>

namespace Catch {
template <>
struct StringMaker<cemetery::Date> {
    static std::string convert(const cemetery::Date& d) { return cemetery::to_iso(d); }
};
}  // namespace Catch

namespace test {

// 2030-02-28 as a Date, for readable tests: ymd(2030, 2, 28).
cemetery::Date ymd(int y, unsigned m, unsigned d);

// A fresh temporary directory, removed with the object.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::filesystem::path file(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// The regulation file shipped in regolamento/.
std::filesystem::path shipped_regulation_path();

}  // namespace test
