#include "storage/record_digest.hpp"

#include "storage/canonical.hpp"
#include "storage/register_impl.hpp"
#include "storage/register_rows.hpp"

#include <cemetery/remains.hpp>

#include <span>
#include <vector>

namespace cemetery::storage {

namespace {

constexpr std::string_view format_name = "cemetery record digest format 1";

// One table of a record. `sql` selects the record's key first (the id for the
// record's own row, the record's id for the others), then the columns digested,
// for keys ?1 to ?2, ordered by key then id.
struct Table {
    std::string_view name;
    const char* sql;
    // The last columns, added to the row by a later schema, digested only when set:
    // the records written before them keep their digests.
    int added_columns = 0;
};

struct Layout {
    std::string_view entity;
    Table row;
    std::span<const Table> children;
};

constexpr Table comune_row{
    "comune",
    "SELECT id, id, name, name_folded, istat_code, cadastral_code, member_from, member_until FROM comune "
    "WHERE id BETWEEN ?1 AND ?2 ORDER BY id"};

constexpr Table cemetery_row{
    "cemetery",
    "SELECT id, id, comune_id, name, name_folded FROM cemetery WHERE id BETWEEN ?1 AND ?2 ORDER BY id"};

constexpr Table plot_row{
    "plot",
    "SELECT id, id, cemetery_id, kind, settore, fila, numero, piano FROM plot WHERE id BETWEEN ?1 AND ?2 ORDER BY id"};
constexpr Table plot_children[] = {
    {"plot_out_of_use",
     "SELECT plot_id, from_date, reason FROM plot_out_of_use WHERE plot_id BETWEEN ?1 AND ?2 ORDER BY plot_id"},
};

#define CEMETERY_CONCESSION_ROW(variant)                                                              \
    "SELECT c.id, c.id, c.comune_id, c.plot_id, c.deed_number, c.signed_on, c.term_start, c.term_years, "  \
    "c.perpetual, c.expires_on, c.term_source, c.version_name, c.ending, c.ended_on, c.ending_act, "       \
    "c.ending_reason, c.row_version, "                                                                      \
    "p.cemetery_id, p.kind, p.settore, p.fila, p.numero, p.piano, " variant                                 \
    " FROM concession c LEFT JOIN plot p ON p.id = c.plot_id WHERE c.id BETWEEN ?1 AND ?2 ORDER BY c.id"
constexpr Table concession_row{"concession", CEMETERY_CONCESSION_ROW("c.variant"), 1};
// The same before schema 8 added the variant (the migrations that seal and redact the
// change log digest the records of their own day): NULL, so not digested.
constexpr Table concession_row_before_variants{"concession", CEMETERY_CONCESSION_ROW("NULL"), 1};
#undef CEMETERY_CONCESSION_ROW
constexpr Table concession_children[] = {
    {"holder",
     "SELECT concession_id, id, position, surname, given_name, codice_fiscale, address, phone, email FROM holder "
     "WHERE concession_id BETWEEN ?1 AND ?2 ORDER BY concession_id, id"},
    {"deceased",
     "SELECT concession_id, id, surname, given_name, born_on, died_on, buried_on, remains FROM deceased "
     "WHERE concession_id BETWEEN ?1 AND ?2 ORDER BY concession_id, id"},
    {"renewal",
     "SELECT concession_id, id, granted_on, years, previous_expiry, new_expiry, deed, version_name FROM renewal "
     "WHERE concession_id BETWEEN ?1 AND ?2 ORDER BY concession_id, id"},
    {"posting",
     "SELECT concession_id, id, posted_on, list_as_of FROM posting "
     "WHERE concession_id BETWEEN ?1 AND ?2 ORDER BY concession_id, id"},
    {"term_restart",
     "SELECT concession_id, id, deceased_id, deceased, buried_on, previous_start, previous_expiry, new_start, "
     "new_expiry, version_name, basis FROM term_restart "
     "WHERE concession_id BETWEEN ?1 AND ?2 ORDER BY concession_id, id"},
    {"succession",
     "SELECT concession_id, id, on_date, act, mode, holders_before, holders_after FROM succession "
     "WHERE concession_id BETWEEN ?1 AND ?2 ORDER BY concession_id, id"},
    {"closing",
     "SELECT concession_id, closed_on, remains, act, note FROM closing "
     "WHERE concession_id BETWEEN ?1 AND ?2 ORDER BY concession_id"},
};

// Whether the register is at schema 8 or later, where concessions record their variant.
bool has_variant_column(Database& db) {
    constexpr int variants_schema = 8;
    auto& s = db.statement("PRAGMA user_version");
    const bool yes = s.executeStep() && s.getColumn(0).getInt() >= variants_schema;
    s.reset();
    return yes;
}

std::optional<Layout> layout_of(std::string_view entity) {
    if (entity == "comune") return Layout{entity, comune_row, {}};
    if (entity == "cemetery") return Layout{entity, cemetery_row, {}};
    if (entity == "plot") return Layout{entity, plot_row, plot_children};
    if (entity == "concession") return Layout{entity, concession_row, concession_children};
    return std::nullopt;
}

// A table read alongside the records, one step ahead.
struct Cursor {
    SQLite::Statement* s;
    bool has = false;
    void step() { has = s->executeStep(); }
    [[nodiscard]] std::int64_t key() const { return s->getColumn(0).getInt64(); }
};

// Resets the statements on the way out, so that no read stays open.
struct Resets {
    std::vector<SQLite::Statement*> statements;
    ~Resets() {
        for (auto* s : statements) s->tryReset();
    }
};

// Every column after the key, in the statement's order; the `added` last ones only when set.
void digest_columns(Canonical& out, SQLite::Statement& s, int added = 0) {
    const int n = s.getColumnCount();
    for (int i = 1; i < n; ++i) {
        if (i >= n - added && s.getColumn(i).isNull()) continue;
        out.column(s.getColumn(i));
    }
}

}  // namespace

bool has_record_digest(std::string_view entity) { return layout_of(entity).has_value(); }

void each_record_digest(Database& db, std::string_view entity, std::int64_t first, std::int64_t last,
                        const std::function<void(std::int64_t id, const std::string& digest)>& each) {
    auto layout = layout_of(entity);
    if (!layout) return;
    if (layout->row.sql == concession_row.sql && !has_variant_column(db)) layout->row = concession_row_before_variants;
    Resets resets;
    auto& rows = db.statement(layout->row.sql);
    rows.bind(1, first);
    rows.bind(2, last);
    resets.statements.push_back(&rows);
    std::vector<Cursor> children;
    for (const auto& t : layout->children) {
        auto& s = db.statement(t.sql);
        s.bind(1, first);
        s.bind(2, last);
        resets.statements.push_back(&s);
        children.push_back(Cursor{&s});
        children.back().step();
    }
    Sha256 hash;
    Canonical out(hash);
    while (rows.executeStep()) {
        const std::int64_t id = rows.getColumn(0).getInt64();
        hash.reset();
        out.text(format_name);
        out.text(layout->entity);
        out.text(layout->row.name);
        out.mark('(');
        digest_columns(out, rows, layout->row.added_columns);
        out.mark(')');
        for (std::size_t k = 0; k < children.size(); ++k) {
            auto& c = children[k];
            out.text(layout->children[k].name);
            out.mark('(');
            // Rows of a record that does not exist belong to no digest;
            // PRAGMA foreign_key_check reports them.
            while (c.has && c.key() < id) c.step();
            while (c.has && c.key() == id) {
                out.mark('[');
                digest_columns(out, *c.s);
                out.mark(']');
                c.step();
            }
            out.mark(')');
        }
        each(id, to_hex(hash.finish()));
    }
}

namespace {
// The columns as SQLite gives them back: dates as ISO text, absent ones NULL.
void date_column(Canonical& out, const std::optional<Date>& d) {
    if (d) {
        out.text(to_iso(*d));
    } else {
        out.null();
    }
}
}  // namespace

// Column by column the statements of concession_row and concession_children,
// with the values insert_concession, insert_people and insert_renewal bind.
Sha256Digest new_concession_digest(Sha256& hash, const Concession& c, const Plot& plot) {
    hash.reset();
    Canonical out(hash);
    out.text(format_name);
    out.text("concession");
    out.text(concession_row.name);
    out.mark('(');
    out.integer(c.id.value());
    out.integer(c.comune.value());
    out.integer(c.plot.value());
    out.text(c.deed_number);
    out.text(to_iso(c.signed_on));
    out.text(to_iso(c.term_start));
    if (c.term_years) {
        out.integer(*c.term_years);
    } else {
        out.null();
    }
    out.integer(c.perpetual ? 1 : 0);
    date_column(out, c.perpetual ? std::nullopt : c.expires_on);
    out.text(term_source_code(c.term_source));
    out.text(c.version_name);
    out.text(code(c.ending));
    date_column(out, c.ending == Ending::none ? std::nullopt : c.ended_on);
    out.text(c.ending_act);
    out.text(c.ending_reason);
    out.integer(first_row_version);
    out.integer(plot.cemetery.value());
    out.text(code(plot.kind));
    out.text(plot.location.settore);
    out.text(plot.location.fila);
    out.text(plot.location.numero);
    out.text(plot.location.piano);
    if (c.variant) out.text(*c.variant);  // an added column (Table::added_columns)
    out.mark(')');
    for (const auto& table : concession_children) {
        out.text(table.name);
        out.mark('(');
        if (table.name == "holder") {
            int position = 0;
            for (const auto& h : c.holders) {
                out.mark('[');
                out.integer(h.id.value());
                out.integer(position++);
                out.text(h.surname);
                out.text(h.given_name);
                out.text(h.codice_fiscale);
                out.text(h.address);
                out.text(h.phone);
                out.text(h.email);
                out.mark(']');
            }
        } else if (table.name == "deceased") {
            for (const auto& d : c.deceased) {
                out.mark('[');
                out.integer(d.id.value());
                out.text(d.surname);
                out.text(d.given_name);
                date_column(out, d.born_on);
                date_column(out, d.died_on);
                date_column(out, d.buried_on);
                out.text(code(first_remains));
                out.mark(']');
            }
        } else if (table.name == "renewal") {
            for (const auto& r : c.renewals) {
                out.mark('[');
                out.integer(r.id.value());
                out.text(to_iso(r.granted_on));
                out.integer(r.years);
                out.text(to_iso(r.previous_expiry));
                out.text(to_iso(r.new_expiry));
                out.text(r.deed);
                out.text(r.version_name);
                out.mark(']');
            }
        }  // postings, restarted terms, successions, a closing: later acts
        out.mark(')');
    }
    return hash.finish();
}

std::optional<std::string> record_digest(Database& db, std::string_view entity, std::int64_t id) {
    std::optional<std::string> out;
    each_record_digest(db, entity, id, id, [&](std::int64_t, const std::string& digest) { out = digest; });
    return out;
}

}  // namespace cemetery::storage
