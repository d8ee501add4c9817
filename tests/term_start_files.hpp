#pragma once
// A small regulation whose terms start at the request, the payment, the death or the
// burial, and are extended at every burial (declinable or not): written to a real file
// and loaded as the programs load the shipped one.

#include "regulation_files.hpp"
#include "term_start_text.hpp"
#include "support.hpp"

#include <cemetery/regulation_loader.hpp>

#include <fstream>
#include <string>

namespace test {

// Writes `text` to `file` and loads it; the test fails on a file that does not load.
inline cemetery::Regulation load_written(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
    auto load = cemetery::try_load_regulation(file);
    INFO((load.error ? load.error->to_string() : std::string()));
    REQUIRE(load);
    return *load.regulation;
}

// The regulation above, loaded once from a real file.
inline const cemetery::Regulation& term_start_regulation() {
    static const TempDir dir;
    static const cemetery::Regulation reg = load_written(dir.file("regolamento.toml"), general_section + term_start_versions);
    return reg;
}

}  // namespace test
