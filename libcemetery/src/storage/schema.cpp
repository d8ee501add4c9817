#include "storage/schema.hpp"

#include "storage/backup.hpp"

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

constexpr std::array migrations{
    Migration{1, "initial register", v1_sql},
};

}  // namespace

int latest_schema_version() { return migrations.back().version; }

std::string_view schema_version_name(int version) {
    for (const auto& m : migrations) {
        if (m.version == version) return m.name;
    }
    return "unknown";
}

void migrate(Database& db, const std::string& file_name) {
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
        backup_database(db.sql(), next_kept_copy(file_name, "schema-" + std::to_string(latest_schema_version())));
        prune_kept_copies(file_name, kept_backup_count);
    }
    for (const auto& m : migrations) {
        if (m.version <= current) continue;
        try {
            WriteScope tx(db);
            // Another program may have migrated while this one waited for the lock.
            if (db.sql().execAndGet("PRAGMA user_version").getInt() >= m.version) continue;
            db.exec(std::string(m.sql));
            db.exec("PRAGMA user_version = " + std::to_string(m.version));
            tx.commit();
        } catch (const SQLite::Exception& e) {
            throw database_error_from(e, file_name + ": migration to schema " + std::to_string(m.version) + " \"" +
                                             std::string(m.name) + "\" failed");
        }
    }
}

}  // namespace cemetery::storage
