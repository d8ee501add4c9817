#include "storage/records_aside.hpp"

#include "storage/record_digest.hpp"
#include "storage/search_row.hpp"

namespace cemetery::storage {

namespace {
// Records handed over at a time: the lock taken once per batch, not per record.
constexpr std::size_t batch_records = 512;
}  // namespace

RecordsAside::RecordsAside(SearchBuild* build) : build_(build) { worker_ = std::thread([this] { work(); }); }

RecordsAside::~RecordsAside() {
    if (!worker_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    worker_.join();
}

void RecordsAside::add(std::size_t index, Concession&& record, std::optional<Plot> plot) {
    batch_.push_back(Job{index, std::move(record), std::move(plot)});
    if (batch_.size() == batch_records) send();
}

void RecordsAside::send() {
    if (batch_.empty()) return;
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(batch_));
    }
    batch_ = {};
    batch_.reserve(batch_records);
    changed_.notify_all();
}

void RecordsAside::work() {
    try {
        Sha256 hash;
        for (;;) {
            std::vector<Job> jobs;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] { return stop_ || closing_ || !queue_.empty(); });
                if (stop_) return;
                if (queue_.empty()) break;  // closing, with nothing left
                jobs = std::move(queue_.front());
                queue_.pop_front();
            }
            for (const auto& job : jobs) {
                if (made_.digests.size() <= job.index) {
                    made_.digests.resize(job.index + 1);
                    if (!build_) made_.search_rows.resize(job.index + 1);
                }
                if (job.plot) made_.digests[job.index] = new_concession_digest(hash, job.record, *job.plot);
                SearchRow row;
                for (const auto& h : job.record.holders) row.add(h);
                for (const auto& d : job.record.deceased) row.add(d);
                if (build_) {
                    build_->add(job.record.id, row.columns(job.record.deed_number));
                } else {
                    made_.search_rows[job.index] = row.columns(job.record.deed_number);
                }
            }
        }
        {
            std::lock_guard lock(mutex_);
            made_ready_ = true;
        }
        changed_.notify_all();
        // While the load's thread builds the indexes it set aside, and the change
        // log's entries are built (log_build.hpp).
        if (build_) build_->finish();
    } catch (...) {
        {
            std::lock_guard lock(mutex_);
            error_ = std::current_exception();
        }
        changed_.notify_all();
    }
}

RecordsAside::Made RecordsAside::collect(std::size_t count) {
    send();
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
    }
    changed_.notify_all();
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return made_ready_ || error_; });
    if (error_) std::rethrow_exception(error_);
    Made out = std::move(made_);
    out.digests.resize(count);
    if (!build_) out.search_rows.resize(count);
    return out;
}

void RecordsAside::finish_search() {
    if (worker_.joinable()) worker_.join();
    if (error_) std::rethrow_exception(error_);
}

}  // namespace cemetery::storage
