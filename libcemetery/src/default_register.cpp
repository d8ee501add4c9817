#include "cemetery/default_register.hpp"

#include <cstdlib>

namespace cemetery {

namespace {
const char* set(const char* name) {
    const char* value = std::getenv(name);
    return value && *value ? value : nullptr;
}
}  // namespace

bool register_named_by_environment() { return set("CEMETERY_DB") != nullptr; }

std::filesystem::path default_register_folder() {
    if (const char* xdg = set("XDG_DATA_HOME")) return std::filesystem::path(xdg) / "cemetery";
    if (const char* home = set("HOME")) return std::filesystem::path(home) / ".local" / "share" / "cemetery";
    return std::filesystem::path(".") / "cemetery";
}

std::filesystem::path default_register_path() {
    if (const char* env = set("CEMETERY_DB")) return env;
    return default_register_folder() / "registro.sqlite";
}

}  // namespace cemetery
