#include "storage/schema.hpp"

#include "storage/backup.hpp"
#include "storage/change_log.hpp"

#include <cemetery/backup.hpp>

#include <SQLiteCpp/Exception.h>

#include <array>

namespace cemetery::storage {

namespace {

// Never edit a migration that has shipped: add a new one at the end.
constexpr std::string_view v1_sql = R"SQL(
CREATE TABLE comune (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE CHECK (name <> ''),
    name_folded    TEXT NOT NULL UNIQUE,
    istat_code     TEXT NOT NULL UNIQUE CHECK (length(istat_code) = 6),
    cadastral_code TEXT NOT NULL UNIQUE CHECK (length(cadastral_code) = 4),
    member_from    TEXT NOT NULL,
    member_until   TEXT CHECK (member_until IS NULL OR member_until >= member_from)
);

CREATE TABLE cemetery (
    id          INTEGER PRIMARY KEY,
    comune_id   INTEGER NOT NULL REFERENCES comune (id),
    name        TEXT NOT NULL CHECK (name <> ''),
    name_folded TEXT NOT NULL,
    UNIQUE (comune_id, name_folded)
);

-- One plot per place in a cemetery: unused parts of a location are '' (not NULL,
-- which UNIQUE would let repeat).
CREATE TABLE plot (
    id          INTEGER PRIMARY KEY,
    cemetery_id INTEGER NOT NULL REFERENCES cemetery (id),
    kind        TEXT NOT NULL CHECK (kind IN ('loculo', 'ossario', 'cinerario', 'tomba_famiglia',
                                              'cappella', 'fossa', 'campo_comune')),
    settore     TEXT NOT NULL DEFAULT '',
    fila        TEXT NOT NULL DEFAULT '',
    numero      TEXT NOT NULL DEFAULT '',
    piano       TEXT NOT NULL DEFAULT '',
    UNIQUE (cemetery_id, settore, fila, numero, piano)
);

CREATE TABLE concession (
    id            INTEGER PRIMARY KEY,
    comune_id     INTEGER NOT NULL REFERENCES comune (id),
    plot_id       INTEGER NOT NULL REFERENCES plot (id),
    deed_number   TEXT NOT NULL CHECK (deed_number <> ''),
    signed_on     TEXT NOT NULL,
    term_start    TEXT NOT NULL,
    term_years    INTEGER CHECK (term_years IS NULL OR term_years > 0),
    perpetual     INTEGER NOT NULL DEFAULT 0 CHECK (perpetual IN (0, 1)),
    expires_on    TEXT,
    term_source   TEXT NOT NULL CHECK (term_source IN ('regulation', 'deed', 'stated_expiry')),
    version_name  TEXT NOT NULL DEFAULT '',
    ending        TEXT NOT NULL DEFAULT 'none'
                  CHECK (ending IN ('none', 'revoked', 'forfeited', 'surrendered')),
    ended_on      TEXT,
    ending_act    TEXT NOT NULL DEFAULT '',
    ending_reason TEXT NOT NULL DEFAULT '',
    row_version   INTEGER NOT NULL DEFAULT 1,
    UNIQUE (comune_id, deed_number),
    CHECK ((perpetual = 1 AND expires_on IS NULL AND term_years IS NULL)
        OR (perpetual = 0 AND expires_on IS NOT NULL)),
    CHECK ((ending = 'none') = (ended_on IS NULL))
);
CREATE INDEX concession_plot ON concession (plot_id);
-- The expired and expiring lists read only live, fixed-term concessions.
CREATE INDEX concession_open_expiry ON concession (comune_id, expires_on)
    WHERE perpetual = 0 AND ending = 'none';

-- A concession is on a plot of its own comune. (A plot that does not exist is left
-- to the foreign key, which reports it as a missing reference.)
CREATE TRIGGER concession_plot_comune BEFORE INSERT ON concession
WHEN EXISTS (SELECT 1 FROM plot WHERE id = NEW.plot_id)
 AND (SELECT ce.comune_id FROM plot p JOIN cemetery ce ON ce.id = p.cemetery_id WHERE p.id = NEW.plot_id)
     IS NOT NEW.comune_id
BEGIN SELECT RAISE(ABORT, 'wrong_comune'); END;

-- No two concessions hold one plot at the same time. A concession holds its plot
-- from its term start to its end (or expiry); a perpetual one for ever.
CREATE TRIGGER concession_no_overlap_insert BEFORE INSERT ON concession
WHEN EXISTS (
    SELECT 1 FROM concession o
    WHERE o.plot_id = NEW.plot_id
      AND o.term_start <= COALESCE(NEW.ended_on, NEW.expires_on, '9999-12-31')
      AND NEW.term_start <= COALESCE(o.ended_on, o.expires_on, '9999-12-31'))
BEGIN SELECT RAISE(ABORT, 'plot_overlap'); END;

CREATE TRIGGER concession_no_overlap_update
BEFORE UPDATE OF plot_id, term_start, expires_on, ended_on ON concession
WHEN EXISTS (
    SELECT 1 FROM concession o
    WHERE o.plot_id = NEW.plot_id AND o.id <> NEW.id
      AND o.term_start <= COALESCE(NEW.ended_on, NEW.expires_on, '9999-12-31')
      AND NEW.term_start <= COALESCE(o.ended_on, o.expires_on, '9999-12-31'))
BEGIN SELECT RAISE(ABORT, 'plot_overlap'); END;

CREATE TABLE holder (
    id             INTEGER PRIMARY KEY,
    concession_id  INTEGER NOT NULL REFERENCES concession (id),
    position       INTEGER NOT NULL,
    surname        TEXT NOT NULL,
    given_name     TEXT NOT NULL DEFAULT '',
    codice_fiscale TEXT NOT NULL DEFAULT '',
    address        TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX holder_concession ON holder (concession_id);

CREATE TABLE deceased (
    id            INTEGER PRIMARY KEY,
    concession_id INTEGER NOT NULL REFERENCES concession (id),
    surname       TEXT NOT NULL,
    given_name    TEXT NOT NULL DEFAULT '',
    born_on       TEXT,
    died_on       TEXT,
    buried_on     TEXT,
    CHECK (died_on IS NULL OR born_on IS NULL OR died_on >= born_on),
    CHECK (buried_on IS NULL OR died_on IS NULL OR buried_on >= died_on)
);
CREATE INDEX deceased_concession ON deceased (concession_id);

CREATE TABLE renewal (
    id              INTEGER PRIMARY KEY,
    concession_id   INTEGER NOT NULL REFERENCES concession (id),
    granted_on      TEXT NOT NULL,
    years           INTEGER NOT NULL CHECK (years > 0),
    previous_expiry TEXT NOT NULL,
    new_expiry      TEXT NOT NULL CHECK (new_expiry > previous_expiry),
    deed            TEXT NOT NULL DEFAULT '',
    version_name    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX renewal_concession ON renewal (concession_id);

-- Append-only: the database refuses to change or remove an entry.
CREATE TABLE change_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    user      TEXT NOT NULL,
    entity    TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    action    TEXT NOT NULL,
    details   TEXT NOT NULL
);
CREATE INDEX change_log_record ON change_log (entity, record_id);
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;

-- Search as you type: one row per concession (rowid = concession id), words folded
-- to lower case without accents by the tokenizer itself.
CREATE VIRTUAL TABLE search_index USING fts5 (
    deceased, holders, numbers,
    tokenize = 'unicode61 remove_diacritics 2'
);
)SQL";

// Version 2: the same rules, checked faster. SQLite builds a temporary table for
// every `x IN ('a', 'b', 'c')` in a CHECK, at every insert: a million-row import
// spent a third of its time there. The CHECKs become `x = 'a' OR x = 'b' ...`,
// which mean the same; and the two insert triggers of a concession become one,
// which refuses with FAIL (see below).
//
// A CHECK is not stored with the rows, so it is changed by editing the table's
// text in sqlite_schema, as SQLite documents for such changes
// (https://www.sqlite.org/lang_altertable.html, "Making other kinds of table
// schema changes"), instead of copying every table.
struct CheckRewrite {
    std::string_view table, before, after;
};
constexpr std::array v2_checks{
    CheckRewrite{"plot",
                 "kind IN ('loculo', 'ossario', 'cinerario', 'tomba_famiglia',\n"
                 "                                              'cappella', 'fossa', 'campo_comune')",
                 "kind = 'loculo' OR kind = 'ossario' OR kind = 'cinerario' OR kind = 'tomba_famiglia'\n"
                 "                                 OR kind = 'cappella' OR kind = 'fossa' OR kind = 'campo_comune'"},
    CheckRewrite{"concession", "term_source IN ('regulation', 'deed', 'stated_expiry')",
                 "term_source = 'regulation' OR term_source = 'deed' OR term_source = 'stated_expiry'"},
    CheckRewrite{"concession", "ending IN ('none', 'revoked', 'forfeited', 'surrendered')",
                 "ending = 'none' OR ending = 'revoked' OR ending = 'forfeited' OR ending = 'surrendered'"},
};

// Edits each table's text in sqlite_schema as `rewrites` say, all or nothing.
template <std::size_t N>
void rewrite_table_text(Database& db, const std::array<CheckRewrite, N>& rewrites, int made_by) {
    const int version = db.sql().execAndGet("PRAGMA schema_version").getInt();
    db.exec("PRAGMA writable_schema = ON");
    for (const auto& c : rewrites) {
        SQLite::Statement edit(db.sql(),
                               "UPDATE sqlite_schema SET sql = replace(sql, ?1, ?2) "
                               "WHERE type = 'table' AND name = ?3 AND instr(sql, ?1) > 0");
        edit.bind(1, std::string(c.before));
        edit.bind(2, std::string(c.after));
        edit.bind(3, std::string(c.table));
        // A file whose table text is not the one the schema wrote is not ours to edit.
        if (edit.exec() != 1) {
            db.exec("PRAGMA writable_schema = OFF");
            throw SQLite::Exception("the " + std::string(c.table) + " table is not as schema " +
                                    std::to_string(made_by) + " made it");
        }
    }
    db.exec("PRAGMA schema_version = " + std::to_string(version + 1));
    db.exec("PRAGMA writable_schema = OFF");
}

void rewrite_checks(Database& db) { rewrite_table_text(db, v2_checks, 1); }

constexpr std::string_view v2_sql = R"SQL(
DROP TRIGGER concession_plot_comune;
DROP TRIGGER concession_no_overlap_insert;
-- A concession is on a plot of its own comune (a plot that does not exist is left to
-- the foreign key), and no two concessions hold one plot at the same time: from its
-- term start to its end (or expiry); a perpetual one for ever. FAIL, before the row
-- is written, undoes as much as ABORT would, without a statement journal.
CREATE TRIGGER concession_checks_insert BEFORE INSERT ON concession
BEGIN
    SELECT RAISE(FAIL, 'wrong_comune') FROM plot p JOIN cemetery ce ON ce.id = p.cemetery_id
    WHERE p.id = NEW.plot_id AND ce.comune_id IS NOT NEW.comune_id;
    SELECT RAISE(FAIL, 'plot_overlap') FROM concession o
    WHERE o.plot_id = NEW.plot_id
      AND o.term_start <= COALESCE(NEW.ended_on, NEW.expires_on, '9999-12-31')
      AND NEW.term_start <= COALESCE(o.ended_on, o.expires_on, '9999-12-31')
    LIMIT 1;
END;

-- The search index keeps which column a word is in, not where in it: search asks
-- for words and columns only, never phrases, and the index is smaller and built
-- about a third faster (detail=column). Rebuilt from the register.
DROP TABLE search_index;
CREATE VIRTUAL TABLE search_index USING fts5 (
    deceased, holders, numbers,
    tokenize = 'unicode61 remove_diacritics 2',
    detail = column
);
INSERT INTO search_index (rowid, deceased, holders, numbers)
SELECT c.id,
  coalesce((SELECT group_concat(search_words(surname, given_name), ' ') FROM deceased
            WHERE concession_id = c.id), ''),
  coalesce((SELECT group_concat(search_words(surname, given_name), ' ') FROM holder
            WHERE concession_id = c.id), ''),
  coalesce((SELECT group_concat(codice_fiscale, ' ') FROM holder
            WHERE concession_id = c.id AND codice_fiscale <> ''), '') || ' ' || search_words(c.deed_number)
FROM concession c;
)SQL";

// Version 3.
// The life of a concession: remains per deceased, plots out of use, postings of
// expired lists, terms restarted by a burial, successions, and closings that free
// a place (an ended concession's remains moved, or an expired one after posting).
// CHECKs are OR chains, not IN lists: see version 2.
constexpr std::string_view v3_sql = R"SQL(
ALTER TABLE deceased ADD COLUMN remains TEXT NOT NULL DEFAULT 'feretro'
    CHECK (remains = 'feretro' OR remains = 'cassetta' OR remains = 'urna');

CREATE TABLE plot_out_of_use (
    plot_id   INTEGER PRIMARY KEY REFERENCES plot (id),
    from_date TEXT NOT NULL,
    reason    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE posting (
    id            INTEGER PRIMARY KEY,
    concession_id INTEGER NOT NULL REFERENCES concession (id),
    posted_on     TEXT NOT NULL,
    list_as_of    TEXT NOT NULL,
    UNIQUE (concession_id, posted_on, list_as_of)
);

CREATE TABLE term_restart (
    id              INTEGER PRIMARY KEY,
    concession_id   INTEGER NOT NULL REFERENCES concession (id),
    deceased_id     INTEGER REFERENCES deceased (id),
    deceased        TEXT NOT NULL DEFAULT '',
    buried_on       TEXT NOT NULL,
    previous_start  TEXT NOT NULL,
    previous_expiry TEXT NOT NULL,
    new_start       TEXT NOT NULL,
    new_expiry      TEXT NOT NULL CHECK (new_expiry > previous_expiry),
    version_name    TEXT NOT NULL DEFAULT '',
    basis           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX term_restart_concession ON term_restart (concession_id);

CREATE TABLE succession (
    id             INTEGER PRIMARY KEY,
    concession_id  INTEGER NOT NULL REFERENCES concession (id),
    on_date        TEXT NOT NULL,
    act            TEXT NOT NULL CHECK (act <> ''),
    mode           TEXT NOT NULL CHECK (mode = 'replace' OR mode = 'join'),
    holders_before TEXT NOT NULL,
    holders_after  TEXT NOT NULL
);
CREATE INDEX succession_concession ON succession (concession_id);

-- One closing per concession: from closed_on its place is free.
CREATE TABLE closing (
    concession_id INTEGER PRIMARY KEY REFERENCES concession (id),
    closed_on     TEXT NOT NULL,
    remains       TEXT NOT NULL CHECK (remains = 'ossario' OR remains = 'cremazione' OR remains = 'famiglia' OR remains = 'nessuno'),
    act           TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT ''
);
)SQL";

// Version 4: the tamper-evident change log. Each entry carries the digest of its
// record right after the change and a chain hash over the previous entry's chain
// and its own content (change_log.hpp). The entries already there are sealed in
// C++ (seal_change_log: each record's latest entry gets the record's digest, and
// every entry its chain, without adding any), with the append-only triggers
// dropped around those UPDATEs and put back, in the same transaction.
constexpr std::string_view v4_sql = R"SQL(
DROP TRIGGER change_log_no_update;
DROP TRIGGER change_log_no_delete;
ALTER TABLE change_log ADD COLUMN state_digest TEXT;
ALTER TABLE change_log ADD COLUMN chain TEXT;
)SQL";

constexpr std::string_view v4_finish_sql = R"SQL(
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
)SQL";

