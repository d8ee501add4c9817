#pragma once
// Where the register is when nobody names one: the same file for the command line and
// the desktop program, in the user's data directory ($CEMETERY_DB first, then
// $XDG_DATA_HOME/cemetery, else ~/.local/share/cemetery), never a path inside a build.

#include <filesystem>

namespace cemetery {

// $CEMETERY_DB when set, else default_register_folder() / "registro.sqlite".
[[nodiscard]] std::filesystem::path default_register_path();
// True when $CEMETERY_DB names the register (then it is not "the default register").
[[nodiscard]] bool register_named_by_environment();
// $XDG_DATA_HOME/cemetery, else $HOME/.local/share/cemetery, else ./cemetery.
[[nodiscard]] std::filesystem::path default_register_folder();

}  // namespace cemetery
