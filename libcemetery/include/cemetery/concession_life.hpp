#pragma once
// What happened to a concession after its deed, as the register keeps it: the
// postings of its expiry, the terms started again by later burials, the successions,
// the form of each deceased's remains, and the closing that freed its place.

#include <cemetery/burial.hpp>
#include <cemetery/closing.hpp>
#include <cemetery/ids.hpp>
#include <cemetery/remains.hpp>
#include <cemetery/succession.hpp>

#include <map>
#include <optional>
#include <vector>

namespace cemetery {

struct ConcessionLife {
    std::vector<Posting> postings;
    std::vector<TermRestart> restarts;
    std::vector<Succession> successions;
    std::map<DeceasedId, RemainsForm> forms;
    std::optional<Closing> closing;
    [[nodiscard]] RemainsCount remains() const;
};

}  // namespace cemetery
