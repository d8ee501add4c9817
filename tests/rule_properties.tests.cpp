// Properties of the rules, over regulations and deeds drawn at random: whatever a
// comune's file says, a term never expires before it starts, and a renewal never
// shortens a concession, never ends before its own day, and never goes past the
// renewals the version allows. The golden tests pin single answers; these look for
// the shape of file that no golden test thought of. Seeds are fixed, so a failure
// repeats: the INFO lines give the file and the deed.

#include "regulation_files.hpp"
#include "rules_fixture.hpp"

#include <cemetery/regulation_loader.hpp>
#include <cemetery/renewal.hpp>
#include <cemetery/term.hpp>

#include <algorithm>
#include <random>
#include <sstream>

using cemetery::Concession;
using cemetery::Date;
using cemetery::PlotKind;
using test::ymd;

namespace {

class Draw {
public:
    explicit Draw(unsigned seed) : rng_(seed) {}
    int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }
    bool chance(int percent) { return between(1, 100) <= percent; }
    Date day_between(Date first, Date last) {
        return cemetery::add_days(first, between(0, cemetery::days_between(first, last)));
    }

private:
    std::mt19937 rng_;
};

// The kinds drawn rules are written for: the ones a deed with a term can have.
constexpr PlotKind drawn_kinds[] = {PlotKind::loculo, PlotKind::ossario, PlotKind::tomba_famiglia, PlotKind::cappella};

std::string toml_date(Date d) { return cemetery::to_iso(d); }

// One kind's rule, drawn among the shapes the format can say.
std::string draw_kind_rule(Draw& draw, PlotKind kind) {
    std::ostringstream out;
    out << "  [versione.tipi." << cemetery::code(kind) << "]\n";
    int shortest = draw.between(1, 99);
    bool choice = false;
    if (draw.chance(30)) {
        const int longer = draw.between(shortest, 99);
        choice = longer != shortest;
        if (choice) {
            out << "  durata_anni = [" << shortest << ", " << longer << "]\n";
        } else {
            out << "  durata_anni = " << shortest << '\n';
        }
    } else {
        out << "  durata_anni = " << shortest << '\n';
    }
    int renewals = draw.between(0, 3);
    if (choice && draw.chance(50)) {
        // Renewals that depend on the term chosen: one count per term.
        const int other = draw.between(0, 3);
        out << "  rinnovi = [" << renewals << ", " << other << "]\n";
        renewals = std::max(renewals, other);
    } else {
        out << "  rinnovi = " << renewals << '\n';
    }
    if (renewals > 0) {
        const int shape = draw.between(0, 2);
        if (shape == 0) {
            out << "  anni_rinnovo = " << draw.between(1, 99) << '\n';
        } else if (shape == 1) {
            out << "  anni_rinnovo = [";
            for (int i = 0; i < renewals; ++i) out << (i ? ", " : "") << draw.between(1, 99);
            out << "]\n";
        } else {
            // A fraction that gives at least a year of the shortest term.
            const int denominator = draw.between(1, 4);
            const int numerator = draw.between(1, denominator);
            if (shortest * numerator / denominator >= 1) {
                out << "  frazione_rinnovo = \"" << numerator << '/' << denominator << "\"\n";
            } else {
                out << "  anni_rinnovo = " << draw.between(1, 99) << '\n';
            }
        }
        if (draw.chance(50)) {
            out << "  finestra_rinnovo = { ";
            if (draw.chance(30)) {
                out << "solo_dopo_scadenza = true";
            } else {
                out << "mesi_prima = " << draw.between(1, 36);
            }
            if (draw.chance(50)) out << ", mesi_dopo = " << draw.between(0, 36);
            out << ", fonte = \"art. 1\" }\n";
        }
    }
    out << "  decorrenza = \"stipula\"\n  fonte = \"art. 2\"\n";
    return out.str();
}

struct DrawnRegulation {
    std::string text;
    cemetery::Regulation regulation;
    Date in_force_from{};
};

DrawnRegulation draw_regulation(Draw& draw) {
    const Date from = ymd(draw.between(1980, 2015), draw.between(1, 12), draw.between(1, 28));
    std::ostringstream out;
    out << test::general_section << "[[versione]]\nnome = \"Estratta\"\nin_vigore_dal = " << toml_date(from)
        << "\ncomuni = [\"Comune Estratto\"]\nfonte = \"regolamento estratto\"\n";
    for (auto kind : drawn_kinds) out << draw_kind_rule(draw, kind);
    auto load = cemetery::parse_regulation(out.str(), "estratto.toml");
    INFO(out.str());
    REQUIRE(load.regulation);
    return {out.str(), std::move(*load.regulation), from};
}

