#pragma once
// The term of a concession: when it starts, how long it lasts, when it expires, and
// why. Decided once, when the deed enters the register, by the version of the
// regulation in force for the comune on the signing date.

#include <cemetery/concession.hpp>
#include <cemetery/refusal.hpp>
#include <cemetery/regulation.hpp>

#include <optional>
#include <string_view>
#include <string>
#include <vector>

namespace cemetery {

// What a deed (or a register row) says about its term.
struct TermRequest {
    std::string comune;
    PlotKind kind = PlotKind::loculo;
    Date signed_on{};
    std::optional<Date> first_burial;  // where the term starts at the burial
    std::optional<Date> requested_on;  // where it starts at the request (may precede the signing)
    std::optional<Date> paid_on;       // where it starts at the payment
    std::optional<Date> died_on;       // where it starts at the death of the person it is for
    std::optional<Date> stated_term_start;  // the deed's own decorrenza, when it states one
    std::optional<int> stated_years;   // the deed's own term, if it states one
    std::optional<std::string> variant;  // the variant of the kind's rule the deed names (kind_variant.hpp)
    bool perpetual = false;
    std::optional<Date> stated_expiry;  // a legacy register's own expiry
};

// A term whose start is an event still to come (a burial, a death, a payment) is not
// started: it has its years but no expiry, and `term_start` is the signing, the day
// from which the place is held.
struct Term {
    Date term_start{};
    std::optional<int> years;  // none when perpetual
    bool perpetual = false;
    std::optional<Date> expires_on;  // none when perpetual or not started
    TermSource source = TermSource::deed;
    std::string version_name;  // the version in force on signing, if any
    std::string basis;         // the rule's source

    [[nodiscard]] bool started() const { return perpetual || expires_on.has_value(); }
};

struct TermDecision {
    std::optional<Term> term;
    std::optional<Refusal> refusal;
    std::vector<std::string> notices;  // accepted, but worth telling: "stated expiry differs ..."
    explicit operator bool() const { return term.has_value(); }
};

// Where the term starts (decorrenza): the version's rule for the kind, the burial for a
// legacy common-field turn, else the signing; a deed stating its own start keeps it.
// A start at the request needs the request's date, on or before the signing; a start
// at a burial, a death or a payment not yet known leaves the term not started.
// Rules, in order: a perpetual deed only up to the cut-off (DPR 803/1975); under a
// version, the version's term for the kind (a different stated term is refused);
// before any version, the deed's own term; never over the maximum period (DPR
// 285/1990 art. 92); a stated expiry is kept, and reported when it differs.
[[nodiscard]] TermDecision decide_term(const Regulation& regulation, const TermRequest& request);

// A register's own expiry kept over the one the term gives (a legacy renewal, say):
// the term takes it, its source becomes the stated expiry, and the notice says what
// the term gave. Nothing changes, and no notice, when they agree or the term is perpetual.
[[nodiscard]] std::optional<std::string> keep_stated_expiry(Term& term, Date stated);

// The terms a deed of the kind signed on the day may agree, shortest first: the
// version's choices ("30 o 40 anni"), or its one term, of the ordinary rule or of the
// deed's variant; empty when no version, rule or variant applies (decide_term then says
// why). What a form offers before it asks for a decision.
[[nodiscard]] std::vector<int> terms_on_offer(const Regulation& regulation, std::string_view comune, PlotKind kind,
                                              Date signed_on,
                                              const std::optional<std::string>& variant = std::nullopt);

// The variants of the kind's rule a deed signed on the day may be granted under
// (KindRule::variants of the version in force), by code; empty when none.
[[nodiscard]] std::vector<const KindRule*> variants_on_offer(const Regulation& regulation, std::string_view comune,
                                                             PlotKind kind, Date signed_on);

// Writes a decided term into a concession: start, years, perpetual, expiry and why.
void apply_term(Concession& concession, const Term& term);

// "expires 2030-02-28: signed 2000-02-29, loculo, 30 years, version Unione 2020",
// with each renewal after it; "perpetual: signed 1968-04-15, before 1976-02-10".
[[nodiscard]] std::string explain_expiry(const Concession& concession, PlotKind kind);
// The same in Italian, for what a clerk reads ("Perché" in `cemetery show`, the desktop's
// detail): "scade il 28/02/2030: stipulata il 29/02/2000, loculo, 30 anni, versione
// «Unione 2020» del regolamento".
[[nodiscard]] std::string explain_expiry_in_italian(const Concession& concession, PlotKind kind);

}  // namespace cemetery
