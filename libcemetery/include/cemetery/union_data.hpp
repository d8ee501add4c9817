#pragma once
// The Union's own data: member comuni with their codes and membership dates, and
// their cemeteries, as shipped in data/unione.toml. A new register is seeded with
// it; the file, not the code, says who the members are.

#include <cemetery/comune.hpp>
#include <cemetery/regulation_loader.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace cemetery {

class Register;

struct UnionComune {
    Comune comune;  // id unset
    std::vector<std::string> cemeteries;  // the first is the capoluogo's
};

struct UnionData {
    std::string name;
    std::vector<UnionComune> comuni;
};

// Reads data/unione.toml. A bad file is refused with its line, like the regulation.
[[nodiscard]] UnionData load_union_data(const std::filesystem::path& file);

// $CEMETERY_UNIONE if set, else next to the installed program, else the source tree's data/unione.toml.
[[nodiscard]] std::filesystem::path shipped_union_data_path();

// Adds the comuni and cemeteries the register does not have yet; returns how many
// records it added. One transaction.
int seed_register(Register& reg, const UnionData& data);

}  // namespace cemetery
