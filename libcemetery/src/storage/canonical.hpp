#pragma once
// The canonical form that the change log's chain and the digests of records are
// computed over: every value tagged with its type and text prefixed with its
// length, so that no two different sequences of values give the same bytes
// ("ab","c" and "a","bc" differ; 5 and '5' differ; NULL and '' differ).
//
//   integer  i<decimal>;      text  t<length>:<bytes>
//   real     r<%.17g>;        blob  b<length>:<bytes>
//   null     n                marks ( and ) around the rows of a table
//
// The bytes go straight into a Sha256; nothing is built in memory.

#include "storage/sha256.hpp"

#include <SQLiteCpp/Column.h>

#include <cstdint>
#include <optional>
#include <string_view>

namespace cemetery::storage {

class Canonical {
public:
    explicit Canonical(Sha256& hash) : hash_(hash) {}

    void integer(std::int64_t value);
    void text(std::string_view value);
    void optional_text(const std::optional<std::string_view>& value);
    void null();
    void mark(char c);
    // A column as SQLite stores it, with its own type.
    void column(const SQLite::Column& value);

private:
    Sha256& hash_;
};

}  // namespace cemetery::storage
