#pragma once
// The regulation as data: versions of the rules, each in force from a date for some
// comuni, with a rule per plot kind. Loaded from regolamento/regolamento.toml by
// regulation_loader.hpp; immutable once loaded, safe to share between threads.
//
// No number of the regulation lives in code: durations, renewals, cut-off dates,
// posting days and tariffs all come from the file, each with its source (`basis`).

#include <cemetery/dates.hpp>
#include <cemetery/plot_kind.hpp>
#include <cemetery/tariff.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cemetery {

// A setting of the regulation with the source it comes from.
template <class T>
struct Setting {
    T value{};
    std::string basis;
};

// When a concession's term starts (decorrenza). Where it starts at an event still to
// come (a burial, a death, a payment), the concession is granted with its term not
// started: no expiry until the event is recorded (Concession::started()).
enum class TermStart {
    signing,  // the signing date of the deed
    burial,   // the first burial (campo comune: a turn, not a concession)
    request,  // the date of the request, which may come before the deed
    payment,  // the day the fee was paid
    death,    // the death of the person the place is granted for
};

// "stipula", "sepoltura", "richiesta", "pagamento", "decesso": as the file writes it.
[[nodiscard]] std::string_view italian_code(TermStart start);

// What one place of a kind holds: coffins, and the boxes of bones and urns of ashes
// that may be added beside them (DPR 285/1990 art. 93: the right of burial lasts
// until the place is full).
struct Capacity {
    int coffins = 0;  // feretri
    int boxes = 0;    // cassette ossario
    int urns = 0;     // urne cinerarie
    std::string basis;
};

// A yes/no rule of a version for a kind, with its source; off when the file is silent.
struct RuleFlag {
    bool on = false;
    std::string basis;
};

// A term extended at every burial, the first included ("ogni nuovo feretro ha diritto
// a 30 anni"; "il loculo doppio dura finché entrambe le salme abbiano compiuto 40
// anni"): at each burial the expiry becomes the later of the current one and the
// burial plus the deed's years. `declinable`: the holders may decline it at a burial.
struct BurialExtension {
    bool on = false;
    bool declinable = false;
    std::string basis;
};

// How long each renewal of a kind lasts, as regulations write it: the same years for
// every renewal ("rinnovabile per 10 anni"), each renewal its own years ("una prima
// volta per 20 anni, una seconda per 10"), or a fraction of the term the deed agreed
// ("per la metà della durata originaria": a 30-year deed renews for 15, a 40-year one
// for 20; whole years, rounded down).
struct RenewalLength {
    std::vector<int> years;  // one: every renewal; several: the n-th renewal the n-th
    int numerator = 0;       // with denominator: a fraction of the deed's term instead
    int denominator = 0;

    [[nodiscard]] bool is_fraction() const { return denominator > 0; }
    // The years of renewal `index` (0: the first) of a deed of `term_years`.
    [[nodiscard]] int for_renewal(int index, int term_years) const;
};

// When a renewal may be asked for, as regulations bound it: "non prima di 12 mesi dalla
// scadenza", "solo dopo la scadenza", "entro 6 mesi dalla scadenza", "non oltre la
// pubblicazione dell'elenco delle concessioni scadute". No window: any day, as before.
struct RenewalWindow {
    std::optional<int> months_before;  // opens this many months before the expiry day
    bool only_after_expiry = false;    // opens the day after the expiry
    std::optional<int> months_after;   // closes this many months after the expiry day
    bool closes_at_posting = false;    // closed once the concession is on a posted list
    std::string basis;

    // The first day a renewal may be granted, when the window has a start.
    [[nodiscard]] std::optional<Date> opens_on(Date expiry) const;
    // The last day, when the window has an end in months.
    [[nodiscard]] std::optional<Date> closes_on(Date expiry) const;
};

// A concession without a death granted only to a living applicant of an age ("loculi in
// vita a chi ha compiuto 65 anni", or "... o li compie nell'anno della domanda").
struct LivingApplicantAge {
    int years = 0;
    bool in_the_year = false;  // turning `years` in the calendar year of the request is enough
    std::string basis;