void seal_log(Database& db) {
    seal_change_log(db);
    db.exec(std::string(v4_finish_sql));
}

// Version 5: search as you type at a city's scale. The search index gets prefix
// indexes for one to five letters: without them a one-letter search ("c") makes
// FTS5 merge the list of every word that starts with the letter before LIMIT
// applies (140 ms at a million concessions; "maria", a prefix of many names, 10 ms);
// with them it reads one list, in rowid order, and stops after the page (about a
// millisecond). They cost about 105 bytes per concession (an eighth of the file),
// four and five letters 39 of them. The rows are copied from the old index: the
// same words, without recomputing them from the register.
constexpr std::string_view v5_sql = R"SQL(
CREATE VIRTUAL TABLE search_index_v5 USING fts5 (
    deceased, holders, numbers,
    tokenize = 'unicode61 remove_diacritics 2',
    detail = column,
    prefix = '1 2 3 4 5'
);
INSERT INTO search_index_v5 (rowid, deceased, holders, numbers)
SELECT rowid, deceased, holders, numbers FROM search_index;
DROP TABLE search_index;
ALTER TABLE search_index_v5 RENAME TO search_index;
)SQL";

// Version 6: no personal data of holders in the change log. Holders are living
// people whom the law lets ask for their data to be corrected or erased, and the
// log is kept for ever and refuses edits: from now on an entry says how many
// holders a change wrote and carries a digest of their data (log_people.hpp),
// the data living in the holder table only. The entries already written lose
// their holders' data (redact_change_log, in C++), which changes their text and
// so their format 1 chain: the log is chained again under format 2, which hashes
// the digest of each entry's details rather than their text, and one entry
// records the head as it was. The append-only triggers are dropped around those
// UPDATEs and put back, in the same transaction (as version 4 does). The copy
// kept in copie/ before the migration still holds the old entries.
// (IF EXISTS: a register whose triggers an insider dropped is still migrated, and
// gets them back; the breaks such an edit left are counted in the new entry.)
constexpr std::string_view v6_sql = R"SQL(
DROP TRIGGER IF EXISTS change_log_no_update;
DROP TRIGGER IF EXISTS change_log_no_delete;
)SQL";

