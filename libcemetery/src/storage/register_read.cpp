// Reading concessions whole.
#include "storage/register_impl.hpp"

#include <cemetery/text.hpp>

#include <SQLiteCpp/Exception.h>

namespace cemetery {

namespace storage {

std::string_view term_source_code(TermSource source) {
    switch (source) {
        case TermSource::regulation: return "regulation";
        case TermSource::deed: return "deed";
        case TermSource::stated_expiry: return "stated_expiry";
    }
    return "deed";
}

Ending ending_from_code(const std::string& code) {
    if (code == "revoked") return Ending::revoked;
    if (code == "forfeited") return Ending::forfeited;
    if (code == "surrendered") return Ending::surrendered;
    return Ending::none;
}

Concession read_concession_row(SQLite::Statement& s) {
    Concession c;
    c.id = ConcessionId{s.getColumn(0).getInt64()};
    c.comune = ComuneId{s.getColumn(1).getInt64()};
    c.plot = PlotId{s.getColumn(2).getInt64()};
    c.deed_number = s.getColumn(3).getString();
    try {
        c.signed_on = column_required_date(s.getColumn(4));
        c.term_start = column_required_date(s.getColumn(5));
        c.expires_on = column_date(s.getColumn(8));
        c.ended_on = column_date(s.getColumn(12));
    } catch (const DatabaseError& e) {
        // Name the concession, so that a clerk can find it and have it corrected.
        throw DatabaseError(e.kind(), "concession " + printable(c.deed_number) + ": " + e.what());
    }
    if (!s.getColumn(6).isNull()) c.term_years = s.getColumn(6).getInt();
    c.perpetual = s.getColumn(7).getInt() != 0;
    const std::string source = s.getColumn(9).getString();
    c.term_source = source == "regulation"      ? TermSource::regulation
                    : source == "stated_expiry" ? TermSource::stated_expiry
                                                : TermSource::deed;
    c.version_name = s.getColumn(10).getString();
    c.ending = ending_from_code(s.getColumn(11).getString());
    c.ending_act = s.getColumn(13).getString();
    c.ending_reason = s.getColumn(14).getString();
    c.row_version = s.getColumn(15).getInt64();
    if (!s.getColumn(16).isNull()) c.variant = s.getColumn(16).getString();
    return c;
}

}  // namespace storage

void Register::Impl::load_children(Concession& c) {
    {
        auto& s = db.statement(
            "SELECT id, surname, given_name, codice_fiscale, address, phone, email FROM holder "
            "WHERE concession_id = ? ORDER BY position, id");
        s.bind(1, c.id.value());
        while (s.executeStep()) {
            c.holders.push_back(Holder{HolderId{s.getColumn(0).getInt64()}, s.getColumn(1).getString(),
                                       s.getColumn(2).getString(), s.getColumn(3).getString(),
                                       s.getColumn(4).getString(), s.getColumn(5).getString(),
                                       s.getColumn(6).getString()});
        }
    }
    {
        auto& s = db.statement(
            "SELECT id, surname, given_name, born_on, died_on, buried_on FROM deceased "
            "WHERE concession_id = ? ORDER BY buried_on IS NULL, buried_on, id");
        s.bind(1, c.id.value());
        while (s.executeStep()) {
            c.deceased.push_back(Deceased{DeceasedId{s.getColumn(0).getInt64()}, s.getColumn(1).getString(),
                                          s.getColumn(2).getString(), storage::column_date(s.getColumn(3)),
                                          storage::column_date(s.getColumn(4)), storage::column_date(s.getColumn(5))});
        }
    }
    {
        auto& s = db.statement(
            "SELECT id, granted_on, years, previous_expiry, new_expiry, deed, version_name FROM renewal "
            "WHERE concession_id = ? ORDER BY granted_on, id");
        s.bind(1, c.id.value());
        while (s.executeStep()) {
            c.renewals.push_back(Renewal{RenewalId{s.getColumn(0).getInt64()},
                                         storage::column_required_date(s.getColumn(1)), s.getColumn(2).getInt(),
                                         storage::column_required_date(s.getColumn(3)),
                                         storage::column_required_date(s.getColumn(4)), s.getColumn(5).getString(),
                                         s.getColumn(6).getString()});
        }
    }
    {
        // The closing is a row of its own (one per concession): the rules ask it first.
        auto& s = db.statement("SELECT closed_on FROM closing WHERE concession_id = ?");
        s.bind(1, c.id.value());
        if (s.executeStep()) c.closed_on = storage::column_required_date(s.getColumn(0));
        s.reset();
    }
}

std::optional<Concession> Register::Impl::load_concession(ConcessionId id) {
    auto& s = db.statement(std::string("SELECT ") + storage::concession_columns + " FROM concession c WHERE c.id = ?");
    s.bind(1, id.value());
    if (!s.executeStep()) return std::nullopt;
    Concession c = storage::read_concession_row(s);
    s.reset();
    load_children(c);
    return c;
}

std::optional<Concession> Register::concession(ConcessionId id) const {
    storage::ReadScope read(impl_->db);
    try {
        return impl_->load_concession(id);
    } catch (const SQLite::Exception& e) {
        throw storage::database_error_from(e, impl_->file.string());
    }
}

std::optional<ConcessionRecord> Register::record(ConcessionId id) const {
    auto c = concession(id);
    if (!c) return std::nullopt;
    auto p = plot(c->plot);
    auto co = comune(c->comune);
    if (!p || !co) return std::nullopt;
    std::optional<Cemetery> ce;
    for (const auto& candidate : cemeteries(co->id)) {
        if (candidate.id == p->cemetery) ce = candidate;
    }
    if (!ce) return std::nullopt;
    return ConcessionRecord{std::move(*c), std::move(*p), std::move(*ce), std::move(*co)};
}

std::optional<ConcessionId> Register::find_concession(ComuneId comune, std::string_view deed_number) const {
    storage::ReadScope read(impl_->db);
    auto& s = impl_->db.statement("SELECT id FROM concession WHERE comune_id = ? AND deed_number = ?");
    s.bind(1, comune.value());
    s.bind(2, std::string(deed_number));
    if (!s.executeStep()) return std::nullopt;
    return ConcessionId{s.getColumn(0).getInt64()};
}

std::int64_t Register::count_concessions(std::optional<ComuneId> comune) const {
    storage::ReadScope read(impl_->db);
    auto& s = impl_->db.statement(comune ? "SELECT count(*) FROM concession WHERE comune_id = ?1"
                                         : "SELECT count(*) FROM concession");
    if (comune) s.bind(1, comune->value());
    s.executeStep();
    return s.getColumn(0).getInt64();
}

}  // namespace cemetery
