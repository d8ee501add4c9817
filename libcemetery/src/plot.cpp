#include <cemetery/plot.hpp>

namespace cemetery {

std::string describe(const Location& where) {
    std::string out;
    auto add = [&](std::string_view label, const std::string& value) {
        if (value.empty()) return;
        if (!out.empty()) out += ", ";
        out += label;
        out += value;
    };
    // "Campo 2" or "Reparto Est" speak for themselves; "A" needs its label.
    const bool named = where.settore.find(' ') != std::string::npos;
    add(named ? "" : "sett. ", where.settore);
    add("fila ", where.fila);
    add("n. ", where.numero);
    add("piano ", where.piano);
    return out;
}

}  // namespace cemetery
