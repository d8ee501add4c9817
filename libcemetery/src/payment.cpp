#include <cemetery/concession_over.hpp>
#include <cemetery/kind_variant.hpp>
#include <cemetery/payment.hpp>

namespace cemetery {

namespace {

// "dalla stipula", "dal pagamento", as a refusal says where a term runs from.
std::string from_words(TermStart start) {
    switch (start) {
        case TermStart::signing: return "dalla stipula";
        case TermStart::burial: return "dalla sepoltura";
        case TermStart::request: return "dalla richiesta";
        case TermStart::payment: return "dal pagamento";
        case TermStart::death: return "dal decesso";
    }
    return "dalla stipula";
}

}  // namespace

std::optional<TermStart> awaited_event(const Regulation& reg, const Concession& c, PlotKind kind) {
    if (c.started()) return std::nullopt;
    const KindRule* rule = own_rule(reg, c, kind);
    return rule ? rule->term_start : TermStart::burial;
}

PaymentDecision decide_payment(const Regulation& reg, const Concession& c, PlotKind kind, const PaymentRequest& req) {
    PaymentDecision d;
    const std::string k{italian_name(kind)};
    auto refuse = [&](RefusalCode code, std::string message, std::string version = {}, std::string basis = {}) {
        d.refusal = Refusal{code, std::move(message), std::move(version), std::move(basis)};
        return d;
    };
    if (auto over = refusal_when_over(c, "non si può registrarne il pagamento")) {
        d.refusal = std::move(over);
        return d;
    }
    const RegulationVersion* own = own_version(reg, c);
    const KindRule* rule = own_rule(reg, c, kind);
    if (!rule) {
        return refuse(RefusalCode::term_not_from_payment,
                      "la concessione " + c.deed_number + " è stata stipulata il " + to_italian(c.signed_on) +
                          " prima di ogni versione del regolamento: la sua durata non decorre dal pagamento");
    }
    const std::string start_basis = rule->term_start_basis.empty() ? rule->basis : rule->term_start_basis;
    if (rule->term_start != TermStart::payment) {
        return refuse(RefusalCode::term_not_from_payment,
                      "secondo la versione «" + own->name + "» la durata di " + k + " decorre " +
                          from_words(rule->term_start) + ", non dal pagamento (" + start_basis + ")",
                      own->name, start_basis);
    }
    if (c.started() || !c.term_years) {
        return refuse(RefusalCode::payment_recorded,
                      "il pagamento è già registrato: la durata decorre dal " + to_italian(c.term_start) +
                          (c.expires_on ? " e scade il " + to_italian(*c.expires_on) : std::string()),
                      own->name, start_basis);
    }
    if (req.paid_on < c.signed_on) {
        return refuse(RefusalCode::before_signing, "il pagamento (" + to_italian(req.paid_on) +
                                                       ") non può precedere la stipula dell'atto (" +
                                                       to_italian(c.signed_on) + ")");
    }
    if (req.paid_on > req.today) {
        return refuse(RefusalCode::after_today, "la data del pagamento " + to_italian(req.paid_on) + " è dopo oggi (" +
                                                    to_italian(req.today) +
                                                    "): un pagamento si registra una volta avvenuto");
    }
    TermRestart start;
    start.buried_on = req.paid_on;
    start.previous_start = c.term_start;
    start.new_start = req.paid_on;
    start.new_expiry = period_end(req.paid_on, *c.term_years, own->end_counting.value);
    start.version_name = own->name;
    start.basis = start_basis;
    start.event = TermEvent::payment;
    d.start = std::move(start);
    return d;
}

}  // namespace cemetery
