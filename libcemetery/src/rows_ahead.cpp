#include "rows_ahead.hpp"

#include <cemetery/csv.hpp>

namespace cemetery {

namespace {
// Rows in a batch, and batches read ahead: enough to keep both threads busy, few
// enough that a cancelled import stops at once and memory stays small.
constexpr std::size_t batch_rows = 2048;
constexpr std::size_t batches_ahead = 4;
}  // namespace

RowsAhead::RowsAhead(const std::string& text, char separator, const RegisterHeader& header,
                     std::optional<FutureLimit> future, std::function<bool(std::size_t line)> parse)
    : text_(text), separator_(separator), header_(header), future_(future), parse_(std::move(parse)) {
    reader_ = std::thread([this] { read(); });
}

RowsAhead::~RowsAhead() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    reader_.join();
}

void RowsAhead::read() {
    try {
        TextStream in(text_);
        CsvReader reader(in, separator_);
        std::vector<std::string> fields;
        reader.next(fields);  // the header
        bool more = true;
        while (more) {
            std::vector<RowAhead> batch;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] { return stop_ || full_.size() < batches_ahead; });
                if (stop_) return;
                if (!free_.empty()) {
                    batch = std::move(free_.back());
                    free_.pop_back();
                }
            }
            std::size_t n = 0;
            while (n < batch_rows && (more = reader.next(fields))) {
                if (batch.size() == n) batch.emplace_back();
                RowAhead& row = batch[n++];
                row.fields.swap(fields);  // the batch's old strings are the reader's next ones
                for (auto& f : row.fields) unguard_cell(f);  // a file this program wrote (csv.hpp)
                row.line = reader.line();
                if (!parse_ || parse_(row.line)) {
                    row.parse = parse_register_row(header_, row.fields, row.line, future_);
                } else {
                    row.parse.reset();
                }
            }
            batch.resize(n);
            {
                std::lock_guard lock(mutex_);
                if (n > 0) full_.push_back(std::move(batch));
                if (!more) done_ = true;
            }
            changed_.notify_all();
        }
    } catch (...) {
        {
            std::lock_guard lock(mutex_);
            error_ = std::current_exception();
            done_ = true;
        }
        changed_.notify_all();
    }
}

const std::vector<RowAhead>& RowsAhead::next() {
    std::unique_lock lock(mutex_);
    if (!current_.empty()) free_.push_back(std::move(current_));
    current_ = {};
    changed_.notify_all();
    changed_.wait(lock, [&] { return !full_.empty() || done_; });
    if (!full_.empty()) {
        current_ = std::move(full_.front());
        full_.pop_front();
        changed_.notify_all();
        return current_;
    }
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
    return current_;  // empty: the end
}

}  // namespace cemetery
