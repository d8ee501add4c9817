#pragma once
// What the PostgreSQL tests share: the test program's server (pg_server.hpp), a
// database of each test's own, and a Catch2 matcher-free way to say which error
// a statement must fail with.

#include "postgresql/pg_server.hpp"
#include "support.hpp"

#include "storage/postgresql/connection.hpp"
#include "storage/postgresql/error.hpp"

#include <functional>
#include <string>

namespace test::pg {

namespace pq = cemetery::storage::postgresql;

// The error `action` fails with; a test fails when it does not throw PgError.
pq::PgError error_of(const std::function<void()>& action);

}  // namespace test::pg
