#include <cemetery/csv.hpp>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace cemetery {

namespace {

// Big enough that a read is one system call per block, small enough to stay in cache.
constexpr std::size_t block_size = std::size_t{256} * 1024;

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

bool all_blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), is_blank);
}

}  // namespace

CsvError::CsvError(std::size_t line, const std::string& message)
    : std::runtime_error("line " + std::to_string(line) + ": " + message), line_(line) {}

// ---------------------------------------------------------------------------------------
// Reader

CsvReader::CsvReader(std::istream& in, char separator, std::size_t max_record_bytes)
    : in_(in),
      separator_(separator),
      max_record_bytes_(max_record_bytes),
      buffer_(std::make_unique_for_overwrite<char[]>(block_size)) {
    if (separator == '"' || separator == '\r' || separator == '\n') {
        throw std::invalid_argument("CSV separator cannot be a quote or a line break");
    }
    for (const char c : {separator, '"', '\r', '\n'}) special_[static_cast<unsigned char>(c)] = true;
}

bool CsvReader::fill() {
    if (eof_) return false;
    in_.read(buffer_.get(), static_cast<std::streamsize>(block_size));
    pos_ = 0;
    end_ = static_cast<std::size_t>(in_.gcount());
    if (end_ == 0) eof_ = true;
    return !eof_;
}

bool CsvReader::at_end() {
    return pos_ == end_ && !fill();
}

void CsvReader::fail(std::size_t line, const std::string& message) {
    failed_ = true;
    eof_ = true;
    pos_ = end_ = 0;
    throw CsvError(line, message);
}

void CsvReader::count_bytes(std::size_t n) {
    record_bytes_ += n;
    if (record_bytes_ > max_record_bytes_) {
        fail(record_line_, "record longer than the limit of " + std::to_string(max_record_bytes_) + " bytes");
    }
}

bool CsvReader::next(std::vector<std::string>& fields) {
    if (failed_) {
        fields.clear();
        return false;
    }
    if (!started_) {
        started_ = true;
        if (fill() && end_ >= 3 && std::memcmp(buffer_.get(), "\xEF\xBB\xBF", 3) == 0) pos_ = 3;
    }

    // Line ends before the record: blank lines, or the LF of a CRLF split from its CR.
    for (;;) {
        if (at_end()) {
            fields.clear();
            return false;
        }
        const char c = buffer_[pos_];
        if (c == '\n') {
            ++pos_;
            if (!skip_lf_) ++physical_line_;
            skip_lf_ = false;
            continue;
        }
        skip_lf_ = false;
        if (c != '\r') break;
        ++pos_;
        ++physical_line_;
        skip_lf_ = true;
    }

    record_line_ = physical_line_;
    record_bytes_ = 0;
    std::size_t count = 0;
    bool more = true;
    while (more) {
        // Reuse the caller's strings: their capacity makes the next record allocation-free.
        if (count < fields.size()) {
            fields[count].clear();
        } else {
            fields.emplace_back();
        }
        more = read_field(fields[count++]);
    }
    fields.resize(count);
    return true;
}

bool CsvReader::read_field(std::string& field) {
    bool was_quoted = false;
    for (;;) {
        if (at_end()) return false;
        const char* const base = buffer_.get();
        const char* const begin = base + pos_;
        const char* const stop = base + end_;
        const char* p = begin;
        while (p < stop && !special_[static_cast<unsigned char>(*p)]) ++p;
        count_bytes(static_cast<std::size_t>(p - begin));
        field.append(begin, p);
        pos_ = static_cast<std::size_t>(p - base);
        if (p == stop) continue;

        const char c = *p;
        ++pos_;
        if (c == separator_) {
            count_bytes(1);
            return true;
        }
        if (c == '\n') {
            ++physical_line_;
            return false;
        }
        if (c == '\r') {  // CRLF, or a lone CR as old Mac programs end lines
            ++physical_line_;
            skip_lf_ = true;
            return false;
        }
        // A quote opens a quoted field only at its start (blanks before it are dropped);
        // elsewhere it is taken literally, as spreadsheets do.
        if (!was_quoted && all_blank(field)) {
            field.clear();
            was_quoted = true;
            read_quoted(field);
        } else {
            count_bytes(1);
            field.push_back('"');
        }
    }
}

void CsvReader::read_quoted(std::string& field) {
    const std::size_t quote_line = physical_line_;
    for (;;) {
        if (at_end()) fail(quote_line, "quoted field not closed before the end of the file");
        const char* const base = buffer_.get();
        const char* const begin = base + pos_;
        const char* const stop = base + end_;
        const auto* found = static_cast<const char*>(std::memchr(begin, '"', end_ - pos_));
        const char* const p = found ? found : stop;
        count_bytes(static_cast<std::size_t>(p - begin));
        physical_line_ += static_cast<std::size_t>(std::count(begin, p, '\n'));
        field.append(begin, p);
        pos_ = static_cast<std::size_t>(p - base);
        if (p == stop) continue;

        ++pos_;  // the quote: either the first of a doubled pair or the closing one
        if (at_end()) return;
        if (buffer_[pos_] != '"') return;
        ++pos_;
        count_bytes(1);
        field.push_back('"');
    }
}

// ---------------------------------------------------------------------------------------
// Writer

CsvWriter::CsvWriter(std::ostream& out, char separator) : out_(out), separator_(separator) {
    if (separator == '"' || separator == '\r' || separator == '\n') {
        throw std::invalid_argument("CSV separator cannot be a quote or a line break");
    }
}

namespace {

bool starts_formula(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

// "-12", "+3,5", "-0.25": what a spreadsheet reads as a number, not as a formula.
bool plain_number(std::string_view field) {
    if (field.size() < 2 || (field.front() != '-' && field.front() != '+')) return false;
    bool digits = false;
    bool point = false;
    for (const char c : field.substr(1)) {
        if (c >= '0' && c <= '9') {
            digits = true;
        } else if ((c == '.' || c == ',') && !point && digits) {
            point = true;
        } else {
            return false;
        }
    }
    return digits && field.back() >= '0' && field.back() <= '9';
}

}  // namespace

bool cell_needs_guard(std::string_view field) {
    return !field.empty() && starts_formula(field.front()) && !plain_number(field);
}

void guard_cell(std::string& field) {
    if (cell_needs_guard(field)) field.insert(field.begin(), '\'');
}

void unguard_cell(std::string& field) {
    if (field.size() >= 2 && field.front() == '\'' && cell_needs_guard(std::string_view(field).substr(1))) {
        field.erase(field.begin());
    }
}

void CsvWriter::row(const std::vector<std::string>& fields) {
    const char special_chars[] = {separator_, '"', '\r', '\n'};
    const std::string_view specials{special_chars, sizeof special_chars};
    line_.clear();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string* field = &fields[i];
        if (cell_needs_guard(*field)) {
            guarded_ = *field;
            guard_cell(guarded_);
            field = &guarded_;
        }
        const std::string& f = *field;
        if (i) line_ += separator_;
        const bool quote = f.find_first_of(specials) != std::string::npos ||
                           (!f.empty() && (is_blank(f.front()) || is_blank(f.back()))) ||
                           (f.empty() && fields.size() == 1);
        if (!quote) {
            line_ += f;
            continue;
        }
        line_ += '"';
        for (const char c : f) {
            if (c == '"') line_ += '"';
            line_ += c;
        }
        line_ += '"';
    }
    line_ += "\r\n";
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
}

}  // namespace cemetery
