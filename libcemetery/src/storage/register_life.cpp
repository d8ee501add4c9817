// The life of a concession after the plot inventory: new deeds, burials, successions,
// endings, postings of expired lists and closings. The rules decide (concede.hpp,
// burial.hpp, succession.hpp, ending.hpp, closing.hpp); this file stores what they
// decide, each change in one transaction with its change-log entry.
#include "storage/register_impl.hpp"

#include "storage/change_log.hpp"
#include "storage/register_life_impl.hpp"
#include "storage/register_rows.hpp"

#include <SQLiteCpp/Exception.h>

#include <cstdio>

namespace cemetery {

using storage::append_change;

std::string LifeOutcome::reason() const {
    if (refusal) return refusal->message;
    if (conflict) return conflict->message;
    return {};
}

RemainsCount ConcessionLife::remains() const {
    RemainsCount count;
    for (const auto& [id, form] : forms) count.add(form);
    return count;
}

namespace {

LifeOutcome missing(ConcessionId id) {
    LifeOutcome out;
    out.conflict = Conflict{ConflictCode::missing_reference,
                            "no concession with id " + std::to_string(id.value()) + " in the register"};
    return out;
}

std::optional<Closing> closing_of(storage::Database& db, ConcessionId id) {
    auto& s = db.statement("SELECT closed_on, remains, act, note FROM closing WHERE concession_id = ?");
    s.bind(1, id.value());
    if (!s.executeStep()) return std::nullopt;
    return Closing{storage::column_required_date(s.getColumn(0)),
                   remains_destination_from_code(s.getColumn(1).getString()).value_or(RemainsDestination::none),
                   s.getColumn(2).getString(), s.getColumn(3).getString()};
}

std::map<DeceasedId, RemainsForm> forms_of(storage::Database& db, ConcessionId id) {
    auto& s = db.statement("SELECT id, remains FROM deceased WHERE concession_id = ?");
    s.bind(1, id.value());
    std::map<DeceasedId, RemainsForm> out;
    while (s.executeStep()) {
        out[DeceasedId{s.getColumn(0).getInt64()}] =
            remains_form_from_code(s.getColumn(1).getString()).value_or(RemainsForm::coffin);
    }
    return out;
}

nlohmann::json names(const std::vector<Holder>& holders) {
    auto out = nlohmann::json::array();
    for (const auto& h : holders) out.push_back(h.full_name());
    return out;
}

std::vector<std::string> names_from(const std::string& json_text) {
    std::vector<std::string> out;
    const auto j = nlohmann::json::parse(json_text, nullptr, false);
    if (j.is_array()) {
        for (const auto& n : j) {
            if (n.is_string()) out.push_back(n.get<std::string>());
        }
    }
    return out;
}

std::string_view ending_action(Ending e) {
    switch (e) {
        case Ending::surrendered: return "surrender";
        case Ending::forfeited: return "forfeit";
        case Ending::revoked: return "revoke";
        case Ending::none: break;
    }
    return "end";
}

}  // namespace

std::string Register::next_deed_number(ComuneId comune, Date signed_on) const {
    storage::ReadScope read(impl_->db);
    const std::string year = std::to_string(static_cast<int>(signed_on.year()));
    auto& s = impl_->db.statement(
        "SELECT max(CAST(substr(deed_number, 6) AS INTEGER)) FROM concession "
        "WHERE comune_id = ? AND substr(deed_number, 1, 5) = ? AND length(deed_number) > 5 "
        "AND substr(deed_number, 6) NOT GLOB '*[^0-9]*'");
    s.bind(1, comune.value());
    s.bind(2, year + "/");
    s.executeStep();
    const std::int64_t next = s.getColumn(0).isNull() ? 1 : s.getColumn(0).getInt64() + 1;
    char number[32];
    std::snprintf(number, sizeof number, "%04lld", static_cast<long long>(next));
    return year + "/" + number;
}

LifeOutcome Register::concede(const ConcessionRequest& request, const Regulation& regulation) {
    // Decide inside the write transaction: the plot cannot be granted twice at once.
    return impl_->write<LifeOutcome>([&](LifeOutcome& out) {
        auto& db = impl_->db;
        const auto p = plot(request.plot);
        const auto co = impl_->load_comune(request.comune);
        if (!p || !co) {
            out.conflict = Conflict{ConflictCode::missing_reference, "no such plot or comune in the register"};
            return;
        }
        const ConcessionContext context{co->name, p->kind, *storage::plot_state_in(db, request.plot, request.signed_on)};
        const auto decision = decide_concession(regulation, request, context);
        if (!decision.allowed()) {
            out.refusal = decision.refusal;
            return;
        }
        Concession c = *decision.concession;
        if (c.deed_number.empty()) c.deed_number = next_deed_number(request.comune, request.signed_on);
        const auto written = add_concession(c);
        if (!written) {
            out.conflict = written.conflict;
            return;
        }
        const ConcessionId id = *written.value;
        if (request.first_deceased) {
            auto& us = db.statement("UPDATE deceased SET remains = ? WHERE concession_id = ?");
            us.bind(1, std::string(code(request.form)));
            us.bind(2, id.value());
            us.exec();
        }
        nlohmann::json details{{"deed_number", c.deed_number},
                               {"plot_id", request.plot.value()},
                               {"plot_state", code(context.plot_state.state)},
                               {"remains", request.first_deceased ? code(request.form) : ""},
                               {"version_name", c.version_name},
                               {"expires_on", c.expires_on ? to_iso(*c.expires_on) : ""}};
        // The holders' word is part of the act, as at a burial.
        if (request.extension_declined) details["extension_declined"] = true;
        append_change(db, impl_->user, "concession", id.value(), "concede", details);
        out.concession = impl_->load_concession(id);
    });
}

LifeOutcome Register::bury(ConcessionId id, const BurialRequest& request, const Regulation& regulation) {
    return impl_->write<LifeOutcome>([&](LifeOutcome& out) {
        auto& db = impl_->db;
        const auto current = impl_->load_concession(id);
        if (!current) {
            out = missing(id);
            return;
        }
        const auto p = plot(current->plot);
        const auto co = impl_->load_comune(current->comune);
        ConcessionLife life_now;
        life_now.forms = forms_of(db, id);
        const auto decision = decide_burial(regulation, *current, p->kind, co->name, life_now.remains(), request);
        if (!decision.allowed()) {
            out.refusal = decision.refusal;
            return;
        }
        const auto written = add_people(id, {}, {request.deceased});
        if (!written) {
            out.conflict = written.conflict;
            return;
        }
        auto& last = db.statement("SELECT max(id) FROM deceased WHERE concession_id = ?");
        last.bind(1, id.value());
        last.executeStep();
        const std::int64_t deceased_id = last.getColumn(0).getInt64();
        last.reset();
        auto& form = db.statement("UPDATE deceased SET remains = ? WHERE id = ?");
        form.bind(1, std::string(code(request.form)));
        form.bind(2, deceased_id);
        form.exec();
        nlohmann::json details{{"deceased", request.deceased.full_name()},
                               {"deceased_id", deceased_id},
                               {"buried_on", to_iso(*request.deceased.buried_on)},
                               {"remains", code(request.form)},
                               {"version_name", decision.version_name}};
        // The holders' word is part of the act: kept in the log with the burial.
        if (request.extension_declined) details["extension_declined"] = true;
        append_change(db, impl_->user, "concession", id.value(), "bury", details);
        if (const auto& r = decision.restart) {
            auto& us = db.statement(
                "UPDATE concession SET term_start = ?, expires_on = ?, row_version = row_version + 1 WHERE id = ?");
            us.bind(1, to_iso(r->new_start));
            us.bind(2, to_iso(r->new_expiry));
            us.bind(3, id.value());
            us.exec();
            storage::insert_term_restart(db, id, DeceasedId{deceased_id}, *r);
            append_change(db, impl_->user, "concession", id.value(), "term_restart",
                          {{"buried_on", to_iso(r->buried_on)},
                           {"previous_start", to_iso(r->previous_start)},
                           {"previous_expiry", r->previous_expiry ? to_iso(*r->previous_expiry) : ""},
                           {"new_start", to_iso(r->new_start)},
                           {"new_expiry", to_iso(r->new_expiry)},
                           {"version_name", r->version_name},
                           {"basis", r->basis}});
            if (r->previous_expiry) {
                out.notices.push_back("the term restarts at this burial under version \"" + r->version_name + "\" (" +
                                      r->basis + "): expiry " + to_iso(*r->previous_expiry) + " → " +
                                      to_iso(r->new_expiry));
            } else {
                out.notices.push_back("the term starts on " + to_iso(r->new_start) + " (" + r->basis + "): expiry " +
                                      to_iso(r->new_expiry));
            }
        }
        out.concession = impl_->load_concession(id);
    });
}

LifeOutcome Register::succeed(ConcessionId id, const SuccessionRequest& request) {
    return impl_->write<LifeOutcome>([&](LifeOutcome& out) {
        auto& db = impl_->db;
        const auto current = impl_->load_concession(id);
        if (!current) {
            out = missing(id);
            return;
        }
        // The concession as read knows its closing (closed_on).
        const auto decision = decide_succession(*current, false, request);
        if (!decision.allowed()) {
            out.refusal = decision.refusal;
            return;
        }
        const auto written = replace_holders(id, decision.holders_after, current->row_version);
        if (!written) {
            out.conflict = written.conflict;
            return;
        }
        const auto before = names(current->holders);
        const auto after = names(decision.holders_after);
        auto& s = db.statement(
            "INSERT INTO succession (concession_id, on_date, act, mode, holders_before, holders_after) "
            "VALUES (?, ?, ?, ?, ?, ?)");
        s.bind(1, id.value());
        s.bind(2, to_iso(request.on));
        s.bind(3, request.act);
        s.bind(4, std::string(code(request.mode)));
        s.bind(5, before.dump());
        s.bind(6, after.dump());
        s.exec();
        append_change(db, impl_->user, "concession", id.value(), "succession",
                      {{"on", to_iso(request.on)},
                       {"act", request.act},
                       {"mode", code(request.mode)},
                       // How many: the names are in the succession's row.
                       {"holders_before", current->holders.size()},
                       {"holders_after", decision.holders_after.size()}});
        out.concession = impl_->load_concession(id);
    });
}

LifeOutcome Register::end_concession(ConcessionId id, const EndingRequest& request, const Regulation& regulation) {
    return impl_->write<LifeOutcome>([&](LifeOutcome& out) {
        auto& db = impl_->db;
        const auto current = impl_->load_concession(id);
        if (!current) {
            out = missing(id);
            return;
        }
        const auto decision = decide_ending(regulation, *current, false, request);
        if (!decision.allowed()) {
            out.refusal = decision.refusal;
            return;
        }
        auto& us = db.statement(
            "UPDATE concession SET ending = ?, ended_on = ?, ending_act = ?, ending_reason = ?, "
            "row_version = row_version + 1 WHERE id = ?");
        us.bind(1, std::string(code(request.ending)));
        us.bind(2, to_iso(request.on));
        us.bind(3, request.act);
        us.bind(4, request.reason);
        us.bind(5, id.value());
        us.exec();
        if (request.remains_moved && !current->deceased.empty()) {
            auto& cs = db.statement(
                "INSERT INTO closing (concession_id, closed_on, remains, act, note) VALUES (?, ?, ?, ?, ?)");
            cs.bind(1, id.value());
            cs.bind(2, to_iso(request.on));
            cs.bind(3, std::string(code(*request.remains_moved)));
            cs.bind(4, request.act);
            cs.bind(5, std::string("remains moved at the ending"));
            cs.exec();
        }
        append_change(db, impl_->user, "concession", id.value(), ending_action(request.ending),
                      {{"ending", code(request.ending)},
                       {"ended_on", to_iso(request.on)},
                       {"act", request.act},
                       {"reason", request.reason},
                       {"remains_moved", request.remains_moved ? code(*request.remains_moved) : ""},
                       {"place_free", decision.frees_place}});
        if (!decision.frees_place) {
            out.notices.push_back("the place stays occupied until the remains are moved: close the concession then");
        }
        out.concession = impl_->load_concession(id);
    });
}

WriteResult<std::int64_t> Register::post_expired(std::optional<ComuneId> comune, Date as_of, Date posted_on,
                                                 const UnreadableRows& unreadable) {
    return impl_->write<WriteResult<std::int64_t>>([&](WriteResult<std::int64_t>& out) {
        auto& db = impl_->db;
        std::vector<ConcessionId> ids;
        each_expired(comune, as_of, [&](const ListRow& row) { ids.push_back(row.concession); }, unreadable);
        std::int64_t count = 0;
        for (const ConcessionId id : ids) {
            auto& s = db.statement(
                "INSERT OR IGNORE INTO posting (concession_id, posted_on, list_as_of) VALUES (?, ?, ?)");
            s.bind(1, id.value());
            s.bind(2, to_iso(posted_on));
            s.bind(3, to_iso(as_of));
            s.exec();
            if (db.sql().getChanges() == 0) continue;  // already posted from that day
            ++count;
            append_change(db, impl_->user, "concession", id.value(), "post",
                          {{"posted_on", to_iso(posted_on)}, {"list_as_of", to_iso(as_of)}});
        }
        out.value = count;
    });
}

LifeOutcome Register::close(ConcessionId id, const ClosingRequest& request, const Regulation& regulation) {
    return impl_->write<LifeOutcome>([&](LifeOutcome& out) {
        auto& db = impl_->db;
        const auto current = impl_->load_concession(id);
        if (!current) {
            out = missing(id);
            return;
        }
        const auto decision = decide_closing(regulation, *current, false, storage::postings_of(db, id), request);
        if (!decision.allowed()) {
            out.refusal = decision.refusal;
            return;
        }
        auto& s = db.statement("INSERT INTO closing (concession_id, closed_on, remains, act, note) VALUES (?, ?, ?, ?, ?)");
        s.bind(1, id.value());
        s.bind(2, to_iso(request.on));
        s.bind(3, std::string(code(request.remains)));
        s.bind(4, request.act);
        s.bind(5, request.note);
        s.exec();
        append_change(db, impl_->user, "concession", id.value(), "close",
                      {{"closed_on", to_iso(request.on)},
                       {"remains", code(request.remains)},
                       {"act", request.act},
                       {"note", request.note},
                       {"posted_on", decision.posting ? to_iso(decision.posting->posted_on) : ""},
                       {"posting_ends", decision.posting_ends ? to_iso(*decision.posting_ends) : ""}});
        out.concession = impl_->load_concession(id);
    });
}

ConcessionLife Register::life(ConcessionId id) const {
    storage::ReadScope read(impl_->db);
    auto& db = impl_->db;
    try {
        ConcessionLife out;
        out.postings = storage::postings_of(db, id);
        out.forms = forms_of(db, id);
        out.closing = closing_of(db, id);
        {
            auto& s = db.statement(
                "SELECT buried_on, deceased, previous_start, previous_expiry, new_start, new_expiry, version_name, basis, "
                "deceased_id IS NULL AND deceased = '' "
                "FROM term_restart WHERE concession_id = ? ORDER BY id");
            s.bind(1, id.value());
            while (s.executeStep()) {
                out.restarts.push_back(TermRestart{
                    storage::column_required_date(s.getColumn(0)), s.getColumn(1).getString(),
                    storage::column_required_date(s.getColumn(2)), storage::column_date(s.getColumn(3)),
                    storage::column_required_date(s.getColumn(4)), storage::column_required_date(s.getColumn(5)),
                    s.getColumn(6).getString(), s.getColumn(7).getString(),
                    // Only a payment moves a term with nobody buried (insert_term_restart).
                    s.getColumn(8).getInt() != 0 ? TermEvent::payment : TermEvent::burial});
            }
        }
        {
            auto& s = db.statement(
                "SELECT on_date, act, mode, holders_before, holders_after FROM succession "
                "WHERE concession_id = ? ORDER BY on_date, id");
            s.bind(1, id.value());
            while (s.executeStep()) {
                out.successions.push_back(Succession{
                    storage::column_required_date(s.getColumn(0)), s.getColumn(1).getString(),
                    s.getColumn(2).getString() == "join" ? SuccessionMode::join : SuccessionMode::replace,
                    names_from(s.getColumn(3).getString()), names_from(s.getColumn(4).getString())});
            }
        }
        return out;
    } catch (const SQLite::Exception& e) {
        throw storage::database_error_from(e, impl_->file.string());
    }
}

std::vector<Posting> storage::postings_of(Database& db, ConcessionId id) {
    auto& s = db.statement("SELECT posted_on, list_as_of FROM posting WHERE concession_id = ? ORDER BY posted_on, id");
    s.bind(1, id.value());
    std::vector<Posting> out;
    while (s.executeStep()) {
        out.push_back(Posting{storage::column_required_date(s.getColumn(0)),
                              storage::column_required_date(s.getColumn(1))});
    }
    return out;
}

}  // namespace cemetery
