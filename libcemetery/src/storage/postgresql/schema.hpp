#pragma once
// The PostgreSQL register's schema: the same tables and columns as the SQLite
// register's (storage/schema.cpp), in PostgreSQL's own types, with PostgreSQL
// doing its part of the rules:
//
// - No two concessions hold one plot at once: an EXCLUDE constraint
//   (concession_no_overlap) over the plot and the dates it is held.
// - The change log is append-only: a trigger refuses UPDATE, DELETE and TRUNCATE
//   whoever asks, and the clerks' role (clerk_role) may only read and add to it.
// - Its appends are serialized (change_log.hpp): the chain never forks.
// - Search folds accents and apostrophes as the SQLite register's does.
//
// Versions have the SQLite register's numbers and meaning: a PostgreSQL register
// at version N holds what a SQLite file at version N holds. A PostgreSQL register
// is created directly at the version it was first written in (its first migration
// makes everything SQLite's migrations up to then made), and every later SQLite
// migration gets its PostgreSQL counterpart with the same number. The versions a
// register went through are rows of schema_version; the highest is its version.

#include "storage/postgresql/connection.hpp"

#include <string_view>

namespace cemetery::storage::postgresql {

// The role whose members are the office's clerks: they read and write the
// register, add to the change log and never change or remove its entries. Made
// by the first migration when the migrating user may create roles (a role is the
// cluster's, shared by its registers); otherwise an administrator makes it first.
inline constexpr std::string_view clerk_role = "cemetery_clerk";

// The register's version; 0 for a database without one.
[[nodiscard]] int schema_version(Connection& db);
[[nodiscard]] int latest_schema_version();

// Brings the database to the latest version, each migration one transaction.
// Throws PgError(too_new) for a register of a newer program, not_a_database for a
// database that holds other tables and no register, or, without `may_create`,
// for an empty one. Two programs migrating at once take turns.
void migrate(Connection& db, bool may_create = true);

}  // namespace cemetery::storage::postgresql
