#pragma once
// The posting of an expired list on the albo pretorio and at the cemetery entrance:
// from the day it is put up, for the days the regulation sets (RR Lombardia 6/2004
// art. 20 c.4-5, at least 90).

#include <cemetery/dates.hpp>
#include <cemetery/regulation.hpp>

#include <string>

namespace cemetery::documents {

struct PostingPeriod {
    Date from{};   // the day the list goes up
    Date until{};  // the last day it stays up, and the last day to come forward
    int days = 0;
    std::string basis;
};

// The day of posting is not counted (codice civile art. 2963 c.2, by analogy), so
// 90 days from 01/12/2026 end on 01/03/2027: the list stays up at least 90 full days.
[[nodiscard]] PostingPeriod posting_period(const Regulation& regulation, Date from);

}  // namespace cemetery::documents
