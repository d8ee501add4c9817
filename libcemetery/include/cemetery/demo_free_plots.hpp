#pragma once
// The free places of the demo register. A register export holds only the places that
// were granted, so a register filled from one has no free place: a clerk trying a new
// concession on the demo would find none. The demo lays out, in every cemetery, a few
// new places of each kind where the export put nothing, as an office lays out a new
// wall or field before granting it.

#include <cstddef>

namespace cemetery {

class Register;

// Per cemetery: 8 loculi (a new settore, fila 1, numeri 1-4, piani 1-2), 4 ossari,
// 4 cinerari, 2 tombe di famiglia, 2 cappelle, 4 fosse and 4 places of campo comune
// (each kind in a settore or campo no plot of the cemetery uses yet, named as the
// demo names them: "E", "O2", "N", "T3", "Campo 7"; cappelle after the last one).
// All through Register::add_plots, in one transaction. The same register gives the
// same places. Returns how many were added.
std::size_t add_demo_free_plots(Register& reg);

}  // namespace cemetery
