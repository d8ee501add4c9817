#pragma once
// A concession's row of the search index, built in C++ the way the index flush
// builds it in SQL (search.cpp), so that a bulk load can write it directly.

#include "storage/database.hpp"

#include <cemetery/concession.hpp>

#include <array>
#include <string>
#include <string_view>

namespace cemetery::storage {

// A name's words, and for names with apostrophes or hyphens the joined form too
// ("D'Adda " + "DAdda "), appended to `out`: what the SQL function search_words()
// gives for one argument.
void append_search_words(std::string& out, std::string_view name);

struct SearchRow {
    std::string deceased;
    std::string holders;
    std::string codici_fiscali;

    void add(const Holder& h);
    void add(const Deceased& d);
    // The three columns as the index takes them: deceased, holders, numbers.
    [[nodiscard]] std::array<std::string, 3> columns(std::string_view deed_number) const;
};

// Writes a concession's row (it must have none yet).
void insert_search_row(Database& db, ConcessionId id, const std::array<std::string, 3>& columns);

}  // namespace cemetery::storage
