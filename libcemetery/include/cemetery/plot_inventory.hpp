#pragma once
// The plots of a cemetery as the office lays them out and finds them: a range of
// places added at once (a new wall of loculi), and the state of a plot on a day,
// decided from the concessions that held it.

#include <cemetery/dates.hpp>
#include <cemetery/ids.hpp>
#include <cemetery/plot.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cemetery {

// What a plot is on a day.
enum class PlotState {
    free,              // libero: it can be granted
    conceded,          // concesso: a concession holds it, nobody is buried yet
    occupied,          // occupato: someone rests in it
    out_of_use,        // fuori uso: withdrawn by the office
};

[[nodiscard]] std::string_view code(PlotState state);  // "free", "conceded", "occupied", "out_of_use"
[[nodiscard]] std::optional<PlotState> plot_state_from_code(std::string_view code);

// A range of places: each of fila, numero and piano is one value ("3"), a range of
// whole numbers ("1-40") or empty; settore is one value. Every combination is a plot.
struct PlotRange {
    CemeteryId cemetery;
    PlotKind kind = PlotKind::loculo;
    std::string settore;
    std::string fila;
    std::string numero;
    std::string piano;
};

// Why a range gives no places, for a program that says it in its own language.
enum class RangeProblem {
    not_a_range,  // a part is neither one value nor a range such as 1-40 (`part` names it)
    no_number,    // numero is empty: a place needs its number
    too_many,     // more places than may be laid out at once (`count` says how many)
};

// How many places one range may lay out: a slip of the keyboard ("1-4000") is not a
// cemetery.
inline constexpr std::size_t max_places_at_once = 10000;

struct RangeExpansion {
    std::vector<Location> places;
    std::optional<std::string> error;  // "numero: \"40-1\" is not a range such as 1-40"
    std::optional<RangeProblem> problem;
    std::string part;       // not_a_range, no_number: "fila", "numero" or "piano"
    std::size_t count = 0;  // too_many: the places the range would give
    explicit operator bool() const { return !error.has_value(); }
};

// The places of a range, fila by fila, numero by numero, piano by piano. Refused
// when a part is not a value or a range, or when it gives more than `limit` places.
[[nodiscard]] RangeExpansion expand(const PlotRange& range, std::size_t limit = max_places_at_once);

// One concession's hold on its plot, as far as the plot's state cares.
struct Tenure {
    ConcessionId concession;
    std::string deed_number;
    Date from{};                      // the earlier of signing and term start
    std::optional<Date> expires_on;   // none when perpetual
    std::optional<Date> ended_on;     // revoked, forfeited or surrendered on
    bool has_remains = false;         // someone was buried under it
    std::optional<Date> first_burial;  // the first burial date, when known
    std::optional<Date> released_on;  // the place was freed (remains moved) on
};

struct PlotStateOn {
    PlotState state = PlotState::free;
    std::optional<ConcessionId> concession;  // the one holding it, if any
    std::string deed_number;
};

// A concession holds its plot from its start until the place is freed: an expired
// concession keeps it until it is closed after its posting; an ended one until its
// remains are moved, or from its end when nobody rests there. Out of use wins.
[[nodiscard]] PlotStateOn plot_state_on(const std::vector<Tenure>& tenures, std::optional<Date> out_of_use_from,
                                        Date on);

// A list of plots: filters, the day of the state, and whether only free ones.
struct PlotQuery {
    std::optional<ComuneId> comune;
    std::optional<CemeteryId> cemetery;
    std::optional<PlotKind> kind;
    std::optional<PlotState> state;  // only plots in this state on `on`
    Date on{};
    std::size_t limit = 0;           // 0: all
};

struct PlotStatusRow {
    Plot plot;
    std::string comune;
    std::string cemetery;
    PlotStateOn state;
};

}  // namespace cemetery
