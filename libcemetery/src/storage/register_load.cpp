// Register::Load: many new records in one transaction, for an import.
//
// What makes it fast is what it leaves out: no savepoint per record (SQLite copies
// every page a savepoint touches into its sub-journal), no change-log entry built
// per row (one per concession, written at commit with what the file says of it),
// and the search index written once for everything at commit, or, into a register
// whose index is empty (a first import), built aside on a connection of its own
// while the rows go in (search_build.hpp). The change log's entries are built
// aside too, at commit, while the indexes set aside are built (log_build.hpp).
#include "storage/register_impl.hpp"

#include "storage/change_log.hpp"
#include "storage/records_aside.hpp"
#include "storage/record_digest.hpp"
#include "storage/load_indexes.hpp"
#include "storage/log_build.hpp"
#include "storage/log_people.hpp"
#include "storage/register_rows.hpp"
#include "storage/search_build.hpp"
#include "storage/search_row.hpp"

#include <SQLiteCpp/Exception.h>

#include <algorithm>
#include <exception>
#include <future>
#include <thread>
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
        // Its digest is read back at commit, not computed from what was written
        // (see OpenRecord).
        bool read_back = false;
    };
    std::vector<Created> created;  // in id order
    std::unordered_map<std::int64_t, int> next_holder;  // position of the next holder, by concession
    // People added to concessions that were in the register before this load: the
    // holders for their count and digest in the entry (log_people.hpp), the deceased
    // by name.
    struct Added {
        std::vector<Holder> holders;
        nlohmann::json deceased = nlohmann::json::array();
        nlohmann::json restarts = nlohmann::json::array();  // terms restarted by their burials
    };
    std::unordered_map<std::int64_t, Added> added;
    std::optional<Conflict> conflict;
    std::optional<storage::SetAsideIndexes> set_aside;  // see the constructor
    std::optional<storage::DeferredSearchMerge> search_merge;  // when the index is written here
    // The search index built aside, when the register's is empty (a first import).
    std::unique_ptr<storage::SearchBuild> search_build;
    // The change log's new entries built aside, at commit (log_build.hpp).
    std::unique_ptr<storage::LogBuild> log_build;
    // The scratch files attached to the register's connection, detached once the
    // transaction is over (SQLite detaches none before).
    struct Attached {
        bool search_build = false;
        bool log_build = false;
        void detach(storage::Database& db) noexcept {
            if (search_build) storage::detach_search_build(db);
            if (log_build) storage::detach_log_build(db);
            *this = {};
        }
    } attached;
    // The plot written last: the concession that follows is usually on it.
    std::optional<Plot> last_plot;
    // The concession written last, completed by the rows that follow it in the
    // file (a family tomb's), and closed when the next one starts: then its search
    // row and its digest are made aside (records_aside.hpp). People added to any
    // other concession re-index it at commit, and its digest is read back.
    //
    // Search rows are written at commit, after everything else: FTS5 writes out
    // what it holds in memory at every statement of the transaction that opens a
    // statement savepoint (a concession's INSERT, with its trigger, does), so rows
    // written between the concessions would cost a tiny index segment each.
    struct OpenRecord {
        Concession record;  // with the ids SQLite gave it and its people
        std::optional<Plot> plot;
    };
    std::optional<OpenRecord> open;
    storage::PeopleIds ids;  // reused from concession to concession
    std::optional<storage::RecordsAside> aside;  // after search_build, which it writes to

    void close_record() {
        if (!open) return;
        if (!open->plot) created.back().read_back = true;
        aside->add(created.size() - 1, std::move(open->record), std::move(open->plot));
        open.reset();
    }

    // A concession of this load, by id (created is in id order).
    Created* created_one(ConcessionId id) {
        auto it = std::lower_bound(created.begin(), created.end(), id.value(),
                                   [](const Created& c, std::int64_t v) { return c.id.value() < v; });
        return it != created.end() && it->id == id ? &*it : nullptr;
    }

    // The people just written for the open record (ids), into it with their ids.
    void add_to_open(const std::vector<Holder>& holders, const std::vector<Deceased>& deceased) {
        for (std::size_t i = 0; i < holders.size(); ++i) {
            open->record.holders.push_back(holders[i]);
            open->record.holders.back().id = HolderId{ids.holders[i]};
        }
        for (std::size_t i = 0; i < deceased.size(); ++i) {
            open->record.deceased.push_back(deceased[i]);
            open->record.deceased.back().id = DeceasedId{ids.deceased[i]};
        }
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
            if (storage::search_index_empty(db)) {
                try {
                    state_->search_build = std::make_unique<storage::SearchBuild>(db);
                } catch (const std::exception&) {
                    // No scratch file (a full or read-only temporary directory): the
                    // index is written here at commit, as into a register that has one.
                }
            }
            if (!state_->search_build) state_->search_merge.emplace(db);
        }
        state_->aside.emplace(state_->search_build.get());
    } catch (const SQLite::Exception& e) {
        throw storage::database_error_from(e, reg_.impl_->file.string());
    }
}

