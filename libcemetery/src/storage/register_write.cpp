// Writing concessions: a new concession with its people, and renewals.
#include "storage/register_impl.hpp"

#include "storage/change_log.hpp"
#include "storage/log_people.hpp"
#include "storage/register_life_impl.hpp"
#include "storage/register_rows.hpp"

#include <cemetery/concession_over.hpp>

namespace cemetery {

using storage::append_change;
using storage::insert_people;
using storage::insert_renewal;

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
    // Only when set: the entries of deeds under the ordinary rule read as they always did.
    if (c.variant) j["variant"] = *c.variant;
    // Holders are living people: the log keeps how many and a digest (log_people.hpp).
    j["holders"] = storage::holders_summary(c.holders);
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

}  // namespace

WriteResult<ConcessionId> Register::add_people(ConcessionId id, const std::vector<Holder>& holders,
                                               const std::vector<Deceased>& deceased) {
    return impl_->write<WriteResult<ConcessionId>>([&](WriteResult<ConcessionId>& out) {
        auto& db = impl_->db;
        auto current = impl_->load_concession(id);
        if (!current) {
            out.conflict = Conflict{ConflictCode::missing_reference, "no such concession"};
            return;
        }
        // Ended or freed, its record takes nobody more.
        out.refusal = refusal_when_over(*current, "non vi si può aggiungere nessuno");
        if (out.refusal) return;
        insert_people(db, id, static_cast<int>(current->holders.size()), holders, deceased);
        auto& us = db.statement("UPDATE concession SET row_version = row_version + 1 WHERE id = ?");
        us.bind(1, id.value());
        us.exec();
        impl_->index_concession(id);
        append_change(db, impl_->user, "concession", id.value(), "add_people", people_json(holders, deceased));
        out.value = id;
    });
}

namespace {
Conflict stale_conflict() {
    return Conflict{ConflictCode::stale,
                    "someone else changed this concession after it was shown: reopen it and try again"};
}
}  // namespace

WriteResult<ConcessionId> Register::replace_holders(ConcessionId id, const std::vector<Holder>& holders,
                                                    std::int64_t expected_version) {
    return impl_->write<WriteResult<ConcessionId>>([&](WriteResult<ConcessionId>& out) {
        auto& db = impl_->db;
        auto current = impl_->load_concession(id);
        if (!current) {
            out.conflict = Conflict{ConflictCode::missing_reference, "no such concession"};
            return;
        }
        if (current->row_version != expected_version) {
            out.conflict = stale_conflict();
            return;
        }
        out.refusal = refusal_when_over(*current, "i suoi concessionari non si possono cambiare");
        if (out.refusal) return;
        const auto before = storage::holders_summary(current->holders);
        auto& del = db.statement("DELETE FROM holder WHERE concession_id = ?");
        del.bind(1, id.value());
        del.exec();
        insert_people(db, id, 0, holders, {});
        auto& us = db.statement("UPDATE concession SET row_version = row_version + 1 WHERE id = ?");
        us.bind(1, id.value());
        us.exec();
        impl_->index_concession(id);
        append_change(db, impl_->user, "concession", id.value(), "replace_holders",
                      {{"before", before}, {"after", storage::holders_summary(holders)}});
        out.value = id;
    });
}

WriteResult<ConcessionId> Register::add_concession(const Concession& c) {
    return impl_->write<WriteResult<ConcessionId>>([&](WriteResult<ConcessionId>& out) {
        auto& db = impl_->db;
        const ConcessionId id = storage::insert_concession(db, c);
        insert_people(db, id, 0, c.holders, c.deceased);
        for (const auto& r : c.renewals) insert_renewal(db, id, r);
        impl_->index_concession(id);
        append_change(db, impl_->user, "concession", id.value(), "insert", concession_json(c));
        out.value = id;
    });
}

namespace {
// The concession of the comune (its deed number) and the date of a renewal already
// recorded under that renewal deed; none for an empty deed, which is not compared.
std::optional<std::pair<std::string, Date>> renewal_deed_used(storage::Database& db, ComuneId comune,
                                                             const std::string& deed) {
    if (deed.empty()) return std::nullopt;
    auto& s = db.statement(
        "SELECT c.deed_number, r.granted_on FROM renewal r JOIN concession c ON c.id = r.concession_id "
        "WHERE r.deed = ? AND c.comune_id = ? ORDER BY r.granted_on, r.id LIMIT 1");
    s.bind(1, deed);
    s.bind(2, comune.value());
    std::optional<std::pair<std::string, Date>> out;
    if (s.executeStep()) out.emplace(s.getColumn(0).getString(), storage::column_required_date(s.getColumn(1)));
    s.reset();
    return out;
}
}  // namespace

RenewalOutcome Register::renew(ConcessionId id, const RenewalRequest& request, const Regulation& regulation) {
    // Decided inside the write transaction, so the concession cannot change between
    // the decision and the write (another clerk renewing at once). A longer term may
    // still run into a later concession on the same plot: then the outcome keeps the
    // rules' decision with the register's conflict.
    return impl_->write<RenewalOutcome>([&](RenewalOutcome& outcome) {
        auto& db = impl_->db;
        auto current = impl_->load_concession(id);
        if (!current) {
            // Not a matter for the regulation: the concession is not in the register.
            outcome.conflict = Conflict{ConflictCode::missing_reference,
                                        "no concession with id " + std::to_string(id.value()) + " in the register"};
            return;
        }
        // What the clerk was shown is no longer what is there: decided on the old
        // state, the renewal could stack on one the preview never showed.
        if (request.expected_version && current->row_version != *request.expected_version) {
            outcome.conflict = stale_conflict();
            return;
        }
        const auto plot_of = plot(current->plot);
        const auto comune_of = impl_->load_comune(current->comune);
        outcome.decision =
            decide_renewal(regulation, *current, plot_of->kind, comune_of->name, request.on, request.today,
                           storage::postings_of(db, id));
        if (!outcome.decision.allowed()) return;
        if (auto used = renewal_deed_used(db, current->comune, request.deed)) {
            outcome.decision.refusal = Refusal{RefusalCode::renewal_deed_used,
                                               "l'atto di rinnovo " + request.deed + " è già registrato per la concessione " +
                                                   used->first + " (rinnovata il " + to_italian(used->second) +
                                                   "): un atto rinnova una volta sola",
                                               outcome.decision.version_name, {}};
            return;
        }

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
    });
}

}  // namespace cemetery
