// Opening a register, batches, and the Union's reference data: comuni, cemeteries, plots.
#include "storage/register_impl.hpp"

#include "storage/change_log.hpp"
#include "storage/register_rows.hpp"
#include "storage/schema.hpp"

#include <cemetery/network_filesystem.hpp>
#include <cemetery/text.hpp>

#include <SQLiteCpp/Exception.h>

#include <sys/stat.h>

namespace cemetery {

using storage::append_change;
using storage::conflict_from;
using storage::database_error_from;
using storage::WriteScope;

Register::Impl::Impl(const std::filesystem::path& f, bool create, std::string u)
    : file(f), user(u.empty() ? storage::current_os_user() : std::move(u)), db(f, create) {
    storage::enable_search_index(db);
}

namespace {

// Holders are living people: a register file is readable by its owner only.
std::unique_ptr<Register::Impl> open_impl(const std::filesystem::path& file, bool create, std::string user) {
    // Before anything is created: a register on a network share is never opened.
    if (file != ":memory:") refuse_network_filesystem(file);
    const bool is_new = file != ":memory:" && !std::filesystem::exists(file);
    const mode_t old_mask = is_new ? ::umask(077) : 0;
    std::unique_ptr<Register::Impl> impl;
    try {
        impl = std::make_unique<Register::Impl>(file, create, std::move(user));
    } catch (...) {
        if (is_new) ::umask(old_mask);
        throw;
    }
    if (is_new) ::umask(old_mask);
    storage::migrate(impl->db, file.string(), create);
    return impl;
}

}  // namespace

Register::Register(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Register::Register(Register&&) noexcept = default;
Register& Register::operator=(Register&&) noexcept = default;
Register::~Register() = default;

Register Register::open(const std::filesystem::path& file, std::string user) {
    return Register(open_impl(file, true, std::move(user)));
}

Register Register::open_existing(const std::filesystem::path& file, std::string user) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        throw DatabaseError(DatabaseError::Kind::read_only, file.string() + ": no such register file");
    }
    // SQLite takes an empty file for a new database, and the schema would make a
    // register of it: where a register was expected, an empty file is a register
    // lost (a failed copy, a full disk), never a new one.
    if (std::filesystem::is_regular_file(file, ec) && std::filesystem::file_size(file, ec) == 0 && !ec) {
        throw DatabaseError(DatabaseError::Kind::not_a_database,
                            file.string() + ": the file is empty (0 bytes), not a register; nothing was written. "
                                            "If the register was lost, put back a copy (restore)");
    }
    return Register(open_impl(file, false, std::move(user)));
}

Register Register::in_memory(std::string user) { return Register(open_impl(":memory:", true, std::move(user))); }

int Register::schema_version() { return storage::latest_schema_version(); }
std::string_view Register::schema_name() { return storage::schema_version_name(storage::latest_schema_version()); }
const std::filesystem::path& Register::file() const { return impl_->file; }
const std::string& Register::user() const { return impl_->user; }

Register::Batch::Batch(Register& reg) : reg_(&reg) {
    try {
        reg_->impl_->batches.push_back(std::make_unique<WriteScope>(reg_->impl_->db));
    } catch (const SQLite::Exception& e) {
        throw database_error_from(e, reg_->impl_->file.string());
    }
}

Register::Batch::~Batch() {
    if (!done_) reg_->impl_->batches.pop_back();  // the scope rolls back
}

void Register::Batch::commit() {
    try {
        reg_->impl_->batches.back()->commit();
    } catch (const SQLite::Exception& e) {
        throw database_error_from(e, reg_->impl_->file.string());
    }
    reg_->impl_->batches.pop_back();
    done_ = true;
}

std::string_view code_name(ConflictCode code) {
    switch (code) {
        case ConflictCode::duplicate_deed: return "duplicate_deed";
        case ConflictCode::plot_overlap: return "plot_overlap";
        case ConflictCode::location_taken: return "location_taken";
        case ConflictCode::duplicate_name: return "duplicate_name";
        case ConflictCode::wrong_comune: return "wrong_comune";
        case ConflictCode::invalid_data: return "invalid_data";
        case ConflictCode::missing_reference: return "missing_reference";
        case ConflictCode::stale: return "stale";
    }
    return "?";
}