Register::Load::~Load() {
    if (!state_) return;
    auto attached = state_->attached;
    state_.reset();  // the write scope rolls back unless committed
    attached.detach(reg_.impl_->db);
}

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

// Runs `work` on a second thread while `meanwhile` runs on this one, and returns
// when both are done; what `work` threw is thrown here after them (and what
// `meanwhile` threw, once `work` is done).
template <class Work, class Meanwhile>
void alongside(Work&& work, Meanwhile&& meanwhile) {
    std::exception_ptr error;
    {
        std::jthread second([&] {
            try {
                work();
            } catch (...) {
                error = std::current_exception();
            }
        });
        meanwhile();
    }
    if (error) std::rethrow_exception(error);
}

}  // namespace

WriteResult<PlotId> Register::Load::add_plot(const Plot& plot) {
    return guarded<PlotId>(*reg_.impl_, state_->conflict, [&] {
        const PlotId id = storage::insert_plot(reg_.impl_->db, plot);
        state_->last_plot = plot;
        state_->last_plot->id = id;
        return id;
    });
}

WriteResult<ConcessionId> Register::Load::add_concession(Concession c, std::size_t line) {
    auto& db = reg_.impl_->db;
    return guarded<ConcessionId>(*reg_.impl_, state_->conflict, [&] {
        auto& st = *state_;
        st.close_record();
        const ConcessionId id = storage::insert_concession(db, c);
        st.ids.holders.clear();
        st.ids.deceased.clear();
        storage::insert_people(db, id, 0, c.holders, c.deceased, &st.ids);
        st.next_holder[id.value()] = static_cast<int>(c.holders.size());
        st.created.push_back({id, c.deed_number, c.plot, line, false});
        for (auto& r : c.renewals) r.id = storage::insert_renewal(db, id, r);
        for (std::size_t i = 0; i < c.holders.size(); ++i) c.holders[i].id = HolderId{st.ids.holders[i]};
        for (std::size_t i = 0; i < c.deceased.size(); ++i) c.deceased[i].id = DeceasedId{st.ids.deceased[i]};
        c.id = id;
        auto& open = st.open.emplace();
        if (st.last_plot && st.last_plot->id == c.plot) open.plot = st.last_plot;
        open.record = std::move(c);
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
            state_->added.try_emplace(id.value());
        }
        state_->ids.holders.clear();
        state_->ids.deceased.clear();
        storage::insert_people(db, id, position->second, holders, deceased, &state_->ids);
        position->second += static_cast<int>(holders.size());
        if (auto it = state_->added.find(id.value()); it != state_->added.end()) {
            it->second.holders.insert(it->second.holders.end(), holders.begin(), holders.end());
            for (const auto& d : deceased) {
                it->second.deceased.push_back({{"surname", d.surname}, {"given_name", d.given_name}});
            }
        }
        if (state_->open && state_->open->record.id == id) {
            state_->add_to_open(holders, deceased);
        } else {
            reg_.impl_->index_concession(id);  // rewritten whole at commit
            if (auto* created = state_->created_one(id)) created->read_back = true;
        }
        return id;
    });
}

std::vector<DeceasedId> Register::Load::deceased_written() const {
    std::vector<DeceasedId> out;
    for (const std::int64_t id : state_->ids.deceased) out.emplace_back(id);
    return out;
}

WriteResult<ConcessionId> Register::Load::add_restart(ConcessionId id, std::optional<DeceasedId> deceased,
                                                      const TermRestart& r) {
    auto& db = reg_.impl_->db;
    return guarded<ConcessionId>(*reg_.impl_, state_->conflict, [&] {
        auto& st = *state_;
        if (auto* created = st.created_one(id)) {
            // Its digest covers the history, which the record handed aside does not hold.
            created->read_back = true;
        } else {
            auto& us = db.statement("UPDATE concession SET term_start = ?, expires_on = ? WHERE id = ?");
            us.bind(1, to_iso(r.new_start));
            us.bind(2, to_iso(r.new_expiry));
            us.bind(3, id.value());
            us.exec();
            st.added[id.value()].restarts.push_back({{"buried_on", to_iso(r.buried_on)},
                                                     {"previous_start", to_iso(r.previous_start)},
                                                     {"previous_expiry", r.previous_expiry ? to_iso(*r.previous_expiry) : ""},
                                                     {"new_start", to_iso(r.new_start)},
                                                     {"new_expiry", to_iso(r.new_expiry)},
                                                     {"version_name", r.version_name},
                                                     {"basis", r.basis}});
        }
        storage::insert_term_restart(db, id, deceased, r);
        return id;
    });
}

