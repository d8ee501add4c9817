#pragma once
// Checking a register: the file's own integrity, its references, the change log's
// chain, and every record against the digest its latest change-log entry vouches
// for (see Register::verify).
//
// The chain proves that the log was not edited after the fact only against a
// head noted outside the register: whoever can write the file can also rebuild
// the whole chain. So the office keeps the head (entry id and hash) where an
// insider cannot rewrite it: printed on the posted list, with the backups.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cemetery {

// A change-log entry whose chain hash does not match its content and the entry
// before it: the entry (or the one before it) was edited, inserted or removed.
struct ChainBreak {
    std::int64_t entry_id = 0;
    std::string at;
    std::string entity;
    std::int64_t record_id = 0;
};

// A record that does not match its latest entry, or has none.
struct RecordMismatch {
    enum class Kind {
        changed,    // its rows differ from the digest of its latest entry
        missing,    // its latest entry vouches for it, and it is gone
        unlogged,   // no entry at all speaks of it
    };
    Kind kind = Kind::changed;
    std::string entity;
    std::int64_t record_id = 0;
    std::int64_t entry_id = 0;  // its latest entry (0 when unlogged)
    std::string entry_at;
    // For a concession still in the register: its comune and deed number.
    std::string comune;
    std::string deed_number;
};

struct VerifyReport {
    // PRAGMA integrity_check's complaints; empty when it said "ok".
    std::vector<std::string> integrity;
    // PRAGMA foreign_key_check: "holder 12 → concession" per row that refers to nothing.
    std::vector<std::string> foreign_keys;

    std::int64_t entries = 0;  // in the change log
    std::vector<ChainBreak> chain_breaks;  // the first few, in id order
    std::int64_t chain_break_count = 0;

    std::int64_t records = 0;  // records compared with their digests
    std::vector<RecordMismatch> mismatches;  // the first few, by entity and record id
    std::int64_t mismatch_count = 0;

    // The chain's head, to be noted outside the register.
    std::int64_t head_id = 0;
    std::string head_chain;

    // How many breaks and mismatches are named; the counts include every one.
    static constexpr std::size_t named = 10;

    [[nodiscard]] bool damaged() const { return !integrity.empty(); }
    [[nodiscard]] bool ok() const {
        return integrity.empty() && foreign_keys.empty() && chain_break_count == 0 && mismatch_count == 0;
    }
};

[[nodiscard]] std::string_view code(RecordMismatch::Kind kind);  // "changed", "missing", "unlogged"

}  // namespace cemetery
