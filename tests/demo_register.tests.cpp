#include "support.hpp"

#include <cemetery/codice_fiscale.hpp>
#include <cemetery/csv.hpp>
#include <cemetery/demo_register.hpp>
#include <cemetery/import.hpp>
#include <cemetery/register.hpp>
#include <cemetery/register_row.hpp>
#include <cemetery/regulation_loader.hpp>
#include <cemetery/term.hpp>
#include <cemetery/text.hpp>
#include <cemetery/union_data.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using cemetery::add_days;
using cemetery::Date;
using cemetery::DemoOptions;
using cemetery::DemoStats;
using cemetery::PlotKind;
using cemetery::RegisterRow;
using cemetery::Regulation;
using cemetery::TermDecision;
using cemetery::UnionData;
using test::ymd;

namespace {

const Regulation& regulation() {
    static const Regulation reg = cemetery::load_regulation(test::shipped_regulation_path());
    return reg;
}

const UnionData& union_data() {
    static const UnionData data = cemetery::load_union_data(CEMETERY_SOURCE_DIR "/data/unione.toml");
    return data;
}

const Date demo_today = ymd(2025, 6, 15);

DemoOptions options(std::size_t concessions, std::uint64_t seed = 2020, int synthetic = 0) {
    DemoOptions o;
    o.seed = seed;
    o.concessions = concessions;
    o.synthetic_comuni = synthetic;
    o.today = demo_today;
    return o;
}

struct Generated {
    std::string text;
    DemoStats stats;
};

Generated generate(const DemoOptions& o) {
    std::ostringstream out;
    Generated g;
    g.stats = cemetery::write_demo_register(out, regulation(), union_data(), o);
    g.text = out.str();
    return g;
}

// A register read back as the importer reads it.
struct Parsed {
    std::vector<std::string> header;
    std::vector<RegisterRow> rows;
    std::vector<std::string> errors;
};

Parsed parse(const std::string& text) {
    Parsed p;
    std::istringstream in(text);
    cemetery::CsvReader reader(in, ';');
    std::vector<std::string> fields;
    if (!reader.next(fields)) return p;
    p.header = fields;
    const auto header = cemetery::parse_register_header(fields);
    for (const auto& e : header.errors) p.errors.push_back(e);
    while (reader.next(fields)) {
        auto row = cemetery::parse_register_row(header.header, fields, reader.line());
        for (const auto& e : row.errors) p.errors.push_back(cemetery::to_string(e));
        p.rows.push_back(std::move(row.row));
    }
    return p;
}

// Rows of one deed, by comune and deed number.
using DeedKey = std::pair<std::string, std::string>;
using Deeds = std::map<DeedKey, std::vector<const RegisterRow*>>;

Deeds group(const Parsed& p) {
    Deeds deeds;
    for (const auto& row : p.rows) deeds[{row.comune, row.deed_number}].push_back(&row);
    return deeds;
}

std::optional<Date> first_burial(const std::vector<const RegisterRow*>& rows) {
    std::optional<Date> first;
    for (const auto* r : rows) {
        if (r->deceased && r->deceased->buried_on && (!first || *r->deceased->buried_on < *first)) {
            first = r->deceased->buried_on;
        }
    }
    return first;
}

TermDecision term_of(const std::vector<const RegisterRow*>& rows) {
    const RegisterRow& r = *rows.front();
    cemetery::TermRequest request;
    request.comune = r.comune;
    request.kind = r.kind.value_or(PlotKind::loculo);
    request.signed_on = r.signed_on.value_or(Date{});
    request.first_burial = first_burial(rows);
    request.stated_years = r.term_years;
    request.perpetual = r.perpetual;
    request.stated_expiry = r.stated_expiry;
    request.stated_term_start = r.term_start;
    return cemetery::decide_term(regulation(), request);
}

// The default demo register (12,000 concessions over the four comuni), made once.
struct Demo {
    Generated generated;
    Parsed parsed;
    Deeds deeds;
};

const Demo& demo() {
    static const Demo d = [] {
        Demo x;
        x.generated = generate(options(12000));
        x.parsed = parse(x.generated.text);
        x.deeds = group(x.parsed);
        return x;
    }();
    return d;
}

bool expired_on(const TermDecision& d, Date today) {
    return d.term && d.term->expires_on && today > *d.term->expires_on;
}

}  // namespace

