#pragma once
// A register's rows read and parsed on a thread of their own, a batch ahead of
// the importer that checks or writes them. Parsing a row is a third of what the
// first pass costs and a sixth of the second; on a machine with two cores it is
// done while the importer asks the rules and writes to the database, so that a
// million rows wait for the slower of the two, not for both.
//
// The parsing is pure (parse_register_row reads only the header and the row), so
// the two threads share nothing but the batches handed over under a lock.
#include <cemetery/register_row.hpp>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <istream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace cemetery {

// An input stream over text already in memory, without copying it (as an
// istringstream would: twice the memory of a large register).
class TextStream : private std::streambuf, public std::istream {
public:
    explicit TextStream(const std::string& text) : std::istream(static_cast<std::streambuf*>(this)) {
        char* begin = const_cast<char*>(text.data());  // read only: the get area is never written
        setg(begin, begin, begin + text.size());
    }
};

struct RowAhead {
    std::vector<std::string> fields;       // as read, for the rejects file
    std::size_t line = 0;                   // where the record starts, the header being 1
    std::optional<RegisterRowParse> parse;  // none when the caller asked not to parse it
};

class RowsAhead {
public:
    // Reads `text` (UTF-8) after its header line. `parse(line)` says whether a
    // row is to be parsed: it is called on the reading thread, so it may only
    // read what does not change while the rows are read.
    RowsAhead(const std::string& text, char separator, const RegisterHeader& header,
              std::optional<FutureLimit> future, std::function<bool(std::size_t line)> parse = {});
    ~RowsAhead();  // stops the reading thread, if the caller stops early
    RowsAhead(const RowsAhead&) = delete;
    RowsAhead& operator=(const RowsAhead&) = delete;

    // The next batch of rows in file order; empty at the end. An error of the
    // reader (a broken file: CsvError) is thrown here, after the batches read
    // before it (the rows of its own batch are not handed over).
    const std::vector<RowAhead>& next();

private:
    void read();

    const std::string& text_;
    char separator_;
    const RegisterHeader& header_;
    std::optional<FutureLimit> future_;  // see parse_register_row
    std::function<bool(std::size_t)> parse_;

    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::vector<RowAhead>> full_;   // read, not yet taken
    std::vector<std::vector<RowAhead>> free_;  // taken and given back: their strings are reused
    std::vector<RowAhead> current_;            // the batch the caller holds
    bool done_ = false;
    bool stop_ = false;
    std::exception_ptr error_;
    std::thread reader_;
};

}  // namespace cemetery
