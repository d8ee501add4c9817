#pragma once
// Writing and reading the append-only change log, inside the caller's transaction.

#include "storage/database.hpp"
#include "storage/sha256.hpp"

#include <cemetery/change_log.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cemetery::storage {

void append_change(Database& db, const std::string& user, std::string_view entity, std::int64_t record_id,
                   std::string_view action, const nlohmann::json& details);
// The same for many entries at once: the time given (utc_now()), the details
// already written as a JSON object.
void append_change(Database& db, const std::string& at, const std::string& user, std::string_view entity,
                   std::int64_t record_id, std::string_view action, const std::string& details_json);

// The chain: each entry carries `chain`, the hex SHA-256 of the previous entry's
// chain (genesis_chain for the first) and of this entry's canonical content (id,
// at, user, entity, record_id, action, the digest of its details, state_digest);
// and `state_digest`, the digest of its record right after the change
// (record_digest.hpp), NULL for an entity without one. Editing any entry, or
// any record behind the program's back, no longer matches (Register::verify).
//
// Format 2 (schema 6 on) hashes the digest of the details, not their text, so
// that an entry's details can one day be redacted to their digest (a correction
// the law asks for, of what should never have been written) while its chain, and
// every chain after it, stays the same: the heads offices noted stay good.
// Format 1 hashed the text itself; schema 6 chained every entry again under
// format 2, so a register of this program holds format 2 only, and format 1 is
// read only by the migrations (seal_change_log, redact_change_log).
inline constexpr std::string_view genesis_chain =
    "0000000000000000000000000000000000000000000000000000000000000000";

struct ChainContent {
    std::int64_t id = 0;
    std::string_view at, user, entity;
    std::int64_t record_id = 0;
    std::string_view action, details;
    std::optional<std::string_view> state_digest;
};
[[nodiscard]] std::string chain_of(std::string_view previous_chain, const ChainContent& entry);
// The same with a hasher of the caller's, for a loop over many entries.
[[nodiscard]] std::string chain_of(Sha256& hash, std::string_view previous_chain, const ChainContent& entry);
[[nodiscard]] std::string chain_of_format1(std::string_view previous_chain, const ChainContent& entry);
[[nodiscard]] std::string chain_of_format1(Sha256& hash, std::string_view previous_chain, const ChainContent& entry);

// The hex SHA-256 of an entry's details as the chain takes it: of their text, or
// the digest they were redacted to.
[[nodiscard]] std::string details_digest(std::string_view details);
[[nodiscard]] std::string details_digest(Sha256& hash, std::string_view details);
// Details redacted to the digest of what they were: {"redacted":"<hex>"}.
[[nodiscard]] std::string redacted_details(std::string_view digest);
[[nodiscard]] bool is_redacted(std::string_view details);

// Appends entries one after another from the log's last one, keeping the chain
// in memory: what append_change does once, a bulk write does a million times.
// Use it inside the write transaction, and write nothing else to the log while
// it lives.
class ChainWriter {
public:
    explicit ChainWriter(Database& db);
    // Writes into `db` the entries that follow `from`'s last one: the same log,
    // built elsewhere (log_build.hpp).
    ChainWriter(Database& db, const ChainWriter& from)
        : db_(db), last_id_(from.last_id_), last_chain_(from.last_chain_) {}
    // The texts are bound to the INSERT without copies: strings, not views.
    void append(const std::string& at, const std::string& user, const std::string& entity, std::int64_t record_id,
                const std::string& action, const std::string& details, const std::optional<std::string>& state_digest);

    // For chains computed ahead of the inserts (chain_of, from last_chain() for
    // the entry next_id(), and on from each to the next): the entry with its chain.
    [[nodiscard]] std::int64_t next_id() const { return last_id_ + 1; }
    [[nodiscard]] const std::string& last_chain() const { return last_chain_; }
    void append_chained(const std::string& at, const std::string& user, const std::string& entity,
                        std::int64_t record_id, const std::string& action, const std::string& details,
                        const std::optional<std::string>& state_digest, std::string chain);

private:
    Database& db_;
    Sha256 hash_;
    std::int64_t last_id_ = 0;
    std::string last_chain_;
};

// Schema 4 on a log written before the chain: gives each record's latest entry the
// record's current digest and chains every entry, in id order, without adding
// any. What the register holds on that day is what the chain vouches for.
void seal_change_log(Database& db);

// Schema 6: holders' personal data out of the entries written before it (each
// array of holders becomes the count and digest a new entry writes), every entry
// chained again from genesis under format 2, and one entry appended ("change_log",
// "redact_personal_data") that records the head as it was, how many entries were
// redacted, and the breaks the old chain had, so that nothing it hid is lost.
void redact_change_log(Database& db);

// Now, as the change log writes it: 2026-11-26T09:12:03Z.
std::string utc_now();

std::vector<ChangeLogEntry> read_change_log(Database& db, const std::optional<std::string>& entity,
                                            std::optional<std::int64_t> record_id);

std::int64_t change_log_size(Database& db);

// The operating-system user running the program.
std::string current_os_user();

}  // namespace cemetery::storage
