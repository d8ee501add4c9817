#pragma once
// A burial place (sepoltura, posto) and where it is inside its cemetery.

#include <cemetery/ids.hpp>
#include <cemetery/plot_kind.hpp>

#include <string>

namespace cemetery {

// Settore (or campo, reparto) → fila → numero → piano. Parts a cemetery does not use
// are empty strings, never absent, so that the database can hold one plot per place.
struct Location {
    std::string settore;
    std::string fila;
    std::string numero;
    std::string piano;

    friend bool operator==(const Location&, const Location&) = default;
};

// "Sett. A, fila 1, n. 14, piano 3": only the parts that are set.
[[nodiscard]] std::string describe(const Location& where);

struct Plot {
    PlotId id;
    CemeteryId cemetery;
    PlotKind kind = PlotKind::loculo;
    Location location;
};

}  // namespace cemetery
