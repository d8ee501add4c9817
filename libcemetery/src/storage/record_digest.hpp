#pragma once
// The digest of a record as the register stores it now: a SHA-256 over the
// canonical form (canonical.hpp) of its rows, for the change log to vouch for.
//
//   comune, cemetery   its row
//   plot               its row and its out-of-use row
//   concession         its row with the row of the plot it stands on (plots are
//                      never changed once written, and an import writes a plot
//                      with no entry of its own), then its holders, deceased,
//                      renewals, postings, restarted terms, successions and
//                      closing, each table's rows ordered by id
//
// Columns are named one by one, never `SELECT *`: a column a later schema adds
// does not change the digests of the records written before it. The format's
// name goes into every digest ("digest format 1"); a new format gets a new name.
//
// One record and a range of records are digested by the same code (the range
// reads each table once, ordered by record id, and merges), so the two always
// agree. SQLite errors are thrown as SQLite::Exception.

#include "storage/database.hpp"
#include "storage/sha256.hpp"

#include <cemetery/concession.hpp>
#include <cemetery/plot.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace cemetery::storage {

// The entities whose records have digests, as the change log names them.
[[nodiscard]] bool has_record_digest(std::string_view entity);
inline constexpr std::string_view digested_entities[] = {"comune", "cemetery", "plot", "concession"};

// The hexadecimal digest of one record; nullopt when it does not exist (or the
// entity has no digest).
[[nodiscard]] std::optional<std::string> record_digest(Database& db, std::string_view entity, std::int64_t id);

// Every record of the entity with first <= id <= last, in id order. `each` must
// not itself read digests (the statements are shared).
void each_record_digest(Database& db, std::string_view entity, std::int64_t first, std::int64_t last,
                        const std::function<void(std::int64_t id, const std::string& digest)>& each);

// The digest record_digest gives a concession just written by insert_concession,
// insert_people and insert_renewal (register_rows.hpp), from the values written
// instead of reading them back: a load of a million concessions spends a third of
// its time otherwise reading its records again. `c` carries its own id and those
// of its holders, deceased and renewals; `plot` is the plot it stands on. A
// record some later act has changed (a posting, a closing, a new row_version) is
// not "just written": its digest is read with record_digest. The tests compare
// the two on records of every shape, and verify() recomputes every digest from
// the tables.
[[nodiscard]] Sha256Digest new_concession_digest(Sha256& hash, const Concession& c, const Plot& plot);

}  // namespace cemetery::storage
