#include <cemetery/documents/deed_pdf.hpp>

#include <cemetery/documents/expired_list_pdf.hpp>
#include <cemetery/tariff.hpp>
#include <cemetery/text.hpp>

#include <algorithm>

namespace cemetery::documents {

namespace {

std::string years_text(int years) { return std::to_string(years) + (years == 1 ? " anno" : " anni"); }

std::string or_missing(const std::string& value, const std::string& missing) { return value.empty() ? missing : value; }

std::string holder_line(const Holder& h) {
    return h.full_name() + ", codice fiscale " + or_missing(h.codice_fiscale, "non presente nel registro") +
           (h.address.empty() ? std::string(", residenza non presente nel registro") : ", residente in " + h.address);
}

std::string deceased_line(const Deceased& d) {
    std::string line = d.full_name();
    std::vector<std::string> dates;
    if (d.born_on) dates.push_back("nascita " + to_italian(*d.born_on));
    if (d.died_on) dates.push_back("decesso " + to_italian(*d.died_on));
    if (d.buried_on) dates.push_back("sepoltura " + to_italian(*d.buried_on));
    if (!dates.empty()) line += " (" + join(dates, ", ") + ")";
    return line;
}

const RegulationVersion* version_named(const Regulation& regulation, std::string_view name) {
    if (name.empty()) return nullptr;
    for (const auto& v : regulation.versions) {
        if (v.name == name) return &v;
    }
    return nullptr;
}

// The rule the deed was granted under: the kind's, or its variant's.
const KindRule* rule_of(const RegulationVersion* version, PlotKind kind, const std::optional<std::string>& variant) {
    if (!version) return nullptr;
    const KindRule* rule = version->rule_for(kind);
    if (rule && variant) return rule->variant_rule(*variant);
    return rule;
}

std::string ordinal(int n) { return std::to_string(n) + "°"; }

// What the rule says of renewals, in the deed's words, with the rule's source.
std::string renewals_text(const Concession& c, const RegulationVersion* version, const KindRule* rule) {
    if (c.perpetual) return "La concessione è perpetua: non è soggetta a rinnovo.";
    if (!version) return "Il regolamento non si applica a questo atto, anteriore alla sua entrata in vigore.";
    const std::string source = " (regolamento «" + version->name + "»" + (rule ? ": " + rule->basis : "") + ")";
    if (!rule) return "Il regolamento non stabilisce rinnovi per questo tipo di sepoltura" + source + ".";
    if (rule->renewals_not_stated) return "Il regolamento non indica se la concessione si possa rinnovare" + source + ".";
    const int term = c.term_years.value_or(0);
    const auto count = rule->renewals_for(term);
    if (!count) return "Il regolamento non indica i rinnovi per una concessione di questa durata" + source + ".";
    if (*count == 0) return "La concessione non è rinnovabile" + source + ".";
    std::string text = "La concessione può essere rinnovata " +
                       (*count == 1 ? std::string("una volta") : std::to_string(*count) + " volte");
    if (rule->renewal_length_not_stated) {
        text += ", per una durata che il regolamento non indica";
    } else {
        std::vector<std::string> lengths;
        for (int i = 0; i < *count; ++i) lengths.push_back(years_text(rule->renewal.for_renewal(i, term)));
        const bool same = std::all_of(lengths.begin(), lengths.end(), [&](const auto& l) { return l == lengths[0]; });
        if (same) {
            text += " per " + lengths[0] + (*count > 1 ? " ciascuna" : "");
        } else {
            std::vector<std::string> each;
            for (int i = 0; i < *count; ++i) each.push_back("il " + ordinal(i + 1) + " rinnovo per " + lengths[i]);
            text += ": " + join(each, ", ");
        }
    }
    if (rule->renewal_until_years_after_burial) {
        text += ", solo per gli anni necessari perché l'ultima salma sepolta compia " +
                years_text(rule->renewal_until_years_after_burial->value) + " (" +
                rule->renewal_until_years_after_burial->basis + ")";
    }
    text += "; ogni rinnovo decorre dalla scadenza in corso" + source + ".";
    if (rule->renewal_window && !rule->renewal_window->basis.empty()) {
        text += " La domanda di rinnovo si presenta nei termini del regolamento (" + rule->renewal_window->basis + ").";
    }
    return text;
}

void put_price(Deed& deed, const PriceQuote& quote) {
    if (quote.configured()) {
        deed.values["tariffa"] = format_euro(*quote.cents);
        std::string basis = quote.tariff->basis;
        if (quote.concession) {
            basis = std::to_string(quote.tariff->of_concession->numerator) + "/" +
                    std::to_string(quote.tariff->of_concession->denominator) + " della tariffa di concessione di " +
                    format_euro(quote.concession->cents) + ", " + quote.concession->basis + "; " + basis;
        }
        deed.values["delibera_tariffa"] = basis;
    } else {
        deed.values["tariffa"] = "tariffa non configurata";
        deed.values["delibera_tariffa"] =
            quote.share_without_concession() ? quote.tariff->basis + "; nessuna tariffa di concessione in vigore"
                                             : "nessuna delibera tariffaria nel regolamento";
    }
}

void heading(Flow& flow, const Office& office) {
    for (std::size_t i = 0; i < office.heading.size(); ++i) {
        flow.paragraph(office.heading[i], {i == 0 ? 12.0 : 9.0, i == 0, false, Align::left}, 1);
    }
    flow.paragraph(office.name, {9, false, true, Align::left}, 6);
    flow.rule();
    flow.space(16);
}

// The holders' signatures on the left, one under another, the officer's on the right.
void signatures(Flow& flow, const Deed& deed) {
    const TextStyle label{10, true, false, Align::left};
    const TextStyle name{10, false, false, Align::left};
    const std::string line = "_________________________________";
    const double column = flow.width() / 2 - 12;
    const double right = flow.width() / 2 + 12;
    const std::size_t n = std::max<std::size_t>(deed.holders.size(), 1);
    flow.keep(40 + 52.0 * static_cast<double>(n));
    const double a = flow.text_at(0, column, n > 1 ? "I concessionari" : "Il concessionario", label);
    const double b = flow.text_at(right, column, "Per il Comune di " + deed.comune + "\nIl responsabile del servizio",
                                  label);
    flow.space(std::max(a, b) + 30);
    for (std::size_t i = 0; i < n; ++i) {
        const std::string who = i < deed.holders.size() ? deed.holders[i] : std::string();
        const double h = flow.text_at(0, column, line + "\n" + who, name);
        if (i == 0) flow.text_at(right, column, line, name);
        flow.space(h + 26);
    }
}

}  // namespace

std::optional<std::size_t> renewal_with_deed(const Concession& concession, std::string_view deed) {
    for (std::size_t i = 0; i < concession.renewals.size(); ++i) {
        if (!deed.empty() && concession.renewals[i].deed == deed) return i;
    }
    return std::nullopt;
}

Deed collect_deed(const ConcessionRecord& record, const Regulation& regulation, const Offices& offices,
                  std::optional<std::size_t> renewal, Date printed_on) {
    const Concession& c = record.concession;
    const PlotKind kind = record.plot.kind;
    Deed deed;
    deed.kind = renewal ? DeedKind::renewal : DeedKind::concession;
    deed.office = offices.for_comune(record.comune.name);
    deed.comune = record.comune.name;
    for (const auto& h : c.holders) deed.holders.push_back(h.full_name());

    auto& v = deed.values;
    v["comune"] = record.comune.name;
    v["ufficio"] = deed.office.name.empty() ? "Servizi Demografici" : deed.office.name;
    v["numero_concessione"] = c.deed_number;
    v["data_stipula"] = to_italian(c.signed_on);
    std::vector<std::string> holders;
    for (const auto& h : c.holders) holders.push_back(holder_line(h));
    v["concessionari"] = holders.empty() ? "(nessun concessionario nel registro)" : join(holders, "\n");
    std::vector<std::string> deceased;
    for (const auto& d : c.deceased) deceased.push_back(deceased_line(d));
    v["defunti"] = deceased.empty() ? "nessuno" : join(deceased, "\n");
    v["cimitero"] = record.cemetery.name;
    v["tipo"] = std::string(italian_name(kind));
    v["posto"] = or_missing(describe(record.plot.location), "posto non indicato nel registro");
    v["durata"] = c.perpetual ? "perpetua" : c.term_years ? years_text(*c.term_years) : "non indicata";
    v["decorrenza"] = to_italian(c.term_start);
    // The term's own expiry: renewals move Concession::expires_on, the first one says what it was.
    if (c.perpetual) {
        v["scadenza"] = "mai (concessione perpetua)";
    } else if (!c.renewals.empty()) {
        v["scadenza"] = to_italian(c.renewals.front().previous_expiry);
    } else if (c.expires_on) {
        v["scadenza"] = to_italian(*c.expires_on);
    } else {
        v["scadenza"] = "alla fine della durata, che non è ancora decorsa";
    }
    const RegulationVersion* signed_under = version_named(regulation, c.version_name);
    const KindRule* rule = rule_of(signed_under, kind, c.variant);
    v["versione"] = signed_under ? signed_under->name : "nessuna: atto anteriore al regolamento";
    if (rule) {
        v["articoli_durata"] = rule->basis + (rule->term_start_basis.empty() ? "" : "; decorrenza: " + rule->term_start_basis);
    } else {
        v["articoli_durata"] = "durata stabilita dall'atto";
    }
    v["luogo"] = record.comune.name;
    v["data"] = to_italian(printed_on);

    if (!renewal) {
        deed.number = c.deed_number;
        v["numero_atto"] = c.deed_number;
        v["rinnovi_consentiti"] = renewals_text(c, signed_under, rule);
        put_price(deed, quote_price(regulation, record.comune.name, kind, TariffItem::concession, c.term_years,
                                    c.signed_on));
        return deed;
    }
    const Renewal& r = c.renewals.at(*renewal);
    deed.number = r.deed.empty() ? c.deed_number + " (rinnovo " + std::to_string(*renewal + 1) + ")" : r.deed;
    v["numero_atto"] = r.deed.empty() ? "(senza numero)" : r.deed;
    v["numero_rinnovo"] = std::to_string(*renewal + 1);
    v["data_rinnovo"] = to_italian(r.granted_on);
    v["anni_rinnovo"] = years_text(r.years);
    v["scadenza_precedente"] = to_italian(r.previous_expiry);
    v["nuova_scadenza"] = to_italian(r.new_expiry);
    const RegulationVersion* renewed_under = version_named(regulation, r.version_name);
    const KindRule* renewal_rule = rule_of(renewed_under, kind, c.variant);
    v["versione_rinnovo"] = or_missing(r.version_name, "non indicata nel registro");
    v["articoli_rinnovo"] = renewal_rule ? renewal_rule->basis : "norma non indicata nel registro";
    v["rinnovi_consentiti"] = renewals_text(c, renewed_under, renewal_rule);
    put_price(deed, quote_price(regulation, record.comune.name, kind, TariffItem::renewal, c.term_years, r.granted_on));
    return deed;
}

std::vector<Page> lay_out_deed(const Deed& deed, const DeedTemplate& text) {
    Typesetter typesetter;
    Flow flow(typesetter, Margins{48, 56, 52, 56});
    heading(flow, deed.office);
    const TextStyle body{10, false, false, Align::left};
    // The lines of a paragraph run on as one text, as a clerk's editor wraps them; a
    // placeholder alone on its line (a list: the holders, the deceased) keeps lines of its own.
    std::string paragraph;
    bool after_list = false;
    const auto flush = [&](double after) {
        if (paragraph.empty()) return;
        flow.paragraph(paragraph, body, after);
        paragraph.clear();
    };
    for (const auto& line : text.lines(deed.kind)) {
        switch (line.kind) {
            case TemplateLine::Kind::text: {
                const bool list = line.placeholder_alone();
                if (!paragraph.empty()) paragraph += list || after_list ? "\n" : " ";
                paragraph += fill_placeholders(line.text, deed.values);
                after_list = list;
                break;
            }
            case TemplateLine::Kind::blank:
                flush(8);
                after_list = false;
                break;
            case TemplateLine::Kind::title:
                flush(8);
                flow.paragraph(fill_placeholders(line.text, deed.values), {13, true, false, Align::center}, 14);
                break;
            case TemplateLine::Kind::heading:
                flush(8);
                flow.keep(40);  // a heading is not left alone at the bottom of a page
                flow.paragraph(fill_placeholders(line.text, deed.values), {10.5, true, false, Align::left}, 3);
                break;
            case TemplateLine::Kind::signatures:
                flush(8);
                flow.space(10);
                signatures(flow, deed);
                break;
        }
    }
    flush(0);
    const std::string what = (deed.kind == DeedKind::concession ? "atto di concessione n. " : "atto di rinnovo n. ") +
                             deed.number;
    return std::move(flow).finish([what](int page, int count) {
        return what + " – pagina " + std::to_string(page) + " di " + std::to_string(count);
    });
}

void write_deed_pdf(const Deed& deed, const DeedTemplate& text, const std::filesystem::path& file) {
    write_pdf(lay_out_deed(deed, text), file,
              (deed.kind == DeedKind::concession ? "Atto di concessione cimiteriale n. " : "Atto di rinnovo n. ") +
                  deed.number);
}

}  // namespace cemetery::documents
