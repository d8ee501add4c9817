#include "storage/postgresql/connection.hpp"

#include "storage/postgresql/error.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <memory>

namespace cemetery::storage::postgresql {

namespace {

// libpq's messages end with a newline, some with several lines: one line for ours.
std::string one_line(std::string_view message) {
    std::string out;
    for (const char c : message) out += (c == '\n') ? ' ' : c;
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string field(const PGresult* result, int code) {
    const char* value = PQresultErrorField(result, code);
    return value ? value : "";
}

// The server's refusal of a statement, with what the server says about it.
PgError statement_error(const PGresult* result, PGconn* conn, const std::string& target) {
    if (!result) {
        return PgError(DatabaseError::Kind::io,
                       "PostgreSQL register (" + target + "): " + one_line(PQerrorMessage(conn)));
    }
    const std::string state = field(result, PG_DIAG_SQLSTATE);
    std::string message = "PostgreSQL register (" + target + "): " + one_line(PQresultErrorMessage(result));
    if (!state.empty()) message += " [SQLSTATE " + state + "]";
    return PgError(kind_of_sqlstate(state), message, state, field(result, PG_DIAG_CONSTRAINT_NAME));
}

void drop_notice(void*, const char*) {}

}  // namespace

std::string describe_target(const std::string& conninfo) {
    char* error = nullptr;
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(PQconninfoParse(conninfo.c_str(), &error),
                                                                           &PQconninfoFree);
    if (!options) {
        const std::string why = error ? one_line(error) : "not a conninfo";
        PQfreemem(error);
        return "\"" + conninfo + "\" (" + why + ")";
    }
    std::string dbname, host, hostaddr, port, service, user;
    for (auto* o = options.get(); o->keyword; ++o) {
        if (!o->val || !*o->val) continue;
        const std::string_view k = o->keyword;
        if (k == "dbname") dbname = o->val;
        else if (k == "host") host = o->val;
        else if (k == "hostaddr") hostaddr = o->val;
        else if (k == "port") port = o->val;
        else if (k == "service") service = o->val;
        else if (k == "user") user = o->val;
    }
    std::string out = dbname.empty() ? "the default database" : "database " + dbname;
    if (!user.empty()) out += " as " + user;
    if (!service.empty()) out += ", service " + service;
    if (!host.empty() && host.front() == '/') out += " on socket directory " + host;
    else if (!host.empty()) out += " on host " + host;
    else if (!hostaddr.empty()) out += " on host " + hostaddr;
    else if (service.empty()) out += " on the default socket";
    if (!port.empty()) out += ", port " + port;
    return out;
}

Connection::Connection(const std::string& conninfo)
    : conn_(PQconnectdb(conninfo.c_str())), target_(describe_target(conninfo)) {
    if (!conn_) throw PgError(DatabaseError::Kind::io, "PostgreSQL register (" + target_ + "): out of memory");
    if (PQstatus(conn_) != CONNECTION_OK) {
        const std::string why = one_line(PQerrorMessage(conn_));
        PQfinish(conn_);
        throw PgError(DatabaseError::Kind::other, "PostgreSQL register (" + target_ + "): cannot connect: " + why);
    }
    PQsetNoticeProcessor(conn_, &drop_notice, nullptr);
}

Connection::~Connection() { PQfinish(conn_); }

Rows Connection::exec(std::string_view sql, const std::vector<Param>& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) values.push_back(p.text() ? p.text()->c_str() : nullptr);
    const std::string text(sql);
    // Text parameters, text results: the types are the SQL's ($1::date where it
    // needs saying), and every value comes back as PostgreSQL writes it.
    PGresult* result = PQexecParams(conn_, text.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                                    nullptr, nullptr, 0);
    Rows rows(result);
    const auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw statement_error(result, conn_, target_);
    return rows;
}

void Connection::exec_script(std::string_view sql) {
    const std::string text(sql);
    // PQexec runs the statements in one implicit transaction unless they hold
    // their own, and stops at the first error, whose result it returns.
    Rows rows(PQexec(conn_, text.c_str()));
    PGresult* result = rows.result_;
    const auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
        throw statement_error(result, conn_, target_);
}

Rows::~Rows() { PQclear(result_); }

int Rows::size() const { return result_ ? PQntuples(result_) : 0; }

bool Rows::is_null(int row, int column) const { return PQgetisnull(result_, row, column) == 1; }

std::optional<std::string> Rows::get(int row, int column) const {
    if (is_null(row, column)) return std::nullopt;
    return std::string(PQgetvalue(result_, row, column), static_cast<std::size_t>(PQgetlength(result_, row, column)));
}

std::string Rows::text(int row, int column) const { return get(row, column).value_or(""); }

std::int64_t Rows::integer(int row, int column) const {
    const std::string value = text(row, column);
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (is_null(row, column) || ec != std::errc() || end != value.data() + value.size()) {
        throw PgError(DatabaseError::Kind::other,
                      "PostgreSQL register: expected an integer in column " + std::string(PQfname(result_, column)) +
                          ", found " + (is_null(row, column) ? std::string("NULL") : "\"" + value + "\""));
    }
    return n;
}

std::int64_t Rows::affected() const {
    const char* n = PQcmdTuples(result_);
    return (n && *n) ? std::stoll(n) : 0;
}

}  // namespace cemetery::storage::postgresql
