#pragma once
// The search index of a first load, built beside it: in a scratch file, on a
// connection of its own, by the thread that makes the load's search rows
// (RecordsAside), while the load's thread goes on writing the register. At commit
// the load's transaction takes the finished index in whole (adopt_search_index).
//
// Why: FTS5 building the index of a million concessions is a quarter of their
// import, and on the register's connection it would wait for every other write
// to end. It is built in a scratch file (scratch.hpp), and its tables copied
// into the register's.
//
// Only for a register whose search index is empty (a first import): FTS5 keeps
// its index in tables of its own whose rows belong together, and one index can
// be moved in whole, not merged into another.

#include "storage/database.hpp"
#include "storage/load_indexes.hpp"
#include "storage/scratch.hpp"

#include <cemetery/ids.hpp>

#include <array>
#include <optional>
#include <string>

namespace cemetery::storage {

class SearchBuild {
public:
    // A scratch file with an empty index of the register's definition (`db`'s,
    // read from its schema). Throws DatabaseError.
    explicit SearchBuild(Database& db);
    ~SearchBuild();  // closes and deletes the scratch file
    SearchBuild(const SearchBuild&) = delete;
    SearchBuild& operator=(const SearchBuild&) = delete;

    // From one thread, the same for every call after the constructor.
    void add(ConcessionId id, const std::array<std::string, 3>& columns);
    // Merges the index into one segment and commits it. Once, after the last add.
    void finish();

    const Scratch& scratch() const { return scratch_; }

private:
    Scratch scratch_;
    std::optional<DeferredSearchMerge> merge_;
};

// Whether a load into `db` may build its search index aside: the register's holds
// no row. Inside the load's transaction.
bool search_index_empty(Database& db);

// Replaces the register's empty search index with the one `build` finished,
// inside the caller's transaction. The scratch file stays attached to `db` as
// search_build until detach_search_build(), which SQLite allows only once the
// transaction is over.
void adopt_search_index(Database& db, const SearchBuild& build);
void detach_search_build(Database& db) noexcept;

}  // namespace cemetery::storage
