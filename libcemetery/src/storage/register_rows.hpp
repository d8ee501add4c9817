#pragma once
// The INSERTs of a register's records, shared by the one-at-a-time writes of
// Register and the bulk writes of Register::Load. Each runs inside the caller's
// transaction and leaves the change log and the search index to the caller.

#include "storage/database.hpp"

#include <cemetery/concession.hpp>
#include <cemetery/plot.hpp>

#include <vector>

namespace cemetery::storage {

PlotId insert_plot(Database& db, const Plot& plot);
// The concession's own row: not its people or renewals.
ConcessionId insert_concession(Database& db, const Concession& c);
// Holders take positions first_position, first_position + 1, ...
void insert_people(Database& db, ConcessionId id, int first_position, const std::vector<Holder>& holders,
                   const std::vector<Deceased>& deceased);
void insert_renewal(Database& db, ConcessionId id, const Renewal& r);

}  // namespace cemetery::storage
