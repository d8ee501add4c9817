// The plot inventory: ranges of places laid out at once, plots out of use, and the
// state of plots on a day, read from the concessions that held them.
#include "storage/register_impl.hpp"

#include "storage/change_log.hpp"
#include "storage/register_life_impl.hpp"

#include <SQLiteCpp/Exception.h>

#include <map>

namespace cemetery {

using storage::append_change;
using storage::WriteScope;

namespace storage {

const char* const tenure_columns =
    "SELECT c.plot_id, c.id, c.deed_number, min(c.signed_on, c.term_start), c.expires_on, c.ended_on, "
    "(SELECT count(*) FROM deceased d WHERE d.concession_id = c.id), "
    "(SELECT CASE WHEN count(*) = count(buried_on) THEN min(buried_on) END FROM deceased d "
    "   WHERE d.concession_id = c.id), "
    "(SELECT closed_on FROM closing cl WHERE cl.concession_id = c.id) ";

Tenure read_tenure(SQLite::Statement& s) {
    Tenure t;
    t.concession = ConcessionId{s.getColumn(1).getInt64()};
    t.deed_number = s.getColumn(2).getString();
    t.from = column_required_date(s.getColumn(3));
    t.expires_on = column_date(s.getColumn(4));
    t.ended_on = column_date(s.getColumn(5));
    t.has_remains = s.getColumn(6).getInt64() > 0;
    t.first_burial = column_date(s.getColumn(7));
    t.released_on = column_date(s.getColumn(8));
    return t;
}

std::vector<Tenure> plot_tenures(Database& db, PlotId plot) {
    auto& s = db.statement(std::string(tenure_columns) + "FROM concession c WHERE c.plot_id = ? ORDER BY c.term_start");
    s.bind(1, plot.value());
    std::vector<Tenure> out;
    while (s.executeStep()) out.push_back(read_tenure(s));
    return out;
}

std::optional<Date> plot_out_of_use_from(Database& db, PlotId plot) {
    auto& s = db.statement("SELECT from_date FROM plot_out_of_use WHERE plot_id = ?");
    s.bind(1, plot.value());
    if (!s.executeStep()) return std::nullopt;
    return column_date(s.getColumn(0));
}

std::optional<PlotStateOn> plot_state_in(Database& db, PlotId plot, Date on) {
    auto& exists = db.statement("SELECT 1 FROM plot WHERE id = ?");
    exists.bind(1, plot.value());
    if (!exists.executeStep()) return std::nullopt;
    const auto tenures = plot_tenures(db, plot);
    return plot_state_on(tenures, plot_out_of_use_from(db, plot), on);
}

}  // namespace storage

WriteResult<std::vector<PlotId>> Register::add_plots(const PlotRange& range) {
    const auto places = expand(range);
    if (!places) return {{}, Conflict{ConflictCode::invalid_data, *places.error}};
    return impl_->write<WriteResult<std::vector<PlotId>>>([&](WriteResult<std::vector<PlotId>>& out) {
        auto& db = impl_->db;
        std::vector<PlotId> ids;
        for (const auto& where : places.places) {
            auto& taken = db.statement(
                "SELECT 1 FROM plot WHERE cemetery_id = ? AND settore = ? AND fila = ? AND numero = ? AND piano = ?");
            taken.bind(1, range.cemetery.value());
            taken.bind(2, where.settore);
            taken.bind(3, where.fila);
            taken.bind(4, where.numero);
            taken.bind(5, where.piano);
            if (taken.executeStep()) {
                out.conflict = Conflict{ConflictCode::location_taken,
                                        "a plot already stands at " + describe(where) + ": nothing was added"};
                return;
            }
            auto& s = db.statement(
                "INSERT INTO plot (cemetery_id, kind, settore, fila, numero, piano) VALUES (?, ?, ?, ?, ?, ?)");
            s.bind(1, range.cemetery.value());
            s.bind(2, std::string(code(range.kind)));
            s.bind(3, where.settore);
            s.bind(4, where.fila);
            s.bind(5, where.numero);
            s.bind(6, where.piano);
            s.exec();
            const PlotId id{db.sql().getLastInsertRowid()};
            ids.push_back(id);
            append_change(db, impl_->user, "plot", id.value(), "insert",
                          {{"cemetery_id", range.cemetery.value()},
                           {"kind", code(range.kind)},
                           {"settore", where.settore},
                           {"fila", where.fila},
                           {"numero", where.numero},
                           {"piano", where.piano},
                           {"range", {{"fila", range.fila}, {"numero", range.numero}, {"piano", range.piano}}}});
        }
        out.value = std::move(ids);
    });
}

WriteResult<PlotId> Register::put_out_of_use(PlotId plot, Date from, const std::string& reason) {
    // The register is a legal record: a place withdrawn says why.
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
        return {{}, Conflict{ConflictCode::invalid_data, "reason: a plot put out of use needs its reason"}};
    }
    return impl_->write<WriteResult<PlotId>>([&](WriteResult<PlotId>& out) {
        auto& db = impl_->db;
        auto& exists = db.statement("SELECT 1 FROM plot WHERE id = ?");
        exists.bind(1, plot.value());
        if (!exists.executeStep()) {
            out.conflict = Conflict{ConflictCode::missing_reference, "no plot " + std::to_string(plot.value())};
            return;
        }
        exists.tryReset();
        auto& s = db.statement("INSERT OR REPLACE INTO plot_out_of_use (plot_id, from_date, reason) VALUES (?, ?, ?)");
        s.bind(1, plot.value());
        s.bind(2, to_iso(from));
        s.bind(3, reason);
        s.exec();
        append_change(db, impl_->user, "plot", plot.value(), "out_of_use", {{"from", to_iso(from)}, {"reason", reason}});
        out.value = plot;
    });
}

