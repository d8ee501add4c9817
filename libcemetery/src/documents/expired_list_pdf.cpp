#include <cemetery/documents/expired_list_pdf.hpp>

#include <cemetery/register.hpp>
#include <cemetery/text.hpp>

namespace cemetery::documents {

namespace {

std::string contacts_line(const Office& office) {
    std::vector<std::string> parts{office.name};
    if (!office.address.empty()) parts.push_back(office.address);
    if (!office.phone.empty()) parts.push_back("tel. " + office.phone);
    if (!office.email.empty()) parts.push_back(office.email);
    std::string line = join(parts, " – ");
    if (!office.hours.empty()) line += "\nOrari di apertura: " + office.hours;
    return line;
}

}  // namespace

std::string capitalised(std::string_view text) {
    std::string s(text);
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::vector<Column> posted_columns() {
    return {{"Cimitero", 0.9}, {"Ubicazione", 2.2}, {"Tipo", 1.05}, {"N. concessione", 1.05},
            {"Scadenza", 1.0}, {"Defunti", 2.2}};
}

std::vector<std::string> posted_cells(const PostedRow& r) {
    return {r.cemetery, capitalised(describe(r.location)), capitalised(italian_name(r.kind)), r.deed_number,
            to_italian(r.expires_on), r.deceased.empty() ? std::string("—") : join(r.deceased, "\n")};
}

ExpiredList collect_expired_list(const Register& reg, const Regulation& regulation, const Comune& comune,
                                 std::string_view cemetery, Date as_of, Date posting_from, const Offices& offices) {
    ExpiredList list;
    list.office = offices.for_comune(comune.name);
    list.comune = comune.name;
    list.as_of = as_of;
    list.posting = posting_period(regulation, posting_from);
    list.outcome = regulation.posting_outcome;
    const std::string wanted = fold(cemetery);
    if (!cemetery.empty()) {
        for (const auto& c : reg.cemeteries(comune.id)) {
            if (fold(c.name) == wanted) list.cemetery = c.name;
        }
        if (list.cemetery.empty()) list.cemetery = std::string(cemetery);
    }
    reg.each_expired(comune.id, as_of, [&](const ListRow& r) {
        if (!wanted.empty() && fold(r.cemetery) != wanted) return;
        list.rows.push_back(PostedRow{r.concession, r.cemetery, r.kind, r.location, r.deed_number, r.expires_on, r.deceased});
    }, [&](const UnreadableRow& bad) { list.unreadable.push_back(bad); });
    return list;
}

std::string expired_list_title(const ExpiredList& list) {
    return "Elenco delle concessioni cimiteriali scadute al " + to_italian(list.as_of);
}

std::vector<Page> lay_out_expired_list(const ExpiredList& list) {
    Typesetter typesetter;
    Flow flow(typesetter);
    const std::string title = expired_list_title(list);

    for (std::size_t i = 0; i < list.office.heading.size(); ++i) {
        flow.paragraph(list.office.heading[i], {i == 0 ? 13.0 : 9.5, i == 0, false, Align::center}, 1);
    }
    flow.paragraph(list.office.name.empty() ? std::string("Servizi cimiteriali") : list.office.name,
                   {9.5, false, true, Align::center}, 8);
    flow.rule();
    flow.space(12);
    flow.paragraph(title, {14, true, false, Align::center}, 3);
    flow.paragraph(list.cemetery.empty() ? "Cimiteri del Comune di " + list.comune : "Cimitero di " + list.cemetery,
                   {10.5, false, false, Align::center}, 12);

    const std::string until = to_italian(list.posting.until);
    flow.paragraph("Il presente elenco è pubblicato all'albo pretorio del Comune e affisso all'ingresso del cimitero "
                   "dal " + to_italian(list.posting.from) + " al " + until + " (" +
                       std::to_string(list.posting.days) + " giorni, " + list.posting.basis + ").",
                   {}, 4);
    flow.paragraph("Le concessioni elencate sono scadute e non sono state rinnovate. Chi ne ha titolo può presentarsi "
                   "entro il " + until + " all'ufficio indicato in fondo per chiederne il rinnovo, dove il "
                   "regolamento lo consente, o per disporre dei resti dei defunti.",
                   {}, 10);

    flow.set_running_head(list.office.heading.empty() ? title : list.office.heading.front() + " – " + title + " (segue)");
    flow.begin_table(posted_columns());
    for (const auto& r : list.rows) flow.row(posted_cells(r));
    flow.end_table();

    const auto n = static_cast<long long>(list.rows.size());
    flow.keep(40);
    flow.paragraph("Totale: " + italian_count(n) + (n == 1 ? " concessione scaduta" : " concessioni scadute") +
                       " al " + to_italian(list.as_of) + ".",
                   {10, true, false, Align::left}, 10);
    if (!list.outcome.value.empty()) {
        flow.keep(60);
        flow.paragraph("Se nessuno si presenta", {10, true, false, Align::left}, 2);
        flow.paragraph(list.outcome.value + " (" + list.outcome.basis + ")", {}, 10);
    }
    flow.keep(60);
    flow.paragraph("Per informazioni: " + contacts_line(list.office), {9, false, false, Align::left}, 14);
    flow.paragraph(list.comune + ", " + to_italian(list.posting.from), {}, 4);
    flow.paragraph("Il responsabile del servizio", {9.5, false, false, Align::right}, 0);
    return std::move(flow).finish();
}

void write_expired_list_pdf(const ExpiredList& list, const std::filesystem::path& file) {
    write_pdf(lay_out_expired_list(list), file, expired_list_title(list));
}

}  // namespace cemetery::documents