TEST_CASE("the same seed gives the same bytes, another seed other bytes", "[demo]") {
    const auto a = generate(options(1500, 7));
    const auto b = generate(options(1500, 7));
    const auto c = generate(options(1500, 8));
    CHECK(a.text == b.text);
    CHECK(a.text != c.text);
    CHECK(a.stats.rows == b.stats.rows);
}

TEST_CASE("the demo register has the importer's columns, UTF-8 text and CRLF line ends", "[demo]") {
    const std::string& text = demo().generated.text;
    const std::string expected_header =
        "Comune;Cimitero;Tipo;Settore;Fila;Numero;Piano;Numero_Concessione;Data_Concessione;Durata_Anni;"
        "Scadenza;Perpetua;Concessionario_Cognome;Concessionario_Nome;Concessionario_CF;"
        "Concessionario_Indirizzo;Concessionario_Telefono;Defunto_Cognome;Defunto_Nome;"
        "Defunto_Data_Nascita;Defunto_Data_Morte;Data_Sepoltura\r\n";
    CHECK(text.substr(0, expected_header.size()) == expected_header);
    CHECK(cemetery::is_valid_utf8(text));
    std::size_t bare_lf = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) ++bare_lf;
    }
    CHECK(bare_lf == 0);
}

TEST_CASE("the demo register has the requested number of concessions and its stats count them", "[demo]") {
    const Demo& d = demo();
    CHECK(d.deeds.size() == 12000);
    CHECK(d.generated.stats.concessions == 12000);
    CHECK(d.generated.stats.rows == d.parsed.rows.size());
    const auto with_deceased = std::count_if(d.parsed.rows.begin(), d.parsed.rows.end(),
                                             [](const RegisterRow& r) { return r.deceased.has_value(); });
    CHECK(d.generated.stats.deceased == static_cast<std::size_t>(with_deceased));

    std::map<std::string, std::size_t> per_comune;
    for (const auto& [key, rows] : d.deeds) ++per_comune[key.first];
    REQUIRE(per_comune.size() == 4);
    for (const auto& [comune, n] : per_comune) {
        INFO(comune << ": " << n);
        CHECK(n >= 1000);  // a few thousand each
    }
}

TEST_CASE("every row of the demo register parses and every deed gets a term from decide_term", "[demo]") {
    const Demo& d = demo();
    CHECK(d.parsed.errors.empty());
    for (std::size_t i = 0; i < std::min<std::size_t>(d.parsed.errors.size(), 5); ++i) {
        INFO(d.parsed.errors[i]);
        CHECK(false);
    }
    std::size_t refused = 0;
    for (const auto& [key, rows] : d.deeds) {
        const auto decision = term_of(rows);
        if (!decision) {
            ++refused;
            if (refused <= 5) {
                INFO(key.first << " " << key.second << ": " << decision.refusal->message);
                CHECK(false);
            }
        }
    }
    CHECK(refused == 0);
}

TEST_CASE("the rows of one deed repeat the same concession and holder", "[demo]") {
    for (const auto& [key, rows] : demo().deeds) {
        const RegisterRow& a = *rows.front();
        for (const auto* b : rows) {
            const bool same = std::tie(a.cemetery, a.kind, a.settore, a.fila, a.numero, a.piano, a.signed_on,
                                       a.term_years, a.stated_expiry, a.perpetual) ==
                              std::tie(b->cemetery, b->kind, b->settore, b->fila, b->numero, b->piano, b->signed_on,
                                       b->term_years, b->stated_expiry, b->perpetual);
            const bool same_holder = a.holder.has_value() == b->holder.has_value() &&
                                     (!a.holder || (a.holder->surname == b->holder->surname &&
                                                    a.holder->codice_fiscale == b->holder->codice_fiscale));
            if (!same || !same_holder) {
                INFO(key.first << " " << key.second);
                CHECK(same);
                CHECK(same_holder);
                return;
            }
        }
    }
}