// --- Comuni ---

namespace {
Comune read_comune(SQLite::Statement& s) {
    Comune c;
    c.id = ComuneId{s.getColumn(0).getInt64()};
    c.name = s.getColumn(1).getString();
    c.istat_code = s.getColumn(2).getString();
    c.cadastral_code = s.getColumn(3).getString();
    c.member_from = storage::column_required_date(s.getColumn(4));
    c.member_until = storage::column_date(s.getColumn(5));
    return c;
}
constexpr const char* comune_columns = "SELECT id, name, istat_code, cadastral_code, member_from, member_until FROM comune ";
}  // namespace

WriteResult<ComuneId> Register::add_comune(const Comune& comune) {
    return impl_->write<WriteResult<ComuneId>>([&](WriteResult<ComuneId>& out) {
        auto& s = impl_->db.statement(
            "INSERT INTO comune (name, name_folded, istat_code, cadastral_code, member_from, member_until) "
            "VALUES (?, ?, ?, ?, ?, ?)");
        s.bind(1, comune.name);
        s.bind(2, fold(comune.name));
        s.bind(3, comune.istat_code);
        s.bind(4, comune.cadastral_code);
        s.bind(5, to_iso(comune.member_from));
        storage::bind_date(s, 6, comune.member_until);
        s.exec();
        const ComuneId id{impl_->db.sql().getLastInsertRowid()};
        append_change(impl_->db, impl_->user, "comune", id.value(), "insert",
                      {{"name", comune.name},
                       {"istat_code", comune.istat_code},
                       {"cadastral_code", comune.cadastral_code},
                       {"member_from", to_iso(comune.member_from)},
                       {"member_until", comune.member_until ? to_iso(*comune.member_until) : ""}});
        out.value = id;
    });
}

std::optional<Comune> Register::Impl::load_comune(ComuneId id) {
    auto& s = db.statement(std::string(comune_columns) + "WHERE id = ?");
    s.bind(1, id.value());
    if (!s.executeStep()) return std::nullopt;
    return read_comune(s);
}

std::vector<Comune> Register::comuni() const {
    storage::ReadScope read(impl_->db);
    auto& s = impl_->db.statement(std::string(comune_columns) + "ORDER BY name_folded");
    std::vector<Comune> out;
    while (s.executeStep()) out.push_back(read_comune(s));
    return out;
}

std::optional<Comune> Register::comune(ComuneId id) const {
    storage::ReadScope read(impl_->db); return impl_->load_comune(id); }

std::optional<Comune> Register::find_comune(std::string_view name_or_code) const {
    storage::ReadScope read(impl_->db);
    auto& s = impl_->db.statement(std::string(comune_columns) +
                                  "WHERE name_folded = ? OR istat_code = ? OR upper(cadastral_code) = upper(?)");
    const std::string text{name_or_code};
    s.bind(1, fold(text));
    s.bind(2, text);
    s.bind(3, text);
    if (!s.executeStep()) return std::nullopt;
    return read_comune(s);
}

// --- Cemeteries ---

WriteResult<CemeteryId> Register::add_cemetery(ComuneId comune, const std::string& name) {
    return impl_->write<WriteResult<CemeteryId>>([&](WriteResult<CemeteryId>& out) {
        auto& s = impl_->db.statement("INSERT INTO cemetery (comune_id, name, name_folded) VALUES (?, ?, ?)");
        s.bind(1, comune.value());
        s.bind(2, name);
        s.bind(3, fold(name));
        s.exec();
        const CemeteryId id{impl_->db.sql().getLastInsertRowid()};
        append_change(impl_->db, impl_->user, "cemetery", id.value(), "insert",
                      {{"comune_id", comune.value()}, {"name", name}});
        out.value = id;
    });
}

std::vector<Cemetery> Register::cemeteries(std::optional<ComuneId> comune) const {
    storage::ReadScope read(impl_->db);
    auto& s = impl_->db.statement(
        "SELECT id, comune_id, name FROM cemetery WHERE ?1 IS NULL OR comune_id = ?1 ORDER BY comune_id, name_folded");
    if (comune) s.bind(1, comune->value());
    std::vector<Cemetery> out;
    while (s.executeStep()) {
        out.push_back(Cemetery{CemeteryId{s.getColumn(0).getInt64()}, ComuneId{s.getColumn(1).getInt64()},
                               s.getColumn(2).getString()});
    }
    return out;
}

