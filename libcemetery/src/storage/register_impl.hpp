#pragma once
// What a Register holds, shared by the files that implement it.

#include "storage/database.hpp"

#include <cemetery/register.hpp>

#include <memory>
#include <vector>

namespace cemetery {

struct Register::Impl {
    Impl(const std::filesystem::path& f, bool create, std::string u);

    std::filesystem::path file;
    std::string user;
    storage::Database db;
    std::vector<std::unique_ptr<storage::WriteScope>> batches;

    // Reads the holders, deceased and renewals of a concession into it.
    void load_children(Concession& c);
    std::optional<Concession> load_concession(ConcessionId id);
    std::optional<Comune> load_comune(ComuneId id);
    // Marks a concession's search row to be rewritten from what it holds, when the
    // transaction commits (see Database::pending_search).
    void index_concession(ConcessionId id) { db.pending_search.push_back(id.value()); }
};

namespace storage {
// Statements shared by several files.
inline constexpr const char* concession_columns =
    "c.id, c.comune_id, c.plot_id, c.deed_number, c.signed_on, c.term_start, c.term_years, c.perpetual, "
    "c.expires_on, c.term_source, c.version_name, c.ending, c.ended_on, c.ending_act, c.ending_reason, "
    "c.row_version";
Concession read_concession_row(SQLite::Statement& s);  // columns as above, from 0
std::string_view term_source_code(TermSource source);
Ending ending_from_code(const std::string& code);
}  // namespace storage

}  // namespace cemetery
