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
    add("sett. ", where.settore);
    add("fila ", where.fila);
    add("n. ", where.numero);
    add("piano ", where.piano);
    return out;
}

}  // namespace cemetery
