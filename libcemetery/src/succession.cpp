#include <cemetery/concede.hpp>
#include <cemetery/concession_over.hpp>
#include <cemetery/succession.hpp>

#include <algorithm>

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
    if (req.mode == SuccessionMode::join && !req.succeeded.empty()) {
        return refuse(RefusalCode::holder_missing,
                      "gli eredi che si aggiungono ai concessionari non subentrano ad alcuno di loro");
    }
    const auto is_holder = [&c](HolderId id) {
        return std::any_of(c.holders.begin(), c.holders.end(), [id](const Holder& h) { return h.id == id; });
    };
    if (!std::all_of(req.succeeded.begin(), req.succeeded.end(), is_holder)) {
        return refuse(RefusalCode::holder_missing,
                      "il subentro nomina come concessionario uscente chi non è concessionario di questa concessione");
    }
    // The holders who stay: all when the heirs join, none when they succeed every
    // holder, the others when they succeed some.
    const auto succeeded = [&req](const Holder& h) {
        return req.succeeded.empty() || std::find(req.succeeded.begin(), req.succeeded.end(), h.id) != req.succeeded.end();
    };
    for (const auto& h : c.holders) {
        if (req.mode == SuccessionMode::join || !succeeded(h)) d.holders_after.push_back(h);
    }
    for (const auto& h : req.heirs) d.holders_after.push_back(h);
    return d;
}

}  // namespace cemetery
