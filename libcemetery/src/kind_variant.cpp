#include <cemetery/kind_variant.hpp>

namespace cemetery {

std::string variants_in_italian(const KindRule& rule) {
    std::string out;
    for (const auto& v : rule.variants) {
        out += (out.empty() ? "" : ", ") + std::string("«") + v.variant + "» (" + v.variant_name + ")";
    }
    return out;
}

std::string variant_name_of(const Regulation& reg, const Concession& c, PlotKind kind) {
    if (!c.variant) return {};
    const KindRule* found = nullptr;
    for (const auto& v : reg.versions) {
        const KindRule* ordinary = v.rule_for(kind);
        const KindRule* rule = ordinary ? ordinary->variant_rule(*c.variant) : nullptr;
        if (rule && (!found || v.name == c.version_name)) found = rule;
    }
    return found ? found->variant_name : *c.variant;
}

DeedRule rule_for_deed(const RegulationVersion& version, PlotKind kind, const std::optional<std::string>& variant) {
    DeedRule d;
    const std::string k{italian_name(kind)};
    const KindRule* ordinary = version.rule_for(kind);
    if (!ordinary) {
        d.refusal = Refusal{RefusalCode::no_rule_for_kind,
                            "la versione «" + version.name + "» non ha una regola per " + k, version.name,
                            version.basis};
        return d;
    }
    if (!variant) {
        d.rule = ordinary;
        return d;
    }
    if (const KindRule* v = ordinary->variant_rule(*variant)) {
        d.rule = v;
        return d;
    }
    // Never the ordinary rule in its place: the deed was granted under other terms.
    const std::string offered = variants_in_italian(*ordinary);
    d.refusal = Refusal{RefusalCode::variant_not_offered,
                        "la versione «" + version.name + "» non prevede la variante «" + *variant + "» per " + k +
                            (offered.empty() ? ": per " + k + " prevede solo la regola ordinaria"
                                             : ": prevede " + offered) +
                            " (" + ordinary->basis + ")",
                        version.name, ordinary->basis};
    return d;
}

const RegulationVersion* own_version(const Regulation& regulation, const Concession& concession) {
    if (concession.version_name.empty()) return nullptr;
    for (const auto& v : regulation.versions) {
        if (v.name == concession.version_name) return &v;
    }
    return nullptr;
}

const KindRule* own_rule(const Regulation& regulation, const Concession& concession, PlotKind kind) {
    const RegulationVersion* own = own_version(regulation, concession);
    return own ? rule_for_deed(*own, kind, concession.variant).rule : nullptr;
}

}  // namespace cemetery
