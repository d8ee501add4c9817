#include "postgresql/pg_support.hpp"

namespace test::pg {

pq::PgError error_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const pq::PgError& e) {
        return e;
    }
    FAIL("expected a PgError, but nothing was thrown");
    throw std::logic_error("unreachable");
}

}  // namespace test::pg
