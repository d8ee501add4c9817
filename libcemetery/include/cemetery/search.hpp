#pragma once
// Search as you type over the register: every word the clerk types is a prefix of
// some word of a deceased's or holder's name, the deed number or a codice fiscale,
// whatever the case and accents ("perego" finds "Pèrego", "adda" finds "D'Adda").
//
// A hit never carries a holder's tax code or contacts: it is safe to show at the
// counter (sportello) as long as holder names are left out there.
//
// Order: concessions whose deceased match every word come first, then those found
// through a holder, the deed number or a codice fiscale; within each, the register's
// order (the concession's id). The order is the whole result's, so that pages read
// one after another (offset, limit) follow on without gaps or repeats; sorting it
// by name would mean reading every match before the first page (a million for
// "r"), which search as you type cannot afford.

#include <cemetery/concession.hpp>
#include <cemetery/ids.hpp>
#include <cemetery/plot.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cemetery {

enum class SearchScope {
    everything,     // deceased, holders, deed numbers, tax codes
    deceased_only,  // the counter: "where is my grandfather buried?"
};

struct SearchOptions {
    std::optional<ComuneId> comune;  // none: the whole Union
    SearchScope scope = SearchScope::everything;
    int limit = 100;
    int offset = 0;  // for lists that read a page at a time
};

// Why a concession was found, so that a row whose deceased bear other names says so.
enum class MatchedBy {
    deceased,        // every word is in a deceased's name
    holder,          // through a holder's name (matched_holder)
    deed_number,     // through the deed number
    codice_fiscale,  // through the tax code of a holder (matched_holder names whom)
};

struct SearchHit {
    ConcessionId concession;
    std::string comune;
    std::string cemetery;
    PlotKind kind = PlotKind::loculo;
    Location location;
    std::string deed_number;
    Date term_start{};
    bool perpetual = false;
    std::optional<Date> expires_on;
    Ending ending = Ending::none;
    std::optional<Date> closed_on;     // the day its place was freed (closing.hpp)
    std::vector<Deceased> deceased;    // names and dates
    std::vector<std::string> holders;  // names only
    MatchedBy matched_by = MatchedBy::deceased;
    // With holder or codice_fiscale: that holder's name. The tax code itself is not
    // carried: the clerk typed it, and a hit stays free of personal data.
    std::string matched_holder;
};

}  // namespace cemetery
