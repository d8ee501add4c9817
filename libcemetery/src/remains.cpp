#include <cemetery/remains.hpp>

namespace cemetery {

std::string_view code(RemainsForm form) {
    switch (form) {
        case RemainsForm::coffin: return "feretro";
        case RemainsForm::box: return "cassetta";
        case RemainsForm::urn: return "urna";
    }
    return "feretro";
}

std::string_view code(RemainsDestination where) {
    switch (where) {
        case RemainsDestination::ossuary: return "ossario";
        case RemainsDestination::cremation: return "cremazione";
        case RemainsDestination::family: return "famiglia";
        case RemainsDestination::none: return "nessuno";
    }
    return "nessuno";
}

std::optional<RemainsForm> remains_form_from_code(std::string_view text) {
    for (auto f : {RemainsForm::coffin, RemainsForm::box, RemainsForm::urn}) {
        if (code(f) == text) return f;
    }
    return std::nullopt;
}

std::optional<RemainsDestination> remains_destination_from_code(std::string_view text) {
    for (auto d : {RemainsDestination::ossuary, RemainsDestination::cremation, RemainsDestination::family,
                   RemainsDestination::none}) {
        if (code(d) == text) return d;
    }
    return std::nullopt;
}

void RemainsCount::add(RemainsForm form) {
    switch (form) {
        case RemainsForm::coffin: ++coffins; break;
        case RemainsForm::box: ++boxes; break;
        case RemainsForm::urn: ++urns; break;
    }
}

}  // namespace cemetery
