#pragma once
// A burial added to a concession already in the register (a family tomb, a spouse
// in a double place): whether the rules allow it and whether it starts the term
// again. A pure function: Register::bury stores the decision.

#include <cemetery/concession.hpp>
#include <cemetery/refusal.hpp>
#include <cemetery/regulation.hpp>
#include <cemetery/remains.hpp>

#include <optional>
#include <string>

namespace cemetery {

struct BurialRequest {
    Deceased deceased;  // buried_on is required
    RemainsForm form = RemainsForm::coffin;
    // The day it is recorded: a birth, death or burial after it is refused. The
    // clock's today unless given (tests pin it).
    Date today = cemetery::today();
};

// A term started again by a later burial, kept in the concession's history.
struct TermRestart {
    Date buried_on{};
    std::string deceased;  // full name
    Date previous_start{};
    Date previous_expiry{};
    Date new_start{};
    Date new_expiry{};
    std::string version_name;
    std::string basis;
};

struct BurialDecision {
    std::optional<Refusal> refusal;
    std::string version_name;          // the version whose capacity was applied
    std::optional<TermRestart> restart;  // the term starts again at this burial
    [[nodiscard]] bool allowed() const { return !refusal.has_value(); }
};

// The restart a burial on `on` makes, where the concession's own version (the one
// that gave its term) says the term restarts at a later burial: the new term runs
// from the burial for the concession's years, when that ends later than its expiry.
// None for the first burial (nobody `present`), a perpetual concession, or a burial
// after which the term would end sooner. The one rule both paths ask: decide_burial
// for a burial recorded day to day, and an import for the burials its rows list,
// taken in the order they were made.
[[nodiscard]] std::optional<TermRestart> term_restart_at(const Regulation& regulation, const Concession& concession,
                                                         PlotKind kind, const RemainsCount& present, Date on,
                                                         const std::string& deceased);

// What a restart does to the concession: its term starts at the burial and expires
// with the restart's new expiry (the register keeps the restart in its history).
void apply_restart(Concession& concession, const TermRestart& restart);

// Refused when the concession has ended or its place was freed (concession_over.hpp),
// whatever the burial date; when a date is missing or out of order (death before
// birth, burial before death or before the deed), when the concession had expired by
// the burial day, and when the place is full for that form of remains under the
// version in force on the burial day (the concession's own version where none is).
// Where the concession's own version says so, the term restarts (term_restart_at).
[[nodiscard]] BurialDecision decide_burial(const Regulation& regulation, const Concession& concession, PlotKind kind,
                                           std::string_view comune, const RemainsCount& present,
                                           const BurialRequest& request);

}  // namespace cemetery
