#include <cemetery/concession_over.hpp>

namespace cemetery {

namespace {

// "revocata", as the message's sentence needs it.
std::string_view ended_as(Ending ending) {
    switch (ending) {
        case Ending::revoked: return "stata revocata";
        case Ending::forfeited: return "decaduta";
        case Ending::surrendered: return "stata rinunciata";
        case Ending::none: break;
    }
    return "cessata";
}

}  // namespace

std::optional<Refusal> refusal_when_over(const Concession& c, std::string_view consequence, bool closed) {
    const bool freed = closed || c.closed_on.has_value();
    const bool ended = c.ending != Ending::none;
    if (!freed && !ended) return std::nullopt;
    std::string how;
    if (ended) {
        how = "la concessione è " + std::string(ended_as(c.ending));
        if (c.ended_on) how += " il " + to_italian(*c.ended_on);
        if (!c.ending_act.empty()) how += " (atto " + c.ending_act + ")";
    }
    if (freed) {
        how += ended ? " e il suo posto è già stato liberato" : "il posto di questa concessione è già stato liberato";
        if (c.closed_on) how += " il " + to_italian(*c.closed_on);
    }
    return Refusal{freed ? RefusalCode::already_closed : RefusalCode::concession_ended,
                   how + ": " + std::string(consequence), {}, {}};
}

}  // namespace cemetery

namespace cemetery {

std::string remains_in_place(std::size_t deceased) {
    return deceased == 1 ? "1 defunto riposa nel posto"
                         : std::to_string(deceased) + " defunti riposano nel posto";
}

}  // namespace cemetery