TEST_CASE("every plot kind appears in the demo register, loculi most", "[demo]") {
    std::map<PlotKind, std::size_t> per_kind;
    for (const auto& [key, rows] : demo().deeds) ++per_kind[*rows.front()->kind];
    for (PlotKind k : cemetery::all_plot_kinds) {
        INFO(cemetery::code(k));
        CHECK(per_kind[k] > 0);
    }
    for (const auto& [kind, n] : per_kind) {
        if (kind != PlotKind::loculo) CHECK(per_kind[PlotKind::loculo] > n);
    }
}

TEST_CASE("the demo register's places are plausible for their kind", "[demo]") {
    for (const auto& row : demo().parsed.rows) {
        INFO(row.comune << " " << row.deed_number);
        switch (*row.kind) {
            case PlotKind::loculo:
                CHECK(!row.settore.empty());
                CHECK((!row.fila.empty() && !row.numero.empty() && !row.piano.empty()));
                CHECK(std::stoi(row.fila) <= 6);
                CHECK(std::stoi(row.numero) <= 60);
                CHECK(std::stoi(row.piano) <= 4);
                break;
            case PlotKind::fossa:
            case PlotKind::campo_comune:
                CHECK(row.settore.rfind("Campo ", 0) == 0);
                CHECK((!row.fila.empty() && !row.numero.empty() && row.piano.empty()));
                break;
            case PlotKind::tomba_famiglia:
                CHECK((!row.settore.empty() && row.fila.empty() && !row.numero.empty()));
                break;
            case PlotKind::cappella:
                CHECK((row.settore.empty() && row.fila.empty() && !row.numero.empty()));
                break;
            case PlotKind::ossario:
            case PlotKind::cinerario:
                CHECK((!row.settore.empty() && !row.fila.empty() && !row.numero.empty() && row.piano.empty()));
                break;
        }
        if (row.kind == PlotKind::campo_comune) {
            REQUIRE(row.deceased);
            CHECK(row.deceased->buried_on.has_value());
        }
    }
}

TEST_CASE("every cemetery of a comune is used, the capoluogo's most", "[demo]") {
    std::map<std::string, std::map<std::string, std::size_t>> per_cemetery;
    for (const auto& [key, rows] : demo().deeds) ++per_cemetery[key.first][rows.front()->cemetery];
    for (const auto& uc : union_data().comuni) {
        INFO(uc.comune.name);
        const auto& used = per_cemetery[uc.comune.name];
        CHECK(used.size() == uc.cemeteries.size());
        for (const auto& name : uc.cemeteries) {
            CHECK(used.count(name) == 1);
            if (name != uc.cemeteries.front()) CHECK(used.at(uc.cemeteries.front()) > used.at(name));
        }
    }
}

TEST_CASE("perpetual deeds in the demo register are signed on or before the regulation's cut-off", "[demo]") {
    std::size_t perpetual = 0;
    for (const auto& [key, rows] : demo().deeds) {
        const RegisterRow& r = *rows.front();
        if (!r.perpetual) continue;
        ++perpetual;
        INFO(key.second);
        CHECK(*r.signed_on <= regulation().perpetual_until.value);
        CHECK(!r.term_years);
        CHECK(!r.stated_expiry);
    }
    CHECK(perpetual > 0);
}

