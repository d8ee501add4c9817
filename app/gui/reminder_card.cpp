#include "reminder_card.hpp"

#include "convert.hpp"
#include "words.hpp"

#include <cemetery/text.hpp>

#include <wx/intl.h>

#include <algorithm>
#include <utility>

namespace gui {

namespace {

bool name_matches(const std::string& name, const std::vector<std::string>& typed) {
    auto name_words = cemetery::words(cemetery::fold(name));
    // "D'Adda" is also "dadda", as the search index has it.
    for (const auto& part : cemetery::words(name)) {
        const auto pieces = cemetery::words(cemetery::fold(part));
        if (pieces.size() > 1) name_words.push_back(cemetery::join(pieces, ""));
    }
    for (const auto& t : typed) {
        bool found = false;
        for (const auto& w : name_words) found = found || w.starts_with(t);
        if (!found) return false;
    }
    return true;
}

struct CardLine {
    wxString label;
    wxString value;
};

std::vector<CardLine> card_lines(const CounterRow& r) {
    std::vector<CardLine> lines;
    lines.push_back({wxGETTEXT_IN_CONTEXT("one person", "Deceased"), to_wx(r.name)});
    if (r.born_on) lines.push_back({_("Born on"), date_text(*r.born_on)});
    if (r.died_on) lines.push_back({_("Died on"), date_text(*r.died_on)});
    if (r.buried_on) lines.push_back({_("Buried on"), date_text(*r.buried_on)});
    lines.push_back({_("Cemetery"), to_wx(r.cemetery) + wxS(" (") + to_wx(r.comune) + wxS(")")});
    lines.push_back({_("Kind"), kind_text(r.kind)});
    lines.push_back({_("Place"), location_text(r.location)});
    return lines;
}

wxString escape(const wxString& text) {
    wxString out;
    for (const auto ch : text) {
        if (ch == '&') out += wxS("&amp;");
        else if (ch == '<') out += wxS("&lt;");
        else if (ch == '>') out += wxS("&gt;");
        else if (ch == '"') out += wxS("&quot;");
        else out += ch;
    }
    return out;
}

}  // namespace

std::vector<CounterRow> counter_rows(const std::vector<cemetery::SearchHit>& hits, std::string_view typed) {
    const auto typed_words = cemetery::words(cemetery::fold(typed));
    std::vector<CounterRow> rows;
    for (const auto& h : hits) {
        auto add = [&](const cemetery::Deceased& d) {
            rows.push_back(CounterRow{d.full_name(), d.born_on, d.died_on, d.buried_on, h.comune, h.cemetery, h.kind,
                                      h.location});
        };
        for (const auto& d : h.deceased) {
            if (name_matches(d.full_name(), typed_words)) add(d);
        }
    }
    // Alphabetical, as a clerk reads names out: the library gives the register's
    // order, and the counter holds every row it shows (at most one page).
    std::vector<std::pair<std::string, std::size_t>> order;
    order.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) order.emplace_back(cemetery::fold(rows[i].name), i);
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<CounterRow> sorted;
    sorted.reserve(rows.size());
    for (const auto& [key, i] : order) sorted.push_back(std::move(rows[i]));
    return sorted;
}

wxString reminder_card_text(const CounterRow& row) {
    wxString out = _("Cemetery services") + wxS("\n");
    for (const auto& line : card_lines(row)) out += line.label + wxS(": ") + line.value + wxS("\n");
    return out;
}

wxString reminder_card_html(const CounterRow& row) {
    wxString html = wxS("<html><body><table border=\"1\" cellpadding=\"12\" cellspacing=\"0\" width=\"70%\"><tr><td>");
    html += wxS("<font size=\"+2\"><b>") + escape(_("Cemetery services")) + wxS("</b></font><br><br><table>");
    for (const auto& line : card_lines(row)) {
        html += wxS("<tr><td><font color=\"#555555\">") + escape(line.label) + wxS("</font></td><td><font size=\"+1\"><b>") +
                escape(line.value) + wxS("</b></font></td></tr>");
    }
    html += wxS("</table></td></tr></table></body></html>");
    return html;
}

}  // namespace gui
