#pragma once
// The digests of a load's new concessions, computed on a thread of their own
// while the load goes on writing. The load's thread is the slower of an import's
// two (every write to SQLite is on it); a digest is some three microseconds of
// it per concession, and the second core has time to spare once the rows are
// parsed.
//
// The records are handed over whole, in batches under a lock: the two threads
// share nothing else, and new_concession_digest reads only what it is given.
#include "storage/sha256.hpp"

#include <cemetery/concession.hpp>
#include <cemetery/plot.hpp>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace cemetery::storage {

class DigestsAside {
public:
    DigestsAside();
    ~DigestsAside();  // stops the thread: digests not collected are dropped
    DigestsAside(const DigestsAside&) = delete;
    DigestsAside& operator=(const DigestsAside&) = delete;

    // The complete record of the load's `index`-th new concession, and its plot.
    void add(std::size_t index, Concession&& record, const Plot& plot);
    // Waits for the thread, and gives every digest added by index (nullopt for an
    // index never added). Rethrows what the thread threw. Once only.
    std::vector<std::optional<Sha256Digest>> collect(std::size_t count);

private:
    struct Job {
        std::size_t index = 0;
        Concession record;
        Plot plot;
    };
    void send();
    void work();

    std::vector<Job> batch_;  // the load's thread's, until sent
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::vector<Job>> queue_;
    bool closing_ = false;  // no more batches: finish the queue
    bool stop_ = false;     // stop now
    std::exception_ptr error_;
    std::vector<std::optional<Sha256Digest>> done_;  // by index; the worker's, until joined
    std::thread worker_;
};

}  // namespace cemetery::storage