// A deed of the kind signed under the drawn version, with a term it offers.
std::optional<Concession> concede(Draw& draw, const DrawnRegulation& drawn, PlotKind kind) {
    const auto& rule = *drawn.regulation.versions.front().rule_for(kind);
    cemetery::TermRequest request;
    request.comune = "Comune Estratto";
    request.kind = kind;
    request.signed_on = draw.day_between(drawn.in_force_from, ymd(2026, 12, 1));
    if (!rule.term_choices.empty()) {
        request.stated_years = rule.term_choices[static_cast<std::size_t>(
            draw.between(0, static_cast<int>(rule.term_choices.size()) - 1))];
    }
    const auto decision = cemetery::decide_term(drawn.regulation, request);
    INFO("signed " << cemetery::to_iso(request.signed_on) << ", " << cemetery::code(kind));
    REQUIRE(decision.term);
    const auto& term = *decision.term;
    REQUIRE(term.expires_on);
    CHECK(*term.expires_on > term.term_start);
    CHECK(term.term_start >= request.signed_on);
    Concession c;
    c.signed_on = request.signed_on;
    cemetery::apply_term(c, term);
    return c;
}

}  // namespace

TEST_CASE("whatever the file says, a term never ends before it starts and a renewal never shortens",
          "[properties]") {
    int granted = 0;  // the property says nothing unless renewals are granted
    int refused = 0;
    for (unsigned seed = 1; seed <= 60; ++seed) {
        Draw draw(seed);
        INFO("seed " << seed);
        const auto drawn = draw_regulation(draw);
        INFO(drawn.text);
        for (int deed = 0; deed < 25; ++deed) {
            const PlotKind kind = drawn_kinds[draw.between(0, static_cast<int>(std::size(drawn_kinds)) - 1)];
            auto c = concede(draw, drawn, kind);
            if (!c) continue;
            const auto& rule = *drawn.regulation.versions.front().rule_for(kind);
            // Renewals asked for on days drawn from the signing to well after the expiry.
            for (int attempt = 0; attempt < 8; ++attempt) {
                const Date on = draw.day_between(c->signed_on, cemetery::add_years(*c->expires_on, 5));
                const auto d = cemetery::decide_renewal(drawn.regulation, *c, kind, "Comune Estratto", on, on);
                INFO("renewal asked on " << cemetery::to_iso(on) << ", expiry " << cemetery::to_iso(*c->expires_on)
                                         << ", " << c->renewals.size() << " granted");
                if (!d.allowed()) {
                    ++refused;
                    continue;
                }
                ++granted;
                CHECK(d.previous_expiry == *c->expires_on);
                CHECK(d.new_expiry > d.previous_expiry);
                CHECK(d.new_expiry >= on);
                CHECK(d.years >= 1);
                CHECK(d.years <= drawn.regulation.max_period_years.value);
                REQUIRE(c->term_years);
                CHECK(static_cast<int>(c->renewals.size()) < rule.renewals_for(*c->term_years).value_or(0));
                c->renewals.push_back({{}, on, d.years, d.previous_expiry, d.new_expiry, "", d.version_name});
                c->expires_on = d.new_expiry;
            }
        }
    }
    CHECK(granted > 500);
    CHECK(refused > 500);
}

TEST_CASE("the shipped regulation: every deed it grants ends after it starts, every renewal lengthens",
          "[properties]") {
    const auto& reg = test::shipped_regulation();
    const char* comuni[] = {"Bellinzago Lombardo", "Liscate", "Pozzuolo Martesana", "Truccazzano"};
    Draw draw(2026);
    for (int deed = 0; deed < 2000; ++deed) {
        cemetery::TermRequest request;
        request.comune = comuni[draw.between(0, 3)];
        request.kind = drawn_kinds[draw.between(0, static_cast<int>(std::size(drawn_kinds)) - 1)];
        request.signed_on = draw.day_between(ymd(2001, 1, 1), ymd(2023, 12, 31));
        const auto decision = cemetery::decide_term(reg, request);
        INFO(request.comune << ", " << cemetery::code(request.kind) << ", signed " << cemetery::to_iso(request.signed_on));
        if (!decision.term) continue;
        REQUIRE(decision.term->expires_on);
        CHECK(*decision.term->expires_on > decision.term->term_start);
        Concession c;
        c.signed_on = request.signed_on;
        cemetery::apply_term(c, *decision.term);
        const Date on = draw.day_between(c.signed_on, cemetery::add_years(*c.expires_on, 3));
        const auto d = cemetery::decide_renewal(reg, c, request.kind, request.comune, on);
        if (d.allowed()) {
            CHECK(d.new_expiry > *c.expires_on);
            CHECK(d.new_expiry >= on);
        }
    }
}
