// Register::Load: many new records in one transaction, for an import.
//
// What makes it fast is what it leaves out: no savepoint per record (SQLite copies
// every page a savepoint touches into its sub-journal), no change-log entry built
// per row (one per concession, written at commit with what the file says of it),
// and the search index written once for everything at commit.
#include "storage/register_impl.hpp"

#include "storage/change_log.hpp"
#include "storage/record_digest.hpp"
#include "storage/load_indexes.hpp"
#include "storage/register_rows.hpp"
#include "storage/search_row.hpp"

#include <SQLiteCpp/Exception.h>

#include <stdexcept>
#include <unordered_map>

namespace cemetery {

struct Register::Load::State {
    explicit State(storage::Database& db, std::string s) : tx(db), source(std::move(s)) {}

    storage::WriteScope tx;
    std::string source;
    struct Created {
        ConcessionId id;
        std::string deed_number;
        PlotId plot;
        std::size_t line = 0;
    };
    std::vector<Created> created;
    std::unordered_map<std::int64_t, int> next_holder;  // position of the next holder, by concession
    // People added to concessions that were in the register before this load.
    std::unordered_map<std::int64_t, nlohmann::json> added;
    std::optional<Conflict> conflict;
    std::optional<storage::SetAsideIndexes> set_aside;  // see the constructor
    std::optional<storage::DeferredSearchMerge> search_merge;
    // The search row of the concession written last, completed by the rows that
    // follow it in the file (a family tomb's), and put aside when the next one
    // starts. People added to any other concession re-index it at commit.
    struct OpenRow {
        ConcessionId id;
        std::string deed_number;
        storage::SearchRow row;
    };
    std::optional<OpenRow> open_row;
    // Search rows are written at commit, after everything else: FTS5 writes out
    // what it holds in memory at every statement of the transaction that opens a
    // statement savepoint (a concession's INSERT, with its trigger, does), so rows
    // written between the concessions would cost a tiny index segment each.
    std::vector<std::pair<ConcessionId, std::array<std::string, 3>>> search_rows;

