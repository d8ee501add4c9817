#pragma once
// Reads shared by the files of the plot inventory and the life of a concession.

#include "storage/database.hpp"

#include <cemetery/closing.hpp>
#include <cemetery/plot_inventory.hpp>

#include <optional>
#include <vector>

namespace cemetery::storage {

// Columns of one tenure, from 0 (the plot id first); the caller adds FROM and WHERE
// with the concession as `c`.
extern const char* const tenure_columns;
Tenure read_tenure(SQLite::Statement& s);

std::vector<Tenure> plot_tenures(Database& db, PlotId plot);
std::optional<Date> plot_out_of_use_from(Database& db, PlotId plot);
// None when the plot does not exist.
std::optional<PlotStateOn> plot_state_in(Database& db, PlotId plot, Date on);
// The postings of a concession's expiry, in the order they were posted.
std::vector<Posting> postings_of(Database& db, ConcessionId id);

}  // namespace cemetery::storage
