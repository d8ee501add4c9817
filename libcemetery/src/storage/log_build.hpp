#pragma once
// The change-log entries of a load, written beside it: in a scratch file
// (scratch.hpp), on a thread of their own, while the load's thread builds the
// indexes it set aside and reads back the digests of records completed out of
// order (Register::Load::commit). The load's transaction then copies them in
// after the register's last entry.
//
// Why: a million entries took 5.5 s to write on the load's thread, after 1.5 s
// for their chains, with the second core idle; copied in whole, about 1 s.

#include "storage/change_log.hpp"
#include "storage/database.hpp"
#include "storage/scratch.hpp"

#include <optional>

namespace cemetery::storage {

class LogBuild {
public:
    // A scratch file with an empty change log of `db`'s definition, whose entries
    // go on from `log`'s last one. Throws what SQLite or the file system threw.
    LogBuild(Database& db, const ChainWriter& log);
    LogBuild(const LogBuild&) = delete;
    LogBuild& operator=(const LogBuild&) = delete;

    // For one thread at a time, until finish().
    ChainWriter& writer() { return *writer_; }
    // Commits the entries and closes the file. Once, after the last one.
    void finish();

    const Scratch& scratch() const { return scratch_; }

private:
    Scratch scratch_;
    std::optional<ChainWriter> writer_;
};

// Appends the entries `build` finished to `db`'s change log, inside the caller's
// transaction, in which nothing else has written to the log since `build` was
// made. The scratch file stays attached as log_build until detach_log_build(),
// which SQLite allows only once the transaction is over.
void adopt_log_entries(Database& db, const LogBuild& build);
void detach_log_build(Database& db) noexcept;

}  // namespace cemetery::storage
