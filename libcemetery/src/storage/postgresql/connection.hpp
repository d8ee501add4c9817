#pragma once
// One connection to a PostgreSQL register, through libpq. Opened from a conninfo
// as libpq takes it: a URI (postgresql://clerk@host/cimitero, postgres://...), a
// service of ~/.pg_service.conf (service=cimitero), or key=value words (host=/run/x
// dbname=y); closed by the destructor. Statements take their values as $1, $2 ...
// parameters, sent apart from the SQL text, never spliced into it.
//
// Errors throw PgError (error.hpp) with the server's message, its SQLSTATE and the
// connection's target (database, host or socket, port; never a password).
//
// Not thread-safe: one connection per thread. The server's notices (NOTICE,
// WARNING) are dropped rather than printed on the program's stderr.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace cemetery::storage::postgresql {

// A value for a $n parameter: text as PostgreSQL reads it, or NULL.
class Param {
public:
    Param(std::nullopt_t) {}
    Param(std::string text) : text_(std::move(text)) {}
    Param(std::string_view text) : text_(std::string(text)) {}
    Param(const char* text) : text_(std::string(text)) {}
    Param(std::int64_t n) : text_(std::to_string(n)) {}
    Param(int n) : text_(std::to_string(n)) {}
    Param(bool b) : text_(b ? "true" : "false") {}
    template <typename T>
    Param(const std::optional<T>& value) {
        if (value) text_ = Param(*value).text_;
    }
    [[nodiscard]] const std::optional<std::string>& text() const { return text_; }

private:
    std::optional<std::string> text_;
};

// The rows a statement returned, as text. Owns the libpq result.
class Rows {
public:
    explicit Rows(pg_result* result) : result_(result) {}
    ~Rows();
    Rows(Rows&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
    Rows& operator=(Rows&&) = delete;
    Rows(const Rows&) = delete;

    [[nodiscard]] int size() const;
    [[nodiscard]] bool empty() const { return size() == 0; }
    [[nodiscard]] bool is_null(int row, int column) const;
    // The value as text; std::nullopt for NULL.
    [[nodiscard]] std::optional<std::string> get(int row, int column) const;
    // The value as text, "" for NULL.
    [[nodiscard]] std::string text(int row, int column) const;
    // The value as an integer. Throws PgError on NULL or text that is not one.
    [[nodiscard]] std::int64_t integer(int row, int column) const;
    // Rows an INSERT, UPDATE or DELETE touched.
    [[nodiscard]] std::int64_t affected() const;

private:
    friend class Connection;
    pg_result* result_;
};

class Connection {
public:
    // Connects. Throws PgError naming the target when the server cannot be
    // reached, refuses the login, or the conninfo is not one.
    explicit Connection(const std::string& conninfo);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // One statement with its parameters.
    Rows exec(std::string_view sql, const std::vector<Param>& params = {});
    // Several statements with no parameters (a migration's script), in one round trip.
    void exec_script(std::string_view sql);

    // "database cimitero on socket /run/postgresql, port 5432": for messages.
    [[nodiscard]] const std::string& target() const { return target_; }

private:
    pg_conn* conn_;
    std::string target_;
};

// What a conninfo points at, for messages: its database, host (or socket
// directory), port and service, without the password. Not a connection attempt.
[[nodiscard]] std::string describe_target(const std::string& conninfo);

}  // namespace cemetery::storage::postgresql
