-- The floor of the benchmark's import: the statements a first import of its register
-- has SQLite run on the register's connection, with the import's page cache and its
-- indexes set aside, and none of the import's own work (reading and checking the
-- file, digests, chains, the search index's terms). Run from build/bench/ after
-- scripts/bench, on a copy of the file the benchmark imports into:
--
--   cp comuni-1000000.sqlite floor.sqlite
--   sqlite3 floor.sqlite < ../../tests/bench/import_floor.sql
--   rm floor.sqlite* floor-log.sqlite
--
-- It reads the rows from register-1000000.sqlite, the register the benchmark made,
-- and prints each statement's time. The copy is left without its insert trigger.
PRAGMA foreign_keys = ON;
PRAGMA cache_size = -65536;
ATTACH 'register-1000000.sqlite' AS src;
-- Not timed: the change log's new entries in a scratch file of the register's
-- definition, as the import writes them beside the load (storage/log_build.hpp).
ATTACH 'floor-log.sqlite' AS logsrc;
DROP TABLE IF EXISTS logsrc.change_log;
CREATE TABLE logsrc.change_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    user      TEXT NOT NULL,
    entity    TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    action    TEXT NOT NULL,
    details   TEXT NOT NULL
, state_digest TEXT, chain TEXT);
CREATE INDEX logsrc.change_log_record ON change_log (entity, record_id);
INSERT INTO logsrc.change_log SELECT * FROM src.change_log WHERE id > (SELECT max(id) FROM main.change_log);
.timer on
BEGIN;
DROP INDEX concession_plot;
DROP INDEX concession_open_expiry;
DROP INDEX holder_concession;
DROP INDEX deceased_concession;
DROP INDEX renewal_concession;
DROP TRIGGER concession_checks_insert;
INSERT INTO plot SELECT * FROM src.plot ORDER BY id;
INSERT INTO concession SELECT * FROM src.concession ORDER BY id;
INSERT INTO holder SELECT * FROM src.holder ORDER BY id;
INSERT INTO deceased SELECT * FROM src.deceased ORDER BY id;
INSERT INTO renewal SELECT * FROM src.renewal ORDER BY id;
CREATE INDEX concession_plot ON concession (plot_id);
CREATE INDEX concession_open_expiry ON concession (comune_id, expires_on) WHERE perpetual = 0 AND ending = 'none';
CREATE INDEX holder_concession ON holder (concession_id);
CREATE INDEX deceased_concession ON deceased (concession_id);
CREATE INDEX renewal_concession ON renewal (concession_id);
INSERT INTO main.change_log SELECT * FROM logsrc.change_log;
DELETE FROM main.search_index_data;
DELETE FROM main.search_index_idx;
INSERT INTO main.search_index_data SELECT * FROM src.search_index_data;
INSERT INTO main.search_index_idx SELECT * FROM src.search_index_idx;
INSERT INTO main.search_index_content SELECT * FROM src.search_index_content;
INSERT INTO main.search_index_docsize SELECT * FROM src.search_index_docsize;
COMMIT;
