#pragma once
// The secondary indexes of the tables a bulk load fills, and the insert trigger
// whose checks the importer has already made, set aside while the rows go in and
// built again after them, in the same transaction.
//
// Why: a row inserted into an index goes to a random place in its B-tree, and a
// million of them touch far more pages than the cache holds; CREATE INDEX after
// the rows sorts them once. The text they are built from again is the one the
// schema's migrations wrote, read back from sqlite_schema, so there is no second
// copy of it to drift. Everything happens inside the caller's transaction: a crash
// or a rollback leaves the indexes and the trigger as they were.
//
// Left alone: the indexes behind UNIQUE constraints (they are checks, and the
// database keeps making them) and the foreign keys.

#include "storage/database.hpp"

#include <string>
#include <utility>
#include <vector>

namespace cemetery::storage {

class SetAsideIndexes {
public:
    // Drops the indexes and the trigger, keeping their text. Must run inside a
    // write transaction.
    explicit SetAsideIndexes(Database& db);
    SetAsideIndexes(const SetAsideIndexes&) = delete;
    SetAsideIndexes& operator=(const SetAsideIndexes&) = delete;

    // Creates them again, in the order they were found. Once.
    void restore();

private:
    Database& db_;
    std::vector<std::string> sql_;  // CREATE INDEX / CREATE TRIGGER, as sqlite_schema keeps them
};

// The search index merges its segments once, after a large load, instead of as the
// rows go in: FTS5 writes each batch of new rows as a small segment, and by default
// merges segments as they pile up, so that a row is rewritten once for every level
// it climbs. While an object lives the automatic merges wait (automerge 0, and the
// emergency merge only after many segments); merge_once() merges all segments into
// one ('optimize') and puts the settings back as they were. Inside the caller's
// transaction, like SetAsideIndexes.
class DeferredSearchMerge {
public:
    explicit DeferredSearchMerge(Database& db);
    DeferredSearchMerge(const DeferredSearchMerge&) = delete;
    DeferredSearchMerge& operator=(const DeferredSearchMerge&) = delete;

    void merge_once();

private:
    Database& db_;
    std::vector<std::pair<std::string, std::string>> settings_;  // as they were: name, value
};

}  // namespace cemetery::storage
