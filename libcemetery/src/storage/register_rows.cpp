#include "storage/register_rows.hpp"

#include "storage/register_impl.hpp"

namespace cemetery::storage {

// Every INSERT here writes one row, so OR FAIL refuses exactly what the default
// ABORT would; but it spares SQLite a statement journal (a copy of every page the
// row touches, in case the statement must be undone), which a bulk load of a
// million rows would otherwise pay at every row.
//
// Text is bound without a copy (bindNoCopy) where it lives in the record until the
// statement has run: a copy is an allocation per field, some ten per concession.

PlotId insert_plot(Database& db, const Plot& plot) {
    auto& s = db.statement(
        "INSERT OR FAIL INTO plot (cemetery_id, kind, settore, fila, numero, piano) VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, plot.cemetery.value());
    s.bind(2, std::string(code(plot.kind)));
    s.bindNoCopy(3, plot.location.settore);
    s.bindNoCopy(4, plot.location.fila);
    s.bindNoCopy(5, plot.location.numero);
    s.bindNoCopy(6, plot.location.piano);
    s.exec();
    return PlotId{db.sql().getLastInsertRowid()};
}

ConcessionId insert_concession(Database& db, const Concession& c) {
    auto& s = db.statement(
        "INSERT OR FAIL INTO concession (comune_id, plot_id, deed_number, signed_on, term_start, term_years, perpetual, "
        "expires_on, term_source, version_name, ending, ended_on, ending_act, ending_reason, row_version, variant) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, c.comune.value());
    s.bind(2, c.plot.value());
    s.bindNoCopy(3, c.deed_number);
    s.bind(4, to_iso(c.signed_on));
    s.bind(5, to_iso(c.term_start));
    if (c.term_years) {
        s.bind(6, *c.term_years);
    } else {
        s.bind(6);
    }
    s.bind(7, c.perpetual ? 1 : 0);
    bind_date(s, 8, c.perpetual ? std::nullopt : c.expires_on);
    s.bind(9, std::string(term_source_code(c.term_source)));
    s.bindNoCopy(10, c.version_name);
    s.bind(11, std::string(code(c.ending)));
    bind_date(s, 12, c.ending == Ending::none ? std::nullopt : c.ended_on);
    s.bindNoCopy(13, c.ending_act);
    s.bindNoCopy(14, c.ending_reason);
    s.bind(15, first_row_version);
    if (c.variant) {
        s.bindNoCopy(16, *c.variant);
    } else {
        s.bind(16);
    }
    s.exec();
    return ConcessionId{db.sql().getLastInsertRowid()};
}

void insert_people(Database& db, ConcessionId id, int first_position, const std::vector<Holder>& holders,
                   const std::vector<Deceased>& deceased, PeopleIds* ids) {
    int position = first_position;
    for (const auto& h : holders) {
        auto& hs = db.statement(
            "INSERT OR FAIL INTO holder (concession_id, position, surname, given_name, codice_fiscale, address, phone, "
            "email) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        hs.bind(1, id.value());
        hs.bind(2, position++);
        hs.bindNoCopy(3, h.surname);
        hs.bindNoCopy(4, h.given_name);
        hs.bindNoCopy(5, h.codice_fiscale);
        hs.bindNoCopy(6, h.address);
        hs.bindNoCopy(7, h.phone);
        hs.bindNoCopy(8, h.email);
        hs.exec();
        if (ids) ids->holders.push_back(db.sql().getLastInsertRowid());
    }
    for (const auto& d : deceased) {
        auto& ds = db.statement(
            "INSERT OR FAIL INTO deceased (concession_id, surname, given_name, born_on, died_on, buried_on, remains) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)");
        ds.bind(1, id.value());
        ds.bindNoCopy(2, d.surname);
        ds.bindNoCopy(3, d.given_name);
        bind_date(ds, 4, d.born_on);
        bind_date(ds, 5, d.died_on);
        bind_date(ds, 6, d.buried_on);
        ds.bind(7, std::string(code(first_remains)));
        ds.exec();
        if (ids) ids->deceased.push_back(db.sql().getLastInsertRowid());
    }
}

RenewalId insert_renewal(Database& db, ConcessionId id, const Renewal& r) {
    auto& rs = db.statement(
        "INSERT OR FAIL INTO renewal (concession_id, granted_on, years, previous_expiry, new_expiry, deed, version_name) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    rs.bind(1, id.value());
    rs.bind(2, to_iso(r.granted_on));
    rs.bind(3, r.years);
    rs.bind(4, to_iso(r.previous_expiry));
    rs.bind(5, to_iso(r.new_expiry));
    rs.bindNoCopy(6, r.deed);
    rs.bindNoCopy(7, r.version_name);
    rs.exec();
    return RenewalId{db.sql().getLastInsertRowid()};
}

void insert_term_restart(Database& db, ConcessionId id, std::optional<DeceasedId> deceased, const TermRestart& r) {
    auto& s = db.statement(
        "INSERT OR FAIL INTO term_restart (concession_id, deceased_id, deceased, buried_on, previous_start, "
        "previous_expiry, new_start, new_expiry, version_name, basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, id.value());
    const bool payment = r.event == TermEvent::payment;  // nobody buried: neither id nor name
    if (deceased && !payment) {
        s.bind(2, deceased->value());
    } else {
        s.bind(2);  // NULL
    }
    s.bind(3, payment ? std::string() : r.deceased);
    s.bind(4, to_iso(r.buried_on));
    s.bind(5, to_iso(r.previous_start));
    bind_date(s, 6, r.previous_expiry);  // NULL: the burial started the term
    s.bind(7, to_iso(r.new_start));
    s.bind(8, to_iso(r.new_expiry));
    s.bindNoCopy(9, r.version_name);
    s.bindNoCopy(10, r.basis);
    s.exec();
}

}  // namespace cemetery::storage
