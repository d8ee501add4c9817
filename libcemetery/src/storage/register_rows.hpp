#pragma once
// The INSERTs of a register's records, shared by the one-at-a-time writes of
// Register and the bulk writes of Register::Load. Each runs inside the caller's
// transaction and leaves the change log and the search index to the caller.

#include "storage/database.hpp"

#include <cemetery/burial.hpp>
#include <cemetery/concession.hpp>
#include <cemetery/plot.hpp>
#include <cemetery/remains.hpp>

#include <vector>

namespace cemetery::storage {

// What a new concession's row starts at; every write to it adds one.
inline constexpr std::int64_t first_row_version = 1;
// What a new deceased's remains are until an act says otherwise.
inline constexpr RemainsForm first_remains = RemainsForm::coffin;

PlotId insert_plot(Database& db, const Plot& plot);
// The concession's own row: not its people or renewals. Its row_version is
// first_row_version, whatever `c` says.
ConcessionId insert_concession(Database& db, const Concession& c);

// The ids SQLite gave the rows insert_people wrote, in the order written.
struct PeopleIds {
    std::vector<std::int64_t> holders;
    std::vector<std::int64_t> deceased;
};
// Holders take positions first_position, first_position + 1, ...; the deceased's
// remains are first_remains. Their ids go into `ids` when it is given.
void insert_people(Database& db, ConcessionId id, int first_position, const std::vector<Holder>& holders,
                   const std::vector<Deceased>& deceased, PeopleIds* ids = nullptr);
// Returns the renewal's id.
RenewalId insert_renewal(Database& db, ConcessionId id, const Renewal& r);
// A term restarted by a burial, into the concession's history (the caller moves the
// concession's own term); `deceased` is the one whose burial restarted it. A payment
// that starts a term (TermEvent::payment) is written with no deceased, neither id nor
// name: that is how the history tells it from a burial (no schema change needed).
void insert_term_restart(Database& db, ConcessionId id, std::optional<DeceasedId> deceased, const TermRestart& r);

}  // namespace cemetery::storage
