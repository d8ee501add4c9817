#pragma once
// PostgreSQL's errors as the library's: a DatabaseError whose kind comes from the
// server's SQLSTATE, and which keeps the SQLSTATE and, for a refused row, the name
// of the constraint that refused it. Callers turn refusals into the register's
// conflicts by that name (concession_no_overlap: the plot is held), never by the
// text of the message, which the server translates.

#include <cemetery/storage_error.hpp>

#include <string>
#include <string_view>

namespace cemetery::storage::postgresql {

class PgError : public DatabaseError {
public:
    PgError(Kind kind, const std::string& message, std::string sqlstate = {}, std::string constraint = {})
        : DatabaseError(kind, message), sqlstate_(std::move(sqlstate)), constraint_(std::move(constraint)) {}

    // Five characters ("23P01"); empty when no server answered (a failed connection).
    [[nodiscard]] const std::string& sqlstate() const { return sqlstate_; }
    // The constraint a refused row broke; empty when none did.
    [[nodiscard]] const std::string& constraint() const { return constraint_; }

private:
    std::string sqlstate_;
    std::string constraint_;
};

// The library's kind of error for a SQLSTATE: waits that ran out (locks,
// serialization, a server starting) are busy; missing privileges and read-only
// transactions read_only; lost connections, a full disk and I/O errors io;
// corrupt data or a database that does not exist not_a_database; the rest other.
[[nodiscard]] DatabaseError::Kind kind_of_sqlstate(std::string_view sqlstate);

// SQLSTATEs the register's code tests for.
namespace sqlstate {
inline constexpr std::string_view exclusion_violation = "23P01";
inline constexpr std::string_view unique_violation = "23505";
inline constexpr std::string_view check_violation = "23514";
inline constexpr std::string_view insufficient_privilege = "42501";
inline constexpr std::string_view raise_exception = "P0001";
}  // namespace sqlstate

}  // namespace cemetery::storage::postgresql
