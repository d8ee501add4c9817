#include <cemetery/law.hpp>
#include <cemetery/regulation_loader.hpp>
#include <cemetery/text.hpp>

#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <unistd.h>

namespace cemetery {

std::string RegulationError::to_string() const {
    std::string out = file;
    if (line > 0) {
        out += ":" + std::to_string(line);
        if (column > 0) out += ":" + std::to_string(column);
    }
    return out + ": " + message;
}

RegulationFileError::RegulationFileError(RegulationError error)
    : std::runtime_error(error.to_string()), error_(std::move(error)) {}

namespace {

// Thrown inside the loader only, turned into a RegulationLoad at the boundary.
struct Invalid {
    RegulationError error;
};

// Walks the parsed document, refusing unknown keys, missing fields and bad values
// with the line they are on.
class Reader {
public:
    explicit Reader(std::string file) : file_(std::move(file)) {}

    [[noreturn]] void fail(const toml::source_region& where, std::string message) const {
        throw Invalid{RegulationError{file_, static_cast<int>(where.begin.line),
                                      static_cast<int>(where.begin.column), std::move(message)}};
    }

    void only_keys(const toml::table& table, std::initializer_list<std::string_view> allowed,
                   std::string_view what) const {
        only_keys(table, std::vector<std::string_view>(allowed), what);
    }

    void only_keys(const toml::table& table, const std::vector<std::string_view>& allowed, std::string_view what) const {
        for (auto&& [key, node] : table) {
            if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
                // What was expected, so a misspelt key can be put right from the message.
                std::string expected;
                for (auto k : allowed) expected += (expected.empty() ? "" : ", ") + std::string(k);
                fail(key.source(), "unknown key \"" + std::string(key.str()) + "\" in " + std::string(what) +
                                       " (expected: " + expected + ")");
            }
        }
    }

    const toml::node& need(const toml::table& table, std::string_view key, std::string_view what) const {
        const toml::node* node = table.get(key);
        if (!node) fail(table.source(), "missing field \"" + std::string(key) + "\" in " + std::string(what));
        return *node;
    }

    std::string text(const toml::table& table, std::string_view key, std::string_view what) const {
        const toml::node& node = need(table, key, what);
        auto value = node.value<std::string>();
        if (!value || value->empty()) fail(node.source(), "\"" + std::string(key) + "\" must be a non-empty text");
        return *value;
    }

    Date day(const toml::node& node, std::string_view key) const {
        const auto* d = node.as_date();
        if (!d) fail(node.source(), "\"" + std::string(key) + "\" must be a date such as 2021-01-01");
        const toml::date v = d->get();
        Date result{date::year{v.year}, date::month{v.month}, date::day{v.day}};
        if (!result.ok()) fail(node.source(), "\"" + std::string(key) + "\" is not a real day");
        return result;
    }

    Date day(const toml::table& table, std::string_view key, std::string_view what) const {
        return day(need(table, key, what), key);
    }

    int count(const toml::node& node, std::string_view key, int min) const {
        auto v = node.value_exact<std::int64_t>();
        if (!v) fail(node.source(), "\"" + std::string(key) + "\" must be a whole number");
        if (*v < min) fail(node.source(), "\"" + std::string(key) + "\" must be at least " + std::to_string(min));
        if (*v > 100000) fail(node.source(), "\"" + std::string(key) + "\" is " + std::to_string(*v) + ": far too large");
        return static_cast<int>(*v);
    }

    int count(const toml::table& table, std::string_view key, std::string_view what, int min) const {
        return count(need(table, key, what), key, min);
    }

    // A period in years: at least 1 and at most the file's durata_massima_anni (N5).
    int period(const toml::table& table, std::string_view key, std::string_view what, int max_years,
               std::string_view max_basis) const {
        return period(need(table, key, what), key, max_years, max_basis);
    }

    int period(const toml::node& node, std::string_view key, int max_years, std::string_view max_basis) const {
        const int years = count(node, key, 1);
        if (years > max_years) {
            fail(node.source(), "\"" + std::string(key) + "\" is " + std::to_string(years) +
                                    " years: over the maximum of " + std::to_string(max_years) + " years (" +
                                    std::string(max_basis) + ")");
        }
        return years;
    }

