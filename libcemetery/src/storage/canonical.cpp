#include "storage/canonical.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <string>

namespace cemetery::storage {

void Canonical::integer(std::int64_t value) {
    char buffer[32];
    const int n = std::snprintf(buffer, sizeof buffer, "i%lld;", static_cast<long long>(value));
    hash_.update(std::string_view(buffer, static_cast<std::size_t>(n)));
}

void Canonical::text(std::string_view value) {
    const std::string prefix = "t" + std::to_string(value.size()) + ":";
    hash_.update(prefix);
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
            hash_.update("b" + std::to_string(size) + ":");
            hash_.update(std::string_view(bytes, size));
            return;
        }
        default: null(); return;
    }
}

}  // namespace cemetery::storage
