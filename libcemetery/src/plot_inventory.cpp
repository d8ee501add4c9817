#include <cemetery/plot_inventory.hpp>

#include <charconv>
#include <cstdint>
#include <limits>

namespace cemetery {

std::string_view code(PlotState state) {
    switch (state) {
        case PlotState::free: return "free";
        case PlotState::conceded: return "conceded";
        case PlotState::occupied: return "occupied";
        case PlotState::out_of_use: return "out_of_use";
    }
    return "free";
}

std::optional<PlotState> plot_state_from_code(std::string_view text) {
    for (auto s : {PlotState::free, PlotState::conceded, PlotState::occupied, PlotState::out_of_use}) {
        if (code(s) == text) return s;
    }
    return std::nullopt;
}

namespace {

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::optional<int> whole(std::string_view text) {
    text = trimmed(text);
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < 0) return std::nullopt;
    return value;
}

// One part of a range: "3" (one value, kept as written), "1-40" (whole numbers) or ""
// (one empty value). Counted before it is spelled out, so that "1-2000000000" is refused
// for its size instead of filling the memory.
struct Part {
    std::string single;
    int first = 0;
    int last = -1;  // last < first: a single value
    [[nodiscard]] std::uint64_t size() const {
        return last < first ? 1 : static_cast<std::uint64_t>(last) - static_cast<std::uint64_t>(first) + 1;
    }
    [[nodiscard]] std::vector<std::string> values() const {
        if (last < first) return {single};
        std::vector<std::string> out;
        out.reserve(static_cast<std::size_t>(size()));
        for (std::int64_t i = first; i <= last; ++i) out.push_back(std::to_string(i));
        return out;
    }
};

std::optional<Part> part_of(const std::string& text) {
    const auto value = trimmed(text);
    const auto dash = value.find('-');
    if (dash == std::string_view::npos) return Part{std::string(value)};
    const auto first = whole(value.substr(0, dash));
    const auto last = whole(value.substr(dash + 1));
    if (!first || !last || *last < *first) return std::nullopt;
    return Part{{}, *first, *last};
}

}  // namespace

RangeExpansion expand(const PlotRange& range, std::size_t limit) {
    RangeExpansion out;
    const auto filas = part_of(range.fila);
    const auto numeri = part_of(range.numero);
    const auto piani = part_of(range.piano);
    auto bad = [&](const char* part, const std::string& text) {
        out.error = std::string(part) + ": \"" + text + "\" is not a value or a range such as 1-40";
        out.problem = RangeProblem::not_a_range;
        out.part = part;
        return out;
    };
    if (!filas) return bad("fila", range.fila);
    if (!numeri) return bad("numero", range.numero);
    if (!piani) return bad("piano", range.piano);
    if (numeri->size() == 1 && numeri->single.empty()) {
        out.error = "numero: a place needs its number";
        out.problem = RangeProblem::no_number;
        out.part = "numero";
        return out;
    }
    // Each part is below 2^31 values: the product of two fits, a third is checked.
    std::uint64_t count = filas->size() * numeri->size();
    const bool overflow = count > std::numeric_limits<std::uint64_t>::max() / piani->size();
    count = overflow ? std::numeric_limits<std::uint64_t>::max() : count * piani->size();
    if (count > limit) {
        out.error = "the range gives " + std::to_string(count) + " places, more than " + std::to_string(limit) +
                    " at once";
        out.problem = RangeProblem::too_many;
        out.count = static_cast<std::size_t>(count);
        return out;
    }
    const std::string settore(trimmed(range.settore));
    const auto f_values = filas->values();
    const auto n_values = numeri->values();
    const auto p_values = piani->values();
    for (const auto& f : f_values) {
        for (const auto& n : n_values) {
            for (const auto& p : p_values) out.places.push_back(Location{settore, f, n, p});
        }
    }
    return out;
}

namespace {

// Whether the tenure holds its plot on the day.
bool holds(const Tenure& t, Date on) {
    if (on < t.from) return false;
    if (t.released_on && on >= *t.released_on) return false;
    // Ended with nobody in the place: nothing to move, the place is free from the end.
    if (t.ended_on && on >= *t.ended_on && !t.has_remains) return false;
    return true;
}

}  // namespace

PlotStateOn plot_state_on(const std::vector<Tenure>& tenures, std::optional<Date> out_of_use_from, Date on) {
    PlotStateOn out;
    for (const auto& t : tenures) {
        if (!holds(t, on)) continue;
        out.concession = t.concession;
        out.deed_number = t.deed_number;
        const bool buried = t.has_remains && (!t.first_burial || *t.first_burial <= on);
        out.state = buried ? PlotState::occupied : PlotState::conceded;
        break;
    }
    if (out_of_use_from && on >= *out_of_use_from) out.state = PlotState::out_of_use;
    return out;
}

}  // namespace cemetery
