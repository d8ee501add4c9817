#include "storage/postgresql/error.hpp"

namespace cemetery::storage::postgresql {

DatabaseError::Kind kind_of_sqlstate(std::string_view s) {
    using Kind = DatabaseError::Kind;
    if (s.size() != 5) return Kind::other;
    const std::string_view class_ = s.substr(0, 2);
    if (s == "40001" || s == "40P01" || s == "55P03" || s == "55006" || s == "57P03" || s == "53300" ||
        s == "57014")
        return Kind::busy;  // serialization, deadlock, lock not available, in use, starting, full, timed out
    if (s == "42501" || s == "25006") return Kind::read_only;
    if (class_ == "08" || class_ == "58" || s == "53100" || s == "53200" || s == "57P01" || s == "57P02")
        return Kind::io;
    if (s == "XX001" || s == "XX002" || s == "3D000") return Kind::not_a_database;
    return Kind::other;
}

}  // namespace cemetery::storage::postgresql
