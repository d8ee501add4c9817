#include <cemetery/plot_kind.hpp>
#include <cemetery/text.hpp>

#include <string>
#include <utility>

namespace cemetery {

std::string_view code(PlotKind kind) {
    switch (kind) {
        case PlotKind::loculo: return "loculo";
        case PlotKind::ossario: return "ossario";
        case PlotKind::cinerario: return "cinerario";
        case PlotKind::tomba_famiglia: return "tomba_famiglia";
        case PlotKind::cappella: return "cappella";
        case PlotKind::fossa: return "fossa";
        case PlotKind::campo_comune: return "campo_comune";
    }
    return "?";
}

std::string_view italian_name(PlotKind kind) {
    switch (kind) {
        case PlotKind::loculo: return "loculo";
        case PlotKind::ossario: return "celletta ossario";
        case PlotKind::cinerario: return "nicchia cineraria";
        case PlotKind::tomba_famiglia: return "tomba di famiglia";
        case PlotKind::cappella: return "cappella";
        case PlotKind::fossa: return "fossa";
        case PlotKind::campo_comune: return "campo comune";
    }
    return "?";
}

std::optional<PlotKind> plot_kind_from_code(std::string_view text) {
    for (PlotKind k : all_plot_kinds) {
        if (code(k) == text) return k;
    }
    return std::nullopt;
}

std::optional<PlotKind> plot_kind_from_register(std::string_view text) {
    // Folded words as older registers and spreadsheets write them.
    static const std::pair<std::string_view, PlotKind> names[] = {
        {"loculo", PlotKind::loculo},
        {"colombaro", PlotKind::loculo},
        {"loculo colombaro", PlotKind::loculo},
        {"ossario", PlotKind::ossario},
        {"celletta ossario", PlotKind::ossario},
        {"cella ossario", PlotKind::ossario},
        {"ossarietto", PlotKind::ossario},
        {"cinerario", PlotKind::cinerario},
        {"nicchia cineraria", PlotKind::cinerario},
        {"celletta cineraria", PlotKind::cinerario},
        {"tomba famiglia", PlotKind::tomba_famiglia},
        {"tomba di famiglia", PlotKind::tomba_famiglia},
        {"tumulo", PlotKind::tomba_famiglia},
        {"cappella", PlotKind::cappella},
        {"cappella gentilizia", PlotKind::cappella},
        {"edicola", PlotKind::cappella},
        {"edicola funeraria", PlotKind::cappella},
        {"fossa", PlotKind::fossa},
        {"fossa a concessione", PlotKind::fossa},
        {"tomba a terra", PlotKind::fossa},
        {"campo comune", PlotKind::campo_comune},
    };
    const std::string folded = fold(text);
    for (const auto& [name, kind] : names) {
        if (folded == name) return kind;
    }
    // Codes, whose underscore fold() turned into a space.
    for (PlotKind k : all_plot_kinds) {
        if (fold(code(k)) == folded) return k;
    }
    return std::nullopt;
}

}  // namespace cemetery