void redact_log(Database& db) {
    redact_change_log(db);
    db.exec(std::string(v4_finish_sql));
}

// Version 7: terms that have not started. A concession whose term runs from an event
// still to come (a burial, a death, a payment: regulation.hpp, TermStart) is neither
// perpetual nor has an expiry, only its years; and the restart that starts its term
// at last has no expiry before it. Both rules are loosened by editing the tables'
// text, as version 2 does: the rows already there satisfy the new rules as they did
// the old ones, and the overlap triggers already read a missing expiry as "held for
// now on" (COALESCE ... '9999-12-31').
constexpr std::array v7_checks{
    CheckRewrite{"concession", "OR (perpetual = 0 AND expires_on IS NOT NULL))",
                 "OR (perpetual = 0 AND (expires_on IS NOT NULL OR term_years IS NOT NULL)))"},
    CheckRewrite{"term_restart", "previous_expiry TEXT NOT NULL,", "previous_expiry TEXT,"},
};

void loosen_term_checks(Database& db) { rewrite_table_text(db, v7_checks, 6); }

constexpr std::string_view v7_sql = "";

// Version 8: the variant of the kind's rule a deed was granted under ("provvisorio":
// regulation.hpp, KindRule::variants). NULL is the kind's ordinary rule, which every
// deed written before this version follows. The code is the regulation file's own
// (is_variant_code): lowercase, never empty.
constexpr std::string_view v8_sql = R"SQL(
ALTER TABLE concession ADD COLUMN variant TEXT
    CHECK (variant IS NULL OR (variant <> '' AND variant = lower(variant)));
)SQL";

