#include <cemetery/plot_inventory.hpp>

#include <charconv>

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

std::optional<int> whole(std::string_view text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < 0) return std::nullopt;
    return value;
}

// "3" → {"3"}; "1-40" → {"1", ..., "40"}; "" → {""}.
std::optional<std::vector<std::string>> values(const std::string& text) {
    const auto dash = text.find('-');
    if (dash == std::string::npos) return std::vector<std::string>{text};
    const auto first = whole(std::string_view(text).substr(0, dash));
    const auto last = whole(std::string_view(text).substr(dash + 1));
    if (!first || !last || *last < *first) return std::nullopt;
    std::vector<std::string> out;
    for (int i = *first; i <= *last; ++i) out.push_back(std::to_string(i));
    return out;
}

}  // namespace

RangeExpansion expand(const PlotRange& range, std::size_t limit) {
    RangeExpansion out;
    const auto filas = values(range.fila);
    const auto numeri = values(range.numero);
    const auto piani = values(range.piano);
    auto bad = [&](const char* part, const std::string& text) {
        out.error = std::string(part) + ": \"" + text + "\" is not a value or a range such as 1-40";
        return out;
    };
    if (!filas) return bad("fila", range.fila);
    if (!numeri) return bad("numero", range.numero);
    if (!piani) return bad("piano", range.piano);
    if (range.numero.empty()) {
        out.error = "numero: a place needs its number";
        return out;
    }
    const std::size_t count = filas->size() * numeri->size() * piani->size();
    if (count > limit) {
        out.error = "the range gives " + std::to_string(count) + " places, more than " + std::to_string(limit) +
                    " at once";
        return out;
    }
    for (const auto& f : *filas) {
        for (const auto& n : *numeri) {
            for (const auto& p : *piani) out.places.push_back(Location{range.settore, f, n, p});
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
