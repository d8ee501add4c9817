#include <cemetery/refusal.hpp>

namespace cemetery {

std::string_view code_name(RefusalCode code) {
    switch (code) {
        case RefusalCode::no_version: return "no_version";
        case RefusalCode::no_rule_for_kind: return "no_rule_for_kind";
        case RefusalCode::variant_not_offered: return "variant_not_offered";
        case RefusalCode::perpetual_not_allowed: return "perpetual_not_allowed";
        case RefusalCode::perpetual_with_term: return "perpetual_with_term";
        case RefusalCode::term_missing: return "term_missing";
        case RefusalCode::term_differs: return "term_differs";
        case RefusalCode::term_choice_missing: return "term_choice_missing";
        case RefusalCode::term_too_long: return "term_too_long";
        case RefusalCode::burial_date_missing: return "burial_date_missing";
        case RefusalCode::request_date_missing: return "request_date_missing";
        case RefusalCode::request_after_signing: return "request_after_signing";
        case RefusalCode::death_date_missing: return "death_date_missing";
        case RefusalCode::extension_not_declinable: return "extension_not_declinable";
        case RefusalCode::term_not_from_payment: return "term_not_from_payment";
        case RefusalCode::payment_recorded: return "payment_recorded";
        case RefusalCode::concession_perpetual: return "concession_perpetual";
        case RefusalCode::concession_ended: return "concession_ended";
        case RefusalCode::kind_not_renewable: return "kind_not_renewable";
        case RefusalCode::renewal_not_stated: return "renewal_not_stated";
        case RefusalCode::renewals_used_up: return "renewals_used_up";
        case RefusalCode::before_signing: return "before_signing";
        case RefusalCode::plot_not_free: return "plot_not_free";
        case RefusalCode::granted_only_at_death: return "granted_only_at_death";
        case RefusalCode::applicant_too_young: return "applicant_too_young";
        case RefusalCode::applicant_born_on_missing: return "applicant_born_on_missing";
        case RefusalCode::holder_missing: return "holder_missing";
        case RefusalCode::person_invalid: return "person_invalid";
        case RefusalCode::capacity_not_configured: return "capacity_not_configured";
        case RefusalCode::capacity_exceeded: return "capacity_exceeded";
        case RefusalCode::concession_expired: return "concession_expired";
        case RefusalCode::act_missing: return "act_missing";
        case RefusalCode::revocation_too_early: return "revocation_too_early";
        case RefusalCode::shortage_not_stated: return "shortage_not_stated";
        case RefusalCode::reason_missing: return "reason_missing";
        case RefusalCode::already_closed: return "already_closed";
        case RefusalCode::not_expired: return "not_expired";
        case RefusalCode::not_posted: return "not_posted";
        case RefusalCode::posting_not_over: return "posting_not_over";
        case RefusalCode::remains_missing: return "remains_missing";
        case RefusalCode::after_today: return "after_today";
        case RefusalCode::not_after_last_renewal: return "not_after_last_renewal";
        case RefusalCode::before_last_change: return "before_last_change";
        case RefusalCode::renewal_deed_used: return "renewal_deed_used";
        case RefusalCode::renewal_ends_before: return "renewal_ends_before";
        case RefusalCode::renewal_not_needed: return "renewal_not_needed";
        case RefusalCode::renewal_window_not_open: return "renewal_window_not_open";
        case RefusalCode::renewal_window_closed: return "renewal_window_closed";
        case RefusalCode::renewal_after_posting: return "renewal_after_posting";
    }
    return "?";
}

}  // namespace cemetery
