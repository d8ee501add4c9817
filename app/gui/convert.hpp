#pragma once
// The one place where library values become wx values and back: UTF-8
// std::string <-> wxString, cemetery::Date <-> wxDateTime, and how dates and counts
// are written for people (dd/mm/yyyy; 2.431 in Italian, 2,431 in English).

#include <cemetery/dates.hpp>

#include <wx/datetime.h>
#include <wx/string.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gui {

[[nodiscard]] wxString to_wx(std::string_view utf8);
[[nodiscard]] std::string to_std(const wxString& text);

[[nodiscard]] wxDateTime to_wx_date(cemetery::Date d);
[[nodiscard]] cemetery::Date from_wx_date(const wxDateTime& d);

// "28/02/2030"; an empty optional gives `none`.
[[nodiscard]] wxString date_text(cemetery::Date d);
[[nodiscard]] wxString date_text(const std::optional<cemetery::Date>& d, const wxString& none = wxString());
// What a clerk types in a date field: "28/02/2030", "7/5/2004", "2030-02-28".
[[nodiscard]] std::optional<cemetery::Date> parse_date_text(const wxString& text);

// Thousands separated as the interface language writes them.
void set_thousands_separator(wxChar separator);
[[nodiscard]] wxString count_text(std::int64_t n);

}  // namespace gui
