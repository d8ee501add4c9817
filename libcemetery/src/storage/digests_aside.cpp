#include "storage/digests_aside.hpp"

#include "storage/record_digest.hpp"

namespace cemetery::storage {

namespace {
// Records handed over at a time: the lock taken once per batch, not per record.
constexpr std::size_t batch_records = 512;
}  // namespace

DigestsAside::DigestsAside() { worker_ = std::thread([this] { work(); }); }

DigestsAside::~DigestsAside() {
    if (!worker_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    worker_.join();
}

void DigestsAside::add(std::size_t index, Concession&& record, const Plot& plot) {
    batch_.push_back(Job{index, std::move(record), plot});
    if (batch_.size() == batch_records) send();
}

void DigestsAside::send() {
    if (batch_.empty()) return;
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(batch_));
    }
    batch_ = {};
    batch_.reserve(batch_records);
    changed_.notify_all();
}

void DigestsAside::work() {
    try {
        Sha256 hash;
        for (;;) {
            std::vector<Job> jobs;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] { return stop_ || closing_ || !queue_.empty(); });
                if (stop_ || queue_.empty()) return;  // stopped, or closing with nothing left
                jobs = std::move(queue_.front());
                queue_.pop_front();
            }
            for (const auto& job : jobs) {
                if (done_.size() <= job.index) done_.resize(job.index + 1);
                done_[job.index] = new_concession_digest(hash, job.record, job.plot);
            }
        }
    } catch (...) {
        std::lock_guard lock(mutex_);
        error_ = std::current_exception();
    }
}

std::vector<std::optional<Sha256Digest>> DigestsAside::collect(std::size_t count) {
    send();
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
    }
    changed_.notify_all();
    worker_.join();
    if (error_) std::rethrow_exception(error_);
    std::vector<std::optional<Sha256Digest>> out = std::move(done_);
    out.resize(count);
    return out;
}

}  // namespace cemetery::storage
