#pragma once
// What a Register holds, shared by the files that implement it.

#include "storage/database.hpp"

#include <cemetery/register.hpp>

#include <SQLiteCpp/Exception.h>

#include <memory>
#include <vector>

namespace cemetery {

struct Register::Impl {
    Impl(const std::filesystem::path& f, bool create, std::string u);

    std::filesystem::path file;
    std::string user;
    storage::Database db;
    std::vector<std::unique_ptr<storage::WriteScope>> batches;

    // Reads the holders, deceased and renewals of a concession into it, and the day its
    // place was freed.
    void load_children(Concession& c);
    std::optional<Concession> load_concession(ConcessionId id);
    std::optional<Comune> load_comune(ComuneId id);
    // Marks a concession's search row to be rewritten from what it holds, when the
    // transaction commits (see Database::pending_search).
    void index_concession(ConcessionId id) { db.pending_search.push_back(id.value()); }

    // One write to the register: runs `body(result)` in its own transaction and
    // commits when the result says it was written (its operator bool) with no
    // conflict; a refusal or a conflict rolls everything back. A constraint SQLite
    // refuses (a plot taken twice, a term that runs into the next one) becomes the
    // result's conflict; any other failure throws a DatabaseError naming the file.
    template <class Result, class Body>
    Result write(Body&& body);
};

namespace storage {
// What a write refused by SQLite leaves in its result: the conflict, nothing written.
template <class T>
void keep_conflict(WriteResult<T>& r, Conflict c) {
    r.value.reset();
    r.conflict = std::move(c);
}
inline void keep_conflict(LifeOutcome& r, Conflict c) {
    r.concession.reset();
    r.notices.clear();
    r.conflict = std::move(c);
}
// The rules' decision stays with it: the renewal was allowed, the register refused it.
inline void keep_conflict(RenewalOutcome& r, Conflict c) {
    r.concession.reset();
    r.conflict = std::move(c);
}
}  // namespace storage

template <class Result, class Body>
Result Register::Impl::write(Body&& body) {
    Result out;
    try {
        storage::WriteScope tx(db);
        body(out);
        if (out && !out.conflict) tx.commit();
    } catch (const SQLite::Exception& e) {
        auto conflict = storage::conflict_from(e);
        if (!conflict) throw storage::database_error_from(e, file.string());
        storage::keep_conflict(out, std::move(*conflict));
    }
    return out;
}

namespace storage {
// Statements shared by several files.
inline constexpr const char* concession_columns =
    "c.id, c.comune_id, c.plot_id, c.deed_number, c.signed_on, c.term_start, c.term_years, c.perpetual, "
    "c.expires_on, c.term_source, c.version_name, c.ending, c.ended_on, c.ending_act, c.ending_reason, "
    "c.row_version, c.variant";
Concession read_concession_row(SQLite::Statement& s);  // columns as above, from 0
std::string_view term_source_code(TermSource source);
Ending ending_from_code(const std::string& code);
}  // namespace storage

}  // namespace cemetery
