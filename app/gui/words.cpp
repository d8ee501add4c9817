#include "words.hpp"

#include "convert.hpp"

#include <wx/intl.h>

namespace gui {

using cemetery::ConcessionStatus;
using cemetery::ConflictCode;
using cemetery::PlotKind;
using cemetery::RefusalCode;

wxString status_text(ConcessionStatus status) {
    switch (status) {
        case ConcessionStatus::active: return _("active");
        case ConcessionStatus::expired: return _("expired");
        case ConcessionStatus::perpetual: return _("perpetual");
        case ConcessionStatus::revoked: return _("revoked");
        case ConcessionStatus::forfeited: return _("forfeited");
        case ConcessionStatus::surrendered: return _("surrendered");
        case ConcessionStatus::closed: return _("closed");
        case ConcessionStatus::not_started: return _("not started");
    }
    return wxString();
}

wxString kind_text(PlotKind kind) {
    switch (kind) {
        case PlotKind::loculo: return _("wall vault");
        case PlotKind::ossario: return _("ossuary niche");
        case PlotKind::cinerario: return _("urn niche");
        case PlotKind::tomba_famiglia: return _("family tomb");
        case PlotKind::cappella: return _("chapel");
        case PlotKind::fossa: return _("earth grave");
        case PlotKind::campo_comune: return _("common field");
    }
    return wxString();
}

wxString refusal_text(RefusalCode code) {
    switch (code) {
        case RefusalCode::no_version: return _("no version of the regulation covers this comune on that day");
        case RefusalCode::no_rule_for_kind: return _("the regulation has no rule for this kind of place");
        case RefusalCode::variant_not_offered: return _("the regulation in force does not define the deed's variant of this kind");
        case RefusalCode::perpetual_not_allowed: return _("perpetual deeds are not allowed after the cut-off date");
        case RefusalCode::perpetual_with_term: return _("a deed cannot be both perpetual and with a term");
        case RefusalCode::term_missing: return _("the deed states no term");
        case RefusalCode::term_differs: return _("the deed's term differs from the regulation's");
        case RefusalCode::term_choice_missing: return _("the regulation offers several terms: the deed must say which");
        case RefusalCode::term_too_long: return _("the period is longer than the maximum allowed");
        case RefusalCode::burial_date_missing: return _("the burial date is missing");
        case RefusalCode::request_date_missing: return _("the term starts at the request: the request's date is missing");
        case RefusalCode::request_after_signing: return _("the request is dated after the deed it asked for");
        case RefusalCode::death_date_missing: return _("the term starts at the death: the date of death is missing");
        case RefusalCode::extension_not_declinable: return _("the regulation does not let the holders decline an extension of the term here");
        case RefusalCode::term_not_from_payment: return _("the term of this concession does not start at the payment");
        case RefusalCode::payment_recorded: return _("the term has already started: the payment is recorded");
        case RefusalCode::concession_perpetual: return _("a perpetual concession has no term to renew");
        case RefusalCode::concession_ended: return _("the concession has ended");
        case RefusalCode::kind_not_renewable: return _("this kind of place cannot be renewed");
        case RefusalCode::renewal_not_stated: return _("the regulation does not say how this kind of place is renewed");
        case RefusalCode::renewals_used_up: return _("every renewal allowed has already been granted");
        case RefusalCode::before_signing: return _("the date is before the signing of the deed");
        case RefusalCode::plot_not_free: return _("the place is not free on that day");
        case RefusalCode::granted_only_at_death: return _("this kind of place is granted only when someone is to be buried in it");
        case RefusalCode::applicant_too_young:
            return _("in life this kind of place is granted only to an applicant who has reached the age the "
                     "regulation sets");
        case RefusalCode::applicant_born_on_missing:
            return _("in life this kind of place is granted only from an age: the applicant's birth date is needed");
        case RefusalCode::holder_missing: return _("at least one holder is needed");
        case RefusalCode::person_invalid: return _("a person's data are not valid");
        case RefusalCode::capacity_not_configured: return _("the regulation sets no capacity for this kind of place");
        case RefusalCode::capacity_exceeded: return _("the place is full for these remains");
        case RefusalCode::concession_expired: return _("the concession had expired on that day");
        case RefusalCode::act_missing: return _("the act is missing");
        case RefusalCode::revocation_too_early: return _("too early to revoke a perpetual concession");
        case RefusalCode::shortage_not_stated: return _("the shortage of places is not stated");
        case RefusalCode::reason_missing: return _("the reason is missing");
        case RefusalCode::already_closed: return _("the place was already freed");
        case RefusalCode::not_expired: return _("the concession has not expired");
        case RefusalCode::not_posted: return _("the expiry was never posted");
        case RefusalCode::posting_not_over: return _("the posting period is not over");
        case RefusalCode::remains_missing: return _("say where the remains go");
        case RefusalCode::after_today: return _("the date is after today");
        case RefusalCode::not_after_last_renewal: return _("the date is not after the last renewal recorded");
        case RefusalCode::before_last_change: return _("the date is before the last burial recorded");
        case RefusalCode::renewal_deed_used: return _("that renewal deed number is already recorded in the comune");
        case RefusalCode::renewal_ends_before: return _("the renewal would expire before its own date");
        case RefusalCode::renewal_not_needed:
            return _("no renewal is needed: the last burial already reaches the years the regulation requires");
        case RefusalCode::renewal_window_not_open: return _("it is too early: the regulation opens renewals later");
        case RefusalCode::renewal_window_closed: return _("it is too late: the time the regulation allows for renewal is over");
        case RefusalCode::renewal_after_posting: return _("the concession is already on a posted list of expired ones");
    }
    return wxString();
}

wxString codice_fiscale_text(const cemetery::CodiceFiscaleCheck& check) {
    using cemetery::CodiceFiscaleProblem;
    switch (check.problem) {
        case CodiceFiscaleProblem::none: break;
        case CodiceFiscaleProblem::wrong_length: return wxString::Format(_("must be 16 characters, found %d"), check.found_length);
        case CodiceFiscaleProblem::bad_character:
            return wxString::Format(_("character %d is not allowed there"), check.position);
        case CodiceFiscaleProblem::bad_month: return _("character 9 must be a month letter (A B C D E H L M P R S T)");
        case CodiceFiscaleProblem::bad_day: return _("the day of birth is not valid");
        case CodiceFiscaleProblem::bad_check_letter:
            return wxString::Format(_("check letter is %c, expected %c"), check.found_check, check.expected_check);
    }
    return wxString();
}

wxString field_problem_text(const cemetery::FieldProblem& p) {
    using cemetery::ProblemCode;
    // Said alike for a form and an import (problem_text below).
    if (p.code == ProblemCode::date_in_future || p.code == ProblemCode::control_character ||
        p.code == ProblemCode::too_long) {
        return problem_text(cemetery::FieldError{0, p.field, {}, p.message, p.code, p.detail, std::nullopt});
    }
    if (p.code == ProblemCode::bad_codice_fiscale) {
        const wxString text = codice_fiscale_text(cemetery::check_codice_fiscale(p.detail));
        if (!text.empty()) return text;
    }
    if (p.field == "surname") return _("required");
    if (p.field == "email") return _("not an e-mail address");
    if (p.field == "died_on") return _("death before birth");
    if (p.field == "buried_on") return _("burial before death or birth");
    return to_wx(p.message);
}

wxString refusal_detail(const cemetery::Refusal& refusal) {
    if (refusal.people.empty()) return to_wx(refusal.message);
    wxString out;
    for (const auto& who : refusal.people) {
        if (!out.empty()) out += wxS("\n");
        const wxString role = who.deceased ? wxGETTEXT_IN_CONTEXT("one person", "Deceased") : _("Holder");
        out += wxString::Format(_("%s %s, %s: %s"), role, to_wx(who.name), field_label(who.problem.field).Lower(),
                                field_problem_text(who.problem));
    }
    return out;
}

wxString conflict_text(ConflictCode code) {
    switch (code) {
        case ConflictCode::duplicate_deed: return _("That deed number already exists in the comune.");
        case ConflictCode::plot_overlap: return _("Another concession holds the place at the same time.");
        case ConflictCode::location_taken: return _("A place already stands at that location.");
        case ConflictCode::duplicate_name: return _("A comune or cemetery with that name exists.");
        case ConflictCode::wrong_comune: return _("The place belongs to another comune.");
        case ConflictCode::invalid_data: return _("The data are not valid.");
        case ConflictCode::missing_reference: return _("The concession no longer exists.");
        case ConflictCode::stale: return _("Someone else changed this concession after it was shown. "
                                           "It has been reloaded: check it and try again.");
    }
    return wxString();
}

wxString conflict_detail(const cemetery::Conflict& conflict) {
    if (conflict.code != ConflictCode::invalid_data || conflict.message.empty()) return wxString();
    return wxString::Format(_("Technical detail, for whoever looks after the program: %s"), to_wx(conflict.message));
}

wxString open_error_text(const std::exception& error) {
    const auto* database = dynamic_cast<const cemetery::DatabaseError*>(&error);
    if (database && database->kind() == cemetery::DatabaseError::Kind::network_filesystem) {
        return _("The register is in a network folder, and a register file must be on a disk of this computer: "
                 "over a network SQLite cannot share its journal between programs and its locks are unreliable, so "
                 "two programs writing at once could damage the register. Nothing was opened.\n"
                 "Keep the file on a local disk. Several offices sharing one register will need a register on a "
                 "PostgreSQL server, which this version cannot open yet.");
    }
    return to_wx(error.what());
}

wxString outcome_text(const cemetery::LifeOutcome& outcome) {
    wxString what;
    wxString detail;
    if (outcome.refusal) {
        what = refusal_text(outcome.refusal->code);
        detail = refusal_detail(*outcome.refusal);
    } else if (outcome.conflict) {
        what = conflict_text(outcome.conflict->code);
        detail = conflict_detail(*outcome.conflict);
    }
    return detail.empty() ? what : what + wxS("\n") + detail;
}

wxString problem_text(const cemetery::FieldError& p) {
    using cemetery::ProblemCode;
    const wxString detail = wxString::FromUTF8(p.detail);
    switch (p.code) {
        case ProblemCode::required_empty: return _("required, but empty");
        case ProblemCode::not_a_date: return _("not a date (expected dd/mm/yyyy)");
        case ProblemCode::death_before_birth: return wxString::Format(_("death before birth (born %s)"), detail);
        case ProblemCode::burial_before_death: return wxString::Format(_("burial before death (died %s)"), detail);
        case ProblemCode::burial_before_birth: return wxString::Format(_("burial before birth (born %s)"), detail);
        case ProblemCode::wrong_field_count:
            return wxString::Format(_("the row has a different number of fields than the header (%s)"), detail);
        case ProblemCode::unknown_kind: return _("unknown kind of place");
        case ProblemCode::bad_years: return _("not a positive whole number of years");
        case ProblemCode::bad_variant: return _("not the code of a variant of the regulation");
        case ProblemCode::bad_yes_no: return _("not a yes/no value (expected sì or no)");
        case ProblemCode::perpetual_with_years: return _("a perpetual concession has no term in years");
        case ProblemCode::perpetual_with_expiry: return _("a perpetual concession has no expiry");
        case ProblemCode::bad_codice_fiscale: {
            const wxString text = codice_fiscale_text(cemetery::check_codice_fiscale(p.detail));
            return text.empty() ? _("the tax code is not valid") : wxString::Format(_("the tax code is not valid: %s"), text);
        }
        case ProblemCode::unknown_comune: return _("not a comune of the register");
        case ProblemCode::unknown_cemetery: return wxString::Format(_("no such cemetery in the comune (known: %s)"), detail);
        case ProblemCode::cemetery_needed:
            return wxString::Format(_("the comune has several cemeteries: say which (%s)"), detail);
        case ProblemCode::deed_differs_in_file:
            return wxString::Format(_("the same deed is on line %s with a different place, kind, date or term"), detail);
        case ProblemCode::deceased_differs_in_file:
            return wxString::Format(_("the same deceased is on line %s with a different burial date"), detail);
        case ProblemCode::deed_differs_in_register:
            return _("this deed number is already in the register with different data");
        case ProblemCode::plot_kind_differs:
            return wxString::Format(_("the place is a %s in the register"),
                                    kind_text(cemetery::plot_kind_from_code(p.detail).value_or(cemetery::PlotKind::loculo)));
        case ProblemCode::place_taken: return _("another concession holds this place in the same period");
        case ProblemCode::refused_by_rules:
            if (p.refusal) {
                const wxString reason = refusal_text(*p.refusal);
                return p.detail.empty() ? reason : wxString::Format(_("%s (regulation version \"%s\")"), reason, detail);
            }
            break;
        case ProblemCode::other_row_wrong:
            return wxString::Format(_("another row of this concession is wrong (line %s)"), detail);
        case ProblemCode::stated_expiry_kept:
            return wxString::Format(_("the register's expiry is kept; the term would give %s"), detail);
        case ProblemCode::perpetual_read_as_years:
            return wxString::Format(_("written perpetual after the cut-off: read as %s years from the signing, as the regulation says"),
                                    detail);
        case ProblemCode::date_in_future:
            return wxString::Format(_("later than %s: this date has not come yet"), detail);
        case ProblemCode::expiry_before_start:
            return wxString::Format(_("the expiry comes before the term starts (%s)"), detail);
        case ProblemCode::expiry_too_far:
            return wxString::Format(_("the expiry is more than %s years after the end of the term: more than a renewal can add"),
                                    detail);
        case ProblemCode::control_character:
            return wxString::Format(_("holds a control character (%s), which no name, number or date has"), detail);
        case ProblemCode::too_long: return wxString::Format(_("too long: at most %s characters"), detail);
        case ProblemCode::name_missing: return _("a surname or a given name is needed");
        case ProblemCode::line_not_utf8:
            return _("this line is not UTF-8 like the rest of the file (shown as Windows-1252)");
        case ProblemCode::line_in_utf8: return _("this line is in UTF-8, unlike the rest of the file (Windows-1252)");
        case ProblemCode::mixed_encoding:
            return wxString::Format(_("the file mixes two encodings: the rest of it is %s. Correct the lines listed, "
                                      "or save the whole file again in one encoding."),
                                    detail);
        case ProblemCode::more_lines: return wxString::Format(_("and %s more lines like these"), detail);
        case ProblemCode::wide_encoding:
            return wxString::Format(_("the file is %s: save it as UTF-8 or Windows-1252 CSV"), detail);
        case ProblemCode::not_a_file: return _("a folder, not a file: choose the CSV file itself");
        case ProblemCode::file_unreadable: return wxString::Format(_("the file cannot be read: %s"), detail);
        case ProblemCode::other: break;
    }
    return wxString::FromUTF8(p.message);
}

wxString field_label(const std::string& field) {
    if (field == "surname") return _("Surname");
    if (field == "given_name") return _("Given name");
    if (field == "codice_fiscale") return _("Tax code");
    if (field == "address") return _("Address");
    if (field == "phone") return _("Phone");
    if (field == "email") return _("E-mail");
    if (field == "born_on") return _("Born on");
    if (field == "died_on") return _("Died on");
    if (field == "buried_on") return _("Buried on");
    return to_wx(field);
}

wxString action_text(const std::string& action) {
    if (action == "insert") return _("created");
    if (action == "renew") return _("renewal");
    if (action == "update") return _("changed");
    if (action == "replace_holders") return _("holders changed");
    if (action == "add_deceased") return _("deceased added");
    if (action == "add_people") return _("people added");
    // The life of a concession
    if (action == "concede") return _("granted");
    if (action == "bury") return _("burial");
    if (action == "term_restart") return _("term restarted");
    if (action == "pay") return _("payment recorded");
    if (action == "succession") return _("succession recorded");
    if (action == "surrender") return _("surrendered");
    if (action == "forfeit") return _("forfeited");
    if (action == "revoke") return _("revoked");
    if (action == "post") return _("expired list posted");
    if (action == "close") return _("closed, place freed");
    if (action == "out_of_use") return _("out of use");
    return to_wx(action);
}

wxString location_text(const cemetery::Location& where) { return to_wx(cemetery::describe(where)); }

wxString plot_state_text(cemetery::PlotState state) {
    switch (state) {
        case cemetery::PlotState::free: return wxGETTEXT_IN_CONTEXT("plot", "free");
        case cemetery::PlotState::conceded: return wxGETTEXT_IN_CONTEXT("plot", "conceded");
        case cemetery::PlotState::occupied: return wxGETTEXT_IN_CONTEXT("plot", "occupied");
        case cemetery::PlotState::out_of_use: return _("out of use");
    }
    return wxString();
}

wxString range_problem_text(const cemetery::RangeExpansion& e) {
    if (!e.problem) return wxString();
    switch (*e.problem) {
        case cemetery::RangeProblem::not_a_range: {
            const wxString part = e.part == "fila" ? _("Row") : e.part == "piano" ? _("Level") : _("Number");
            return wxString::Format(_("%s: not one value (3) nor a range such as 1-40."), part);
        }
        case cemetery::RangeProblem::no_number: return _("Number: a place needs its number.");
        case cemetery::RangeProblem::too_many:
            return wxString::Format(_("The ranges give %s places, more than %s at once."),
                                    count_text(static_cast<std::int64_t>(e.count)),
                                    count_text(static_cast<std::int64_t>(cemetery::max_places_at_once)));
    }
    return wxString();
}

wxString expiry_explanation(const cemetery::Concession& c) {
    if (c.perpetual) {
        return wxString::Format(_("perpetual deed signed on %s"), date_text(c.signed_on));
    }
    wxString out = c.term_start == c.signed_on ? wxString::Format(_("signed on %s"), date_text(c.signed_on))
                                               : wxString::Format(_("term from %s"), date_text(c.term_start));
    if (c.term_years) out += wxS(", ") + wxString::Format(wxPLURAL("%d year", "%d years", *c.term_years), *c.term_years);
    switch (c.term_source) {
        case cemetery::TermSource::regulation:
            out += wxS(", ") + wxString::Format(_("as the regulation \"%s\" provides"), to_wx(c.version_name));
            break;
        case cemetery::TermSource::deed: out += wxS(", ") + _("the deed's own term (signed before the regulation)"); break;
        case cemetery::TermSource::stated_expiry: out += wxS(", ") + _("expiry as stated in the register"); break;
    }
    for (const auto& r : c.renewals) {
        out += wxS("; ") + wxString::Format(_("renewed on %s for %s (%s → %s)"), date_text(r.granted_on),
                                            wxString::Format(wxPLURAL("%d year", "%d years", r.years), r.years),
                                            date_text(r.previous_expiry), date_text(r.new_expiry));
    }
    return out;
}

namespace {

wxString years_text(int n) { return wxString::Format(wxPLURAL("%d year", "%d years", n), n); }

}  // namespace

wxString term_text(const cemetery::KindSummary& kind) {
    if (kind.terms.size() == 1) return years_text(kind.terms.front().term_years);
    wxString head;  // every term but the last: "25, 30"
    for (std::size_t i = 0; i + 1 < kind.terms.size(); ++i) {
        if (i > 0) head += wxS(", ");
        head << kind.terms[i].term_years;
    }
    return wxString::Format(_("%s or %d years (chosen in the deed)"), head, kind.terms.back().term_years);
}

namespace {

// The renewals of `n` under the rule, for the terms listed (all those on offer, or the
// one term whose count this is).
wxString renewals_of(const cemetery::KindRule& rule, int n, const std::vector<cemetery::TermRenewals>& terms) {
    if (n == 0) return _("not renewable");
    cemetery::KindSummary kind;
    kind.kind = rule.kind;
    kind.rule = &rule;
    kind.terms = terms;
    const auto& length = rule.renewal;
    if (rule.renewal_length_not_stated) {
        return wxString::Format(wxPLURAL("%d renewal, of a length the regulation does not state",
                                         "%d renewals, of a length the regulation does not state", n),
                                n);
    }
    if (length.years.empty() && !length.is_fraction()) {
        // Only the last burial's years set the length (rinnovo_fino_a_anni_dalla_sepoltura).
        const auto& cap = kind.rule->renewal_until_years_after_burial;
        return wxString::Format(wxPLURAL("%d renewal, for the years the last burial needs to reach %s",
                                         "%d renewals, for the years the last burial needs to reach %s", n),
                                n, years_text(cap ? cap->value : 0));
    }
    if (length.is_fraction()) {
        // The years differ by term: say them for each term on offer.
        wxString each;
        for (const auto& t : kind.terms) {
            if (!each.empty()) each += wxS(", ");
            const wxString y = years_text(t.renewal_years.empty() ? 0 : t.renewal_years.front());
            each += kind.terms.size() == 1 ? y : wxString::Format(_("%s for %d"), y, t.term_years);
        }
        return wxString::Format(wxPLURAL("%d renewal of %d/%d of the term (%s)",
                                         "%d renewals, each %d/%d of the term (%s)", n),
                                n, length.numerator, length.denominator, each);
    }
    if (length.years.size() <= 1) {
        const wxString y = years_text(length.years.empty() ? 0 : length.years.front());
        return wxString::Format(wxPLURAL("%d renewal of %s", "%d renewals of %s each", n), n, y);
    }
    wxString each;
    for (int y : length.years) {
        if (!each.empty()) each += wxS(", ");
        each += years_text(y);
    }
    return wxString::Format(wxPLURAL("%d renewal: %s", "%d renewals: %s", n), n, each);
}

}  // namespace

wxString renewals_text(const cemetery::KindSummary& kind) {
    if (!kind.rule) return _("not renewable");
    if (kind.rule->renewals_not_stated) return _("renewals not stated by the regulation");
    if (kind.rule->renewals_per_term.empty()) return renewals_of(*kind.rule, kind.rule->renewals_allowed, kind.terms);
    // "30 years: 1 renewal of 10 years; 50 years: not renewable"
    wxString each;
    for (const auto& t : kind.terms) {
        if (!each.empty()) each += wxS("; ");
        each += years_text(t.term_years) + wxS(": ") +
                renewals_of(*kind.rule, static_cast<int>(t.renewal_years.size()), {t});
    }
    return each;
}

wxString renewal_window_text(const cemetery::RenewalWindow& w) {
    std::vector<wxString> parts;
    if (w.months_before) {
        parts.push_back(wxString::Format(wxPLURAL("from %d month before the expiry", "from %d months before the expiry",
                                            *w.months_before),
                                   *w.months_before));
    }
    if (w.only_after_expiry) parts.push_back(_("only after the expiry"));
    if (w.months_after) {
        parts.push_back(wxString::Format(wxPLURAL("until %d month after the expiry", "until %d months after the expiry",
                                            *w.months_after),
                                   *w.months_after));
    }
    if (w.closes_at_posting) parts.push_back(_("not once on a posted list of expired concessions"));
    wxString out;
    for (const auto& part : parts) out += (out.empty() ? wxString() : wxString(wxS(", "))) + part;
    return out;
}

wxString term_start_text(cemetery::TermStart start) {
    switch (start) {
        case cemetery::TermStart::signing: return _("from the signing");
        case cemetery::TermStart::burial: return _("from the burial");
        case cemetery::TermStart::request: return _("from the request");
        case cemetery::TermStart::payment: return _("from the payment");
        case cemetery::TermStart::death: return _("from the death");
    }
    return wxString();
}

wxString awaited_text(cemetery::TermStart start) {
    switch (start) {
        case cemetery::TermStart::signing: return _("the signing");
        case cemetery::TermStart::burial: return _("the burial");
        case cemetery::TermStart::request: return _("the request");
        case cemetery::TermStart::payment: return _("the payment");
        case cemetery::TermStart::death: return _("the death");
    }
    return wxString();
}

namespace {

wxString share_text(const cemetery::Share& s) { return wxString::Format(wxS("%d/%d"), s.numerator, s.denominator); }

// "450,00 € dal 01/03/2025 (delibera G.C. n. 12 del 03/02/2025)"
wxString amount_since(std::int64_t cents, const cemetery::Tariff& t) {
    return wxString::Format(_("%s from %s (%s)"), to_wx(cemetery::format_euro(cents)), date_text(t.from),
                            to_wx(t.basis));
}

}  // namespace

wxString price_text(const cemetery::PriceQuote& q) {
    if (q.share_without_concession()) {
        return wxString::Format(_("Tariff not configured: the renewal costs %s of the concession tariff (%s), and no "
                                  "concession tariff is in force on %s"),
                                share_text(*q.tariff->of_concession), to_wx(q.tariff->basis), date_text(q.on));
    }
    if (!q.configured()) return _("Tariff not configured");
    if (!q.concession) return amount_since(*q.cents, *q.tariff);
    return wxString::Format(_("%s: %s of the concession tariff, %s; rounded to the cent; %s"),
                            to_wx(cemetery::format_euro(*q.cents)), share_text(*q.tariff->of_concession),
                            amount_since(q.concession->cents, *q.concession),
                            wxString::Format(_("from %s (%s)"), date_text(q.tariff->from), to_wx(q.tariff->basis)));
}

wxString price_line(const cemetery::PriceQuote& q) {
    return q.configured() ? wxString::Format(_("Tariff: %s"), price_text(q)) : price_text(q);
}

wxString quote_text(const cemetery::PriceQuote& q) {
    const bool concession = q.item == cemetery::TariffItem::concession;
    wxString what = concession ? _("concession") : _("renewal");
    if (q.term_years) {
        what = wxString::Format(concession ? _("concession for %s") : _("renewal for %s"),
                                wxString::Format(wxPLURAL("%d year", "%d years", *q.term_years), *q.term_years));
    }
    if (!q.configured() && !q.share_without_concession()) return what + wxS(": ") + _("not configured");
    return what + wxS(": ") + price_text(q);
}

}  // namespace gui
