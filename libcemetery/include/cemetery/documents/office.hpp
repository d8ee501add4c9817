#pragma once
// The office that sends the letters and posts the lists, per comune: the heading of
// its documents and the contacts families are given. Read from data/ufficio.toml;
// a bad file is refused naming its line (RegulationFileError), as the Union's data.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cemetery::documents {

struct Office {
    std::string comune;                // as in the register: "Liscate"
    std::vector<std::string> heading;  // "Comune di Liscate", "Città Metropolitana di Milano"
    std::string name;                  // "Servizi Demografici – Ufficio Cimiteri"
    std::string address;               // each may be empty: the documents leave it out
    std::string phone;
    std::string email;
    std::string hours;
};

struct Offices {
    std::vector<Office> offices;

    // The comune's office (name matched whatever its case and accents), or one with
    // only the heading "Comune di <comune>" when the file does not have it.
    [[nodiscard]] Office for_comune(std::string_view comune) const;
};

[[nodiscard]] Offices load_offices(const std::filesystem::path& file);

// $CEMETERY_UFFICIO if set, else next to the installed program, else the source tree's data/ufficio.toml.
[[nodiscard]] std::filesystem::path shipped_offices_path();

}  // namespace cemetery::documents
