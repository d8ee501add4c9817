#include "storage/canonical.hpp"

#include <sqlite3.h>

#include <charconv>
#include <cstdio>
#include <string>

namespace cemetery::storage {

namespace {
// "<tag><decimal><end>", without allocating: a verify of a million records writes
// tens of millions of these.
void tagged_number(Sha256& hash, char tag, long long value, char end) {
    char buffer[32];
    buffer[0] = tag;
    char* last = std::to_chars(buffer + 1, buffer + sizeof buffer - 1, value).ptr;  // 20 digits at most: fits
    *last = end;
    hash.update(std::string_view(buffer, static_cast<std::size_t>(last + 1 - buffer)));
}
}  // namespace

void Canonical::integer(std::int64_t value) { tagged_number(hash_, 'i', value, ';'); }

void Canonical::text(std::string_view value) {
    tagged_number(hash_, 't', static_cast<long long>(value.size()), ':');
    hash_.update(value);
}

void Canonical::optional_text(const std::optional<std::string_view>& value) {
    if (value) {
        text(*value);
    } else {
        null();
    }
}

void Canonical::null() { hash_.update("n"); }

void Canonical::mark(char c) { hash_.update(std::string_view(&c, 1)); }

void Canonical::column(const SQLite::Column& value) {
    switch (value.getType()) {
        case SQLITE_INTEGER: integer(value.getInt64()); return;
        case SQLITE_FLOAT: {
            char buffer[40];
            const int n = std::snprintf(buffer, sizeof buffer, "r%.17g;", value.getDouble());
            hash_.update(std::string_view(buffer, static_cast<std::size_t>(n)));
            return;
        }
        case SQLITE_TEXT: {
            const char* bytes = value.getText();  // before getBytes(), as SQLite asks
            text(std::string_view(bytes, static_cast<std::size_t>(value.getBytes())));
            return;
        }
        case SQLITE_BLOB: {
            const auto* bytes = static_cast<const char*>(value.getBlob());
            const auto size = static_cast<std::size_t>(value.getBytes());
            tagged_number(hash_, 'b', static_cast<long long>(size), ':');
            hash_.update(std::string_view(bytes, size));
            return;
        }
        default: null(); return;
    }
}

}  // namespace cemetery::storage