std::optional<PlotStateOn> Register::plot_state(PlotId plot, Date on) const {
    storage::ReadScope read(impl_->db);
    try {
        return storage::plot_state_in(impl_->db, plot, on);
    } catch (const SQLite::Exception& e) {
        throw storage::database_error_from(e, impl_->file.string());
    }
}

std::vector<PlotStatusRow> Register::plots(const PlotQuery& q) const {
    storage::ReadScope read(impl_->db);
    auto& db = impl_->db;
    // The filter is written only with the conditions asked, shared by the three reads.
    std::string where = " WHERE 1 = 1";
    if (q.comune) where += " AND ce.comune_id = :comune";
    if (q.cemetery) where += " AND p.cemetery_id = :cemetery";
    if (q.kind) where += " AND p.kind = :kind";
    auto bind = [&](SQLite::Statement& s) {
        if (q.comune) s.bind(":comune", q.comune->value());
        if (q.cemetery) s.bind(":cemetery", q.cemetery->value());
        if (q.kind) s.bind(":kind", std::string(code(*q.kind)));
    };
    try {
        std::map<std::int64_t, std::vector<Tenure>> tenures;
        {
            SQLite::Statement s(db.sql(), std::string(storage::tenure_columns) +
                                              "FROM concession c JOIN plot p ON p.id = c.plot_id "
                                              "JOIN cemetery ce ON ce.id = p.cemetery_id" +
                                              where + " ORDER BY c.term_start");
            bind(s);
            while (s.executeStep()) {
                tenures[s.getColumn(0).getInt64()].push_back(storage::read_tenure(s));
            }
        }
        std::map<std::int64_t, Date> out_of_use;
        {
            SQLite::Statement s(db.sql(), "SELECT o.plot_id, o.from_date FROM plot_out_of_use o "
                                          "JOIN plot p ON p.id = o.plot_id JOIN cemetery ce ON ce.id = p.cemetery_id" +
                                              where);
            bind(s);
            while (s.executeStep()) out_of_use[s.getColumn(0).getInt64()] = storage::column_required_date(s.getColumn(1));
        }
        SQLite::Statement s(db.sql(),
                            "SELECT p.id, p.cemetery_id, p.kind, p.settore, p.fila, p.numero, p.piano, co.name, ce.name "
                            "FROM plot p JOIN cemetery ce ON ce.id = p.cemetery_id JOIN comune co ON co.id = ce.comune_id" +
                                where +
                                " ORDER BY co.name_folded, ce.name_folded, p.settore, CAST(p.fila AS INTEGER), p.fila, "
                                "CAST(p.numero AS INTEGER), p.numero, CAST(p.piano AS INTEGER), p.piano");
        bind(s);
        std::vector<PlotStatusRow> out;
        static const std::vector<Tenure> none;
        while (s.executeStep()) {
            PlotStatusRow row;
            row.plot.id = PlotId{s.getColumn(0).getInt64()};
            row.plot.cemetery = CemeteryId{s.getColumn(1).getInt64()};
            row.plot.kind = plot_kind_from_code(s.getColumn(2).getString()).value_or(PlotKind::loculo);
            row.plot.location = {s.getColumn(3).getString(), s.getColumn(4).getString(), s.getColumn(5).getString(),
                                 s.getColumn(6).getString()};
            row.comune = s.getColumn(7).getString();
            row.cemetery = s.getColumn(8).getString();
            const auto t = tenures.find(row.plot.id.value());
            const auto o = out_of_use.find(row.plot.id.value());
            row.state = plot_state_on(t == tenures.end() ? none : t->second,
                                      o == out_of_use.end() ? std::nullopt : std::optional<Date>(o->second), q.on);
            if (q.state && row.state.state != *q.state) continue;
            out.push_back(std::move(row));
            if (q.limit && out.size() >= q.limit) break;
        }
        return out;
    } catch (const SQLite::Exception& e) {
        throw storage::database_error_from(e, impl_->file.string());
    }
}

}  // namespace cemetery
