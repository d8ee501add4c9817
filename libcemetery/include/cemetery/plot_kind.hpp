#pragma once
// The kinds of burial place the regulation knows. The set is closed: the regulation
// file gives each kind its rules, and a kind it names that is not here is an error.

#include <array>
#include <optional>
#include <string_view>

namespace cemetery {

enum class PlotKind {
    loculo,          // wall vault for one coffin (colombaro)
    ossario,         // celletta ossario: niche for a box of bones
    cinerario,       // nicchia cineraria: niche for an urn of ashes
    tomba_famiglia,  // family vault with several places (tumulo)
    cappella,        // cappella gentilizia / edicola on a conceded area
    fossa,           // paid earth grave (tomba a terra)
    campo_comune,    // common field: a 10-year turn, not a real concession
};

inline constexpr std::array all_plot_kinds{
    PlotKind::loculo, PlotKind::ossario,  PlotKind::cinerario,   PlotKind::tomba_famiglia,
    PlotKind::cappella, PlotKind::fossa, PlotKind::campo_comune,
};

// The code used in the regulation file, the database and CSV: "tomba_famiglia".
[[nodiscard]] std::string_view code(PlotKind kind);

// Parses a code ("tomba_famiglia").
[[nodiscard]] std::optional<PlotKind> plot_kind_from_code(std::string_view code);

// Parses what registers write: "Loculo", "Colombaro", "Tomba di famiglia",
// "Celletta ossario", "Nicchia cineraria", "Cappella gentilizia", "Fossa", ...
// Case- and accent-insensitive. Codes are accepted too.
[[nodiscard]] std::optional<PlotKind> plot_kind_from_register(std::string_view text);

// The Italian name for people: "tomba di famiglia".
[[nodiscard]] std::string_view italian_name(PlotKind kind);

}  // namespace cemetery
