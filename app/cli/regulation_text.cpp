#include "regulation_text.hpp"

#include <cemetery/text.hpp>

namespace cli {

using cemetery::printable;
using cemetery::to_italian;

namespace {

std::string years(int n) { return std::to_string(n) + (n == 1 ? " anno" : " anni"); }

std::string counted(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// "a, b o c"
std::string alternatives(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " o " : ", ";
        out += items[i];
    }
    return out;
}

std::string source(const std::string& basis) { return " — fonte: " + printable(basis); }

std::string share_text(const cemetery::Share& s) {
    return std::to_string(s.numerator) + "/" + std::to_string(s.denominator);
}

// "tariffa concessione", "tariffa rinnovo per 40 anni"
std::string tariff_label(cemetery::TariffItem item, const std::optional<int>& term) {
    return std::string("tariffa ") + (item == cemetery::TariffItem::concession ? "concessione" : "rinnovo") +
           (term ? " per " + years(*term) : std::string());
}

// "dal 01/01/2025 — fonte: delibera G.C. 3/2025"
std::string since(const cemetery::Tariff& t) { return "dal " + to_italian(t.from) + source(t.basis); }

// As the file sets it: "tariffa rinnovo: 2/3 della tariffa di concessione dal ... — fonte: ..."
std::string tariff_line(const cemetery::Tariff& t) {
    const std::string what = t.of_concession ? share_text(*t.of_concession) + " della tariffa di concessione"
                                             : cemetery::format_euro(t.cents);
    return tariff_label(t.item, t.term_years) + ": " + what + " " + since(t);
}

// Why a price is missing: "non configurata", or the share whose concession tariff is missing.
std::string missing_text(const cemetery::PriceQuote& q) {
    if (!q.share_without_concession()) return "non configurata";
    return "non configurata: il rinnovo costa " + share_text(*q.tariff->of_concession) +
           " della tariffa di concessione (" + since(*q.tariff) + "), e nessuna tariffa di concessione è in vigore il " +
           to_italian(q.on);
}

}  // namespace

std::string price_text(const cemetery::PriceQuote& q) {
    if (!q.configured()) return "tariffa " + missing_text(q);
    const std::string amount = cemetery::format_euro(*q.cents);
    if (!q.concession) return amount + " " + since(*q.tariff);
    return amount + " (" + share_text(*q.tariff->of_concession) + " di " + cemetery::format_euro(q.concession->cents) +
           ", tariffa di concessione " + since(*q.concession) + "; arrotondato al centesimo) " + since(*q.tariff);
}

std::string term_text(const cemetery::KindSummary& kind) {
    if (kind.terms.size() == 1) return years(kind.terms.front().term_years);
    std::vector<std::string> numbers;
    for (const auto& t : kind.terms) numbers.push_back(std::to_string(t.term_years));
    return alternatives(numbers) + " anni (a scelta nell'atto)";
}

namespace {

// The renewals of `n` under the rule, for the terms listed (all those on offer, or the
// one term whose count this is).
std::string renewals_of(const cemetery::KindRule& rule, int n, const std::vector<cemetery::TermRenewals>& terms) {
    if (n == 0) return "non rinnovabile";
    cemetery::KindSummary kind;
    kind.kind = rule.kind;
    kind.rule = &rule;
    kind.terms = terms;
    const auto& length = rule.renewal;
    const std::string how_many = counted(n, "rinnovo", "rinnovi");
    if (rule.renewal_length_not_stated) return how_many + ", di durata non indicata dal regolamento";
    if (length.years.empty() && !length.is_fraction()) {
        // Only rinnovo_fino_a_anni_dalla_sepoltura sets the length (the loader allows no other way).
        const int reach = kind.rule->renewal_until_years_after_burial ? kind.rule->renewal_until_years_after_burial->value : 0;
        return how_many + " per gli anni che servono perché l'ultima sepoltura raggiunga " + years(reach);
    }
    if (length.is_fraction()) {
        // The years differ by term: say them for each term on offer.
        std::vector<std::string> each;
        for (const auto& t : kind.terms) {
            const std::string y = years(t.renewal_years.empty() ? 0 : t.renewal_years.front());
            each.push_back(kind.terms.size() == 1 ? y : y + " per " + std::to_string(t.term_years));
        }
        return how_many + (n == 1 ? " di " : ", ciascuno di ") + std::to_string(length.numerator) + "/" +
               std::to_string(length.denominator) + " della durata (" + cemetery::join(each, ", ") + ")";
    }
    if (length.years.size() <= 1) {
        const int y = length.years.empty() ? 0 : length.years.front();
        return how_many + (n == 1 ? " di " : ", ciascuno di ") + years(y);
    }
    std::vector<std::string> each;
    for (std::size_t i = 0; i < length.years.size(); ++i) {
        each.push_back("il " + std::to_string(i + 1) + "° di " + years(length.years[i]));
    }
    return how_many + ": " + cemetery::join(each, ", ");
}

}  // namespace

std::string renewals_text(const cemetery::KindSummary& kind) {
    if (!kind.rule) return "non rinnovabile";
    if (kind.rule->renewals_not_stated) return "rinnovi non indicati dal regolamento";
    if (kind.rule->renewals_per_term.empty()) return renewals_of(*kind.rule, kind.rule->renewals_allowed, kind.terms);
    // "30 anni: 1 rinnovo di 10 anni; 50 anni: non rinnovabile"
    std::vector<std::string> each;
    for (const auto& t : kind.terms) {
        each.push_back(years(t.term_years) + ": " + renewals_of(*kind.rule, static_cast<int>(t.renewal_years.size()), {t}));
    }
    return cemetery::join(each, "; ");
}

// "dai 12 mesi prima della scadenza, fino a 6 mesi dopo, non dopo l'affissione"
std::string window_text(const cemetery::RenewalWindow& w) {
    std::vector<std::string> parts;
    if (w.months_before) parts.push_back("da " + counted(*w.months_before, "mese", "mesi") + " prima della scadenza");
    if (w.only_after_expiry) parts.push_back("solo dopo la scadenza");
    if (w.months_after) parts.push_back("fino a " + counted(*w.months_after, "mese", "mesi") + " dopo la scadenza");
    if (w.closes_at_posting) parts.push_back("non dopo l'affissione nell'elenco delle concessioni scadute");
    return cemetery::join(parts, ", ");
}

std::string term_start_text(cemetery::TermStart start) {
    switch (start) {
        case cemetery::TermStart::signing: return "dalla stipula";
        case cemetery::TermStart::burial: return "dalla sepoltura";
        case cemetery::TermStart::request: return "dalla richiesta";
        case cemetery::TermStart::payment: return "dal pagamento";
        case cemetery::TermStart::death: return "dal decesso";
    }
    return "";
}

std::string period_dates_text(const cemetery::RulePeriod& period) {
    std::string out = "dal " + to_italian(period.from);
    out += period.until ? " al " + to_italian(*period.until) : std::string(", senza data di fine");
    return out;
}

std::string end_counting_line(const cemetery::RegulationVersion& version) {
    const auto& counting = version.end_counting;
    if (counting.basis.empty()) return {};
    const char* how = counting.value == cemetery::EndCounting::day_before
                          ? "il giorno prima dell'anniversario (30 anni dal 01/03/2000: 28/02/2030)"
                          : "nel giorno dell'anniversario (codice civile art. 2963; 30 anni dal 01/03/2000: 01/03/2030)";
    return std::string("scadenza: ") + how + source(counting.basis);
}

void write_general_settings(std::ostream& out, const cemetery::GeneralSettings& s, const std::string& indent) {
    out << indent << "concessioni perpetue solo se stipulate entro il " << to_italian(s.perpetual_until.value)
        << source(s.perpetual_until.basis) << '\n';
    out << indent << "affissione degli elenchi delle concessioni scadute: " << counted(s.posting_days.value, "giorno", "giorni")
        << source(s.posting_days.basis) << '\n';
    out << indent << "durata massima di una concessione o di un rinnovo: " << years(s.max_period_years.value)
        << source(s.max_period_years.basis) << '\n';
    for (const auto& c : s.perpetual_cutoffs) {
        std::vector<std::string> kinds;
        for (const auto k : c.kinds) kinds.emplace_back(cemetery::italian_name(k));
        out << indent << "  perpetue fino al " << to_italian(c.until)
            << (c.comuni.empty() ? std::string() : " a " + printable(cemetery::join(c.comuni, ", ")))
            << (kinds.empty() ? std::string() : " per " + cemetery::join(kinds, ", "))
            << (c.read_as_years ? "; dopo, lette come " + years(*c.read_as_years) + " dalla stipula" : std::string())
            << source(c.basis) << '\n';
    }
    if (s.perpetual_revocation_years) {
        out << indent << "revoca di una concessione perpetua: non prima di "
            << years(s.perpetual_revocation_years->value) << " dall'ultima sepoltura"
            << source(s.perpetual_revocation_years->basis) << '\n';
    }
    if (s.posting_outcome) {
        out << indent << "esito dell'affissione: \"" << printable(s.posting_outcome->value) << "\""
            << source(s.posting_outcome->basis) << '\n';
    }
}

void write_kind(std::ostream& out, const cemetery::KindSummary& kind, const std::string& indent) {
    // The file's code beside the name where they differ: the file is edited by code.
    std::string name{cemetery::italian_name(kind.kind)};
    if (name != cemetery::code(kind.kind)) name += " (" + std::string(cemetery::code(kind.kind)) + ")";
    // A variant by its code, as the file and `concede --variante` name it, and its nome.
    const bool variant = kind.rule && !kind.rule->variant.empty();
    if (variant) name = "variante \"" + printable(kind.rule->variant) + "\" (" + printable(kind.rule->variant_name) + ")";
    if (!kind.rule) {
        out << indent << name << ": nessuna regola in questa versione\n";
        return;
    }
    const auto& rule = *kind.rule;
    const std::string more = indent + "  ";
    out << indent << name << ": " << term_text(kind) << ", " << term_start_text(rule.term_start) << "; "
        << renewals_text(kind) << '\n';
    out << more << "fonte: " << printable(rule.basis) << '\n';
    if (rule.renewal_window) {
        out << more << "rinnovo da chiedere: " << window_text(*rule.renewal_window) << source(rule.renewal_window->basis)
            << '\n';
    }
    if (rule.capacity) {
        const auto& c = *rule.capacity;
        std::vector<std::string> parts;  // what it holds; the loader refuses a place that holds nothing
        if (c.coffins > 0) parts.push_back(counted(c.coffins, "feretro", "feretri"));
        if (c.boxes > 0) parts.push_back(counted(c.boxes, "cassetta", "cassette"));
        if (c.urns > 0) parts.push_back(counted(c.urns, "urna", "urne"));
        out << more << "capienza: " << cemetery::join(parts, ", ") << source(c.basis) << '\n';
    } else {
        out << more << "capienza: non configurata\n";
    }
    if (rule.granted_only_at_death.on) {
        out << more << "concessa solo al decesso" << source(rule.granted_only_at_death.basis) << '\n';
    }
    if (const auto& cap = rule.renewal_until_years_after_burial) {
        out << more << "rinnovo solo per gli anni che servono perché l'ultima sepoltura raggiunga " << years(cap->value)
            << source(cap->basis) << '\n';
    }
    if (const auto& age = rule.granted_in_life_from_age) {
        out << more << "in vita, solo a chi ha compiuto " << years(age->years)
            << (age->in_the_year ? " o li compie nell'anno della domanda" : "") << source(age->basis) << '\n';
    }
    if (rule.term_restarts_at_burial.on) {
        out << more << "una nuova sepoltura fa ripartire la durata" << source(rule.term_restarts_at_burial.basis) << '\n';
    }
    if (variant) return;  // tariffs are the kind's, listed under it
    if (kind.tariffs.empty()) {
        out << more << "tariffa: non configurata\n";
    } else if (!kind.prices.empty()) {  // a day: what each costs that day
        for (const auto& q : kind.prices) {
            out << more << tariff_label(q.item, q.term_years) << ": " << (q.configured() ? price_text(q) : missing_text(q))
                << '\n';
        }
    } else {  // a period: every tariff in force during it
        for (const auto& t : kind.tariffs) out << more << tariff_line(t) << '\n';
    }
    for (const auto& v : kind.variants) write_kind(out, v, more);
}

void write_shared_day(std::ostream& out, const cemetery::SharedBoundaryDay& shared, const std::string& indent) {
    const std::string ending = "\"" + printable(shared.ending->name) + "\"";
    const std::string starting = "\"" + printable(shared.starting->name) + "\"";
    out << indent << "nota: il " << to_italian(shared.day) << " è l'ultimo giorno di " << ending << " e il primo di "
        << starting << ": vale " << starting << ", che entra in vigore quel giorno; " << ending << " vale fino al "
        << to_italian(cemetery::add_days(shared.day, -1)) << '\n';
}

void write_period(std::ostream& out, const cemetery::RulePeriod& period, const std::string& indent) {
    if (!period.version) {
        out << indent << period_dates_text(period)
            << ": nessuna versione del regolamento; durate e rinnovi non si possono decidere\n";
        return;
    }
    out << indent << period_dates_text(period) << ": versione \"" << printable(period.version->name) << "\""
        << source(period.version->basis) << '\n';
    if (const auto line = end_counting_line(*period.version); !line.empty()) out << indent << "  " << line << '\n';
    for (const auto& kind : period.kinds) write_kind(out, kind, indent + "  ");
}

}  // namespace cli