    // Whether someone born on `born` meets the age on `on`. The birthday is the
    // anniversary of the calendar rule: born 29/02/1960, 65 on 28/02/2025.
    [[nodiscard]] bool met_by(Date born, Date on) const;
    // The first day someone born on `born` meets it.
    [[nodiscard]] Date from_day(Date born) const;
};

// The rule of one version for one plot kind.
struct KindRule {
    PlotKind kind = PlotKind::loculo;
    int term_years = 0;  // with a choice, the shortest on offer
    // The terms a deed may choose between when the version offers more than one
    // ("loculi per 30 o 40 anni"), in increasing order; empty when there is one term.
    std::vector<int> term_choices;
    int renewals_allowed = 0;  // with renewals per term, the most any term has
    // "La trentennale rinnovabile una volta, la cinquantennale non rinnovabile"
    // (rinnovi = [1, 0] beside durata_anni = [30, 50]): the renewals of each term on
    // offer; empty when every term has renewals_allowed.
    std::map<int, int> renewals_per_term;
    RenewalLength renewal;  // not empty when renewals_allowed > 0, unless not stated
    // What the text leaves unsaid, written as such rather than guessed: no word on
    // renewals at all (rinnovi = "non_indicati": the page gives the term only), or
    // renewals without their length (anni_rinnovo = "non_indicata": "rinnovabile per 2
    // volte"). The term is decided; a renewal is refused as not decidable from the text.
    bool renewals_not_stated = false;
    bool renewal_length_not_stated = false;
    std::optional<RenewalWindow> renewal_window;  // none: a renewal may be asked for any day
    // "Rinnovabile solo per gli anni necessari perché l'ultima salma sepolta raggiunga 20
    // anni" (rinnovo_fino_a_anni_dalla_sepoltura): a renewal lasts the whole years needed
    // for the last burial's years to end within it, never more than `renewal` when that
    // sets a length; refused when none is needed.
    std::optional<Setting<int>> renewal_until_years_after_burial;
    TermStart term_start = TermStart::signing;
    std::string term_start_basis;  // the source of a decorrenza other than stipula/sepoltura
    std::string basis;  // "Truccazzano (30 anni); Cusano Milanino ..."
    // The life of a concession: how full a place may be, whether it is granted only
    // when someone is to be buried in it (RR Lombardia 4/2022 art. 27 c.6), and
    // whether a later burial starts the term again (Truccazzano's double places).
    std::optional<Capacity> capacity;  // none: the file sets no capacity for the kind
    RuleFlag granted_only_at_death;
    // Without a death, granted only to an applicant of this age (in_vita_da_anni):
    // with or without granted_only_at_death, "at a death, or in life from that age".
    std::optional<LivingApplicantAge> granted_in_life_from_age;
    RuleFlag term_restarts_at_burial;     // from the second burial on
    BurialExtension extends_at_every_burial;  // from the first burial on
    // Other rules the version gives for the same kind of place, beside this ordinary
    // one ("sepoltura provvisoria in loculo per un massimo di 2 anni"): each a complete
    // rule of its own, with its code as the file names it ("provvisorio") and its
    // name as a clerk reads it ("loculo provvisorio"). Ordered by code; a variant has
    // none of its own. A deed records the variant it was granted under
    // (Concession::variant); the ordinary rule has an empty code.
    std::string variant;
    std::string variant_name;
    std::vector<KindRule> variants;

    // The variant with this code, if the rule offers it.
    [[nodiscard]] const KindRule* variant_rule(std::string_view code) const;

    // The renewals a deed of `deed_term` years may have. None where the rule ties renewals
    // to the terms on offer and the deed's term is not among them (a deed signed under
    // an older version): which count applies is then not the file's to say.
    [[nodiscard]] std::optional<int> renewals_for(int deed_term) const;
};

// A variant's code as the file and the register write it: a lowercase identifier
// ("provvisorio", "feti_2anni"), a letter first.
[[nodiscard]] bool is_variant_code(std::string_view code);