void Register::Load::commit() {
    if (state_->conflict) throw std::logic_error("a load the database refused cannot be committed: " +
                                                 state_->conflict->message);
    auto& impl = *reg_.impl_;
    try {
        state_->close_record();
        // The entries of one load share their time; their details are written by
        // hand, which a million entries notice.
        const std::string at = storage::utc_now();
        const std::string source = ",\"source\":" + nlohmann::json(state_->source).dump() + ",\"line\":";
        const auto& created = state_->created;
        auto details = [&](std::size_t i) {
            return "{\"deed_number\":" + nlohmann::json(created[i].deed_number).dump() +
                   ",\"plot_id\":" + std::to_string(created[i].plot.value()) + source +
                   std::to_string(created[i].line) + "}";
        };
        auto made = state_->aside->collect(created.size());
        const auto& computed = made.digests;
        auto read_back_needed = [&](std::size_t i) { return created[i].read_back || !computed[i]; };
        // Filled by this thread, then read by the one writing the entries, which
        // waits for it at the first entry that needs it.
        std::unordered_map<std::size_t, std::optional<std::string>> read_back;
        std::promise<void> read_back_done;
        const std::shared_future<void> read_back_ready = read_back_done.get_future().share();

        // The new concessions' entries, from the log's last one: into a build aside
        // (log_build.hpp), on a second thread, while this one does the rest.
        storage::ChainWriter log(impl.db);
        auto& log_build = state_->log_build;
        if (!created.empty()) {
            try {
                log_build = std::make_unique<storage::LogBuild>(impl.db, log);
            } catch (const std::exception&) {
                // No scratch file: this thread writes them into the register, after the rest.
            }
        }
        auto write_entries = [&](storage::ChainWriter& writer) {
            for (std::size_t i = 0; i < created.size(); ++i) {
                std::optional<std::string> digest;
                if (read_back_needed(i)) {
                    read_back_ready.get();  // rethrows what stopped the other thread
                    digest = read_back.at(i);
                } else {
                    digest = storage::to_hex(*computed[i]);
                }
                writer.append(at, impl.user, "concession", created[i].id.value(), "insert", details(i), digest);
            }
        };
        auto the_rest = [&] {
            try {
                // The indexes first: the digests read back, and the search rows of
                // concessions that gained people, are read through them.
                if (state_->set_aside) state_->set_aside->restore();
                for (std::size_t i = 0; i < created.size(); ++i) {
                    if (read_back_needed(i)) {
                        read_back[i] = storage::record_digest(impl.db, "concession", created[i].id.value());
                    }
                }
                read_back_done.set_value();
            } catch (...) {
                read_back_done.set_exception(std::current_exception());
                throw;
            }
            if (state_->search_build) return;  // built aside, taken in below
            for (std::size_t i = 0; i < created.size(); ++i) {
                storage::insert_search_row(impl.db, created[i].id, made.search_rows[i]);
            }
            made.search_rows = {};
            if (state_->search_merge) state_->search_merge->merge_once();
        };
        if (log_build) {
            alongside(
                [&] {
                    write_entries(log_build->writer());
                    log_build->finish();
                },
                the_rest);
            state_->attached.log_build = true;
            storage::adopt_log_entries(impl.db, *log_build);
        } else {
            the_rest();
            write_entries(log);
        }
        for (const auto& [id, people] : state_->added) {
            nlohmann::json entry = {{"holders", storage::holders_summary(people.holders)},
                                    {"deceased", people.deceased},
                                    {"source", state_->source}};
            if (!people.restarts.empty()) entry["term_restarts"] = people.restarts;
            storage::append_change(impl.db, impl.user, "concession", id, "add_people", entry);
        }
        // The index built aside was being merged meanwhile.
        if (state_->search_build) {
            state_->aside->finish_search();
            state_->attached.search_build = true;
            storage::adopt_search_index(impl.db, *state_->search_build);
        }
        state_->tx.commit();
        state_->attached.detach(impl.db);
    } catch (const SQLite::Exception& e) {
        throw storage::database_error_from(e, impl.file.string());
    }
}

}  // namespace cemetery