constexpr std::array migrations{
    Migration{1, "initial register", v1_sql},
    Migration{2, "faster checks on insert", v2_sql, &rewrite_checks},
    Migration{3, "life of a concession", v3_sql},
    Migration{4, "tamper-evident log", v4_sql, nullptr, &seal_log},
    Migration{5, "search and lists at scale", v5_sql},
    Migration{6, "holders' data out of the change log", v6_sql, nullptr, &redact_log},
    Migration{7, "terms not started yet", v7_sql, &loosen_term_checks},
    Migration{8, "variants of a kind", v8_sql},
};

}  // namespace

int latest_schema_version() { return migrations.back().version; }

std::string_view schema_version_name(int version) {
    for (const auto& m : migrations) {
        if (m.version == version) return m.name;
    }
    return "unknown";
}

void migrate(Database& db, const std::string& file_name, bool may_create) {
    int current = 0;
    int foreign_tables = 0;
    try {
        current = db.sql().execAndGet("PRAGMA user_version").getInt();
        foreign_tables = db.sql().execAndGet("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").getInt();
    } catch (const SQLite::Exception& e) {
        throw database_error_from(e, file_name);
    }
    if (current > latest_schema_version()) {
        throw DatabaseError(DatabaseError::Kind::too_new,
                            file_name + ": this register was written by a newer version of the program (schema " +
                                std::to_string(current) + "); this program knows schema versions up to " +
                                std::to_string(latest_schema_version()) + " (\"" +
                                std::string(schema_version_name(latest_schema_version())) +
                                "\"). Update the program; the file was not changed.");
    }
    // Opened as an existing register, a database with no schema at all is not one.
    if (current == 0 && !may_create) {
        throw DatabaseError(DatabaseError::Kind::not_a_database,
                            file_name + ": this SQLite file is not a register (it holds nothing); the file was not "
                                        "changed");
    }
    // A database of some other program is not a register to be "migrated" into one.
    if (current == 0 && foreign_tables > 0) {
        throw DatabaseError(DatabaseError::Kind::not_a_database,
                            file_name + ": this SQLite file holds another program's data, not a register; "
                                        "the file was not changed");
    }
    // WAL only now that the file is known to be ours and not too new: switching a
    // rollback-journal file to WAL rewrites its header.
    if (file_name != ":memory:") {
        try {
            SQLite::Statement mode(db.sql(), "PRAGMA journal_mode = WAL");
            mode.executeStep();
        } catch (const SQLite::Exception& e) {
            throw database_error_from(e, file_name);
        }
    }
    // A register about to change its schema is copied first (copie/), so that a
    // migration that goes wrong, or a program that turns out wrong, loses nothing.
    if (file_name != ":memory:" && current >= 1 && current < latest_schema_version()) {
        backup_database(db.sql(), next_kept_copy(file_name, "schema-" + std::to_string(latest_schema_version())),
                        Overwrite::refuse);
        prune_kept_copies(file_name, kept_backup_count);
    }
    for (const auto& m : migrations) {
        if (m.version <= current) continue;
        try {
            WriteScope tx(db);
            // Another program may have migrated while this one waited for the lock.
            if (db.sql().execAndGet("PRAGMA user_version").getInt() >= m.version) continue;
            if (m.prepare) m.prepare(db);
            db.exec(std::string(m.sql));
            if (m.finish) m.finish(db);
            db.exec("PRAGMA user_version = " + std::to_string(m.version));
            tx.commit();
        } catch (const SQLite::Exception& e) {
            throw database_error_from(e, file_name + ": migration to schema " + std::to_string(m.version) + " \"" +
                                             std::string(m.name) + "\" failed");
        }
    }
}

}  // namespace cemetery::storage
