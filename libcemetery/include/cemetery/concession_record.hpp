#pragma once
// A concession with everything about it that a clerk sees: its plot, the plot's
// cemetery and comune, and (through Concession) holders, deceased and renewals.

#include <cemetery/comune.hpp>
#include <cemetery/concession.hpp>
#include <cemetery/plot.hpp>

namespace cemetery {

struct ConcessionRecord {
    Concession concession;
    Plot plot;
    Cemetery cemetery;
    Comune comune;
};

}  // namespace cemetery
