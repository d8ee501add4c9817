// Writing concessions: a new concession with its people, and renewals.
#include "storage/register_impl.hpp"

#include "storage/change_log.hpp"

#include <SQLiteCpp/Exception.h>

namespace cemetery {

using storage::append_change;
using storage::bind_date;
using storage::WriteScope;

namespace {

nlohmann::json concession_json(const Concession& c) {
    nlohmann::json j = {
        {"comune_id", c.comune.value()},
        {"plot_id", c.plot.value()},
        {"deed_number", c.deed_number},
        {"signed_on", to_iso(c.signed_on)},
        {"term_start", to_iso(c.term_start)},
        {"perpetual", c.perpetual},
        {"term_source", storage::term_source_code(c.term_source)},
        {"version_name", c.version_name},
    };
    j["term_years"] = c.term_years ? nlohmann::json(*c.term_years) : nlohmann::json(nullptr);
    j["expires_on"] = c.expires_on ? nlohmann::json(to_iso(*c.expires_on)) : nlohmann::json(nullptr);
    auto& holders = j["holders"] = nlohmann::json::array();
    for (const auto& h : c.holders) {
        holders.push_back({{"surname", h.surname},
                           {"given_name", h.given_name},
                           {"codice_fiscale", h.codice_fiscale},
                           {"address", h.address},
                           {"phone", h.phone},
                           {"email", h.email}});
    }
    auto& deceased = j["deceased"] = nlohmann::json::array();
    for (const auto& d : c.deceased) {
        deceased.push_back({{"surname", d.surname},
                            {"given_name", d.given_name},
                            {"born_on", d.born_on ? to_iso(*d.born_on) : ""},
                            {"died_on", d.died_on ? to_iso(*d.died_on) : ""},
                            {"buried_on", d.buried_on ? to_iso(*d.buried_on) : ""}});
    }
    return j;
}

nlohmann::json people_json(const std::vector<Holder>& holders, const std::vector<Deceased>& deceased) {
    Concession c;
    c.holders = holders;
    c.deceased = deceased;
    const auto full = concession_json(c);
    return {{"holders", full["holders"]}, {"deceased", full["deceased"]}};
}

void insert_people(storage::Database& db, ConcessionId id, int first_position, const std::vector<Holder>& holders,
                   const std::vector<Deceased>& deceased) {
    int position = first_position;
    for (const auto& h : holders) {
        auto& hs = db.statement(
            "INSERT INTO holder (concession_id, position, surname, given_name, codice_fiscale, address, phone, "
            "email) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        hs.bind(1, id.value());
        hs.bind(2, position++);
        hs.bind(3, h.surname);
        hs.bind(4, h.given_name);
        hs.bind(5, h.codice_fiscale);
        hs.bind(6, h.address);
        hs.bind(7, h.phone);
        hs.bind(8, h.email);
        hs.exec();
    }
    for (const auto& d : deceased) {
        auto& ds = db.statement(
            "INSERT INTO deceased (concession_id, surname, given_name, born_on, died_on, buried_on) "
            "VALUES (?, ?, ?, ?, ?, ?)");
        ds.bind(1, id.value());
        ds.bind(2, d.surname);
        ds.bind(3, d.given_name);
        bind_date(ds, 4, d.born_on);
        bind_date(ds, 5, d.died_on);
        bind_date(ds, 6, d.buried_on);
        ds.exec();
    }
}

void insert_renewal(storage::Database& db, ConcessionId id, const Renewal& r) {
    auto& rs = db.statement(
        "INSERT INTO renewal (concession_id, granted_on, years, previous_expiry, new_expiry, deed, version_name) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    rs.bind(1, id.value());
    rs.bind(2, to_iso(r.granted_on));
    rs.bind(3, r.years);
    rs.bind(4, to_iso(r.previous_expiry));
    rs.bind(5, to_iso(r.new_expiry));
    rs.bind(6, r.deed);
    rs.bind(7, r.version_name);
    rs.exec();
}

}  // namespace

WriteResult<ConcessionId> Register::add_people(ConcessionId id, const std::vector<Holder>& holders,
                                               const std::vector<Deceased>& deceased) {
    auto& db = impl_->db;
    try {
        WriteScope tx(db);
        auto current = impl_->load_concession(id);
        if (!current) return {{}, Conflict{ConflictCode::missing_reference, "no such concession"}};
        insert_people(db, id, static_cast<int>(current->holders.size()), holders, deceased);
        auto& us = db.statement("UPDATE concession SET row_version = row_version + 1 WHERE id = ?");
        us.bind(1, id.value());
        us.exec();
        impl_->index_concession(id);
        append_change(db, impl_->user, "concession", id.value(), "add_people", people_json(holders, deceased));
        tx.commit();
        return {id, {}};
    } catch (const SQLite::Exception& e) {
        if (auto conflict = storage::conflict_from(e)) return {{}, conflict};
        throw storage::database_error_from(e, impl_->file.string());
    }
}

namespace {
Conflict stale_conflict() {
    return Conflict{ConflictCode::stale,
                    "someone else changed this concession after it was shown: reopen it and try again"};
}
}  // namespace

WriteResult<ConcessionId> Register::replace_holders(ConcessionId id, const std::vector<Holder>& holders,
                                                    std::int64_t expected_version) {
    auto& db = impl_->db;
    try {
        WriteScope tx(db);
        auto current = impl_->load_concession(id);
        if (!current) return {{}, Conflict{ConflictCode::missing_reference, "no such concession"}};
        if (current->row_version != expected_version) return {{}, stale_conflict()};
        nlohmann::json before = people_json(current->holders, {})["holders"];
        auto& del = db.statement("DELETE FROM holder WHERE concession_id = ?");
        del.bind(1, id.value());
        del.exec();
        insert_people(db, id, 0, holders, {});
        auto& us = db.statement("UPDATE concession SET row_version = row_version + 1 WHERE id = ?");
        us.bind(1, id.value());
        us.exec();
        impl_->index_concession(id);
        append_change(db, impl_->user, "concession", id.value(), "replace_holders",
                      {{"before", before}, {"after", people_json(holders, {})["holders"]}});
        tx.commit();
        return {id, {}};
    } catch (const SQLite::Exception& e) {
        if (auto conflict = storage::conflict_from(e)) return {{}, conflict};
        throw storage::database_error_from(e, impl_->file.string());
    }
}

WriteResult<ConcessionId> Register::add_deceased(ConcessionId id, const Deceased& deceased,
                                                 std::int64_t expected_version) {
    {
        const auto current = concession(id);
        if (current && current->row_version != expected_version) return {{}, stale_conflict()};
    }
    // add_people re-reads inside its own transaction; a change in between is caught
    // by the version check below, made again under the write lock.
    Batch batch(*this);
    const auto current = impl_->load_concession(id);
    if (!current) return {{}, Conflict{ConflictCode::missing_reference, "no such concession"}};
    if (current->row_version != expected_version) return {{}, stale_conflict()};
    auto result = add_people(id, {}, {deceased});
    if (result) batch.commit();
    return result;
}

WriteResult<ConcessionId> Register::add_concession(const Concession& c) {
    auto& db = impl_->db;
    try {
        WriteScope tx(db);
        auto& s = db.statement(
            "INSERT INTO concession (comune_id, plot_id, deed_number, signed_on, term_start, term_years, perpetual, "
            "expires_on, term_source, version_name, ending, ended_on, ending_act, ending_reason) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        s.bind(1, c.comune.value());
        s.bind(2, c.plot.value());
        s.bind(3, c.deed_number);
        s.bind(4, to_iso(c.signed_on));
        s.bind(5, to_iso(c.term_start));
        if (c.term_years) s.bind(6, *c.term_years); else s.bind(6);
        s.bind(7, c.perpetual ? 1 : 0);
        bind_date(s, 8, c.perpetual ? std::nullopt : c.expires_on);
        s.bind(9, std::string(storage::term_source_code(c.term_source)));
        s.bind(10, c.version_name);
        s.bind(11, std::string(code(c.ending)));
        bind_date(s, 12, c.ending == Ending::none ? std::nullopt : c.ended_on);
        s.bind(13, c.ending_act);
        s.bind(14, c.ending_reason);
        s.exec();
        const ConcessionId id{db.sql().getLastInsertRowid()};

        insert_people(db, id, 0, c.holders, c.deceased);
        for (const auto& r : c.renewals) insert_renewal(db, id, r);
        impl_->index_concession(id);
        append_change(db, impl_->user, "concession", id.value(), "insert", concession_json(c));
        tx.commit();
        return {id, {}};
    } catch (const SQLite::Exception& e) {
        if (auto conflict = storage::conflict_from(e)) return {{}, conflict};
        throw storage::database_error_from(e, impl_->file.string());
    }
}

RenewalOutcome Register::renew(ConcessionId id, const RenewalRequest& request, const Regulation& regulation) {
    auto& db = impl_->db;
    // Declared outside the try: a conflict keeps the rules' decision with it.
    RenewalOutcome outcome;
    try {
        // Decide inside the write transaction, so the concession cannot change
        // between the decision and the write (another clerk renewing at once).
        WriteScope tx(db);
        auto current = impl_->load_concession(id);
        if (!current) {
            // Not a matter for the regulation: the concession is not in the register.
            outcome.conflict = Conflict{ConflictCode::missing_reference,
                                        "no concession with id " + std::to_string(id.value()) + " in the register"};
            return outcome;
        }
        const auto plot_of = plot(current->plot);
        const auto comune_of = impl_->load_comune(current->comune);
        outcome.decision = decide_renewal(regulation, *current, plot_of->kind, comune_of->name, request.on);
        if (!outcome.decision.allowed()) return outcome;

        const auto& d = outcome.decision;
        insert_renewal(db, id, Renewal{{}, request.on, d.years, d.previous_expiry, d.new_expiry, request.deed,
                                       d.version_name});
        auto& us = db.statement(
            "UPDATE concession SET expires_on = ?, row_version = row_version + 1 WHERE id = ? AND row_version = ?");
        us.bind(1, to_iso(d.new_expiry));
        us.bind(2, id.value());
        us.bind(3, current->row_version);
        us.exec();
        append_change(db, impl_->user, "concession", id.value(), "renew",
                      {{"granted_on", to_iso(request.on)},
                       {"years", d.years},
                       {"previous_expiry", to_iso(d.previous_expiry)},
                       {"new_expiry", to_iso(d.new_expiry)},
                       {"deed", request.deed},
                       {"version_name", d.version_name}});
        outcome.concession = impl_->load_concession(id);
        tx.commit();
        return outcome;
    } catch (const SQLite::Exception& e) {
        // A longer term may run into a later concession on the same plot.
        if (auto conflict = storage::conflict_from(e)) {
            outcome.concession.reset();
            outcome.conflict = conflict;
            return outcome;
        }
        throw storage::database_error_from(e, impl_->file.string());
    }
}

}  // namespace cemetery