// A version of the rules ("Unione 2020").
struct RegulationVersion {
    std::string name;
    Date in_force_from{};
    std::optional<Date> in_force_until;          // last day, for every comune
    std::vector<std::string> comuni;             // names as written; empty: every comune
    std::map<std::string, Date> until_for_comune;  // folded comune name → last day
    std::map<PlotKind, KindRule> rules;
    std::string basis;
    // How the last day of its periods is counted (scadenza): the civil-code rule
    // unless the version says otherwise; the basis is empty when it is silent.
    Setting<EndCounting> end_counting{EndCounting::same_day, {}};

    // True when the version names this comune (or names none) — regardless of dates.
    [[nodiscard]] bool names_comune(std::string_view comune) const;
    // The last day this version can apply to the comune by its own terms, if bounded.
    [[nodiscard]] std::optional<Date> own_end_for(std::string_view comune) const;
    [[nodiscard]] const KindRule* rule_for(PlotKind kind) const;
};

// A cut-off for perpetual deeds narrower than the file's general one: some comuni went
// on granting perpetual deeds after DPR 803/1975, for some kinds only ("tombe di
// famiglia perpetue fino al 06/06/1979"). `read_as_years`: a deed written perpetual but
// signed after the cut-off is read as that many years from its signing (as DPR 285/1990
// art. 92 reads it) instead of being refused.
struct PerpetualCutoff {
    std::vector<std::string> comuni;  // as written; empty: every comune
    std::vector<PlotKind> kinds;      // empty: every kind
    Date until{};                     // last signing day for a perpetual deed
    std::optional<int> read_as_years;
    std::string basis;

    [[nodiscard]] bool covers(std::string_view comune, PlotKind kind) const;
    // 3: comune and kind named, 2: comune, 1: kind, 0: neither. The most specific applies.
    [[nodiscard]] int specificity() const { return (comuni.empty() ? 0 : 2) + (kinds.empty() ? 0 : 1); }
};

class Regulation {
public:
    Setting<Date> perpetual_until;      // last signing day for a perpetual deed, unless a cut-off below says
    std::vector<PerpetualCutoff> perpetual_cutoffs;  // [[perpetue]], per comune and kind
    Setting<int> posting_days;          // days an expired list stays posted
    Setting<int> max_period_years;      // no term or renewal longer than this
    // Years since the last burial before a pre-cut-off perpetual deed may be revoked;
    // 0 when the file does not say (then the revocation is not checked against it).
    Setting<int> perpetual_revocation_years;
    // What happens when nobody comes forward during the posting (Italian, as posted);
    // empty when the file does not say.
    Setting<std::string> posting_outcome;
    std::vector<RegulationVersion> versions;  // sorted by in_force_from
    std::vector<Tariff> tariffs;  // [[tariffa]], in file order (tariff.hpp)
    std::string source;  // the file it was loaded from

    // The version in force for the comune on the day, if any. A version lasts until
    // its own end, or else until the next version for the same comune begins. A day
    // that is both one version's own end and the next one's start belongs to the next.
    [[nodiscard]] const RegulationVersion* version_for(std::string_view comune, Date on) const;

    // The first day any version applies to the comune: deeds signed before it are
    // legacy deeds whose own term stands.
    [[nodiscard]] std::optional<Date> first_version_start(std::string_view comune) const;

    // The cut-off that applies to a perpetual deed of the kind in the comune: the most
    // specific [[perpetue]] entry that covers them, else the general perpetue_fino_al.
    [[nodiscard]] PerpetualCutoff perpetual_cutoff_for(std::string_view comune, PlotKind kind) const;

    // The tariff in force on the day, if the comune has set one (tariff_in_force).
    [[nodiscard]] std::optional<Tariff> tariff(std::string_view comune, PlotKind kind, TariffItem item, Date on,
                                               std::optional<int> term = std::nullopt) const;
};

// The comuni the regulation's versions name (as the file writes them) that are not
// among `known` (matched without case or accents): a version written for a comune
// the register does not know would silently apply to nobody.
[[nodiscard]] std::vector<std::string> comuni_not_in(const Regulation& regulation,
                                                     const std::vector<std::string>& known);

}  // namespace cemetery