TEST_CASE("deeds under a version leave the term to it or repeat it; legacy deeds state theirs", "[demo]") {
    std::size_t legacy = 0;
    std::size_t versioned = 0;
    std::size_t versioned_empty = 0;
    std::size_t stated_expiry_differs = 0;
    for (const auto& [key, rows] : demo().deeds) {
        const RegisterRow& r = *rows.front();
        INFO(key.first << " " << key.second);
        const auto* version = regulation().version_for(r.comune, *r.signed_on);
        if (version) {
            ++versioned;
            if (!r.term_years) ++versioned_empty;
            else CHECK(*r.term_years == version->rule_for(*r.kind)->term_years);
            CHECK(!r.perpetual);
            CHECK(!r.stated_expiry);
        } else if (!r.perpetual) {
            ++legacy;
            REQUIRE(r.term_years);
            CHECK(*r.term_years <= regulation().max_period_years.value);
            if (term_of(rows).notices.size() > 0) ++stated_expiry_differs;
        }
    }
    CHECK(versioned > 0);
    CHECK(versioned_empty > versioned / 2);
    CHECK(legacy > 0);
    // Legacy renewals with their own Scadenza: about 2% of legacy deeds.
    CHECK(stated_expiry_differs > 0);
    CHECK(stated_expiry_differs < legacy / 20);
}

TEST_CASE("no deed is signed on a day no version covers once a comune's rules began", "[demo]") {
    std::size_t truccazzano = 0;
    for (const auto& [key, rows] : demo().deeds) {
        const RegisterRow& r = *rows.front();
        if (key.first == "Truccazzano") {
            ++truccazzano;
            CHECK(*r.signed_on <= ymd(2023, 12, 31));
        }
        const auto first = regulation().first_version_start(r.comune);
        if (first && *r.signed_on >= *first) CHECK(regulation().version_for(r.comune, *r.signed_on) != nullptr);
        CHECK(*r.signed_on <= demo_today);
        CHECK(*r.signed_on >= ymd(1930, 1, 1));
    }
    CHECK(truccazzano > 0);
}

TEST_CASE("every comune has expired and live concessions, and some expiring within 90 days", "[demo]") {
    struct Count {
        std::size_t all = 0, expired = 0, soon = 0, perpetual = 0;
    };
    std::map<std::string, Count> per_comune;
    const Date horizon = add_days(demo_today, 90);
    for (const auto& [key, rows] : demo().deeds) {
        const auto decision = term_of(rows);
        REQUIRE(decision);
        Count& c = per_comune[key.first];
        ++c.all;
        if (expired_on(decision, demo_today)) ++c.expired;
        if (decision.term->perpetual) ++c.perpetual;
        const auto& e = decision.term->expires_on;
        if (e && *e >= demo_today && *e < horizon) ++c.soon;
    }
    for (const auto& [comune, c] : per_comune) {
        const double expired_share = static_cast<double>(c.expired) / static_cast<double>(c.all);
        INFO(comune << ": " << c.expired << " expired of " << c.all << ", " << c.soon << " expiring soon, "
                    << c.perpetual << " perpetual");
        CHECK(expired_share >= 0.12);
        CHECK(expired_share <= 0.28);
        CHECK(c.soon > 0);
        CHECK(c.all - c.expired > c.all / 2);
    }
}

TEST_CASE("family tombs and chapels hold several deceased on rows of one deed", "[demo]") {
    std::size_t several = 0;
    std::size_t no_burial = 0;
    for (const auto& [key, rows] : demo().deeds) {
        const auto kind = *rows.front()->kind;
        const auto deceased = std::count_if(rows.begin(), rows.end(), [](const RegisterRow* r) { return r->deceased.has_value(); });
        if (deceased == 0) ++no_burial;
        if (kind == PlotKind::tomba_famiglia || kind == PlotKind::cappella) {
            CHECK(deceased <= 6);
            if (deceased >= 2) ++several;
        } else {
            CHECK(rows.size() == 1);
        }
    }
    CHECK(several > 50);
    // Concessions with nobody buried yet: a few per cent.
    CHECK(no_burial > 0);
    CHECK(no_burial < demo().deeds.size() / 10);
}

TEST_CASE("the deceased's dates are coherent with each other and with the deed", "[demo]") {
    std::size_t adults = 0;
    std::size_t people = 0;
    for (const auto& [key, rows] : demo().deeds) {
        INFO(key.first << " " << key.second);
        const auto first = first_burial(rows);
        if (first) CHECK(*first >= *rows.front()->signed_on);
        for (const auto* r : rows) {
            if (!r->deceased) continue;
            const auto& p = *r->deceased;
            REQUIRE(p.born_on);
            REQUIRE(p.died_on);
            REQUIRE(p.buried_on);
            CHECK(*p.born_on < *p.died_on);
            CHECK(*p.died_on <= *p.buried_on);
            CHECK(*p.buried_on <= demo_today);
            ++people;
            const int age = static_cast<int>(p.died_on->year()) - static_cast<int>(p.born_on->year());
            if (age >= 40 && age <= 101) ++adults;
        }
    }
    CHECK(adults * 10 >= people * 9);
}

