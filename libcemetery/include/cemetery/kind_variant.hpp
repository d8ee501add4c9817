#pragma once
// The rule a deed of a kind follows under a version of the regulation: the kind's
// ordinary rule, or the variant the deed was granted under ("loculo provvisorio":
// KindRule::variants). One place decides it for the term, renewals, burials and new
// concessions, so that a variant the version does not define is refused the same way
// everywhere, never read as the ordinary rule.

#include <cemetery/concession.hpp>
#include <cemetery/refusal.hpp>
#include <cemetery/regulation.hpp>

#include <optional>
#include <string>

namespace cemetery {

struct DeedRule {
    const KindRule* rule = nullptr;  // when found
    std::optional<Refusal> refusal;  // no rule for the kind, or the variant not on offer
    explicit operator bool() const { return rule != nullptr; }
};

// The version's rule for the kind, or for the deed's variant when it has one. Refused,
// in Italian and naming the version, when the version has no rule for the kind, or
// does not define the variant: the refusal lists the variants it offers for the kind.
[[nodiscard]] DeedRule rule_for_deed(const RegulationVersion& version, PlotKind kind,
                                     const std::optional<std::string>& variant);

// The version that gave a concession its term (by the name the deed records), and the
// deed's rule under it, its variant's when it has one: what a burial or a payment after
// the deed goes by. None when the file has no such version (a deed older than any).
[[nodiscard]] const RegulationVersion* own_version(const Regulation& regulation, const Concession& concession);
[[nodiscard]] const KindRule* own_rule(const Regulation& regulation, const Concession& concession, PlotKind kind);

// How a clerk reads a deed's variant: its nome ("loculo provvisorio") in the version
// that gave the deed its term, else in any version that defines it; its code when
// none does. Empty for a deed under the ordinary rule.
[[nodiscard]] std::string variant_name_of(const Regulation& regulation, const Concession& concession, PlotKind kind);

// "«provvisorio» (loculo provvisorio)", "«a» (x), «b» (y)": the variants a rule offers,
// as a refusal lists them; empty when it offers none.
[[nodiscard]] std::string variants_in_italian(const KindRule& rule);

}  // namespace cemetery
