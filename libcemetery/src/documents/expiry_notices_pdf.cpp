#include <cemetery/documents/expiry_notices_pdf.hpp>

#include <cemetery/register.hpp>
#include <cemetery/text.hpp>

namespace cemetery::documents {

namespace {

std::string names(const std::vector<std::string>& people) {
    if (people.empty()) return {};
    if (people.size() == 1) return people.front();
    std::vector<std::string> head(people.begin(), people.end() - 1);
    return join(head, ", ") + " e " + people.back();
}

std::string place_of(const PostedRow& row) {
    const std::string kind = capitalised(italian_name(row.kind));
    const std::string where = describe(row.location);
    return kind + " nel cimitero di " + row.cemetery + (where.empty() ? std::string() : ", " + where);
}

std::string renewal_paragraph(const NoticeLetter& letter, const PostingPeriod& posting) {
    const auto& d = letter.renewal;
    const std::string until = to_italian(posting.until);
    if (d.allowed()) {
        std::string text = "Il regolamento consente il rinnovo della concessione per " + std::to_string(d.years) +
                           (d.years == 1 ? " anno" : " anni") + ", con nuova scadenza al " +
                           to_italian(d.new_expiry) + " (regolamento «" + d.version_name + "»; " + d.basis + "). ";
        text += d.price.configured() ? "La tariffa del rinnovo è di " + format_euro(*d.price.cents) + ". "
                         : "L'importo del rinnovo Le sarà comunicato dall'ufficio. ";
        return text + "Può chiedere il rinnovo all'ufficio entro il " + until + ".";
    }
    std::string text = "Il regolamento non consente il rinnovo di questa concessione: " + italian_reason(*d.refusal);
    // The decision computed the expiry it refused: the letter names it.
    if (d.refusal->code == RefusalCode::renewal_ends_before) text += " (scadrebbe il " + to_italian(d.new_expiry) + ")";
    std::vector<std::string> source;
    if (!d.refusal->version_name.empty()) source.push_back("regolamento «" + d.refusal->version_name + "»");
    if (!d.refusal->basis.empty()) source.push_back(d.refusal->basis);
    if (!source.empty()) text += " (" + join(source, "; ") + ")";
    return text + ". Entro il " + until +
           " può presentarsi all'ufficio per concordare la destinazione dei resti dei defunti.";
}

void contacts(Flow& flow, const Office& office) {
    std::vector<std::string> lines{office.name};
    if (!office.address.empty()) lines.push_back(office.address);
    if (!office.phone.empty()) lines.push_back("Telefono: " + office.phone);
    if (!office.email.empty()) lines.push_back("Posta elettronica: " + office.email);
    if (!office.hours.empty()) lines.push_back("Orari di apertura: " + office.hours);
    flow.paragraph("Per informazioni e per presentare le domande:", {9.5, true, false, Align::left}, 2);
    flow.paragraph(join(lines, "\n"), {}, 10);
}

void heading(Flow& flow, const Office& office) {
    for (std::size_t i = 0; i < office.heading.size(); ++i) {
        flow.paragraph(office.heading[i], {i == 0 ? 12.0 : 9.0, i == 0, false, Align::left}, 1);
    }
    flow.paragraph(office.name, {9, false, true, Align::left}, 6);
    flow.rule();
    flow.space(18);
}

}  // namespace

std::string italian_reason(const Refusal& refusal) {
    switch (refusal.code) {
        case RefusalCode::no_version: return "nessuna versione del regolamento si applica oggi al Comune";
        case RefusalCode::no_rule_for_kind: return "il regolamento non prevede questo tipo di sepoltura";
        case RefusalCode::variant_not_offered: return "il regolamento in vigore non prevede la variante della concessione";
        case RefusalCode::concession_perpetual: return "la concessione è perpetua";
        case RefusalCode::concession_ended: return "la concessione è già cessata";
        case RefusalCode::kind_not_renewable:
            return "per questo tipo di sepoltura il regolamento non prevede rinnovi";
        case RefusalCode::renewals_used_up:
            return "la concessione è già stata rinnovata tante volte quante il regolamento consente";
        case RefusalCode::renewal_not_stated:
            return "il regolamento non indica come si rinnova questo tipo di sepoltura: l'ufficio indicherà le "
                   "condizioni";
        case RefusalCode::term_too_long: return "il rinnovo supererebbe la durata massima di una concessione";
        case RefusalCode::already_closed: return "il posto è già stato liberato";
        case RefusalCode::renewal_ends_before:
            return "il rinnovo decorre dalla scadenza precedente e terminerebbe prima ancora di essere concesso";
        default: return "le condizioni previste non sono soddisfatte";
    }
}

ExpiryNotices collect_expiry_notices(const Register& reg, const Regulation& regulation, const Comune& comune,
                                     std::string_view cemetery, Date as_of, Date posting_from,
                                     const Offices& offices) {
    const ExpiredList list = collect_expired_list(reg, regulation, comune, cemetery, as_of, posting_from, offices);
    ExpiryNotices notices;
    notices.office = list.office;
    notices.comune = list.comune;
    notices.as_of = list.as_of;
    notices.posting = list.posting;
    notices.outcome = list.outcome;
    notices.unreadable = list.unreadable;
    for (const auto& row : list.rows) {
        const auto record = reg.record(row.concession);
        if (!record) continue;  // removed since the list was read
        if (record->concession.holders.empty()) {
            notices.without_holder.push_back(row);
            continue;
        }
        NoticeLetter letter;
        letter.concession = row;
        for (const auto& h : record->concession.holders) {
            letter.holders.push_back(h.full_name());
            if (letter.address.empty()) letter.address = h.address;
        }
        letter.renewal = decide_renewal(regulation, record->concession, record->plot.kind, record->comune.name,
                                        posting_from, std::nullopt, reg.life(row.concession).postings);
        notices.letters.push_back(std::move(letter));
    }
    return notices;
}

std::vector<Page> lay_out_expiry_notices(const ExpiryNotices& notices) {
    Typesetter typesetter;
    Flow flow(typesetter, Margins{48, 56, 52, 56});
    const std::string from = to_italian(notices.posting.from);
    const std::string until = to_italian(notices.posting.until);
    for (std::size_t i = 0; i < notices.letters.size(); ++i) {
        const auto& letter = notices.letters[i];
        const auto& c = letter.concession;
        if (i > 0) flow.new_page();
        heading(flow, notices.office);

        std::string to = "Gentile\n" + join(letter.holders, "\n") + "\n";
        to += letter.address.empty() ? std::string("(indirizzo non presente nel registro)") : letter.address;
        const double left = flow.width() * 0.52;
        const double h = flow.text_at(left, flow.width() - left, to, {10, false, false, Align::left});
        flow.space(h + 22);
        flow.paragraph(notices.comune + ", " + from, {}, 12);
        flow.paragraph("Oggetto: avviso di scadenza della concessione cimiteriale n. " + c.deed_number,
                       {10.5, true, false, Align::left}, 12);

        flow.paragraph("La informiamo che la concessione cimiteriale n. " + c.deed_number + ", intestata a " +
                           names(letter.holders) + ", è scaduta il " + to_italian(c.expires_on) + ".",
                       {10, false, false, Align::left}, 6);
        flow.paragraph("Sepoltura: " + place_of(c) + "\nDefunti: " +
                           (c.deceased.empty() ? std::string("nessuno") : join(c.deceased, ", ")),
                       {10, false, false, Align::left}, 8);
        flow.paragraph(renewal_paragraph(letter, notices.posting), {10, false, false, Align::left}, 8);
        flow.paragraph("L'elenco delle concessioni scadute è pubblicato all'albo pretorio del Comune e affisso "
                       "all'ingresso del cimitero dal " + from + " al " + until + " (" +
                           std::to_string(notices.posting.days) + " giorni, " + notices.posting.basis + ").",
                       {10, false, false, Align::left}, 8);
        if (!notices.outcome.value.empty()) {
            flow.paragraph("Se entro il " + until + " nessuno si presenta", {10, true, false, Align::left}, 2);
            flow.paragraph(notices.outcome.value + " (" + notices.outcome.basis + ")",
                           {10, false, false, Align::left}, 12);
        }
        contacts(flow, notices.office);
        flow.paragraph("Distinti saluti.", {10, false, false, Align::left}, 14);
        flow.paragraph("Il responsabile del servizio", {10, false, false, Align::right}, 0);
    }
    if (!notices.without_holder.empty()) {
        if (!notices.letters.empty()) flow.new_page();
        heading(flow, notices.office);
        flow.paragraph("Concessioni scadute al " + to_italian(notices.as_of) + " senza concessionario noto",
                       {13, true, false, Align::center}, 8);
        flow.paragraph("Per queste concessioni il registro non indica a chi scrivere: l'avviso è dato con "
                       "l'affissione dell'elenco all'albo pretorio e all'ingresso del cimitero, dal " + from +
                           " al " + until + ".",
                       {}, 10);
        flow.set_running_head("Concessioni senza concessionario noto (segue)");
        flow.begin_table(posted_columns());
        for (const auto& r : notices.without_holder) flow.row(posted_cells(r));
        flow.end_table();
        const auto n = static_cast<long long>(notices.without_holder.size());
        flow.paragraph("Totale: " + italian_count(n) + (n == 1 ? " concessione" : " concessioni") + ".",
                       {10, true, false, Align::left}, 0);
    }
    if (notices.letters.empty() && notices.without_holder.empty()) {
        heading(flow, notices.office);
        flow.paragraph("Nessuna concessione scaduta al " + to_italian(notices.as_of) + ".", {}, 0);
    }
    const std::string who = notices.office.heading.empty() ? notices.comune : notices.office.heading.front();
    return std::move(flow).finish([who](int page, int count) {
        return who + " – avvisi di scadenza – pagina " + std::to_string(page) + " di " + std::to_string(count);
    });
}

void write_expiry_notices_pdf(const ExpiryNotices& notices, const std::filesystem::path& file) {
    write_pdf(lay_out_expiry_notices(notices), file,
              "Avvisi di scadenza delle concessioni cimiteriali scadute al " + to_italian(notices.as_of));
}

}  // namespace cemetery::documents
