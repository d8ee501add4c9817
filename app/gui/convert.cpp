#include "convert.hpp"

namespace gui {

namespace {
wxChar thousands = wxS('.');
}

wxString to_wx(std::string_view utf8) { return wxString::FromUTF8(utf8.data(), utf8.size()); }

std::string to_std(const wxString& text) {
    const auto buffer = text.utf8_str();
    return std::string(buffer.data(), buffer.length());
}

wxDateTime to_wx_date(cemetery::Date d) {
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(static_cast<unsigned>(d.day())),
                      static_cast<wxDateTime::Month>(static_cast<unsigned>(d.month()) - 1), static_cast<int>(d.year()));
}

cemetery::Date from_wx_date(const wxDateTime& d) {
    return cemetery::Date{date::year{d.GetYear()}, date::month{static_cast<unsigned>(d.GetMonth()) + 1},
                          date::day{static_cast<unsigned>(d.GetDay())}};
}

wxString date_text(cemetery::Date d) { return to_wx(cemetery::to_italian(d)); }

wxString date_text(const std::optional<cemetery::Date>& d, const wxString& none) { return d ? date_text(*d) : none; }

std::optional<cemetery::Date> parse_date_text(const wxString& text) {
    return cemetery::parse_register_date(to_std(text.Strip(wxString::both)));
}

void set_thousands_separator(wxChar separator) { thousands = separator; }

wxString count_text(std::int64_t n) {
    const bool negative = n < 0;
    std::string digits = std::to_string(negative ? -n : n);
    wxString out;
    const auto len = digits.size();
    for (std::size_t i = 0; i < len; ++i) {
        if (i > 0 && (len - i) % 3 == 0) out += thousands;
        out += wxUniChar(digits[i]);
    }
    return negative ? wxS("-") + out : out;
}

}  // namespace gui
