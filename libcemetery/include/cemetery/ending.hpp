#pragma once
// Rinuncia, decadenza, revoca: a concession ends before its term, with the date, the
// act and the reason. The place becomes free from that date once its remains have
// been moved (the clerk confirms where they went), or at once when nobody rests
// there. A pure function: Register::end_concession stores the decision.

#include <cemetery/concession.hpp>
#include <cemetery/refusal.hpp>
#include <cemetery/regulation.hpp>
#include <cemetery/remains.hpp>

#include <optional>
#include <string>

namespace cemetery {

struct EndingRequest {
    Ending ending = Ending::surrendered;  // not Ending::none
    Date on{};
    std::string act;     // the act: the holder's declaration, the resolution
    std::string reason;  // why
    std::optional<RemainsDestination> remains_moved;  // confirmed by the clerk: where they went
    // Revoking a perpetual deed: the act states that the cemetery is gravely short of places.
    bool grave_shortage = false;
};

struct EndingDecision {
    std::optional<Refusal> refusal;
    bool frees_place = false;  // the place is free from the ending date
    [[nodiscard]] bool allowed() const { return !refusal.has_value(); }
};

// Refused when the concession had already ended or been freed (`closed`, or its
// closed_on: concession_over.hpp), when it had expired by then (an expired place is
// freed by closing it after its posting), when the date
// is before the deed, and when the act or the reason is missing. A perpetual deed
// (signed before the cut-off) is revoked only with the grave shortage of places
// stated and once the regulation's years have passed since its last burial
// (perpetual_revocation_years; the latest burial or, where it is not recorded,
// death; the signing when nobody was buried).
[[nodiscard]] EndingDecision decide_ending(const Regulation& regulation, const Concession& concession, bool closed,
                                           const EndingRequest& request);

}  // namespace cemetery
