#include "change_text.hpp"

#include "close_dialog.hpp"
#include "convert.hpp"
#include "words.hpp"

#include <cemetery/text.hpp>

#include <nlohmann/json.hpp>

#include <wx/intl.h>

#include <algorithm>

namespace gui {

namespace {

wxString iso_to_text(const nlohmann::json& value) {
    if (!value.is_string()) return wxString();
    const auto d = cemetery::parse_iso_date(value.get<std::string>());
    return d ? date_text(*d) : to_wx(value.get<std::string>());
}

wxString names(const nlohmann::json& people) {
    wxString out;
    if (!people.is_array()) return out;
    for (const auto& p : people) {
        if (!out.empty()) out += wxS(", ");
        out += to_wx(p.value("surname", std::string())) + wxS(" ") + to_wx(p.value("given_name", std::string()));
    }
    return out;
}

// "2 holders": the change log keeps how many holders a change wrote, never who
// they are (their names and contacts are in the concession's holders).
wxString holders_count(const nlohmann::json& summary) {
    if (!summary.is_object()) return wxString();
    const int count = summary.value("count", 0);
    return wxString::Format(wxPLURAL("%d holder", "%d holders", count), count);
}

}  // namespace

wxString change_when(const cemetery::ChangeLogEntry& entry) {
    wxDateTime at;
    if (at.ParseISOCombined(to_wx(entry.at).BeforeFirst('Z'))) {
        at.MakeFromUTC();
        return at.Format(wxS("%d/%m/%Y %H:%M"));
    }
    return to_wx(entry.at);
}

wxString change_summary(const cemetery::ChangeLogEntry& entry) {
    wxString what = action_text(entry.action);
    const auto details = nlohmann::json::parse(entry.details, nullptr, false);
    if (details.is_discarded() || !details.is_object()) return what;
    if (entry.action == "renew") {
        const int years = details.value("years", 0);
        what += wxS(": ") + wxString::Format(wxPLURAL("%d year", "%d years", years), years) + wxS(", ") +
                iso_to_text(details["previous_expiry"]) + wxS(" → ") + iso_to_text(details["new_expiry"]);
        const auto deed = details.value("deed", std::string());
        if (!deed.empty()) what += wxS(", ") + wxString::Format(_("deed %s"), to_wx(deed));
    } else if (entry.action == "replace_holders" && details.contains("after")) {
        what += wxS(": ") + holders_count(details["after"]);
    } else if (entry.action == "add_people") {
        wxString people = names(details.value("deceased", nlohmann::json::array()));
        const auto holders_written = details.value("holders", nlohmann::json::object());
        const wxString holders =
            holders_written.value("count", 0) > 0 ? holders_count(holders_written) : wxString();
        if (!holders.empty()) people += (people.empty() ? wxString() : wxString(wxS("; "))) + holders;
        if (!people.empty()) what += wxS(": ") + people;
    } else if (entry.action == "insert" && details.contains("deed_number")) {
        what += wxS(": ") + wxString::Format(_("deed %s"), to_wx(details.value("deed_number", std::string())));
    }
    return what;
}

std::vector<LifeEventRow> life_event_rows(const cemetery::ConcessionLife& life) {
    std::vector<LifeEventRow> rows;
    for (const auto& p : life.postings) {
        rows.push_back({p.posted_on, _("Posted on the notice board"),
                        wxString::Format(_("list of concessions expired as of %s"), date_text(p.list_as_of))});
    }
    for (const auto& r : life.restarts) {
        const wxString term = r.previous_expiry
                                  ? wxString::Format(_("expiry %s → %s"), date_text(*r.previous_expiry),
                                                     date_text(r.new_expiry))
                                  : wxString::Format(_("term from %s, expires on %s"), date_text(r.new_start),
                                                     date_text(r.new_expiry));
        if (r.event == cemetery::TermEvent::payment) {
            rows.push_back({r.buried_on, _("Payment: the term starts"), term});
        } else {
            rows.push_back({r.buried_on,
                            r.previous_expiry ? wxString::Format(_("Burial of %s: the term starts again"), to_wx(r.deceased))
                                              : wxString::Format(_("Burial of %s: the term starts"), to_wx(r.deceased)),
                            term});
        }
    }
    for (const auto& s : life.successions) {
        wxString details = wxString::Format(_("act %s"), to_wx(s.act)) + wxS(": ") +
                           to_wx(cemetery::join(s.holders_before, ", ")) + wxS(" → ") +
                           to_wx(cemetery::join(s.holders_after, ", "));
        rows.push_back({s.on, _("Succession"), details});
    }
    if (const auto& c = life.closing) {
        wxString details = wxString::Format(_("remains: %s"), remains_text(c->remains));
        if (!c->act.empty()) details += wxS(", ") + wxString::Format(_("act %s"), to_wx(c->act));
        if (!c->note.empty()) details += wxS(", ") + to_wx(c->note);
        rows.push_back({c->closed_on, _("Closed: the place is free"), details});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const LifeEventRow& a, const LifeEventRow& b) { return a.on < b.on; });
    return rows;
}

}  // namespace gui
