// Terms waiting for their event: the list of concessions not started (non decorse), and
// the payment recorded after the deed that starts a term running from the payment.
// The rules decide (payment.hpp); this file reads and stores.
#include "storage/register_impl.hpp"

#include "storage/change_log.hpp"
#include "storage/register_rows.hpp"

#include <SQLiteCpp/Exception.h>

namespace cemetery {

std::vector<NotStartedRow> Register::not_started(std::optional<ComuneId> comune, const Regulation& regulation) const {
    storage::ReadScope read(impl_->db);
    try {
        struct Found {
            ConcessionId id;
            std::string comune, cemetery;
            PlotKind kind;
            Location location;
        };
        std::vector<Found> found;
        {
            // Not started: neither perpetual nor with an expiry (schema version 7).
            auto& s = impl_->db.statement(
                "SELECT c.id, co.name, ce.name, p.kind, p.settore, p.fila, p.numero, p.piano "
                "FROM concession c "
                "JOIN comune co ON co.id = c.comune_id "
                "JOIN plot p ON p.id = c.plot_id "
                "JOIN cemetery ce ON ce.id = p.cemetery_id "
                "WHERE c.perpetual = 0 AND c.expires_on IS NULL AND c.ending = 'none' "
                "AND NOT EXISTS (SELECT 1 FROM closing cl WHERE cl.concession_id = c.id) "
                "AND (?1 IS NULL OR co.id = ?1) "
                "ORDER BY co.name, ce.name, c.signed_on, c.deed_number, c.id");
            if (comune) {
                s.bind(1, comune->value());
            } else {
                s.bind(1);
            }
            while (s.executeStep()) {
                found.push_back(Found{ConcessionId{s.getColumn(0).getInt64()}, s.getColumn(1).getString(),
                                      s.getColumn(2).getString(),
                                      plot_kind_from_code(s.getColumn(3).getString()).value_or(PlotKind::loculo),
                                      {s.getColumn(4).getString(), s.getColumn(5).getString(),
                                       s.getColumn(6).getString(), s.getColumn(7).getString()}});
            }
            s.reset();
        }
        std::vector<NotStartedRow> out;
        out.reserve(found.size());
        for (auto& f : found) {
            const auto c = impl_->load_concession(f.id);
            if (!c) continue;
            NotStartedRow r;
            r.concession = f.id;
            r.comune = std::move(f.comune);
            r.cemetery = std::move(f.cemetery);
            r.kind = f.kind;
            r.location = std::move(f.location);
            r.deed_number = c->deed_number;
            r.signed_on = c->signed_on;
            r.term_years = c->term_years;
            r.version_name = c->version_name;
            r.waits_for = awaited_event(regulation, *c, f.kind).value_or(TermStart::burial);
            for (const auto& h : c->holders) r.holders.push_back(h.full_name());
            for (const auto& d : c->deceased) r.deceased.push_back(d.full_name());
            out.push_back(std::move(r));
        }
        return out;
    } catch (const SQLite::Exception& e) {
        throw storage::database_error_from(e, impl_->file.string());
    }
}

LifeOutcome Register::pay(ConcessionId id, const PaymentRequest& request, const Regulation& regulation) {
    return impl_->write<LifeOutcome>([&](LifeOutcome& out) {
        auto& db = impl_->db;
        const auto current = impl_->load_concession(id);
        if (!current) {
            out.conflict = Conflict{ConflictCode::missing_reference,
                                    "no concession with id " + std::to_string(id.value()) + " in the register"};
            return;
        }
        const auto p = plot(current->plot);
        const auto decision = decide_payment(regulation, *current, p->kind, request);
        if (!decision.allowed()) {
            out.refusal = decision.refusal;
            return;
        }
        const TermRestart& r = *decision.start;
        auto& us = db.statement(
            "UPDATE concession SET term_start = ?, expires_on = ?, row_version = row_version + 1 WHERE id = ?");
        us.bind(1, to_iso(r.new_start));
        us.bind(2, to_iso(r.new_expiry));
        us.bind(3, id.value());
        us.exec();
        storage::insert_term_restart(db, id, std::nullopt, r);
        storage::append_change(db, impl_->user, "concession", id.value(), "pay",
                               {{"paid_on", to_iso(request.paid_on)},
                                {"previous_start", to_iso(r.previous_start)},
                                {"new_start", to_iso(r.new_start)},
                                {"new_expiry", to_iso(r.new_expiry)},
                                {"version_name", r.version_name},
                                {"basis", r.basis}});
        out.notices.push_back("the term starts on " + to_iso(r.new_start) + " (" + r.basis + "): expiry " +
                              to_iso(r.new_expiry));
        out.concession = impl_->load_concession(id);
    });
}

}  // namespace cemetery
