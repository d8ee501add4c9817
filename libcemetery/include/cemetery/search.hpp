#pragma once
// Search as you type over the register: every word the clerk types is a prefix of
// some word of a deceased's or holder's name, the deed number or a codice fiscale,
// whatever the case and accents ("perego" finds "Pèrego", "adda" finds "D'Adda").
//
// A hit never carries a holder's tax code or contacts: it is safe to show at the
// counter (sportello) as long as holder names are left out there.

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
};

}  // namespace cemetery
