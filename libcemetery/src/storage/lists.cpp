// The expired and expiring lists, streamed row by row.
#include "storage/register_impl.hpp"

#include <cemetery/text.hpp>

#include <SQLiteCpp/Exception.h>

#include <algorithm>
#include <cstdint>

namespace cemetery {

namespace {

std::optional<Date> readable_date(const SQLite::Column& c) {
    return c.isNull() ? std::nullopt : parse_iso_date(c.getString());
}

std::string unreadable_date(const SQLite::Column& c) {
    return std::string(c.getName()) + (c.isNull() ? std::string(" is missing")
                                                  : " \"" + printable(c.getString()) + "\" is not a date");
}

// Live fixed-term concessions whose expiry lies in [from, to], in posting order.
// A fresh statement each time: a caller's callback may query the register too.
void each_row(storage::Database& db, const std::string& file, std::optional<ComuneId> comune,
              const std::optional<Date>& from, Date to, const std::function<void(const ListRow&)>& row,
              const UnreadableRows& unreadable) {
    try {
        // Comuni in name order drive the list (CROSS JOIN keeps them the outer loop),
        // each reading its own live concessions through the (comune_id, expires_on)
        // index: what is left to sort is one comune's rows at a time (SQLite sorts
        // the "right part" of the ORDER BY per comune), so the memory of the whole
        // Union's list does not grow with it and its first row comes at once.
        // Holders and deceased are joined, one row per pair, rather than read by two
        // subqueries per concession (a third of the time at a million concessions);
        // the rows of one concession are consecutive and folded into one below.
        SQLite::Statement s(db.sql(),
            "SELECT c.id, co.name, ce.name, p.kind, p.settore, p.fila, p.numero, p.piano, c.deed_number, "
            "c.term_start, c.expires_on, h.id, trim(h.surname || ' ' || h.given_name), "
            "d.id, trim(d.surname || ' ' || d.given_name) "
            "FROM comune co "
            "CROSS JOIN concession c ON c.comune_id = co.id "
            "JOIN plot p ON p.id = c.plot_id "
            "JOIN cemetery ce ON ce.id = p.cemetery_id "
            "LEFT JOIN holder h ON h.concession_id = c.id "
            "LEFT JOIN deceased d ON d.concession_id = c.id "
            "WHERE c.perpetual = 0 AND c.ending = 'none' "
            // A place freed after its posting is off the lists.
            "AND NOT EXISTS (SELECT 1 FROM closing cl WHERE cl.concession_id = c.id) "
            "AND (?1 IS NULL OR co.id = ?1) "
            "AND (?2 IS NULL OR c.expires_on >= ?2) AND c.expires_on <= ?3 "
            "ORDER BY co.name, ce.name, c.expires_on, c.deed_number, c.id, "
            "h.position, h.id, d.buried_on IS NULL, d.buried_on, d.id");
        if (comune) s.bind(1, comune->value());
        storage::bind_date(s, 2, from);
        s.bind(3, to_iso(to));
        ListRow r;
        bool pending = false;
        std::optional<ConcessionId> skipped;  // unreadable: its other rows are passed over
        // Ids already taken for the current concession: with several holders and
        // several deceased, each appears once per person of the other kind.
        std::vector<std::int64_t> holder_ids;
        std::vector<std::int64_t> deceased_ids;
        auto add_once = [](std::vector<std::int64_t>& seen, std::vector<std::string>& names, const SQLite::Column& id,
                           const SQLite::Column& name) {
            if (id.isNull()) return;
            const auto value = id.getInt64();
            if (std::find(seen.begin(), seen.end(), value) != seen.end()) return;
            seen.push_back(value);
            names.push_back(name.getString());
        };
        while (s.executeStep()) {
            const ConcessionId id{s.getColumn(0).getInt64()};
            if (skipped && *skipped == id) continue;
            if (!pending || r.concession != id) {
                if (pending) row(r);
                pending = false;
                r.concession = id;
                r.comune = s.getColumn(1).getString();
                r.cemetery = s.getColumn(2).getString();
                r.kind = plot_kind_from_code(s.getColumn(3).getString()).value_or(PlotKind::loculo);
                r.location = {s.getColumn(4).getString(), s.getColumn(5).getString(), s.getColumn(6).getString(),
                              s.getColumn(7).getString()};
                r.deed_number = s.getColumn(8).getString();
                // A damaged date never breaks the whole list: the concession is named apart.
                const auto term_start = readable_date(s.getColumn(9));
                const auto expires_on = readable_date(s.getColumn(10));
                if (!term_start || !expires_on) {
                    UnreadableRow bad{id, r.comune, r.deed_number,
                                      !term_start ? unreadable_date(s.getColumn(9)) : unreadable_date(s.getColumn(10))};
                    if (!unreadable) {
                        throw DatabaseError(DatabaseError::Kind::not_a_database,
                                            file + ": concession " + bad.comune + " " +
                                                printable(bad.deed_number) + ": " + bad.problem);
                    }
                    unreadable(bad);
                    skipped = id;
                    continue;
                }
                r.term_start = *term_start;
                r.expires_on = *expires_on;
                r.holders.clear();
                r.deceased.clear();
                holder_ids.clear();
                deceased_ids.clear();
                pending = true;
            }
            add_once(holder_ids, r.holders, s.getColumn(11), s.getColumn(12));
            add_once(deceased_ids, r.deceased, s.getColumn(13), s.getColumn(14));
        }
        if (pending) row(r);
    } catch (const SQLite::Exception& e) {
        throw storage::database_error_from(e, file);
    }
}

}  // namespace

std::string describe(const UnreadableRow& row) {
    return row.comune + " " + printable(row.deed_number) + ": " + row.problem + "; left out of the list";
}

void Register::each_expired(std::optional<ComuneId> comune, Date as_of, const std::function<void(const ListRow&)>& row,
                            const UnreadableRows& unreadable) const {
    // Valid through the expiry day: expired on `as_of` means expires_on < as_of.
    each_row(impl_->db, impl_->file.string(), comune, std::nullopt, add_days(as_of, -1), row, unreadable);
}

std::vector<ListRow> Register::expired(std::optional<ComuneId> comune, Date as_of) const {
    std::vector<ListRow> out;
    each_expired(comune, as_of, [&](const ListRow& r) { out.push_back(r); });
    return out;
}

void Register::each_expiring(std::optional<ComuneId> comune, Date from, int days,
                             const std::function<void(const ListRow&)>& row, const UnreadableRows& unreadable) const {
    each_row(impl_->db, impl_->file.string(), comune, from, add_days(from, days), row, unreadable);
}

std::vector<ListRow> Register::expiring(std::optional<ComuneId> comune, Date from, int days) const {
    std::vector<ListRow> out;
    each_expiring(comune, from, days, [&](const ListRow& r) { out.push_back(r); });
    return out;
}

}  // namespace cemetery