    void close_row() {
        if (open_row) search_rows.emplace_back(open_row->id, open_row->row.columns(open_row->deed_number));
        open_row.reset();
    }
};

Register::Load::Load(Register& reg, std::string source) : reg_(reg) {
    try {
        // References stay checked at every row: deferred to the commit, SQLite would
        // look up every table that refers to a concession at each one written.
        state_ = std::make_unique<State>(reg_.impl_->db, std::move(source));
        // Into a register that holds no concession yet (a first import, the load of
        // a whole register), the indexes are built once after the rows. A load into
        // a register that holds some may be small beside it, and keeps them as it
        // writes: it also reads existing concessions' holders through them.
        auto& db = reg_.impl_->db;
        if (db.sql().execAndGet("SELECT NOT EXISTS (SELECT 1 FROM concession)").getInt() == 1) {
            state_->set_aside.emplace(db);
            state_->search_merge.emplace(db);
        }
    } catch (const SQLite::Exception& e) {
        throw storage::database_error_from(e, reg_.impl_->file.string());
    }
}

Register::Load::~Load() = default;  // the write scope rolls back unless committed

namespace {
template <class T, class Write>
WriteResult<T> guarded(Register::Impl& impl, std::optional<Conflict>& spoiled, Write&& write) {
    if (spoiled) return {{}, spoiled};
    try {
        return {write(), {}};
    } catch (const SQLite::Exception& e) {
        if (auto conflict = storage::conflict_from(e)) {
            spoiled = conflict;
            return {{}, conflict};
        }
        throw storage::database_error_from(e, impl.file.string());
    }
}

nlohmann::json names(const auto& people) {
    auto out = nlohmann::json::array();
    for (const auto& p : people) out.push_back({{"surname", p.surname}, {"given_name", p.given_name}});
    return out;
}
}  // namespace

WriteResult<PlotId> Register::Load::add_plot(const Plot& plot) {
    return guarded<PlotId>(*reg_.impl_, state_->conflict, [&] { return storage::insert_plot(reg_.impl_->db, plot); });
}

WriteResult<ConcessionId> Register::Load::add_concession(const Concession& c, std::size_t line) {
    auto& db = reg_.impl_->db;
    return guarded<ConcessionId>(*reg_.impl_, state_->conflict, [&] {
        const ConcessionId id = storage::insert_concession(db, c);
        storage::insert_people(db, id, 0, c.holders, c.deceased);
        for (const auto& r : c.renewals) storage::insert_renewal(db, id, r);
        state_->next_holder[id.value()] = static_cast<int>(c.holders.size());
        state_->created.push_back({id, c.deed_number, c.plot, line});
        state_->close_row();
        state_->open_row = State::OpenRow{id, c.deed_number, {}};
        for (const auto& h : c.holders) state_->open_row->row.add(h);
        for (const auto& d : c.deceased) state_->open_row->row.add(d);
        return id;
    });
}

WriteResult<ConcessionId> Register::Load::add_people(ConcessionId id, const std::vector<Holder>& holders,
                                                     const std::vector<Deceased>& deceased) {
    auto& db = reg_.impl_->db;
    return guarded<ConcessionId>(*reg_.impl_, state_->conflict, [&] {
        auto [position, first_time] = state_->next_holder.try_emplace(id.value(), 0);
        if (first_time) {
            // A concession already in the register: its people go on after the ones it has.
            auto& count = db.statement("SELECT count(*) FROM holder WHERE concession_id = ?");
            count.bind(1, id.value());
            count.executeStep();
            position->second = count.getColumn(0).getInt();
            count.reset();
            auto& bump = db.statement("UPDATE concession SET row_version = row_version + 1 WHERE id = ?");
            bump.bind(1, id.value());
            bump.exec();
            state_->added[id.value()] = {{"holders", nlohmann::json::array()},
                                         {"deceased", nlohmann::json::array()},
                                         {"source", state_->source}};
        }
        storage::insert_people(db, id, position->second, holders, deceased);
        position->second += static_cast<int>(holders.size());
        if (auto it = state_->added.find(id.value()); it != state_->added.end()) {
            for (auto& h : names(holders)) it->second["holders"].push_back(std::move(h));
            for (auto& d : names(deceased)) it->second["deceased"].push_back(std::move(d));
        }
        if (state_->open_row && state_->open_row->id == id) {
            for (const auto& h : holders) state_->open_row->row.add(h);
            for (const auto& d : deceased) state_->open_row->row.add(d);
        } else {
            reg_.impl_->index_concession(id);  // rewritten whole at commit
        }
        return id;
    });
}

void Register::Load::commit() {
    if (state_->conflict) throw std::logic_error("a load the database refused cannot be committed: " +
                                                 state_->conflict->message);
    auto& impl = *reg_.impl_;
    try {
        // The indexes first: the search rows of concessions that gained people are
        // read back through them when the transaction commits.
        if (state_->set_aside) state_->set_aside->restore();
        state_->close_row();
        for (const auto& [id, columns] : state_->search_rows) storage::insert_search_row(impl.db, id, columns);
        state_->search_rows = {};
        if (state_->search_merge) state_->search_merge->merge_once();
        // The entries of one load share their time; their details are written by
        // hand, which a million entries notice.
        const std::string at = storage::utc_now();
        const std::string source = ",\"source\":" + nlohmann::json(state_->source).dump() + ",\"line\":";
        // The digests of the new concessions in one streaming pass, in id order,
        // and the chain carried in memory from entry to entry.
        if (const auto& created = state_->created; !created.empty()) {
            storage::ChainWriter log(impl.db);
            std::size_t next = 0;
            storage::each_record_digest(
                impl.db, "concession", created.front().id.value(), created.back().id.value(),
                [&](std::int64_t id, const std::string& digest) {
                    if (next == created.size() || created[next].id.value() != id) return;  // not of this load
                    const auto& c = created[next++];
                    log.append(at, impl.user, "concession", id, "insert",
                               "{\"deed_number\":" + nlohmann::json(c.deed_number).dump() +
                                   ",\"plot_id\":" + std::to_string(c.plot.value()) + source +
                                   std::to_string(c.line) + "}",
                               digest);
                });
        }
        for (const auto& [id, people] : state_->added) {
            storage::append_change(impl.db, impl.user, "concession", id, "add_people", people);
        }
        state_->tx.commit();
    } catch (const SQLite::Exception& e) {
        throw storage::database_error_from(e, impl.file.string());
    }
}

}  // namespace cemetery
