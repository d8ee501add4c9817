#pragma once
// Closing a concession: the place is freed and what happened to the remains is
// recorded. An expired concession is closed only once its expiry was posted and the
// posting days of the regulation have passed (RR Lombardia 6/2004 art. 20 c.4-5); an
// ended one (revoked, forfeited, surrendered) once its remains are moved. A pure
// function: Register::close stores the decision.

#include <cemetery/concession.hpp>
#include <cemetery/refusal.hpp>
#include <cemetery/regulation.hpp>
#include <cemetery/remains.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cemetery {

// The concession was on an expired list posted from `posted_on`.
struct Posting {
    Date posted_on{};
    Date list_as_of{};  // the list of concessions expired as of this day
};

struct ClosingRequest {
    Date on{};
    RemainsDestination remains = RemainsDestination::none;
    std::string act;   // may be empty
    std::string note;  // may be empty
};

// A closing as the register keeps it.
struct Closing {
    Date closed_on{};
    RemainsDestination remains = RemainsDestination::none;
    std::string act;
    std::string note;
};

struct ClosingDecision {
    std::optional<Refusal> refusal;
    std::optional<Posting> posting;      // the posting that allowed it, for an expired concession
    std::optional<Date> posting_ends;    // the first day it may be closed
    [[nodiscard]] bool allowed() const { return !refusal.has_value(); }
};

// `closed`: the place was already freed, as the concession's closed_on says when it was
// read from the register (kept for callers that know it apart).
[[nodiscard]] ClosingDecision decide_closing(const Regulation& regulation, const Concession& concession, bool closed,
                                             const std::vector<Posting>& postings, const ClosingRequest& request);

}  // namespace cemetery
