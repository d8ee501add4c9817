#include <cemetery/concession_over.hpp>

namespace cemetery {

std::optional<Refusal> refusal_when_over(const Concession& c, std::string_view consequence, bool closed) {
    const bool freed = closed || c.closed_on.has_value();
    const bool ended = c.ending != Ending::none;
    if (!freed && !ended) return std::nullopt;
    std::string how;
    if (ended) {
        how = "the concession was " + std::string(code(c.ending));
        if (c.ended_on) how += " on " + to_iso(*c.ended_on);
        if (!c.ending_act.empty()) how += " (act " + c.ending_act + ")";
    }
    if (freed) {
        how += ended ? " and its place already freed" : "the place of this concession was already freed";
        if (c.closed_on) how += " on " + to_iso(*c.closed_on);
    }
    return Refusal{freed ? RefusalCode::already_closed : RefusalCode::concession_ended,
                   how + ": " + std::string(consequence), {}, {}};
}

}  // namespace cemetery
