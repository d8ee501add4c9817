#pragma once
// A concession's row of the search index, built in C++ the way the index flush
// builds it in SQL (search.cpp), so that a bulk load can write it directly.

#include "storage/database.hpp"

#include <cemetery/concession.hpp>

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
    // Writes the row for the concession (which must have none yet).
    void insert(Database& db, ConcessionId id, std::string_view deed_number) const;
};

}  // namespace cemetery::storage
