#include "rule_text.hpp"

#include "convert.hpp"

#include <wx/intl.h>

#include <regex>
#include <vector>

namespace gui {

namespace {

// The file marks a provisional value in its source with the word itself
// ("..., valori provvisori", "... — provvisorio", "come Unione 2020 (provvisorio)").
const std::regex& provisional_mark() {
    static const std::regex mark{R"((?:\s|,|;|—|-|:|\()*\b(?:valor[ei] )?provvisori[oa]?\b\)?)", std::regex::icase};
    return mark;
}

bool says_provisional(const std::string& source) { return std::regex_search(source, provisional_mark()); }

std::string without_provisional(const std::string& source) {
    return std::regex_replace(source, provisional_mark(), std::string());
}

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// The parts of a rule's source that cite an article ("DPR 285/1990 art. 92 c.1"), not
// the comuni whose practice the value was taken from.
std::vector<std::string> articles(const std::string& source) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= source.size()) {
        const auto end = source.find(';', from);
        const std::string part = trimmed(without_provisional(source.substr(from, end - from)));
        if (part.find("art.") != std::string::npos) out.push_back(part);
        if (end == std::string::npos) break;
        from = end + 1;
    }
    return out;
}

}  // namespace

wxString rule_in_force_text(const cemetery::Regulation& regulation, std::string_view comune, cemetery::Date on,
                            const std::string& rule_basis) {
    const cemetery::RegulationVersion* version = regulation.version_for(comune, on);
    if (!version) return {};
    wxString rule = wxS("\u00AB") + to_wx(version->name) + wxS("\u00BB");
    if (const std::string document = trimmed(without_provisional(version->basis)); !document.empty()) {
        rule += wxS(", ") + to_wx(document);
    }
    for (const auto& article : articles(rule_basis)) rule += wxS(", ") + to_wx(article);
    wxString text = wxString::Format(_("Rule: %s"), rule);
    if (says_provisional(version->basis) || says_provisional(rule_basis)) {
        text += wxS("\n") + _("Provisional value, until the approved text is loaded.");
    }
    return text;
}

}  // namespace gui
