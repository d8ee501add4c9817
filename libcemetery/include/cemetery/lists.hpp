#pragma once
// Rows of the lists the comuni must post and send: expired concessions as of a
// date, and concessions expiring within some days. Holder names are included for
// the office; lists for public posting leave them out.

#include <cemetery/ids.hpp>
#include <cemetery/plot.hpp>

#include <optional>
#include <string>
#include <vector>
#include <cemetery/dates.hpp>

namespace cemetery {

struct ListRow {
    ConcessionId concession;
    std::string comune;
    std::string cemetery;
    PlotKind kind = PlotKind::loculo;
    Location location;
    std::string deed_number;
    Date term_start{};
    Date expires_on{};
    std::vector<std::string> holders;
    std::vector<std::string> deceased;
};

}  // namespace cemetery