    const toml::table& table_at(const toml::node& node, std::string_view what) const {
        const auto* t = node.as_table();
        if (!t) fail(node.source(), std::string(what) + " must be a table");
        return *t;
    }

private:
    std::string file_;
};

// A flag of the kind's table and its source: the source is required when the flag
// is set, and refused when it is not.
RuleFlag read_flag(const Reader& r, const toml::table& t, std::string_view key, const std::string& what) {
    RuleFlag flag;
    const std::string basis_key = std::string(key) + "_fonte";
    if (const auto* node = t.get(key)) {
        const auto value = node->value_exact<bool>();
        if (!value) r.fail(node->source(), "\"" + std::string(key) + "\" must be true or false");
        flag.on = *value;
    }
    if (flag.on) {
        // Named on the flag's own line: that is where the source is missing.
        if (!t.get(basis_key)) r.fail(t.get(key)->source(), "\"" + std::string(key) + "\" needs \"" + basis_key + "\" in " + what);
        flag.basis = r.text(t, basis_key, what);
    } else if (const auto* extra = t.get(basis_key)) {
        r.fail(extra->source(), "\"" + basis_key + "\" given but \"" + std::string(key) + "\" is not true in " + what);
    }
    return flag;
}

// capienza = { feretri = 1, cassette = 1, urne = 1, fonte = "..." }
void read_life_rules(const Reader& r, const toml::table& t, const std::string& what, KindRule& rule) {
    if (const auto* node = t.get("capienza")) {
        const std::string what_c = what + ", \"capienza\"";
        const toml::table& c = r.table_at(*node, what_c);
        r.only_keys(c, {"feretri", "cassette", "urne", "fonte"}, what_c);
        Capacity capacity;
        capacity.coffins = r.count(r.need(c, "feretri", what_c), "feretri", 0);
        capacity.boxes = c.get("cassette") ? r.count(*c.get("cassette"), "cassette", 0) : 0;
        capacity.urns = c.get("urne") ? r.count(*c.get("urne"), "urne", 0) : 0;
        if (capacity.coffins + capacity.boxes + capacity.urns == 0) {
            r.fail(node->source(), what_c + " holds nothing: at least one coffin, box or urn is needed");
        }
        capacity.basis = r.text(c, "fonte", what_c);
        rule.capacity = capacity;
    }
    rule.granted_only_at_death = read_flag(r, t, "solo_al_decesso", what);
    if (const auto* node = t.get("in_vita_da_anni")) {
        // in_vita_da_anni = { anni = 65, nell_anno = true, fonte = "..." }
        const std::string what_a = what + ", \"in_vita_da_anni\"";
        const toml::table& a = r.table_at(*node, what_a);
        r.only_keys(a, {"anni", "nell_anno", "fonte"}, what_a);
        LivingApplicantAge age;
        const toml::node& years = r.need(a, "anni", what_a);
        age.years = r.count(years, "anni", 1);
        // Not a rule of any comune: a slip of the keyboard that no applicant could meet.
        if (age.years > 120) r.fail(years.source(), "\"anni\" is " + std::to_string(age.years) + ": no applicant is that old");
        if (const auto* in_year = a.get("nell_anno")) {
            const auto value = in_year->value_exact<bool>();
            if (!value) r.fail(in_year->source(), "\"nell_anno\" must be true or false");
            age.in_the_year = *value;
        }
        age.basis = r.text(a, "fonte", what_a);
        rule.granted_in_life_from_age = age;
    }
    rule.term_restarts_at_burial = read_flag(r, t, "riparte_alla_sepoltura", what);
    // proroga_a_ogni_sepoltura = { rinunciabile = true, fonte = "..." }
    if (const auto* node = t.get("proroga_a_ogni_sepoltura")) {
        const std::string what_p = what + ", \"proroga_a_ogni_sepoltura\"";
        const toml::table& p = r.table_at(*node, what_p);
        r.only_keys(p, {"rinunciabile", "fonte"}, what_p);
        BurialExtension& e = rule.extends_at_every_burial;
        e.on = true;
        if (const auto* declinable = p.get("rinunciabile")) {
            const auto value = declinable->value<bool>();
            if (!value) r.fail(declinable->source(), "\"rinunciabile\" must be true or false in " + what_p);
            e.declinable = *value;
        }
        e.basis = r.text(p, "fonte", what_p);
        // The extension already counts every burial: a restart from the second one on
        // beside it would say the same thing twice, or contradict it.
        if (rule.term_restarts_at_burial.on) {
            r.fail(node->source(), "\"proroga_a_ogni_sepoltura\" and \"riparte_alla_sepoltura\" cannot both be set in " +
                                       what + ": the extension already counts every burial, the first included");
        }
    }
}

// A period, or a list of them: durata_anni = 30, or durata_anni = [30, 40].
std::vector<int> read_periods(const Reader& r, const toml::node& node, std::string_view key, const Regulation& reg) {
    std::vector<int> years;
    if (const auto* list = node.as_array()) {
        if (list->empty()) r.fail(node.source(), "\"" + std::string(key) + "\" must list at least one period in years");
        for (const auto& item : *list) {
            years.push_back(r.period(item, key, reg.max_period_years.value, reg.max_period_years.basis));
        }
    } else {
        years.push_back(r.period(node, key, reg.max_period_years.value, reg.max_period_years.basis));
    }
    return years;
}

// frazione_rinnovo = "1/2": each renewal lasts that fraction of the deed's own term;
// frazione_della_concessione = "2/3": a renewal costs that share of the concession.
RenewalLength read_fraction(const Reader& r, const toml::node& node, std::string_view key = "frazione_rinnovo",
                            std::string_view of_what = "the term") {
    const auto text = node.value<std::string>();
    const std::string bad = "\"" + std::string(key) + "\" must be a fraction of " + std::string(of_what) +
                            " such as \"1/2\" or \"2/3\"";
    if (!text) r.fail(node.source(), bad);
    const auto slash = text->find('/');
    const auto number = [](const std::string& x) {
        return !x.empty() && x.size() <= 3 && std::all_of(x.begin(), x.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (slash == std::string::npos || !number(text->substr(0, slash)) || !number(text->substr(slash + 1))) {
        r.fail(node.source(), bad);
    }
    RenewalLength length;
    length.numerator = std::stoi(text->substr(0, slash));
    length.denominator = std::stoi(text->substr(slash + 1));
    if (length.numerator < 1 || length.denominator < 1 || length.numerator > length.denominator) {
        r.fail(node.source(), "\"" + std::string(key) + "\" must be a fraction between 0 and 1, such as \"1/2\"");
    }
    return length;
}

// rinnovi = 1 for every term, or one count per term on offer in the order durata_anni
// lists them: rinnovi = [1, 0] beside durata_anni = [30, 50] ("la trentennale
// rinnovabile una volta, la cinquantennale no").
void read_renewal_count(const Reader& r, const toml::table& t, const std::string& what,
                        const std::vector<int>& terms_as_written, KindRule& rule) {
    const toml::node& node = r.need(t, "rinnovi", what);
    if (const auto text = node.value<std::string>()) {
        // rinnovi = "non_indicati": the page gives the term only.
        if (*text != "non_indicati") {
            r.fail(node.source(), "\"rinnovi\" must be a whole number, a list of them (one per term), or "
                                  "\"non_indicati\" where the text does not say");
        }
        rule.renewals_not_stated = true;
        return;
    }
    const auto* list = node.as_array();
    if (!list) {
        rule.renewals_allowed = r.count(node, "rinnovi", 0);
        return;
    }
    if (terms_as_written.size() < 2) {
        r.fail(node.source(), "\"rinnovi\" lists a count per term but \"durata_anni\" offers one term in " + what +
                                  ": give one number");
    }
    if (list->size() != terms_as_written.size()) {
        r.fail(node.source(), "\"rinnovi\" lists " + std::to_string(list->size()) + " counts but \"durata_anni\" offers " +
                                  std::to_string(terms_as_written.size()) + " terms in " + what +
                                  ": one count for each term, in the same order");
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const int n = r.count(*list->get(i), "rinnovi", 0);
        rule.renewals_per_term[terms_as_written[i]] = n;
        rule.renewals_allowed = std::max(rule.renewals_allowed, n);
    }
}

// rinnovi, and how long each lasts: anni_rinnovo = 10 (each), anni_rinnovo = [20, 10]
// (one period per renewal), or frazione_rinnovo = "1/2" (of the deed's own term).
void read_renewals(const Reader& r, const toml::table& t, const std::string& what, const Regulation& reg,
                   const std::vector<int>& terms_as_written, KindRule& rule) {
    read_renewal_count(r, t, what, terms_as_written, rule);
    const auto* years = t.get("anni_rinnovo");
    const auto* fraction = t.get("frazione_rinnovo");
    if (rule.renewals_not_stated) {
        // Nothing about renewals is known: no key may say more than the text does.
        for (const char* key : {"anni_rinnovo", "frazione_rinnovo", "finestra_rinnovo", "rinnovo_fino_a_anni_dalla_sepoltura"}) {
            if (const auto* extra = t.get(key)) {
                r.fail(extra->source(), "\"" + std::string(key) + "\" given but \"rinnovi\" is \"non_indicati\" in " + what);
            }
        }
        return;
    }
    if (rule.renewals_allowed == 0) {
        if (const auto* cap = t.get("rinnovo_fino_a_anni_dalla_sepoltura")) {
            r.fail(cap->source(), "\"rinnovo_fino_a_anni_dalla_sepoltura\" given but \"rinnovi\" is 0 in " + what);
        }
        if (years) r.fail(years->source(), "\"anni_rinnovo\" given but \"rinnovi\" is 0 in " + what);
        if (fraction) r.fail(fraction->source(), "\"frazione_rinnovo\" given but \"rinnovi\" is 0 in " + what);
        return;
    }
    const auto* burial_cap = t.get("rinnovo_fino_a_anni_dalla_sepoltura");
    if (burial_cap) {
        // rinnovo_fino_a_anni_dalla_sepoltura = { anni = 20, fonte = "..." }
        const std::string what_b = what + ", \"rinnovo_fino_a_anni_dalla_sepoltura\"";
        const toml::table& b = r.table_at(*burial_cap, what_b);
        r.only_keys(b, {"anni", "fonte"}, what_b);
        const int cap = r.period(b, "anni", what_b, reg.max_period_years.value, reg.max_period_years.basis);
        rule.renewal_until_years_after_burial = Setting<int>{cap, r.text(b, "fonte", what_b)};
    }
    if (years && fraction) {
        r.fail(fraction->source(), "\"anni_rinnovo\" and \"frazione_rinnovo\" both given in " + what +
                                       ": a renewal lasts either fixed years or a fraction of the term");
    }
    if (const auto text = years ? years->value<std::string>() : std::nullopt) {
        // anni_rinnovo = "non_indicata": "rinnovabile per 2 volte", for how long the text does not say.
        if (*text != "non_indicata") {
            r.fail(years->source(), "\"anni_rinnovo\" must be years, a list of them (one per renewal), or "
                                    "\"non_indicata\" where the text does not say");
        }
        if (burial_cap) {
            r.fail(burial_cap->source(), "\"rinnovo_fino_a_anni_dalla_sepoltura\" given but \"anni_rinnovo\" is "
                                         "\"non_indicata\" in " + what);
        }
        rule.renewal_length_not_stated = true;
        return;
    }
    if (fraction) {
        rule.renewal = read_fraction(r, *fraction);
        // Whole years, rounded down: a fraction too small for a term on offer would
        // give a renewal that adds nothing.
        const std::vector<int> terms = rule.term_choices.empty() ? std::vector<int>{rule.term_years} : rule.term_choices;
        for (int term : terms) {
            if (rule.renewals_for(term).value_or(0) > 0 && rule.renewal.for_renewal(0, term) < 1) {
                r.fail(fraction->source(), "\"frazione_rinnovo\" \"" + std::to_string(rule.renewal.numerator) + "/" +
                                               std::to_string(rule.renewal.denominator) + "\" of a " +
                                               std::to_string(term) + "-year term is less than a year in " + what);
            }
        }
        return;
    }
    if (!years) {
        // The years the last burial needs are then the renewal's whole length.
        if (burial_cap) return;
        r.fail(t.source(), "missing field \"anni_rinnovo\" (or \"frazione_rinnovo\", or "
                           "\"rinnovo_fino_a_anni_dalla_sepoltura\") in " + what);
    }
    rule.renewal.years = read_periods(r, *years, "anni_rinnovo", reg);
    if (rule.renewal.years.size() > 1 && static_cast<int>(rule.renewal.years.size()) != rule.renewals_allowed) {
        r.fail(years->source(), "\"anni_rinnovo\" lists " + std::to_string(rule.renewal.years.size()) +
                                    " periods but \"rinnovi\" is " + std::to_string(rule.renewals_allowed) +
                                    (rule.renewals_per_term.empty() ? "" : " at most") + " in " + what +
                                    ": one period for every renewal, or one for all");
    }
}

// finestra_rinnovo = { mesi_prima = 12, mesi_dopo = 6, non_dopo_affissione = true, fonte = "..." }
// or { solo_dopo_scadenza = true, ... }: when a renewal may be asked for.
RenewalWindow read_window(const Reader& r, const toml::node& node, const std::string& what, const KindRule& rule,
                          const Regulation& reg) {
    const std::string what_w = what + ", \"finestra_rinnovo\"";
    const toml::table& w = r.table_at(node, what_w);
    r.only_keys(w, {"mesi_prima", "solo_dopo_scadenza", "mesi_dopo", "non_dopo_affissione", "fonte"}, what_w);
    if (rule.renewals_allowed == 0) r.fail(node.source(), "\"finestra_rinnovo\" given but \"rinnovi\" is 0 in " + what);
    RenewalWindow window;
    const auto flag = [&](std::string_view key) {
        const auto* n = w.get(key);
        if (!n) return false;
        const auto value = n->value_exact<bool>();
        if (!value) r.fail(n->source(), "\"" + std::string(key) + "\" must be true or false");
        return *value;
    };
    // Months, bounded by the longest period: a window longer than any term means nothing.
    const auto months = [&](std::string_view key) -> std::optional<int> {
        const auto* n = w.get(key);
        if (!n) return std::nullopt;
        const int m = r.count(*n, key, 0);
        if (m > 12 * reg.max_period_years.value) {
            r.fail(n->source(), "\"" + std::string(key) + "\" is " + std::to_string(m) + " months, longer than " +
                                    std::to_string(reg.max_period_years.value) + " years (" +
                                    reg.max_period_years.basis + ")");
        }
        return m;
    };
    window.months_before = months("mesi_prima");
    window.only_after_expiry = flag("solo_dopo_scadenza");
    window.months_after = months("mesi_dopo");
    window.closes_at_posting = flag("non_dopo_affissione");
    if (window.months_before && window.only_after_expiry) {
        r.fail(w.get("solo_dopo_scadenza")->source(),
               "\"mesi_prima\" and \"solo_dopo_scadenza\" both given in " + what_w + ": the window opens one way");
    }
    if (!window.months_before && !window.only_after_expiry && !window.months_after && !window.closes_at_posting) {
        r.fail(node.source(), what_w + " bounds nothing: give \"mesi_prima\", \"solo_dopo_scadenza\", \"mesi_dopo\" "
                              "or \"non_dopo_affissione\"");
    }
    window.basis = r.text(w, "fonte", what_w);
    return window;
}

// The keys of a rule for a kind: the kind's ordinary rule and each of its variants
// take them all; `own_key` is the one key of its own each has ("varianti", "nome").
KindRule read_rule(const Reader& r, PlotKind kind, const toml::table& t, const std::string& what,
                   const Regulation& reg, std::string_view own_key) {
    r.only_keys(t,
                {"durata_anni", "rinnovi", "anni_rinnovo", "frazione_rinnovo", "finestra_rinnovo", "decorrenza", "fonte", "capienza",
                 "solo_al_decesso", "solo_al_decesso_fonte", "in_vita_da_anni", "riparte_alla_sepoltura",
                 "riparte_alla_sepoltura_fonte", "rinnovo_fino_a_anni_dalla_sepoltura", "decorrenza_fonte",
                 "proroga_a_ogni_sepoltura", own_key},
                what);
    KindRule rule;
    rule.kind = kind;
    const toml::node& term = r.need(t, "durata_anni", what);
    const std::vector<int> terms_as_written = read_periods(r, term, "durata_anni", reg);
    std::vector<int> terms = terms_as_written;
    std::sort(terms.begin(), terms.end());
    if (std::adjacent_find(terms.begin(), terms.end()) != terms.end()) {
        r.fail(term.source(), "\"durata_anni\" lists a period twice in " + what);
    }
    rule.term_years = terms.front();
    if (terms.size() > 1) rule.term_choices = terms;
    read_renewals(r, t, what, reg, terms_as_written, rule);
    if (const auto* window = t.get("finestra_rinnovo")) rule.renewal_window = read_window(r, *window, what, rule, reg);
    const toml::node& start = r.need(t, "decorrenza", what);
    const auto start_text = start.value<std::string>();
    bool known = false;
    for (TermStart s : {TermStart::signing, TermStart::burial, TermStart::request, TermStart::payment, TermStart::death}) {
        if (start_text == italian_code(s)) {
            rule.term_start = s;
            known = true;
        }
    }
    if (!known) {
        r.fail(start.source(), "\"decorrenza\" must be \"stipula\", \"sepoltura\", \"richiesta\", \"pagamento\" or "
                               "\"decesso\"");
    }
    // The starts this file has always known share the kind's source; the others say their own.
    const bool own_source = rule.term_start != TermStart::signing && rule.term_start != TermStart::burial;
    if (own_source) {
        if (!t.get("decorrenza_fonte")) {
            r.fail(start.source(), "\"decorrenza\" = \"" + std::string(italian_code(rule.term_start)) +
                                       "\" needs \"decorrenza_fonte\" in " + what);
        }
        rule.term_start_basis = r.text(t, "decorrenza_fonte", what);
    } else if (const auto* extra = t.get("decorrenza_fonte")) {
        r.fail(extra->source(), "\"decorrenza_fonte\" is for \"richiesta\", \"pagamento\" or \"decesso\"; \"" +
                                    std::string(italian_code(rule.term_start)) + "\" takes the kind's \"fonte\" in " + what);
    }
    rule.basis = r.text(t, "fonte", what);
    read_life_rules(r, t, what, rule);
    return rule;
}

// A kind's ordinary rule, and its variants: [versione.tipi.loculo.varianti.provvisorio]
// with nome = "loculo provvisorio" and every key a kind's rule takes, read as one.
KindRule read_kind_rule(const Reader& r, PlotKind kind, const toml::table& t, const std::string& what,
                        const Regulation& reg) {
    KindRule rule = read_rule(r, kind, t, what, reg, "varianti");
    const auto* node = t.get("varianti");
    if (!node) return rule;
    const std::string what_vs = what + ", \"varianti\"";
    const toml::table& variants = r.table_at(*node, what_vs);
    if (variants.empty()) r.fail(node->source(), what_vs + " lists no variant");
    for (auto&& [key, variant_node] : variants) {
        const std::string code{key.str()};
        if (!is_variant_code(code)) {
            r.fail(key.source(), "variant code \"" + code + "\" in " + what_vs +
                                     " must be a lowercase identifier such as \"provvisorio\" (a-z, 0-9 and _, a "
                                     "letter first)");
        }
        const std::string what_v = what + ", variant " + code;
        const toml::table& v = r.table_at(variant_node, what_v);
        KindRule variant = read_rule(r, kind, v, what_v, reg, "nome");
        variant.variant = code;
        variant.variant_name = r.text(v, "nome", what_v);
        for (const auto& other : rule.variants) {
            if (fold(other.variant_name) == fold(variant.variant_name)) {
                r.fail(v.get("nome")->source(), "variants \"" + other.variant + "\" and \"" + code + "\" of " + what +
                                                    " have the same \"nome\": a clerk could not tell them apart");
            }
        }
        rule.variants.push_back(std::move(variant));
    }
    std::sort(rule.variants.begin(), rule.variants.end(),
              [](const KindRule& a, const KindRule& b) { return a.variant < b.variant; });
    return rule;
}

// scadenza = "giorno_prima" (or "stesso_giorno", the civil-code count, the default)
// with scadenza_fonte: how the last day of the version's periods is counted.
Setting<EndCounting> read_end_counting(const Reader& r, const toml::table& t, const std::string& what) {
    Setting<EndCounting> counting{EndCounting::same_day, {}};
    const auto* node = t.get("scadenza");
    if (!node) {
        if (const auto* extra = t.get("scadenza_fonte")) {
            r.fail(extra->source(), "\"scadenza_fonte\" given without \"scadenza\" in " + what);
        }
        return counting;
    }
    const auto text = node->value<std::string>();
    if (text == "giorno_prima") {
        counting.value = EndCounting::day_before;
    } else if (text != "stesso_giorno") {
        r.fail(node->source(), "\"scadenza\" must be \"stesso_giorno\" (the anniversary, codice civile art. 2963) "
                               "or \"giorno_prima\" (the day before the anniversary)");
    }
    // Named on the key's own line: that is where the source is missing.
    if (!t.get("scadenza_fonte")) r.fail(node->source(), "\"scadenza\" needs \"scadenza_fonte\" in " + what);
    counting.basis = r.text(t, "scadenza_fonte", what);
    return counting;
}

RegulationVersion read_version(const Reader& r, const toml::table& t, const Regulation& reg) {
    RegulationVersion v;
    const std::string what_v = "[[versione]]";
    r.only_keys(t,
                {"nome", "in_vigore_dal", "in_vigore_al", "comuni", "fino_al_per_comune", "scadenza", "scadenza_fonte",
                 "fonte", "tipi"},
                what_v);
    v.name = r.text(t, "nome", what_v);
    const std::string what = "version \"" + v.name + "\"";
    v.in_force_from = r.day(t, "in_vigore_dal", what);
    if (const auto* until = t.get("in_vigore_al")) {
        v.in_force_until = r.day(*until, "in_vigore_al");
        if (*v.in_force_until < v.in_force_from) r.fail(until->source(), "\"in_vigore_al\" is before \"in_vigore_dal\"");
    }
    v.basis = r.text(t, "fonte", what);
    v.end_counting = read_end_counting(r, t, what);
    if (const auto* comuni = t.get("comuni")) {
        const auto* list = comuni->as_array();
        if (!list || list->empty()) r.fail(comuni->source(), "\"comuni\" must be a non-empty list of names");
        for (const auto& item : *list) {
            auto name = item.value<std::string>();
            if (!name || name->empty()) r.fail(item.source(), "\"comuni\" must hold names of comuni");
            v.comuni.push_back(*name);
        }
    }
    if (const auto* until = t.get("fino_al_per_comune")) {
        for (auto&& [key, node] : r.table_at(*until, "\"fino_al_per_comune\"")) {
            const std::string comune{key.str()};
            if (!v.comuni.empty() && !v.names_comune(comune)) {
                r.fail(key.source(), "\"" + comune + "\" is not among the comuni of " + what);
            }
            const Date last = r.day(node, comune);
            if (last < v.in_force_from) r.fail(node.source(), "end for \"" + comune + "\" is before \"in_vigore_dal\"");
            v.until_for_comune[fold(comune)] = last;
        }
    }
    const toml::node& kinds_node = r.need(t, "tipi", what);
    const toml::table& kinds = r.table_at(kinds_node, "\"tipi\"");
    if (kinds.empty()) r.fail(kinds_node.source(), what + " has no plot kinds");
    for (auto&& [key, node] : kinds) {
        const auto kind = plot_kind_from_code(key.str());
        if (!kind) {
            std::string known;
            for (PlotKind k : all_plot_kinds) known += (known.empty() ? "" : ", ") + std::string(code(k));
            r.fail(key.source(), "unknown plot kind \"" + std::string(key.str()) + "\" (known: " + known + ")");
        }
        const std::string what_k = what + ", kind " + std::string(key.str());
        v.rules.emplace(*kind, read_kind_rule(r, *kind, r.table_at(node, what_k), what_k, reg));
    }
    return v;
}

std::int64_t read_euro_cents(const Reader& r, const toml::node& node) {
    auto value = node.value<std::string>();
    const std::string bad = "\"importo\" must be an amount in euro as text, such as \"450.00\"";
    if (!value || value->empty()) r.fail(node.source(), bad);
    std::string s = *value;
    std::replace(s.begin(), s.end(), ',', '.');
    const auto dot = s.find('.');
    const std::string units = s.substr(0, dot);
    const std::string decimals = dot == std::string::npos ? "00" : s.substr(dot + 1);
    const auto digits = [](const std::string& x) {
        return !x.empty() && std::all_of(x.begin(), x.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!digits(units) || !digits(decimals) || decimals.size() > 2 || units.size() > 12) r.fail(node.source(), bad);
    return std::stoll(units) * 100 + std::stoll(decimals.size() == 1 ? decimals + "0" : decimals);
}

// [[tariffa]]: comune = "..." (or comuni = [...]), tipo, voce, durata_anni (optional: one
// term only), importo = "450.00" (or, for a renewal, frazione_della_concessione = "2/3"),
// dal, fonte.
Tariff read_tariff(const Reader& r, const toml::table& t, const Regulation& reg) {
    const std::string what = "[[tariffa]]";
    r.only_keys(t, {"comune", "comuni", "tipo", "voce", "durata_anni", "importo", "frazione_della_concessione", "dal",
                    "fonte"},
                what);
    Tariff tariff;
    if (t.get("comune") && t.get("comuni")) {
        r.fail(t.get("comuni")->source(), "\"comune\" and \"comuni\" both given in " + what + ": give one of them");
    }
    if (const auto* comuni = t.get("comuni")) {
        const auto* list = comuni->as_array();
        if (!list || list->empty()) r.fail(comuni->source(), "\"comuni\" must be a non-empty list of names");
        for (const auto& item : *list) {
            auto name = item.value<std::string>();
            if (!name || name->empty()) r.fail(item.source(), "\"comuni\" must hold names of comuni");
            tariff.comuni.push_back(*name);
        }
    } else {
        if (!t.get("comune")) r.fail(t.source(), "missing field \"comune\" (or \"comuni\") in " + what);
        tariff.comuni.push_back(r.text(t, "comune", what));
    }
    const toml::node& kind_node = r.need(t, "tipo", what);
    const auto kind = plot_kind_from_code(kind_node.value<std::string>().value_or(""));
    if (!kind) r.fail(kind_node.source(), "unknown plot kind in \"tipo\"");
    tariff.kind = *kind;
    const toml::node& item = r.need(t, "voce", what);
    const auto item_text = item.value<std::string>();
    if (item_text == "concessione") {
        tariff.item = TariffItem::concession;
    } else if (item_text == "rinnovo") {
        tariff.item = TariffItem::renewal;
    } else {
        r.fail(item.source(), "\"voce\" must be \"concessione\" or \"rinnovo\"");
    }
    if (const auto* term = t.get("durata_anni")) {
        tariff.term_years = r.period(*term, "durata_anni", reg.max_period_years.value, reg.max_period_years.basis);
    }
    const auto* amount = t.get("importo");
    const auto* share = t.get("frazione_della_concessione");
    if (amount && share) {
        r.fail(share->source(), "\"importo\" and \"frazione_della_concessione\" both given in " + what +
                                    ": a tariff is an amount or a share of the concession tariff");
    }
    if (share) {
        if (tariff.item != TariffItem::renewal) {
            r.fail(share->source(), "\"frazione_della_concessione\" is for voce = \"rinnovo\" only");
        }
        const RenewalLength f = read_fraction(r, *share, "frazione_della_concessione", "the concession tariff");
        tariff.of_concession = Share{f.numerator, f.denominator};
    } else {
        if (!amount) r.fail(t.source(), "missing field \"importo\" (or \"frazione_della_concessione\") in " + what);
        tariff.cents = read_euro_cents(r, *amount);
    }
    tariff.from = r.day(t, "dal", what);
    tariff.basis = r.text(t, "fonte", what);
    return tariff;
}

// Two tariffs of one reach (a comune, kind, item and term, or every term) starting on
// the same day: which one is in force would depend on their order in the file.
void check_tariffs(const Reader& r, const Regulation& reg, const toml::array& tables) {
    const auto& list = reg.tariffs;
    for (std::size_t i = 0; i < list.size(); ++i) {
        for (std::size_t j = i + 1; j < list.size(); ++j) {
            const Tariff& a = list[i];
            const Tariff& b = list[j];
            if (a.kind != b.kind || a.item != b.item || a.term_years != b.term_years || a.from != b.from) continue;
            for (const auto& c : b.comuni) {
                if (!a.covers(c)) continue;
                r.fail(tables[j].source(),
                       "two [[tariffa]] entries for " + c + ", " + std::string(code(a.kind)) + ", " +
                           (a.item == TariffItem::concession ? "concessione" : "rinnovo") +
                           (a.term_years ? ", " + std::to_string(*a.term_years) + " anni" : std::string()) +
                           " from " + to_iso(a.from) + " (the other on line " +
                           std::to_string(tables[i].source().begin.line) +
                           "): which one is in force must not depend on their order");
            }
        }
    }
}

// [[perpetue]]: comuni = [...], tipi = [...], fino_al = 1979-06-06, leggi_come_anni = 99, fonte
PerpetualCutoff read_perpetual_cutoff(const Reader& r, const toml::table& t, const Regulation& reg) {
    const std::string what = "[[perpetue]]";
    r.only_keys(t, {"comuni", "tipi", "fino_al", "leggi_come_anni", "fonte"}, what);
    PerpetualCutoff cutoff;
    const auto names = [&](std::string_view key) {
        std::vector<std::string> out;
        const auto* node = t.get(key);
        if (!node) return out;
        const auto* list = node->as_array();
        if (!list || list->empty()) r.fail(node->source(), "\"" + std::string(key) + "\" must be a non-empty list");
        for (const auto& item : *list) {
            auto name = item.value<std::string>();
            if (!name || name->empty()) r.fail(item.source(), "\"" + std::string(key) + "\" must hold names");
            out.push_back(*name);
        }
        return out;
    };
    cutoff.comuni = names("comuni");
    for (const auto& k : names("tipi")) {
        const auto kind = plot_kind_from_code(k);
        if (!kind) r.fail(t.get("tipi")->source(), "unknown plot kind \"" + k + "\" in \"tipi\" of " + what);
        cutoff.kinds.push_back(*kind);
    }
    const toml::node& until = r.need(t, "fino_al", what);
    cutoff.until = r.day(until, "fino_al");
    if (cutoff.until >= law::fixed_term_from) {
        r.fail(until.source(), "\"fino_al\" is " + to_iso(cutoff.until) + ": no deed signed from " +
                                   to_iso(law::fixed_term_from) + " on can be perpetual (" +
                                   std::string(law::fixed_term_basis) + ")");
    }
    if (const auto* years = t.get("leggi_come_anni")) {
        cutoff.read_as_years = r.period(*years, "leggi_come_anni", reg.max_period_years.value, reg.max_period_years.basis);
    }
    cutoff.basis = r.text(t, "fonte", what);
    return cutoff;
}

// Two [[perpetue]] entries as specific as each other may not cover one comune and kind:
// which cut-off applies would depend on their order in the file.
void check_cutoffs(const Reader& r, const Regulation& reg, const toml::array& tables) {
    // Entries as specific as each other name comuni (and kinds) both or neither.
    const auto shared_comune = [](const PerpetualCutoff& a, const PerpetualCutoff& b) -> std::optional<std::string> {
        if (a.comuni.empty()) return std::string("every comune");
        for (const auto& c : b.comuni) {
            if (a.covers(c, a.kinds.empty() ? PlotKind::loculo : a.kinds.front())) return c;
        }
        return std::nullopt;
    };
    const auto shared_kind = [](const PerpetualCutoff& a, const PerpetualCutoff& b) -> std::optional<std::string> {
        if (a.kinds.empty()) return std::string("every kind");
        for (PlotKind k : b.kinds) {
            if (std::find(a.kinds.begin(), a.kinds.end(), k) != a.kinds.end()) return std::string(code(k));
        }
        return std::nullopt;
    };
    const auto& list = reg.perpetual_cutoffs;
    for (std::size_t i = 0; i < list.size(); ++i) {
        for (std::size_t j = i + 1; j < list.size(); ++j) {
            if (list[i].specificity() != list[j].specificity()) continue;
            const auto comune = shared_comune(list[i], list[j]);
            const auto kind = shared_kind(list[i], list[j]);
            if (comune && kind) {
                r.fail(tables[j].source(), "two [[perpetue]] entries cover " + *comune + ", " + *kind +
                                               ": which cut-off applies must not depend on their order");
            }
        }
    }
}

// Two versions may not both apply to one comune on one day, save one: published texts
// end a version "fino al 06/06/1979" and start the next "dal 06/06/1979", and that day
// belongs to the newer version (Regulation::version_for, shared_boundary_days).
void check_overlaps(const Reader& r, const Regulation& reg, const std::vector<const toml::table*>& tables) {
    for (std::size_t i = 0; i < reg.versions.size(); ++i) {
        for (std::size_t j = i + 1; j < reg.versions.size(); ++j) {
            const auto& a = reg.versions[i];  // a starts on or before b
            const auto& b = reg.versions[j];
            std::vector<std::string> shared;
            if (a.comuni.empty() && b.comuni.empty()) shared.push_back("");
            for (const auto& c : b.comuni) if (a.names_comune(c)) shared.push_back(c);
            if (b.comuni.empty()) for (const auto& c : a.comuni) shared.push_back(c);
            for (const auto& c : shared) {
                const auto a_end = a.own_end_for(c);
                if (a.in_force_from == b.in_force_from || (a_end && *a_end > b.in_force_from)) {
                    const std::string who = c.empty() ? std::string("every comune") : c;
                    const std::string days = a.in_force_from == b.in_force_from || !a_end
                                                 ? "on " + to_iso(b.in_force_from)
                                                 : "from " + to_iso(b.in_force_from) + " to " + to_iso(*a_end);
                    r.fail(tables[j]->source(), "versions \"" + a.name + "\" and \"" + b.name + "\" overlap for " +
                                                    who + " " + days +
                                                    " (only the day one ends and the next begins may be shared)");
                }
            }
        }
    }
}

Regulation read_regulation(const Reader& r, const toml::table& doc, std::string source) {
    Regulation reg;
    reg.source = std::move(source);
    r.only_keys(doc, {"formato", "generale", "perpetue", "versione", "tariffa"}, "the file");
    const toml::node& format = r.need(doc, "formato", "the file");
    if (format.value_exact<std::int64_t>() != 1) r.fail(format.source(), "\"formato\" must be 1 for this program");

    const std::string what_g = "[generale]";
    const toml::table& general = r.table_at(r.need(doc, "generale", "the file"), what_g);
    r.only_keys(general,
                {"perpetue_fino_al", "perpetue_fonte", "giorni_affissione", "giorni_affissione_fonte",
                 "durata_massima_anni", "durata_massima_fonte", "esito_affissione", "esito_affissione_fonte",
                 "revoca_perpetue_anni", "revoca_perpetue_fonte"},
                what_g);
    reg.max_period_years = {r.count(general, "durata_massima_anni", what_g, 1),
                            r.text(general, "durata_massima_fonte", what_g)};
    if (reg.max_period_years.value > law::max_period_years) {
        r.fail(general.get("durata_massima_anni")->source(),
               "\"durata_massima_anni\" is " + std::to_string(reg.max_period_years.value) +
                   ": the law allows at most " + std::to_string(law::max_period_years) + " years (" +
                   std::string(law::max_period_basis) + ")");
    }
    reg.perpetual_until = {r.day(general, "perpetue_fino_al", what_g), r.text(general, "perpetue_fonte", what_g)};
    if (reg.perpetual_until.value >= law::fixed_term_from) {
        r.fail(general.get("perpetue_fino_al")->source(),
               "\"perpetue_fino_al\" is " + to_iso(reg.perpetual_until.value) +
                   ": no deed signed from " + to_iso(law::fixed_term_from) + " on can be perpetual (" +
                   std::string(law::fixed_term_basis) + ")");
    }
    reg.posting_days = {r.count(general, "giorni_affissione", what_g, 1),
                        r.text(general, "giorni_affissione_fonte", what_g)};
    // Optional, but a sentence comes with its source and a source with its sentence.
    if (general.contains("esito_affissione") || general.contains("esito_affissione_fonte")) {
        reg.posting_outcome = {r.text(general, "esito_affissione", what_g),
                               r.text(general, "esito_affissione_fonte", what_g)};
    }

    if (general.contains("revoca_perpetue_anni") || general.contains("revoca_perpetue_fonte")) {
        reg.perpetual_revocation_years = {r.count(general, "revoca_perpetue_anni", what_g, 1),
                                          r.text(general, "revoca_perpetue_fonte", what_g)};
    }

    if (const auto* cutoffs = doc.get("perpetue")) {
        const auto* list = cutoffs->as_array();
        if (!list || !list->is_array_of_tables()) r.fail(cutoffs->source(), "\"perpetue\" must be [[perpetue]] tables");
        for (const auto& node : *list) reg.perpetual_cutoffs.push_back(read_perpetual_cutoff(r, *node.as_table(), reg));
        check_cutoffs(r, reg, *list);
    }

    const toml::node& versions_node = r.need(doc, "versione", "the file");
    const auto* versions = versions_node.as_array();
    if (!versions || versions->empty() || !versions->is_array_of_tables()) {
        r.fail(versions_node.source(), "\"versione\" must be one or more [[versione]] tables");
    }
    std::vector<const toml::table*> tables;
    for (const auto& node : *versions) tables.push_back(node.as_table());
    std::stable_sort(tables.begin(), tables.end(), [&](const toml::table* x, const toml::table* y) {
        const auto* dx = x->get("in_vigore_dal");
        const auto* dy = y->get("in_vigore_dal");
        return dx && dy && dx->as_date() && dy->as_date() && dx->as_date()->get() < dy->as_date()->get();
    });
    for (const auto* t : tables) reg.versions.push_back(read_version(r, *t, reg));
    check_overlaps(r, reg, tables);

    if (const auto* tariffs = doc.get("tariffa")) {
        const auto* list = tariffs->as_array();
        if (!list || !list->is_array_of_tables()) r.fail(tariffs->source(), "\"tariffa\" must be [[tariffa]] tables");
        for (const auto& node : *list) reg.tariffs.push_back(read_tariff(r, *node.as_table(), reg));
        check_tariffs(r, reg, *list);
    }
    return reg;
}

}  // namespace

RegulationLoad parse_regulation(std::string_view toml_text, std::string source_name) {
    RegulationLoad load;
    try {
        const toml::table doc = toml::parse(toml_text, std::string_view{source_name});
        load.regulation = read_regulation(Reader{source_name}, doc, source_name);
    } catch (const toml::parse_error& e) {
        load.error = RegulationError{source_name, static_cast<int>(e.source().begin.line),
                                     static_cast<int>(e.source().begin.column), std::string(e.description())};
    } catch (const Invalid& invalid) {
        load.error = invalid.error;
    }
    return load;
}

RegulationLoad try_load_regulation(const std::filesystem::path& file) {
    const auto refused = [&](std::string message) {
        RegulationLoad load;
        load.error = RegulationError{file.string(), 0, 0, std::move(message)};
        return load;
    };
    // A folder opens and reads as an empty file on Linux: it would be reported as a
    // file without "formato" at line 1, which sends the reader looking for a line.
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) return refused("cannot be read: " + ec.message());
    if (!std::filesystem::exists(status)) return refused("no such file");
    if (std::filesystem::is_directory(status)) return refused("is a folder, not a regulation file");
    std::ifstream in(file, std::ios::binary);
    if (!in) return refused("cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return refused("cannot be read");
    return parse_regulation(text.str(), file.string());
}

Regulation load_regulation(const std::filesystem::path& file) {
    RegulationLoad load = try_load_regulation(file);
    if (!load) throw RegulationFileError(*load.error);
    return std::move(*load.regulation);
}

std::filesystem::path shipped_regulation_path() {
    if (const char* env = std::getenv("CEMETERY_REGOLAMENTO"); env && *env) return env;
    // Installed layout: <prefix>/bin/cemetery and <prefix>/share/cemetery/regolamento/.
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto installed = self.parent_path().parent_path() / "share" / "cemetery" / "regolamento" / "regolamento.toml";
        if (std::filesystem::exists(installed, ec)) return installed;
    }
    return CEMETERY_SHIPPED_REGULATION;
}

}  // namespace cemetery
