#include "cli/run.hpp"

#include <catch2/catch.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iostream>
#include <iterator>
#include <signal.h>
#include <sstream>
#include <stdexcept>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace test {

namespace {

constexpr unsigned time_limit_seconds = 120;

// A temporary file, open for reading and writing, removed with the object.
class TempFile {
public:
    TempFile() {
        std::string name = (std::filesystem::temp_directory_path() / "cemetery-cli-XXXXXX").string();
        fd_ = ::mkostemp(name.data(), O_CLOEXEC);
        if (fd_ < 0) throw std::runtime_error("mkstemp: " + std::string(std::strerror(errno)));
        path_ = name;
    }
    ~TempFile() {
        ::close(fd_);
        ::unlink(path_.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    [[nodiscard]] int fd() const { return fd_; }

    void write_all(const std::string& bytes) const {
        std::size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) throw std::runtime_error("write: " + std::string(std::strerror(errno)));
            done += static_cast<std::size_t>(n);
        }
        ::lseek(fd_, 0, SEEK_SET);
    }

    [[nodiscard]] std::string read_all() const { return file_bytes(path_).value_or(std::string()); }

private:
    int fd_ = -1;
    std::string path_;
};

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

bool overridden(const char* entry, const CliRun& run) {
    const std::string_view e(entry);
    auto is = [&](std::string_view name) { return e.size() > name.size() && e.starts_with(name) && e[name.size()] == '='; };
    if (is("CEMETERY_DB")) return true;
    if (is("COLUMNS")) return true;  // the program's tables are cut to it: a test sets it itself
    for (const auto& [name, value] : run.env) {
        if (is(name)) return true;
    }
    return false;
}

}  // namespace

std::vector<std::string> CliResult::out_lines() const { return split_lines(out); }
std::vector<std::string> CliResult::err_lines() const { return split_lines(err); }

std::ostream& operator<<(std::ostream& out, const CliResult& result) {
    return out << "exit code " << result.exit_code << "\n--- stdout ---\n"
               << result.out << "--- stderr ---\n"
               << result.err << "--------------";
}

std::filesystem::path cli_path() { return CEMETERY_CLI; }

CliResult run_cli(const CliRun& run) {
    // Everything the child needs is made before fork: after it, only system calls.
    const std::string program = run.program.empty() ? cli_path().string() : run.program.string();
    std::vector<std::string> arg_strings{program};
    arg_strings.insert(arg_strings.end(), run.args.begin(), run.args.end());
    std::vector<char*> argv;
    for (auto& a : arg_strings) argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<std::string> env_strings;
    for (char** e = environ; *e; ++e) {
        if (!overridden(*e, run)) env_strings.emplace_back(*e);
    }
    if (run.db) env_strings.push_back("CEMETERY_DB=" + run.db->string());
    for (const auto& [name, value] : run.env) env_strings.push_back(name + "=" + value);
    std::vector<char*> envp;
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);

    const std::string cwd = run.cwd.string();
    TempFile out, err;
    std::optional<TempFile> in;
    if (run.input) {
        in.emplace();
        in->write_all(*run.input);
    }
    const int in_fd = in ? in->fd() : ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    REQUIRE(in_fd >= 0);

    std::cout.flush();
    std::cerr.flush();
    const pid_t pid = ::fork();
    if (pid < 0) {
        if (!in) ::close(in_fd);
        FAIL("fork: " << std::strerror(errno));
    }
    if (pid == 0) {
        if (::dup2(in_fd, STDIN_FILENO) < 0 || ::dup2(out.fd(), STDOUT_FILENO) < 0 ||
            ::dup2(err.fd(), STDERR_FILENO) < 0) {
            ::_exit(125);
        }
        if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(125);
        ::alarm(time_limit_seconds);  // survives exec: SIGALRM ends a hung program
        ::execvpe(program.c_str(), argv.data(), envp.data());
        ::_exit(127);
    }
    if (!in) ::close(in_fd);

    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) FAIL("waitpid: " << std::strerror(errno));
    }
    CliResult result;
    result.out = out.read_all();
    result.err = err.read_all();
    if (WIFEXITED(status)) {
        result.exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        result.exit_code = 128 + WTERMSIG(status);
        result.err += "\n[killed by signal " + std::to_string(WTERMSIG(status)) + "]\n";
    }
    return result;
}

CliResult cemetery(const std::filesystem::path& db, std::vector<std::string> args) {
    CliRun run;
    run.args = std::move(args);
    run.db = db;
    return run_cli(run);
}

CliResult run_program(const std::string& program, std::vector<std::string> args) {
    CliRun run;
    run.program = program;
    run.args = std::move(args);
    return run_cli(run);
}

std::optional<std::string> file_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const std::filesystem::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    REQUIRE(out);
    out << bytes;
    out.flush();
    REQUIRE(out);
}

}  // namespace test