TEST_CASE("deed numbers are unique per comune and read like L-1987-031", "[demo]") {
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& [key, rows] : demo().deeds) {
        const std::string& number = key.second;
        INFO(number);
        const auto dash = number.find('-');
        REQUIRE(dash != std::string::npos);
        CHECK(number.substr(dash + 1, 4) == std::to_string(static_cast<int>(rows.front()->signed_on->year())));
        CHECK(number.size() - dash - 6 >= 3);
        seen.insert(key);
        // One deed is written on consecutive rows.
    }
    CHECK(seen.size() == demo().deeds.size());
    // The same number in two places of the file would be merged above: count the runs.
    std::size_t runs = 0;
    const RegisterRow* previous = nullptr;
    for (const auto& row : demo().parsed.rows) {
        if (!previous || previous->comune != row.comune || previous->deed_number != row.deed_number) ++runs;
        previous = &row;
    }
    CHECK(runs == demo().deeds.size());
}

TEST_CASE("no plot of the demo register carries two deeds", "[demo]") {
    std::map<std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>, std::string>
        owner;
    std::size_t shared = 0;
    for (const auto& [key, rows] : demo().deeds) {
        const RegisterRow& r = *rows.front();
        const auto place = std::make_tuple(r.comune, r.cemetery, r.settore, r.fila, r.numero, r.piano);
        auto [it, inserted] = owner.emplace(place, key.second);
        if (!inserted) ++shared;
    }
    CHECK(shared == 0);
}

TEST_CASE("the demo register has names with accents and apostrophes", "[demo]") {
    std::set<std::string> surnames;
    std::set<std::string> given;
    for (const auto& row : demo().parsed.rows) {
        if (row.deceased) {
            surnames.insert(row.deceased->surname);
            given.insert(row.deceased->given_name);
        }
        if (row.holder) surnames.insert(row.holder->surname);
    }
    for (const char* name : {"Pèrego", "Viganò", "D'Adda", "Dell'Orto", "Brambilla", "Colombo", "Cazzaniga"}) {
        INFO(name);
        CHECK(surnames.count(name) == 1);
    }
    CHECK(given.count("Maria") == 1);
    CHECK(given.count("Giuseppe") == 1);
}

TEST_CASE("every codice fiscale in the demo register is valid, and most holders have one", "[demo]") {
    std::size_t holders = 0;
    std::size_t with_cf = 0;
    std::size_t with_address = 0;
    std::size_t with_phone = 0;
    for (const auto& [key, rows] : demo().deeds) {
        const auto& h = rows.front()->holder;
        if (!h) continue;
        ++holders;
        if (!h->address.empty()) ++with_address;
        if (!h->phone.empty()) ++with_phone;
        if (h->codice_fiscale.empty()) continue;
        ++with_cf;
        const auto check = cemetery::check_codice_fiscale(h->codice_fiscale);
        INFO(h->surname << " " << h->given_name << " " << h->codice_fiscale << ": " << check.message());
        CHECK(check.ok());
    }
    CHECK(with_cf * 10 >= holders * 7);
    CHECK(with_address > 0);
    CHECK(with_phone > 0);
}

TEST_CASE("a codice fiscale of the demo register follows the name and birth rules", "[demo]") {
    // Spot check against names known to the demo lists: the surname's three letters.
    std::size_t checked = 0;
    for (const auto& [key, rows] : demo().deeds) {
        const auto& h = rows.front()->holder;
        if (!h || h->codice_fiscale.empty()) continue;
        if (h->surname == "Dell'Orto") {
            CHECK(h->codice_fiscale.substr(0, 3) == "DLL");
            ++checked;
        } else if (h->surname == "Pèrego") {
            CHECK(h->codice_fiscale.substr(0, 3) == "PRG");
            ++checked;
        } else if (h->surname == "Re") {
            CHECK(h->codice_fiscale.substr(0, 3) == "REX");
            ++checked;
        }
    }
    CHECK(checked > 0);
}

