#pragma once
// Subentro: heirs take over a concession, replacing its holders or joining them,
// with the date and the act that records it. A pure function: Register::succeed
// stores the decision.

#include <cemetery/concession.hpp>
#include <cemetery/refusal.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cemetery {

enum class SuccessionMode {
    replace,  // the heirs take the place of the holders they succeed (all, unless named)
    join,     // the heirs are added to the holders
};

[[nodiscard]] std::string_view code(SuccessionMode mode);  // "replace", "join"

struct SuccessionRequest {
    Date on{};
    std::string act;  // the act of succession (voltura)
    std::vector<Holder> heirs;
    SuccessionMode mode = SuccessionMode::replace;
    // With `replace`, the holders the heirs succeed (their ids, as the concession read
    // gives them): these leave and the others stay. Empty: every holder. A family is often
    // several holders, and the heirs of one do not take the others' place.
    std::vector<HolderId> succeeded;
};

// A succession as the history keeps it.
struct Succession {
    Date on{};
    std::string act;
    SuccessionMode mode = SuccessionMode::replace;
    std::vector<std::string> holders_before;  // full names
    std::vector<std::string> holders_after;
};

struct SuccessionDecision {
    std::optional<Refusal> refusal;
    std::vector<Holder> holders_after;
    [[nodiscard]] bool allowed() const { return !refusal.has_value(); }
};

// Refused first when the concession has ended or its place was freed (`closed`, or its
// closed_on: concession_over.hpp), then when no heir is named or an heir has a bad
// field, when the act is missing, when the date is before the deed, and when a holder
// named as succeeded is not one of the concession's (or is named while the heirs join).
[[nodiscard]] SuccessionDecision decide_succession(const Concession& concession, bool closed,
                                                   const SuccessionRequest& request);

}  // namespace cemetery
