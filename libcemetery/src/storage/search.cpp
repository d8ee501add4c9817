// Search as you type, on an FTS5 index with one row per concession.
#include "storage/register_impl.hpp"
#include "storage/search_row.hpp"
#include "search_reason.hpp"

#include <cemetery/text.hpp>

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <algorithm>
#include <string_view>
#include <utility>

namespace cemetery {

namespace {

// search_words(surname, given): a name's words, and for names with apostrophes or
// hyphens the joined form too, so that "dadda" finds "D'Adda" as well as "adda" does.
// An SQL function, so that the index is rebuilt by one INSERT ... SELECT.
void search_words(sqlite3_context* context, int argc, sqlite3_value** argv) {
    std::string out;
    for (int i = 0; i < argc; ++i) {
        const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[i]));
        if (text) storage::append_search_words(out, text);
    }
    sqlite3_result_text(context, out.c_str(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

// The MATCH expression for what the clerk typed: every word must be the prefix of a
// word in the row. Words are quoted, so FTS5 syntax typed by mistake ("OR", "*",
// "NEAR(", quotes) is searched as text, never run as a query.
std::string words_expression(std::string_view typed) {
    std::string expr;
    for (const auto& w : words(typed)) {
        if (!expr.empty()) expr += ' ';
        expr += '"';
        expr += w;  // words() keeps only letters and digits: no quote inside
        expr += "\"*";
    }
    return expr;
}

std::string match_expression(std::string_view typed, SearchScope scope) {
    const std::string expr = words_expression(typed);
    if (expr.empty()) return expr;
    if (scope == SearchScope::deceased_only) return "deceased : (" + expr + ")";
    return expr;
}

// The two ranks of a search, as two MATCH expressions that never share a row:
// first the concessions whose deceased hold every word, then the rest (found
// through a holder, the deed number, a codice fiscale, or words spread over
// several of them). The counter searches the deceased only: no second rank.
struct RankedMatch {
    std::string deceased;
    std::string others;  // empty: none
};

RankedMatch ranked_match(std::string_view typed, SearchScope scope) {
    const std::string expr = words_expression(typed);
    if (expr.empty()) return {};
    RankedMatch m;
    m.deceased = "deceased : (" + expr + ")";
    if (scope == SearchScope::everything) m.others = "(" + expr + ") NOT (" + m.deceased + ")";
    return m;
}

}  // namespace

std::int64_t Register::count_matches(std::string_view text, const SearchOptions& options) const {
    storage::ReadScope read(impl_->db);
    const std::string match = match_expression(text, options.scope);
    if (match.empty()) return 0;
    try {
        auto& s = impl_->db.statement(
            "SELECT count(*) FROM search_index si JOIN concession c ON c.id = si.rowid "
            "WHERE search_index MATCH ?1 AND (?2 IS NULL OR c.comune_id = ?2)");
        s.bind(1, match);
        if (options.comune) s.bind(2, options.comune->value());
        s.executeStep();
        return s.getColumn(0).getInt64();
    } catch (const SQLite::Exception& e) {
        throw storage::database_error_from(e, impl_->file.string());
    }
}

namespace storage {

void append_search_words(std::string& out, std::string_view name) {
    if (name.empty()) return;
    out += name;
    out += ' ';
    const auto pieces = words(name);
    if (pieces.size() > 1) {
        out += join(pieces, "");
        out += ' ';
    }
}

namespace {
// group_concat(search_words(surname, given_name), ' '), one person at a time.
void append_person(std::string& column, const std::string& surname, const std::string& given) {
    if (!column.empty()) column += ' ';
    append_search_words(column, surname);
    append_search_words(column, given);
}
}  // namespace

void SearchRow::add(const Holder& h) {
    append_person(holders, h.surname, h.given_name);
    if (!h.codice_fiscale.empty()) {
        if (!codici_fiscali.empty()) codici_fiscali += ' ';
        codici_fiscali += h.codice_fiscale;
    }
}

void SearchRow::add(const Deceased& d) { append_person(deceased, d.surname, d.given_name); }

std::array<std::string, 3> SearchRow::columns(std::string_view deed_number) const {
    std::string numbers = codici_fiscali + ' ';
    append_search_words(numbers, deed_number);
    return {deceased, holders, std::move(numbers)};
}

void insert_search_row(Database& db, ConcessionId id, const std::array<std::string, 3>& columns) {
    auto& s = db.statement("INSERT INTO search_index (rowid, deceased, holders, numbers) VALUES (?, ?, ?, ?)");
    s.bind(1, id.value());
    s.bindNoCopy(2, columns[0]);
    s.bindNoCopy(3, columns[1]);
    s.bindNoCopy(4, columns[2]);
    s.exec();
}

void enable_search_index(Database& db) {
    db.sql().createFunction("search_words", -1, true, nullptr, &search_words);
    db.flush_search = [](Database& d) {
        d.exec("CREATE TEMP TABLE IF NOT EXISTS pending_search (id INTEGER PRIMARY KEY)");
        {
            auto& add = d.statement("INSERT OR IGNORE INTO temp.pending_search (id) VALUES (?)");
            for (const auto id : d.pending_search) {
                add.reset();
                add.bind(1, id);
                add.exec();
            }
        }
        d.exec("DELETE FROM search_index WHERE rowid IN (SELECT id FROM temp.pending_search)");
        d.exec(
            "INSERT INTO search_index (rowid, deceased, holders, numbers) "
            "SELECT c.id, "
            "  coalesce((SELECT group_concat(search_words(surname, given_name), ' ') FROM deceased "
            "            WHERE concession_id = c.id), ''), "
            "  coalesce((SELECT group_concat(search_words(surname, given_name), ' ') FROM holder "
            "            WHERE concession_id = c.id), ''), "
            "  coalesce((SELECT group_concat(codice_fiscale, ' ') FROM holder "
            "            WHERE concession_id = c.id AND codice_fiscale <> ''), '') || ' ' || "
            "    search_words(c.deed_number) "
            "FROM temp.pending_search p JOIN concession c ON c.id = p.id");
        d.exec("DELETE FROM temp.pending_search");
        d.pending_search.clear();
    };
}

}  // namespace storage

namespace {

// One statement for a page of hits: the matching concessions first, in rank then
// register order (the FTS query gives its rows in rowid order, so the LIMIT stops
// it early and nothing is sorted before the page), then each with its place, its
// holders' names joined in one column (with their tax codes for a hit of the
// second rank, only to say which holder matched), the day its place was freed,
// and one row per deceased in burial order.
// One statement rather than two more queries per hit: the work is SQLite's, and
// the benchmark compares it with the sqlite3 shell running this same text.
// ?5 = 0 leaves the second rank out (the counter), before FTS5 reads anything.
constexpr const char* page_sql =
    "WITH hit AS MATERIALIZED ("
    "  SELECT * FROM (SELECT 0 AS tier, c.id AS id FROM search_index si JOIN concession c ON c.id = si.rowid"
    "    WHERE search_index MATCH ?1 AND (?2 IS NULL OR c.comune_id = ?2) ORDER BY si.rowid) "
    "  UNION ALL "
    "  SELECT * FROM (SELECT 1 AS tier, c.id AS id FROM search_index si JOIN concession c ON c.id = si.rowid"
    "    WHERE ?5 AND search_index MATCH ?6 AND (?2 IS NULL OR c.comune_id = ?2) ORDER BY si.rowid) "
    "  LIMIT ?3 OFFSET ?4) "
    "SELECT c.id, co.name, ce.name, p.kind, p.settore, p.fila, p.numero, p.piano, c.deed_number, "
    "c.term_start, c.perpetual, c.expires_on, c.ending, "
    "(SELECT group_concat(surname || char(30) || given_name || char(30) || cf, char(31)) FROM "
    "   (SELECT surname, given_name, CASE WHEN hit.tier = 1 THEN codice_fiscale ELSE '' END AS cf"
    "    FROM holder WHERE concession_id = c.id ORDER BY position)), "
    "d.id, d.surname, d.given_name, d.born_on, d.died_on, d.buried_on, "
    "(SELECT closed_on FROM closing cl WHERE cl.concession_id = c.id), hit.tier "
    "FROM hit "
    "JOIN concession c ON c.id = hit.id "
    "JOIN plot p ON p.id = c.plot_id "
    "JOIN cemetery ce ON ce.id = p.cemetery_id "
    "JOIN comune co ON co.id = c.comune_id "
    "LEFT JOIN deceased d ON d.concession_id = c.id "
    "ORDER BY hit.tier, c.id, d.buried_on IS NULL, d.buried_on, d.id";

// "surname<RS>given<RS>cf<US>...", as page_sql joins holders, to names and tax codes.
std::vector<HolderToMatch> page_holders(const SQLite::Column& c) {
    std::vector<HolderToMatch> out;
    if (c.isNull()) return out;
    const std::string joined = c.getString();
    std::size_t start = 0;
    for (;;) {
        const auto end = joined.find('\x1F', start);
        const std::string_view one = std::string_view(joined).substr(start, end == std::string::npos ? end : end - start);
        const auto first = one.find('\x1E');
        const auto second = first == std::string_view::npos ? first : one.find('\x1E', first + 1);
        Holder h;
        h.surname = std::string(one.substr(0, first));
        if (first != std::string_view::npos) h.given_name = std::string(one.substr(first + 1, second - first - 1));
        HolderToMatch m{h.full_name(), {}};
        if (second != std::string_view::npos) m.codice_fiscale = std::string(one.substr(second + 1));
        out.push_back(std::move(m));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

}  // namespace

namespace {
// The page statement with this search's parameters; false when nothing is searched.
bool bind_page(SQLite::Statement& s, std::string_view text, const SearchOptions& options) {
    const auto match = ranked_match(text, options.scope);
    if (match.deceased.empty() || options.limit <= 0) return false;
    s.bind(1, match.deceased);
    if (options.comune) {
        s.bind(2, options.comune->value());
    } else {
        s.bind(2);
    }
    s.bind(3, options.limit);
    s.bind(4, std::max(0, options.offset));
    s.bind(5, match.others.empty() ? 0 : 1);
    s.bind(6, match.others.empty() ? match.deceased : match.others);
    return true;
}
}  // namespace

std::string Register::search_statement(std::string_view text, const SearchOptions& options) const {
    try {
        auto& s = impl_->db.statement(page_sql);  // its bindings cleared by the next user (Database::statement)
        return bind_page(s, text, options) ? s.getExpandedSQL() : std::string();
    } catch (const SQLite::Exception& e) {
        throw storage::database_error_from(e, impl_->file.string());
    }
}

std::vector<SearchHit> Register::search(std::string_view text, const SearchOptions& options) const {
    storage::ReadScope read(impl_->db);
    auto& db = impl_->db;
    try {
        auto& s = db.statement(page_sql);
        if (!bind_page(s, text, options)) return {};
        std::vector<SearchHit> hits;
        while (s.executeStep()) {
            const ConcessionId id{s.getColumn(0).getInt64()};
            if (hits.empty() || hits.back().concession != id) {
                SearchHit h;
                h.concession = id;
                h.comune = s.getColumn(1).getString();
                h.cemetery = s.getColumn(2).getString();
                h.kind = plot_kind_from_code(s.getColumn(3).getString()).value_or(PlotKind::loculo);
                h.location = {s.getColumn(4).getString(), s.getColumn(5).getString(), s.getColumn(6).getString(),
                              s.getColumn(7).getString()};
                h.deed_number = s.getColumn(8).getString();
                try {
                    h.term_start = storage::column_required_date(s.getColumn(9));
                    h.expires_on = storage::column_date(s.getColumn(11));
                    h.closed_on = storage::column_date(s.getColumn(20));
                } catch (const DatabaseError& e) {
                    // Name the concession, so that a clerk can have its date corrected.
                    throw DatabaseError(e.kind(), "concession " + h.comune + " " + printable(h.deed_number) + ": " +
                                                      e.what());
                }
                h.perpetual = s.getColumn(10).getInt() != 0;
                h.ending = storage::ending_from_code(s.getColumn(12).getString());
                const auto holders = page_holders(s.getColumn(13));
                for (const auto& holder : holders) h.holders.push_back(holder.name);
                if (s.getColumn(21).getInt() == 1) {
                    auto reason = match_reason(text, holders, h.deed_number);
                    h.matched_by = reason.by;
                    h.matched_holder = std::move(reason.holder);
                }
                hits.push_back(std::move(h));
            }
            if (!s.getColumn(14).isNull()) {
                hits.back().deceased.push_back(Deceased{DeceasedId{s.getColumn(14).getInt64()}, s.getColumn(15).getString(),
                                                        s.getColumn(16).getString(), storage::column_date(s.getColumn(17)),
                                                        storage::column_date(s.getColumn(18)),
                                                        storage::column_date(s.getColumn(19))});
            }
        }
        s.reset();
        return hits;
    } catch (const SQLite::Exception& e) {
        throw storage::database_error_from(e, impl_->file.string());
    }
}

}  // namespace cemetery
