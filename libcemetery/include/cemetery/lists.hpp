#pragma once
// Rows of the lists the comuni must post and send: expired concessions as of a
// date, and concessions expiring within some days. Holder names are included for
// the office; lists for public posting leave them out.

#include <cemetery/ids.hpp>
#include <cemetery/plot.hpp>
#include <cemetery/regulation.hpp>

#include <cemetery/dates.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

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

// A concession whose term has not started (non decorsa): granted, with its years, but
// no expiry until the event it waits for is recorded (a burial, a death, a payment).
struct NotStartedRow {
    ConcessionId concession;
    std::string comune;
    std::string cemetery;
    PlotKind kind = PlotKind::loculo;
    Location location;
    std::string deed_number;
    Date signed_on{};
    std::optional<int> term_years;
    std::string version_name;
    TermStart waits_for = TermStart::burial;
    std::vector<std::string> holders;  // names only: no tax codes, no contacts
    std::vector<std::string> deceased;
};

// A concession a list cannot read (a date that is not a date, written by an older
// program or behind the program's back): left out of the list and named, so that
// one damaged row never keeps a comune from posting its list.
struct UnreadableRow {
    ConcessionId concession;
    std::string comune;
    std::string deed_number;
    std::string problem;  // English: "expires_on \"10029-12-31\" is not a date"
};
using UnreadableRows = std::function<void(const UnreadableRow&)>;

// "Liscate Z-9999: expires_on "10029-12-31" is not a date; left out of the list"
[[nodiscard]] std::string describe(const UnreadableRow& row);

}  // namespace cemetery
