// The expired and expiring lists, streamed row by row.
#include "storage/register_impl.hpp"

#include <SQLiteCpp/Exception.h>

namespace cemetery {

namespace {

// Names inside one column are joined by the ASCII unit separator, which no name holds.
constexpr char unit_separator = '\x1F';

std::vector<std::string> split_names(const SQLite::Column& c) {
    std::vector<std::string> out;
    if (c.isNull()) return out;
    const std::string joined = c.getString();
    std::size_t start = 0;
    for (;;) {
        const auto end = joined.find(unit_separator, start);
        out.push_back(joined.substr(start, end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

// Live fixed-term concessions whose expiry lies in [from, to], in posting order.
// A fresh statement each time: a caller's callback may query the register too.
void each_row(storage::Database& db, const std::string& file, std::optional<ComuneId> comune,
              const std::optional<Date>& from, Date to, const std::function<void(const ListRow&)>& row) {
    try {
        // The comune condition is written only when there is one, so that SQLite
        // uses the (comune_id, expires_on) index for one comune's list.
        SQLite::Statement s(db.sql(), std::string(
            "SELECT c.id, co.name, ce.name, p.kind, p.settore, p.fila, p.numero, p.piano, c.deed_number, "
            "c.term_start, c.expires_on, "
            "(SELECT group_concat(name, char(31)) FROM (SELECT trim(surname || ' ' || given_name) AS name "
            "   FROM holder WHERE concession_id = c.id ORDER BY position)), "
            "(SELECT group_concat(name, char(31)) FROM (SELECT trim(surname || ' ' || given_name) AS name "
            "   FROM deceased WHERE concession_id = c.id ORDER BY buried_on IS NULL, buried_on, id)) "
            "FROM concession c "
            "JOIN plot p ON p.id = c.plot_id "
            "JOIN cemetery ce ON ce.id = p.cemetery_id "
            "JOIN comune co ON co.id = c.comune_id "
            "WHERE c.perpetual = 0 AND c.ending = 'none' "
            // A place freed after its posting is off the lists.
            "AND NOT EXISTS (SELECT 1 FROM closing cl WHERE cl.concession_id = c.id) ") +
            (comune ? "AND c.comune_id = ?1 " : "") +
            "AND (?2 IS NULL OR c.expires_on >= ?2) AND c.expires_on <= ?3 "
            "ORDER BY co.name, ce.name, c.expires_on, c.deed_number");
        if (comune) s.bind(1, comune->value());
        storage::bind_date(s, 2, from);
        s.bind(3, to_iso(to));
        ListRow r;
        while (s.executeStep()) {
            r.concession = ConcessionId{s.getColumn(0).getInt64()};
            r.comune = s.getColumn(1).getString();
            r.cemetery = s.getColumn(2).getString();
            r.kind = plot_kind_from_code(s.getColumn(3).getString()).value_or(PlotKind::loculo);
            r.location = {s.getColumn(4).getString(), s.getColumn(5).getString(), s.getColumn(6).getString(),
                          s.getColumn(7).getString()};
            r.deed_number = s.getColumn(8).getString();
            r.term_start = storage::column_required_date(s.getColumn(9));
            r.expires_on = storage::column_required_date(s.getColumn(10));
            r.holders = split_names(s.getColumn(11));
            r.deceased = split_names(s.getColumn(12));
            row(r);
        }
    } catch (const SQLite::Exception& e) {
        throw storage::database_error_from(e, file);
    }
}

}  // namespace

void Register::each_expired(std::optional<ComuneId> comune, Date as_of,
                            const std::function<void(const ListRow&)>& row) const {
    // Valid through the expiry day: expired on `as_of` means expires_on < as_of.
    each_row(impl_->db, impl_->file.string(), comune, std::nullopt, add_days(as_of, -1), row);
}

std::vector<ListRow> Register::expired(std::optional<ComuneId> comune, Date as_of) const {
    std::vector<ListRow> out;
    each_expired(comune, as_of, [&](const ListRow& r) { out.push_back(r); });
    return out;
}

void Register::each_expiring(std::optional<ComuneId> comune, Date from, int days,
                             const std::function<void(const ListRow&)>& row) const {
    each_row(impl_->db, impl_->file.string(), comune, from, add_days(from, days), row);
}

std::vector<ListRow> Register::expiring(std::optional<ComuneId> comune, Date from, int days) const {
    std::vector<ListRow> out;
    each_expiring(comune, from, days, [&](const ListRow& r) { out.push_back(r); });
    return out;
}

}  // namespace cemetery
