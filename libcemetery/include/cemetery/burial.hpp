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
    // The holders declined the extension of the term this burial would bring, where the
    // regulation lets them (BurialExtension::declinable); refused where it does not.
    bool extension_declined = false;
};

// What moved a term: a burial, or the payment a term running from the payment waited
// for (payment.hpp).
enum class TermEvent { burial, payment };

// A term moved by a burial, kept in the concession's history: started again by a
// later burial, extended by any burial, or started at last by the burial (or the
// death) it was waiting for (then it had no expiry before). A recorded payment that
// starts a term waiting for it is kept the same way, with no deceased.
struct TermRestart {
    Date buried_on{};      // the day of the event: the burial, or the payment
    std::string deceased;  // full name; empty for a payment
    Date previous_start{};
    std::optional<Date> previous_expiry;  // none: the term had not started
    Date new_start{};
    Date new_expiry{};
    std::string version_name;
    std::string basis;
    TermEvent event = TermEvent::burial;
};

struct BurialDecision {
    std::optional<Refusal> refusal;
    std::string version_name;          // the version whose capacity was applied
    std::optional<TermRestart> restart;  // the term starts again at this burial
    [[nodiscard]] bool allowed() const { return !refusal.has_value(); }
};

// A burial as the term sees it: its day, whose, the death it follows (where the term
// runs from the death), and whether the holders declined an extension.
struct BurialEvent {
    Date on{};
    std::string deceased;  // full name
    std::optional<Date> died_on;
    bool extension_declined = false;
};

// What a burial does to the term, under the concession's own version (the one that
// gave its term):
// - a term not started, running from the burial or the death, starts at this burial
//   (or at the death it follows) for the concession's years;
// - where the term is extended at every burial (the first included), the new term runs
//   from the burial, unless the holders declined an extension the rule lets them decline;
// - where it restarts at a later burial, the same from the second burial on.
// An extension or a restart only when the new expiry is later than the current one.
// None for a perpetual concession. The one rule both paths ask: decide_burial for a
// burial recorded day to day, and an import for the burials its rows list, taken in
// the order they were made.
[[nodiscard]] std::optional<TermRestart> term_restart_at(const Regulation& regulation, const Concession& concession,
                                                         PlotKind kind, const RemainsCount& present,
                                                         const BurialEvent& burial);

// Whether the holders may decline the extension a burial brings to this concession: its
// own version extends the term at every burial and lets them decline it. What a form
// asks before it offers the choice (decide_burial refuses a declined extension otherwise).
[[nodiscard]] bool extension_declinable(const Regulation& regulation, const Concession& concession, PlotKind kind);

// What a restart does to the concession: its term starts at the restart's new start
// and expires with its new expiry (the register keeps the restart in its history).
void apply_restart(Concession& concession, const TermRestart& restart);

// Refused when the concession has ended or its place was freed (concession_over.hpp),
// whatever the burial date; when a date is missing or out of order (death before
// birth, burial before death or before the deed), when the concession had expired by
// the burial day, and when the place is full for that form of remains under the
// version in force on the burial day (the concession's own version where none is).
// Where the concession's own version says so, the term restarts, is extended or
// starts (term_restart_at); a declined extension is refused where the rule does not
// let the holders decline it, and a term that starts at the death needs the death's date.
[[nodiscard]] BurialDecision decide_burial(const Regulation& regulation, const Concession& concession, PlotKind kind,
                                           std::string_view comune, const RemainsCount& present,
                                           const BurialRequest& request);

}  // namespace cemetery
