#include "storage/fixtures.hpp"

#include "support.hpp"

#include <cemetery/regulation_loader.hpp>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

namespace test {

using namespace cemetery;

Holder holder(std::string surname, std::string given_name, std::string codice_fiscale) {
    Holder h;
    h.surname = std::move(surname);
    h.given_name = std::move(given_name);
    h.codice_fiscale = std::move(codice_fiscale);
    return h;
}

Deceased deceased(std::string surname, std::string given_name, std::optional<Date> born_on,
                  std::optional<Date> died_on, std::optional<Date> buried_on) {
    Deceased d;
    d.surname = std::move(surname);
    d.given_name = std::move(given_name);
    d.born_on = born_on;
    d.died_on = died_on;
    d.buried_on = buried_on;
    return d;
}

UnionRegister::UnionRegister() : UnionRegister(Register::in_memory("test.clerk")) {}

UnionRegister::UnionRegister(const std::filesystem::path& file, std::string user)
    : UnionRegister(Register::open(file, std::move(user))) {}

UnionRegister::UnionRegister(Register r) : reg(std::move(r)), rules(load_regulation(shipped_regulation_path())) {
    add_union();
}

void UnionRegister::add_union() {
    auto comune = [&](const char* name, const char* istat, const char* cadastral, std::optional<Date> until) {
        Comune c;
        c.name = name;
        c.istat_code = istat;
        c.cadastral_code = cadastral;
        c.member_from = ymd(2016, 1, 1);
        c.member_until = until;
        const auto added = reg.add_comune(c);
        INFO(name << ": " << (added.conflict ? added.conflict->message : std::string()));
        REQUIRE(added);
        return *added.value;
    };
    bellinzago = comune("Bellinzago Lombardo", "015016", "A751", std::nullopt);
    liscate = comune("Liscate", "015122", "E610", std::nullopt);
    pozzuolo = comune("Pozzuolo Martesana", "015178", "G965", std::nullopt);
    truccazzano = comune("Truccazzano", "015224", "L454", ymd(2023, 12, 31));

    auto cemetery = [&](ComuneId c, const char* name) {
        const auto added = reg.add_cemetery(c, name);
        INFO(name << ": " << (added.conflict ? added.conflict->message : std::string()));
        REQUIRE(added);
        return *added.value;
    };
    bellinzago_cimitero = cemetery(bellinzago, "Bellinzago Lombardo");
    liscate_cimitero = cemetery(liscate, "Liscate");
    pozzuolo_cimitero = cemetery(pozzuolo, "Pozzuolo Martesana");
    trecella = cemetery(pozzuolo, "Trecella");
    truccazzano_cimitero = cemetery(truccazzano, "Truccazzano");
    albignano = cemetery(truccazzano, "Albignano");
    corneliano = cemetery(truccazzano, "Corneliano Bertario");
    incugnate = cemetery(truccazzano, "Incugnate");
}

PlotId UnionRegister::plot(CemeteryId cemetery, PlotKind kind, const std::string& numero, const std::string& settore,
                           const std::string& fila, const std::string& piano) {
    Plot p;
    p.cemetery = cemetery;
    p.kind = kind;
    p.location = Location{settore, fila, numero, piano};
    const auto added = reg.add_plot(p);
    INFO("plot " << numero << ": " << (added.conflict ? added.conflict->message : std::string()));
    REQUIRE(added);
    return *added.value;
}

Concession UnionRegister::concession_for(const Deed& deed) const {
    const auto p = reg.plot(deed.plot);
    REQUIRE(p);
    std::optional<Cemetery> cemetery;
    for (const auto& c : reg.cemeteries()) {
        if (c.id == p->cemetery) cemetery = c;
    }
    REQUIRE(cemetery);
    const auto comune = reg.comune(cemetery->comune);
    REQUIRE(comune);

    TermRequest request;
    request.comune = comune->name;
    request.kind = p->kind;
    request.signed_on = deed.signed_on;
    request.stated_years = deed.years;
    request.perpetual = deed.perpetual;
    request.stated_expiry = deed.stated_expiry;
    const TermDecision decision = decide_term(rules, request);
    INFO("deed " << deed.number << ": " << (decision.refusal ? decision.refusal->message : std::string()));
    REQUIRE(decision);
    const Term& term = *decision.term;

    Concession c;
    c.comune = comune->id;
    c.plot = deed.plot;
    c.deed_number = deed.number;
    c.signed_on = deed.signed_on;
    cemetery::apply_term(c, term);
    c.holders = deed.holders;
    c.deceased = deed.deceased;
    return c;
}

WriteResult<ConcessionId> UnionRegister::add(const Deed& deed) { return reg.add_concession(concession_for(deed)); }

ConcessionId UnionRegister::add_ok(const Deed& deed) {
    const auto added = add(deed);
    INFO("deed " << deed.number << ": " << (added.conflict ? added.conflict->message : std::string()));
    REQUIRE(added);
    return *added.value;
}

std::string file_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

ShellResult sqlite3_shell(const std::filesystem::path& database, const std::string& sql) {
    static std::atomic<int> counter{0};
    const auto n = std::to_string(++counter);
    const auto script = database.parent_path() / ("shell-" + n + ".sql");
    const auto output = database.parent_path() / ("shell-" + n + ".out");
    {
        std::ofstream out(script, std::ios::binary);
        out << sql << '\n';
    }
    const std::string command = "sqlite3 -bail '" + database.string() + "' < '" + script.string() + "' > '" +
                                output.string() + "' 2>&1";
    ShellResult result;
    result.status = std::system(command.c_str());
    result.output = file_bytes(output);
    std::filesystem::remove(script);
    std::filesystem::remove(output);
    return result;
}

}  // namespace test
