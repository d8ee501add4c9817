#pragma once
// Loads and validates the regulation file. A bad file is an expected failure, so
// try_load_regulation() returns it as a value naming file, line and reason;
// load_regulation() throws RegulationFileError for callers that cannot go on.

#include <cemetery/regulation.hpp>

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace cemetery {

struct RegulationError {
    std::string file;
    int line = 0;    // 1-based; 0 when the whole file is concerned
    int column = 0;  // 1-based; 0 when unknown
    std::string message;

    // "regolamento.toml:42: unknown plot kind \"loculi\""
    [[nodiscard]] std::string to_string() const;
};

struct RegulationLoad {
    std::optional<Regulation> regulation;
    std::optional<RegulationError> error;
    explicit operator bool() const { return regulation.has_value(); }
};

class RegulationFileError : public std::runtime_error {
public:
    explicit RegulationFileError(RegulationError error);
    [[nodiscard]] const RegulationError& error() const { return error_; }

private:
    RegulationError error_;
};

// Parses TOML text; `source_name` is used in errors.
[[nodiscard]] RegulationLoad parse_regulation(std::string_view toml_text, std::string source_name);
[[nodiscard]] RegulationLoad try_load_regulation(const std::filesystem::path& file);
[[nodiscard]] Regulation load_regulation(const std::filesystem::path& file);

// The file shipped with the program: $CEMETERY_REGOLAMENTO if set, else the one
// installed next to the program, else the source tree's regolamento/regolamento.toml.
[[nodiscard]] std::filesystem::path shipped_regulation_path();

}  // namespace cemetery
