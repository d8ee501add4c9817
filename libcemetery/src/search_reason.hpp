#pragma once
// Why a concession matched what the clerk typed, when its deceased alone do not
// explain it: the same prefix rule as the search index (every typed word begins
// some word), applied in C++ to the few rows of one page.

#include <cemetery/search.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace cemetery {

// A holder as the page reads it: the name shown, and the tax code, only to match.
struct HolderToMatch {
    std::string name;
    std::string codice_fiscale;
};

struct MatchReason {
    MatchedBy by = MatchedBy::deceased;
    std::string holder;  // with holder or codice_fiscale
};

// The source that explains the most typed words: a holder's name that holds every
// word wins, then the deed number, then a holder's tax code; when the words are
// spread over several (a deceased's surname and a holder's first name), the one
// with the most of them, in that same order on a tie.
[[nodiscard]] MatchReason match_reason(std::string_view typed, const std::vector<HolderToMatch>& holders,
                                       std::string_view deed_number);

}  // namespace cemetery
