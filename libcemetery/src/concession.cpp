#include <cemetery/concession.hpp>

namespace cemetery {

namespace {
std::string full(const std::string& surname, const std::string& given) {
    if (given.empty()) return surname;
    if (surname.empty()) return given;
    return surname + " " + given;
}
}  // namespace

std::string Holder::full_name() const { return full(surname, given_name); }
std::string Deceased::full_name() const { return full(surname, given_name); }

ConcessionStatus Concession::status_on(Date d) const {
    if (ending != Ending::none && (!ended_on || *ended_on <= d)) {
        switch (ending) {
            case Ending::revoked: return ConcessionStatus::revoked;
            case Ending::forfeited: return ConcessionStatus::forfeited;
            case Ending::surrendered: return ConcessionStatus::surrendered;
            case Ending::none: break;
        }
    }
    // A place freed after expiry (one freed after an ending says how it ended, above).
    if (closed_on && *closed_on <= d) return ConcessionStatus::closed;
    if (perpetual) return ConcessionStatus::perpetual;
    if (!started()) return ConcessionStatus::not_started;
    // Valid through the expiry day itself, expired from the next.
    if (expires_on && d > *expires_on) return ConcessionStatus::expired;
    return ConcessionStatus::active;
}

std::string_view code(ConcessionStatus status) {
    switch (status) {
        case ConcessionStatus::active: return "active";
        case ConcessionStatus::expired: return "expired";
        case ConcessionStatus::perpetual: return "perpetual";
        case ConcessionStatus::revoked: return "revoked";
        case ConcessionStatus::forfeited: return "forfeited";
        case ConcessionStatus::surrendered: return "surrendered";
        case ConcessionStatus::closed: return "closed";
        case ConcessionStatus::not_started: return "not_started";
    }
    return "?";
}

std::string_view code(Ending ending) {
    switch (ending) {
        case Ending::none: return "none";
        case Ending::revoked: return "revoked";
        case Ending::forfeited: return "forfeited";
        case Ending::surrendered: return "surrendered";
    }
    return "?";
}

}  // namespace cemetery