std::optional<Cemetery> Register::find_cemetery(ComuneId comune, std::string_view name) const {
    storage::ReadScope read(impl_->db);
    auto& s = impl_->db.statement("SELECT id, comune_id, name FROM cemetery WHERE comune_id = ? AND name_folded = ?");
    s.bind(1, comune.value());
    s.bind(2, fold(name));
    if (!s.executeStep()) return std::nullopt;
    return Cemetery{CemeteryId{s.getColumn(0).getInt64()}, ComuneId{s.getColumn(1).getInt64()},
                    s.getColumn(2).getString()};
}

// --- Plots ---

WriteResult<PlotId> Register::add_plot(const Plot& plot) {
    return impl_->write<WriteResult<PlotId>>([&](WriteResult<PlotId>& out) {
        const PlotId id = storage::insert_plot(impl_->db, plot);
        append_change(impl_->db, impl_->user, "plot", id.value(), "insert",
                      {{"cemetery_id", plot.cemetery.value()},
                       {"kind", code(plot.kind)},
                       {"settore", plot.location.settore},
                       {"fila", plot.location.fila},
                       {"numero", plot.location.numero},
                       {"piano", plot.location.piano}});
        out.value = id;
    });
}

namespace {
constexpr const char* plot_columns = "SELECT id, cemetery_id, kind, settore, fila, numero, piano FROM plot ";
Plot read_plot(SQLite::Statement& s) {
    Plot p;
    p.id = PlotId{s.getColumn(0).getInt64()};
    p.cemetery = CemeteryId{s.getColumn(1).getInt64()};
    p.kind = plot_kind_from_code(s.getColumn(2).getString()).value_or(PlotKind::loculo);
    p.location = {s.getColumn(3).getString(), s.getColumn(4).getString(), s.getColumn(5).getString(),
                  s.getColumn(6).getString()};
    return p;
}
}  // namespace

std::optional<Plot> Register::plot(PlotId id) const {
    storage::ReadScope read(impl_->db);
    auto& s = impl_->db.statement(std::string(plot_columns) + "WHERE id = ?");
    s.bind(1, id.value());
    if (!s.executeStep()) return std::nullopt;
    return read_plot(s);
}

std::optional<Plot> Register::find_plot(CemeteryId cemetery, const Location& where) const {
    storage::ReadScope read(impl_->db);
    auto& s = impl_->db.statement(std::string(plot_columns) +
                                  "WHERE cemetery_id = ? AND settore = ? AND fila = ? AND numero = ? AND piano = ?");
    s.bind(1, cemetery.value());
    s.bind(2, where.settore);
    s.bind(3, where.fila);
    s.bind(4, where.numero);
    s.bind(5, where.piano);
    if (!s.executeStep()) return std::nullopt;
    return read_plot(s);
}

std::vector<std::pair<Date, Date>> Register::plot_terms(PlotId plot) const {
    storage::ReadScope read(impl_->db);
    // The same days as the concession_no_overlap triggers count.
    auto& s = impl_->db.statement(
        "SELECT term_start, COALESCE(ended_on, expires_on, '9999-12-31') FROM concession WHERE plot_id = ? "
        "ORDER BY term_start");
    s.bind(1, plot.value());
    std::vector<std::pair<Date, Date>> out;
    while (s.executeStep()) {
        out.emplace_back(storage::column_required_date(s.getColumn(0)), storage::column_required_date(s.getColumn(1)));
    }
    return out;
}

// --- Change log ---

std::vector<ChangeLogEntry> Register::change_log(std::optional<std::string> entity,
                                                 std::optional<std::int64_t> record_id) const {
    storage::ReadScope read(impl_->db);
    return storage::read_change_log(impl_->db, entity, record_id);
}

std::int64_t Register::change_log_size() const {
    storage::ReadScope read(impl_->db); return storage::change_log_size(impl_->db); }

}  // namespace cemetery
