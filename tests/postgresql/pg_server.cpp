#include "postgresql/pg_server.hpp"

#include "storage/postgresql/connection.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <vector>

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace test::pg {

namespace {

constexpr const char* dir_prefix = "cemetery-pg.";
constexpr const char* owner_file = "harness.pid";  // the test program's pid

struct Account {
    uid_t uid;
    gid_t gid;
};

// Whom the server runs as: the caller, or `nobody` when the caller is root.
std::optional<Account> unprivileged_account() {
    if (geteuid() != 0) return std::nullopt;
    const passwd* pw = getpwnam("nobody");
    if (!pw) throw std::runtime_error("running as root, and there is no user 'nobody' to run PostgreSQL as");
    return Account{pw->pw_uid, pw->pw_gid};
}

std::string read_text(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs `program` with `args`, output to `log`, as `as` when given; true when it exits 0.
bool run(const fs::path& program, const std::vector<std::string>& args, const fs::path& log,
         const std::optional<Account>& as) {
    std::vector<char*> argv;
    std::string name = program.string();
    argv.push_back(name.data());
    std::vector<std::string> copies(args);
    for (auto& a : copies) argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        // The account first: the log is the server's too (pg_ctl -l), written as it.
        if (as && (setgroups(0, nullptr) != 0 || setgid(as->gid) != 0 || setuid(as->uid) != 0)) _exit(126);
        const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
            close(fd);
        }
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::string command_output(const std::string& command) {
    std::unique_ptr<FILE, decltype(&pclose)> pipe(popen(command.c_str(), "r"), &pclose);
    if (!pipe) return {};
    std::string out;
    char buffer[512];
    while (fgets(buffer, sizeof buffer, pipe.get())) out += buffer;
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

bool has_server_programs(const fs::path& bin) {
    return fs::exists(bin / "initdb") && fs::exists(bin / "pg_ctl") && fs::exists(bin / "postgres");
}

// Debian keeps the server's programs out of PATH, in /usr/lib/postgresql/<version>/bin.
fs::path server_programs() {
    if (const char* given = std::getenv("CEMETERY_PG_BINDIR")) {
        if (has_server_programs(given)) return given;
        throw std::runtime_error(std::string("CEMETERY_PG_BINDIR=") + given +
                                 " holds no initdb, pg_ctl and postgres: scripts/install-deps installs them");
    }
    if (const fs::path bin = command_output("pg_config --bindir 2>/dev/null"); !bin.empty() && has_server_programs(bin))
        return bin;
    fs::path best;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator("/usr/lib/postgresql", ec)) {
        if (has_server_programs(e.path() / "bin") && (best.empty() || e.path().filename() > best.parent_path().filename()))
            best = e.path() / "bin";
    }
    if (best.empty()) {
        throw std::runtime_error(
            "PostgreSQL's server programs (initdb, pg_ctl, postgres) were not found (pg_config --bindir, "
            "/usr/lib/postgresql/*/bin): scripts/install-deps installs them (postgresql, libpq-dev)");
    }
    return best;
}

// Where servers live: in memory (/dev/shm, tmpfs) where there is one, where making
// a database takes a sixth of the time it takes on disk; else /tmp. Not $TMPDIR:
// nobody must reach it, and a socket's path must stay short.
fs::path server_parent() {
    std::error_code ec;
    if (fs::is_directory("/dev/shm", ec) && access("/dev/shm", W_OK | X_OK) == 0) return "/dev/shm";
    return "/tmp";
}

bool process_alive(pid_t pid) { return pid > 0 && (kill(pid, 0) == 0 || errno == EPERM); }

// A directory left by a test program that died: its server stopped, the directory removed.
void remove_leftovers(const fs::path& bin, const std::optional<Account>& as) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(server_parent(), ec)) {
        if (e.path().filename().string().rfind(dir_prefix, 0) != 0) continue;
        const std::string owner = read_text(e.path() / owner_file);
        if (owner.empty() || process_alive(static_cast<pid_t>(std::atol(owner.c_str())))) continue;
        if (fs::exists(e.path() / "data" / "postmaster.pid")) {
            run(bin / "pg_ctl", {"-D", (e.path() / "data").string(), "-m", "immediate", "-s", "-w", "stop"},
                "/dev/null", as);
        }
        fs::remove_all(e.path(), ec);
    }
}

std::string tail_of(const fs::path& log) {
    std::string text = read_text(log);
    if (text.size() > 2000) text = "..." + text.substr(text.size() - 2000);
    return text;
}

}  // namespace

Server::Server() {
    const auto started = std::chrono::steady_clock::now();
    bin_ = server_programs();
    const auto as = unprivileged_account();
    remove_leftovers(bin_, as);

    std::string pattern = (server_parent() / dir_prefix).string() + "XXXXXX";
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot make a directory for PostgreSQL: " + pattern);
    dir_ = pattern;
    std::ofstream(dir_ / owner_file) << getpid() << '\n';
    if (as && chown(dir_.c_str(), as->uid, as->gid) != 0)
        throw std::runtime_error("cannot give " + dir_.string() + " to the user nobody");
    // The socket's name carries the port; the directory is ours alone, so any
    // number will do: the program's pid keeps two servers' logs apart when read.
    port_ = 50000 + static_cast<int>(getpid() % 10000);

    try {
        start();
    } catch (...) {
        stop();
        throw;
    }
    startup_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

void Server::start() {
    const auto as = unprivileged_account();
    const fs::path data = dir_ / "data";
    const fs::path log = dir_ / "server.log";
    if (!run(bin_ / "initdb",
             {"-D", data.string(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
              "--no-instructions"},
             log, as)) {
        throw std::runtime_error("initdb failed in " + dir_.string() + ":\n" + tail_of(log));
    }
    const std::string options = "-c listen_addresses='' -c unix_socket_directories='" + dir_.string() +
                                "' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -p " +
                                std::to_string(port_);
    if (!run(bin_ / "pg_ctl", {"-D", data.string(), "-l", log.string(), "-o", options, "-w", "-s", "start"}, log,
             as)) {
        throw std::runtime_error("pg_ctl start failed in " + dir_.string() + ":\n" + tail_of(log));
    }
}

Server::~Server() { stop(); }

void Server::stop() noexcept {
    try {
        if (fs::exists(dir_ / "data" / "postmaster.pid")) {
            run(bin_ / "pg_ctl", {"-D", (dir_ / "data").string(), "-m", "immediate", "-s", "-w", "stop"},
                "/dev/null", unprivileged_account());
        }
    } catch (...) {
        // Stopped or not, the directory goes; a server left running is stopped by
        // the next test program (remove_leftovers).
    }
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

std::string Server::conninfo(const std::string& database) const {
    return "host=" + dir_.string() + " port=" + std::to_string(port_) + " user=postgres dbname=" + database;
}

Server& server() {
    static Server the_server;
    return the_server;
}

std::string fresh_database() {
    static int count = 0;
    const std::string name = "t_" + std::to_string(++count);
    cemetery::storage::postgresql::Connection admin(server().conninfo());
    admin.exec("CREATE DATABASE " + name);
    return server().conninfo(name);
}

}  // namespace test::pg
