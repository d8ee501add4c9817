#include <cemetery/demo_free_plots.hpp>

#include <cemetery/register.hpp>

#include <algorithm>
#include <charconv>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace cemetery {

namespace {

// Settori of loculi: A..Z, AA, AB, ... (as the demo's export names them).
std::string letters(int n) {
    std::string out;
    ++n;
    while (n > 0) {
        --n;
        out.insert(out.begin(), static_cast<char>('A' + n % 26));
        n /= 26;
    }
    return out;
}

// The first unit name no plot of the cemetery uses.
template <class Name>
std::string first_unused(const std::set<std::string>& used, Name name) {
    for (int unit = 0;; ++unit) {
        if (!used.count(name(unit))) return name(unit);
    }
}

std::string numbered(const char* prefix, int unit) {
    return unit == 0 ? std::string(prefix) : std::string(prefix) + std::to_string(unit + 1);
}

int number_of(const std::string& text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc{} && end == text.data() + text.size() ? value : 0;
}

}  // namespace

std::size_t add_demo_free_plots(Register& reg) {
    std::size_t added = 0;
    Register::Batch batch(reg);
    for (const auto& cemetery : reg.cemeteries()) {
        PlotQuery q;
        q.cemetery = cemetery.id;
        std::set<std::string> settori;
        int last_chapel = 0;
        for (const auto& row : reg.plots(q)) {
            const auto& where = row.plot.location;
            settori.insert(where.settore);
            if (where.settore.empty()) last_chapel = std::max(last_chapel, number_of(where.numero));
        }
        // Each unit is taken before the next is chosen, so that two kinds never share one.
        auto unit = [&settori](auto name) {
            const std::string chosen = first_unused(settori, name);
            settori.insert(chosen);
            return chosen;
        };
        const auto campo = [](int u) { return "Campo " + std::to_string(u + 1); };
        const std::string chapels = std::to_string(last_chapel + 1) + "-" + std::to_string(last_chapel + 2);
        const std::vector<PlotRange> ranges = {
            {cemetery.id, PlotKind::loculo, unit(letters), "1", "1-4", "1-2"},
            {cemetery.id, PlotKind::ossario, unit([](int u) { return numbered("O", u); }), "1", "1-4", ""},
            {cemetery.id, PlotKind::cinerario, unit([](int u) { return numbered("N", u); }), "1", "1-4", ""},
            {cemetery.id, PlotKind::tomba_famiglia, unit([](int u) { return numbered("T", u); }), "", "1-2", ""},
            {cemetery.id, PlotKind::cappella, "", "", chapels, ""},
            {cemetery.id, PlotKind::fossa, unit(campo), "1", "1-4", ""},
            {cemetery.id, PlotKind::campo_comune, unit(campo), "1", "1-4", ""},
        };
        for (const auto& range : ranges) {
            const auto ids = reg.add_plots(range);
            // The places were chosen where nothing stands: a refusal is a fault of this code.
            if (!ids) throw std::logic_error("demo free plots: " + ids.conflict->message);
            added += ids.value->size();
        }
    }
    batch.commit();
    return added;
}

}  // namespace cemetery