TEST_CASE("synthetic comuni are named and coded as documented and share the concessions", "[demo]") {
    CHECK(cemetery::synthetic_comuni(0).empty());
    const auto extra = cemetery::synthetic_comuni(1200);
    REQUIRE(extra.size() == 1200);
    CHECK(extra[0].comune.name == "Comune sintetico 001");
    CHECK(extra[0].comune.istat_code == "900001");
    CHECK(extra[0].comune.cadastral_code == "Z001");
    CHECK(extra[0].comune.member_from == ymd(2016, 1, 1));
    CHECK(!extra[0].comune.member_until);
    CHECK(extra[0].cemeteries == std::vector<std::string>{"Comune sintetico 001"});
    std::set<std::string> istat;
    std::set<std::string> cadastral;
    std::set<std::string> names;
    for (const auto& c : extra) {
        istat.insert(c.comune.istat_code);
        cadastral.insert(c.comune.cadastral_code);
        names.insert(c.comune.name);
        CHECK(c.comune.istat_code.size() == 6);
        CHECK(c.comune.cadastral_code.size() == 4);
    }
    CHECK(istat.size() == extra.size());
    CHECK(cadastral.size() == extra.size());
    CHECK(names.size() == extra.size());

    const auto g = generate(options(8000, 11, 6));
    const auto parsed = parse(g.text);
    CHECK(parsed.errors.empty());
    const auto deeds = group(parsed);
    CHECK(deeds.size() == 8000);
    std::map<std::string, std::size_t> per_comune;
    std::size_t refused = 0;
    for (const auto& [key, rows] : deeds) {
        ++per_comune[key.first];
        if (!term_of(rows)) ++refused;
        if (key.first.rfind("Comune sintetico", 0) == 0) {
            CHECK((rows.front()->term_years || rows.front()->perpetual));
            CHECK(rows.front()->cemetery == key.first);
        }
    }
    CHECK(refused == 0);
    REQUIRE(per_comune.size() == 10);
    for (const auto& [comune, n] : per_comune) CHECK(n == 800);
}

TEST_CASE("the importer takes a demo register with synthetic comuni whole, with no errors", "[demo]") {
    const auto o = options(3000, 5, 2);
    const auto g = generate(o);
    auto reg = cemetery::Register::in_memory("demo");
    UnionData all = union_data();
    for (auto& c : cemetery::synthetic_comuni(o.synthetic_comuni)) all.comuni.push_back(std::move(c));
    cemetery::seed_register(reg, all);
    const auto report = cemetery::import_register_text(reg, regulation(), g.text, "demo.csv");
    for (std::size_t i = 0; i < std::min<std::size_t>(report.errors.size(), 5); ++i) {
        INFO(cemetery::to_string(report.errors[i]));
        CHECK(false);
    }
    CHECK(report.ok());
    CHECK(report.committed);
    CHECK(report.rows == g.stats.rows);
    CHECK(report.concessions_added == 3000);
    CHECK(report.plots_added == 3000);
    CHECK(report.deceased_added == g.stats.deceased);
    // Legacy renewals with their own Scadenza are reported, and are few.
    CHECK(!report.notices.empty());
    CHECK(report.notices.size() < 3000 / 20);
}

TEST_CASE("a 100,000-concession demo register is written in a few seconds", "[demo]") {
    std::ostringstream out;
    const auto start = std::chrono::steady_clock::now();
    const auto stats = cemetery::write_demo_register(out, regulation(), union_data(), options(100000, 3, 6));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    WARN("100,000 concessions, " << stats.rows << " rows, " << out.str().size() << " bytes in " << seconds << " s");
    CHECK(stats.concessions == 100000);
    CHECK(seconds < 10.0);
}
