#include <cemetery/refusal.hpp>

namespace cemetery {

std::string_view code_name(RefusalCode code) {
    switch (code) {
        case RefusalCode::no_version: return "no_version";
        case RefusalCode::no_rule_for_kind: return "no_rule_for_kind";
        case RefusalCode::perpetual_not_allowed: return "perpetual_not_allowed";
        case RefusalCode::perpetual_with_term: return "perpetual_with_term";
        case RefusalCode::term_missing: return "term_missing";
        case RefusalCode::term_differs: return "term_differs";
        case RefusalCode::term_too_long: return "term_too_long";
        case RefusalCode::burial_date_missing: return "burial_date_missing";
        case RefusalCode::concession_perpetual: return "concession_perpetual";
        case RefusalCode::concession_ended: return "concession_ended";
        case RefusalCode::kind_not_renewable: return "kind_not_renewable";
        case RefusalCode::renewals_used_up: return "renewals_used_up";
        case RefusalCode::before_signing: return "before_signing";
    }
    return "?";
}

}  // namespace cemetery
