#include "storage/database.hpp"

#include <cemetery/text.hpp>

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

namespace cemetery::storage {

namespace {
// How long a writer waits for another program's transaction before giving up.
constexpr int busy_timeout_ms = 10000;

// One connection per Register, and one Register per thread (register.hpp): the
// connection's own mutex, taken at every bind, step and column read (a tenth of an
// import's time), guards against what cannot happen. Its prepared statements,
// cached in this class, were never safe to share between threads anyway.
const int open_flags = SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX;

// The file's name, SQLite configured first. Its memory statistics take a
// process-wide mutex at every allocation, some ten per row written, and nothing
// here reads them (the page cache is bounded by cache_size). sqlite3_config works
// only before SQLite's first use in the process: if the program opened a database
// through another path first, SQLite refuses it and keeps its default, which is
// only slower.
std::string opened(const std::filesystem::path& file) {
    static const bool configured = (sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0), true);
    (void)configured;
    return file.string();
}
}  // namespace

Database::Database(const std::filesystem::path& file, bool create) try
    : db_(opened(file), open_flags | (create ? SQLite::OPEN_CREATE : 0), busy_timeout_ms) {
    // WAL mode is set by migrate(), once the schema version is known not to be too new.
    db_.exec("PRAGMA foreign_keys = ON");
    // FULL keeps a committed change through a power cut, in WAL mode too.
    db_.exec("PRAGMA synchronous = FULL");
    // A 64 MiB page cache: a large import or list stays in memory instead of
    // re-reading pages; temporary tables in memory.
    db_.exec("PRAGMA cache_size = " + std::to_string(cache_kib));
    db_.exec("PRAGMA temp_store = MEMORY");
    // What a write deletes is overwritten with zeros, not left in the file's free
    // space: a holder's contacts that a clerk erased must not stay readable in
    // the register. Debian's SQLite is built so; another build may not be.
    db_.exec("PRAGMA secure_delete = ON");
} catch (const SQLite::Exception& e) {
    throw database_error_from(e, file.string());
}

SQLite::Statement& Database::statement(const std::string& sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) {
        it = statements_.emplace(sql, std::make_unique<SQLite::Statement>(db_, sql)).first;
    } else {
        // tryReset: an earlier failed step (a refused insert) reports its error again
        // on reset, and it belongs to that earlier call, not this one.
        it->second->tryReset();
        it->second->clearBindings();
    }
    return *it->second;
}

SQLite::Statement& Database::statement(const char* sql) {
    auto it = by_literal_.find(sql);
    if (it == by_literal_.end()) return *by_literal_.emplace(sql, &statement(std::string(sql))).first->second;
    it->second->tryReset();
    it->second->clearBindings();
    return *it->second;
}

void Database::exec(const std::string& sql) { db_.exec(sql); }

void Database::reset_statements() {
    for (auto& [sql, statement] : statements_) statement->tryReset();  // a failed step reports again here: ignore
}

bool Database::in_transaction() { return sqlite3_get_autocommit(db_.getHandle()) == 0; }

WriteScope::WriteScope(Database& db) : db_(db), pending_mark_(db.pending_search.size()) {
    if (!db_.in_transaction()) {
        db_.reset_statements();  // no old snapshot held open into the write
        db_.statement("BEGIN IMMEDIATE").exec();
    } else {
        savepoint_ = "w" + std::to_string(++db_.write_depth);
        db_.statement("SAVEPOINT " + savepoint_).exec();
    }
}

WriteScope::~WriteScope() {
    if (done_) return;
    db_.pending_search.resize(pending_mark_);  // what was rolled back needs no index
    try {
        if (savepoint_.empty()) {
            db_.exec("ROLLBACK");
        } else {
            db_.statement("ROLLBACK TO " + savepoint_).exec();
            db_.statement("RELEASE " + savepoint_).exec();
            --db_.write_depth;
        }
    } catch (...) {
        // A failed rollback leaves SQLite to roll back on close; nothing was committed.
    }
}

void WriteScope::commit() {
    if (savepoint_.empty()) {
        if (!db_.pending_search.empty() && db_.flush_search) db_.flush_search(db_);
        db_.reset_statements();
        db_.statement("COMMIT").exec();
    } else {
        db_.statement("RELEASE " + savepoint_).exec();
        --db_.write_depth;
    }
    done_ = true;
}

std::optional<Conflict> conflict_from(const SQLite::Exception& e) {
    if ((e.getErrorCode() & 0xFF) != SQLITE_CONSTRAINT) return std::nullopt;
    const std::string what = e.what();
    auto has = [&](const char* s) { return what.find(s) != std::string::npos; };
    if (has("plot_overlap")) {
        return Conflict{ConflictCode::plot_overlap, "another concession holds this plot in the same period"};
    }
    if (has("wrong_comune")) {
        return Conflict{ConflictCode::wrong_comune, "the plot is in a cemetery of another comune"};
    }
    if (has("concession.comune_id, concession.deed_number")) {
        return Conflict{ConflictCode::duplicate_deed, "this deed number already exists in the comune"};
    }
    if (has("plot.cemetery_id")) {
        return Conflict{ConflictCode::location_taken, "a plot already stands at this place in the cemetery"};
    }
    if (has("UNIQUE")) return Conflict{ConflictCode::duplicate_name, "already in the register: " + what};
    if (has("FOREIGN KEY")) return Conflict{ConflictCode::missing_reference, "refers to a record that does not exist"};
    return Conflict{ConflictCode::invalid_data, "the data breaks a rule of the register: " + what};
}

DatabaseError database_error_from(const SQLite::Exception& e, const std::string& context) {
    const std::string where = context.empty() ? std::string() : context + ": ";
    switch (e.getErrorCode() & 0xFF) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return DatabaseError(DatabaseError::Kind::busy,
                                 where + "the register is busy: another program is writing to it; try again");
        case SQLITE_NOTADB:
        case SQLITE_CORRUPT:
            return DatabaseError(DatabaseError::Kind::not_a_database,
                                 where + "this file is not a register or is damaged (" + e.what() + ")");
        case SQLITE_READONLY:
        case SQLITE_PERM:
        case SQLITE_CANTOPEN:
            return DatabaseError(DatabaseError::Kind::read_only, where + "cannot open or write the file (" + e.what() + ")");
        case SQLITE_FULL:
        case SQLITE_IOERR:
            return DatabaseError(DatabaseError::Kind::io, where + "the disk refused the write (" + e.what() + ")");
        default:
            return DatabaseError(DatabaseError::Kind::other, where + e.what());
    }
}

void bind_date(SQLite::Statement& s, int index, const std::optional<Date>& d) {
    if (d) {
        s.bind(index, to_iso(*d));
    } else {
        s.bind(index);
    }
}

std::optional<Date> column_date(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    // A value that is there but is no date is damage, never "no date": an expiry
    // read as none would make a concession look perpetual.
    const std::string text = c.getString();
    if (auto d = parse_iso_date(text)) return d;
    throw DatabaseError(DatabaseError::Kind::not_a_database, std::string("a date in the register is not a date: ") +
                                                                 c.getName() + " \"" + printable(text) + "\"");
}

Date column_required_date(const SQLite::Column& c) {
    if (auto d = column_date(c)) return *d;
    throw DatabaseError(DatabaseError::Kind::not_a_database,
                        std::string("a date in the register is missing: ") + c.getName());
}

}  // namespace cemetery::storage
