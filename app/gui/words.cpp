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
        case RefusalCode::perpetual_not_allowed: return _("perpetual deeds are not allowed after the cut-off date");
        case RefusalCode::perpetual_with_term: return _("a deed cannot be both perpetual and with a term");
        case RefusalCode::term_missing: return _("the deed states no term");
        case RefusalCode::term_differs: return _("the deed's term differs from the regulation's");
        case RefusalCode::term_too_long: return _("the period is longer than the maximum allowed");
        case RefusalCode::burial_date_missing: return _("the burial date is missing");
        case RefusalCode::concession_perpetual: return _("a perpetual concession has no term to renew");
        case RefusalCode::concession_ended: return _("the concession has ended");
        case RefusalCode::kind_not_renewable: return _("this kind of place cannot be renewed");
        case RefusalCode::renewals_used_up: return _("every renewal allowed has already been granted");
        case RefusalCode::before_signing: return _("the date is before the signing of the deed");
    }
    return wxString();
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
    return to_wx(action);
}

wxString location_text(const cemetery::Location& where) { return to_wx(cemetery::describe(where)); }

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

}  // namespace gui
