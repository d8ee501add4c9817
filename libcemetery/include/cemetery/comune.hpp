#pragma once
// The Union's members and their cemeteries. Membership is data with dates, not a
// constant: Truccazzano left on 1 January 2024 and its records stay.

#include <cemetery/dates.hpp>
#include <cemetery/ids.hpp>

#include <optional>
#include <string>

namespace cemetery {

struct Comune {
    ComuneId id;
    std::string name;            // "Pozzuolo Martesana"
    std::string istat_code;      // "015178"
    std::string cadastral_code;  // "G965"
    Date member_from{};
    std::optional<Date> member_until;  // last day of membership; none while a member

    [[nodiscard]] bool member_on(Date d) const {
        return d >= member_from && (!member_until || d <= *member_until);
    }
};

struct Cemetery {
    CemeteryId id;
    ComuneId comune;
    std::string name;  // "Trecella"
};

}  // namespace cemetery
