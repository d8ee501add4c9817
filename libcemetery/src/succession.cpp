#include <cemetery/concede.hpp>
#include <cemetery/concession_over.hpp>
#include <cemetery/succession.hpp>

namespace cemetery {

std::string_view code(SuccessionMode mode) { return mode == SuccessionMode::join ? "join" : "replace"; }

SuccessionDecision decide_succession(const Concession& c, bool closed, const SuccessionRequest& req) {
    SuccessionDecision d;
    auto refuse = [&](RefusalCode code, std::string message) {
        d.refusal = Refusal{code, std::move(message), {}, {}};
        return d;
    };
    // The concession's state first: ended or freed, nobody takes it over, whatever the date.
    if (auto over = refusal_when_over(c, "nessuno può subentrare", closed)) {
        d.refusal = std::move(over);
        return d;
    }
    if (req.heirs.empty()) return refuse(RefusalCode::holder_missing, "il subentro richiede almeno un erede");
    if (auto bad = check_people(req.heirs, {})) {
        d.refusal = bad;
        return d;
    }
    if (req.act.empty()) return refuse(RefusalCode::act_missing, "il subentro richiede l'atto che lo registra");
    if (req.on < c.signed_on) {
        return refuse(RefusalCode::before_signing, "il subentro (" + to_italian(req.on) +
                                                       ") non può precedere la stipula dell'atto (" +
                                                       to_italian(c.signed_on) + ")");
    }
    if (req.mode == SuccessionMode::join) d.holders_after = c.holders;
    for (const auto& h : req.heirs) d.holders_after.push_back(h);
    return d;
}

}  // namespace cemetery
