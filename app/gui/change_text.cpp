#include "change_text.hpp"

#include "convert.hpp"
#include "words.hpp"

#include <nlohmann/json.hpp>

#include <wx/intl.h>

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

}  // namespace gui
