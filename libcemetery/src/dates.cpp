#include <cemetery/dates.hpp>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace cemetery {

Date add_years(Date start, int years) {
    Date end = start + date::years{years};
    if (!end.ok()) {
        // Only 29 February can fail: the term ends on the last day of February (X1).
        end = date::year_month_day_last{end.year(), date::month_day_last{end.month()}};
    }
    return end;
}

Date period_end(Date from, int years, EndCounting counting) {
    const Date anniversary = add_years(from, years);
    return counting == EndCounting::day_before ? add_days(anniversary, -1) : anniversary;
}

Date next_period_from(Date expiry, EndCounting counting) {
    return counting == EndCounting::day_before ? add_days(expiry, 1) : expiry;
}

Date add_months(Date start, int months) {
    Date end = start + date::months{months};
    if (!end.ok()) end = date::year_month_day_last{end.year(), date::month_day_last{end.month()}};
    return end;
}

Date add_days(Date start, int days) {
    return Date{date::sys_days{start} + date::days{days}};
}

int days_between(Date a, Date b) {
    return static_cast<int>((date::sys_days{b} - date::sys_days{a}).count());
}

namespace {

// Reads 1..max_digits digits at text[pos], advancing pos; nullopt on anything else.
std::optional<int> read_number(std::string_view text, std::size_t& pos, std::size_t min_digits,
                               std::size_t max_digits) {
    std::size_t start = pos;
    while (pos < text.size() && pos - start < max_digits && text[pos] >= '0' && text[pos] <= '9') {
        ++pos;
    }
    if (pos - start < min_digits) return std::nullopt;
    int value = 0;
    std::from_chars(text.data() + start, text.data() + pos, value);
    return value;
}

std::optional<Date> make_date(int y, int m, int d) {
    if (y < 1000 || y > 9999) return std::nullopt;
    Date result{date::year{y}, date::month{static_cast<unsigned>(m)},
                date::day{static_cast<unsigned>(d)}};
    if (!result.ok()) return std::nullopt;
    return result;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
    std::size_t pos = 0;
    auto y = read_number(text, pos, 4, 4);
    if (!y || pos >= text.size() || text[pos++] != '-') return std::nullopt;
    auto m = read_number(text, pos, 2, 2);
    if (!m || pos >= text.size() || text[pos++] != '-') return std::nullopt;
    auto d = read_number(text, pos, 2, 2);
    if (!d || pos != text.size()) return std::nullopt;
    return make_date(*y, *m, *d);
}

std::optional<Date> parse_register_date(std::string_view text) {
    text = trim(text);
    if (auto iso = parse_iso_date(text)) return iso;
    std::size_t pos = 0;
    auto d = read_number(text, pos, 1, 2);
    if (!d || pos >= text.size() || (text[pos] != '/' && text[pos] != '.' && text[pos] != '-'))
        return std::nullopt;
    const char sep = text[pos++];
    auto m = read_number(text, pos, 1, 2);
    if (!m || pos >= text.size() || text[pos++] != sep) return std::nullopt;
    auto y = read_number(text, pos, 4, 4);
    if (!y || pos != text.size()) return std::nullopt;
    return make_date(*y, *m, *d);
}

namespace {
// Writes n as `width` digits (no sign) ending just before `end`; returns the start.
// By hand, not snprintf: an import formats a few million dates.
char* digits(char* end, unsigned n, int width) {
    for (int i = 0; i < width; ++i) {
        *--end = static_cast<char>('0' + n % 10);
        n /= 10;
    }
    return end;
}
}  // namespace

std::string to_iso(Date d) {
    const int y = static_cast<int>(d.year());
    if (y < 0 || y > 9999) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, static_cast<unsigned>(d.month()),
                      static_cast<unsigned>(d.day()));
        return buf;
    }
    char buf[10];
    digits(buf + 4, static_cast<unsigned>(y), 4);
    buf[4] = '-';
    digits(buf + 7, static_cast<unsigned>(d.month()), 2);
    buf[7] = '-';
    digits(buf + 10, static_cast<unsigned>(d.day()), 2);
    return std::string(buf, 10);
}

std::string to_italian(Date d) {
    const int y = static_cast<int>(d.year());
    if (y < 0 || y > 9999) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", static_cast<unsigned>(d.day()),
                      static_cast<unsigned>(d.month()), y);
        return buf;
    }
    char buf[10];
    digits(buf + 2, static_cast<unsigned>(d.day()), 2);
    buf[2] = '/';
    digits(buf + 5, static_cast<unsigned>(d.month()), 2);
    buf[5] = '/';
    digits(buf + 10, static_cast<unsigned>(y), 4);
    return std::string(buf, 10);
}

Date today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{date::year{local.tm_year + 1900}, date::month{static_cast<unsigned>(local.tm_mon + 1)},
                date::day{static_cast<unsigned>(local.tm_mday)}};
}

}  // namespace cemetery
