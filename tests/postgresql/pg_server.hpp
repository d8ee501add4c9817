#pragma once
// A throw-away PostgreSQL server for the tests: no test depends on a cluster
// already running on the machine.
//
// server() starts one per test program, the first time a test asks, and stops it
// when the program ends (pg_ctl stop -m immediate), removing its directory: its
// own cemetery-pg.XXXXXX under /dev/shm (in memory), or else /tmp. initdb there;
// the server listens on no TCP address, only on a Unix socket in that directory;
// fsync off. Run as root (CI), initdb and the server run as `nobody`, since initdb
// refuses root; the directory is nobody's. The programs come from
// $CEMETERY_PG_BINDIR when set, else `pg_config --bindir` or
// /usr/lib/postgresql/*/bin (scripts/install-deps installs them); none found, the
// tests fail saying so. A directory left by a test program that died is
// removed, its server stopped, by the next.
//
// Each test takes a database of its own (fresh_database()), so that tests do not
// see each other's rows; the server is shared. Failures throw std::runtime_error
// saying what is missing or what the server said.

#include <filesystem>
#include <string>

namespace test::pg {

class Server {
public:
    Server();
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // A conninfo for `database` on this server, as its superuser.
    [[nodiscard]] std::string conninfo(const std::string& database = "postgres") const;
    [[nodiscard]] const std::filesystem::path& socket_directory() const { return dir_; }
    [[nodiscard]] int port() const { return port_; }
    // How long initdb and the start took, in seconds.
    [[nodiscard]] double startup_seconds() const { return startup_seconds_; }

private:
    void start();  // initdb, pg_ctl start
    void stop() noexcept;

    std::filesystem::path bin_;
    std::filesystem::path dir_;
    int port_ = 0;
    double startup_seconds_ = 0;
};

// The test program's server, started on first use.
Server& server();

// A new, empty database on it (t_1, t_2, ...): its conninfo.
std::string fresh_database();

}  // namespace test::pg
