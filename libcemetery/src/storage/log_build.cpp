#include "storage/log_build.hpp"

namespace cemetery::storage {

LogBuild::LogBuild(Database& db, const ChainWriter& log) : scratch_("log") {
    // The register's own table and index: SQLite transfers records only between
    // tables of one definition, and would otherwise insert them one by one.
    scratch_.db().exec(table_definition(db, "change_log"));
    scratch_.db().exec("BEGIN");
    writer_.emplace(scratch_.db(), log);
}

void LogBuild::finish() {
    writer_.reset();
    scratch_.db().exec("COMMIT");
    scratch_.close();  // the register's connection reads it next
}

void adopt_log_entries(Database& db, const LogBuild& build) {
    attach_scratch(db, build.scratch(), "log_build");
    db.exec("INSERT INTO main.change_log SELECT * FROM log_build.change_log");
}

void detach_log_build(Database& db) noexcept { detach_scratch(db, "log_build"); }

}  // namespace cemetery::storage
