#pragma once
// What a load makes of each new concession once it is complete, computed on a
// thread of its own while the load goes on writing: the record's digest for the
// change log (new_concession_digest) and its row of the search index
// (SearchRow). The load's thread is the slower of an import's two, every write
// to SQLite being on it; the second core has time to spare once the rows are
// parsed.
//
// The records are handed over whole, moved, in batches under a lock: the two
// threads share nothing else, and both computations read only what they are
// given. With a SearchBuild, the search rows go into it as they are made, on its
// own connection, instead of waiting for the load's thread.
#include "storage/search_build.hpp"
#include "storage/sha256.hpp"

#include <cemetery/concession.hpp>
#include <cemetery/plot.hpp>

#include <array>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace cemetery::storage {

class RecordsAside {
public:
    // `build`, when given, must outlive this object.
    explicit RecordsAside(SearchBuild* build = nullptr);
    ~RecordsAside();  // stops the thread: what was not collected is dropped
    RecordsAside(const RecordsAside&) = delete;
    RecordsAside& operator=(const RecordsAside&) = delete;

    // The complete record of the load's `index`-th new concession, with the
    // plot it stands on when the load knows it (no digest without it).
    void add(std::size_t index, Concession&& record, std::optional<Plot> plot);

    struct Made {
        std::vector<std::optional<Sha256Digest>> digests;  // by index
        // By index: SearchRow::columns. None when they went into a SearchBuild.
        std::vector<std::array<std::string, 3>> search_rows;
    };
    // Waits for the thread to be through the records, and gives what it made of
    // every one added, by index, for indexes below `count`. Rethrows what the
    // thread threw. Once only.
    Made collect(std::size_t count);
    // After collect: waits for the thread to finish the SearchBuild, if any, and
    // rethrows what it threw doing so.
    void finish_search();

private:
    struct Job {
        std::size_t index = 0;
        Concession record;
        std::optional<Plot> plot;
    };
    void send();
    void work();

    std::vector<Job> batch_;  // the load's thread's, until sent
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::vector<Job>> queue_;
    bool closing_ = false;  // no more batches: finish the queue
    bool stop_ = false;     // stop now
    bool made_ready_ = false;  // made_ is complete, and the thread's no more
    SearchBuild* build_;
    std::exception_ptr error_;
    Made made_;  // the worker's, until joined
    std::thread worker_;
};

}  // namespace cemetery::storage
