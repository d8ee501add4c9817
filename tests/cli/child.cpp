#include "cli/child.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace test {

namespace {

std::filesystem::path temp_name(const char* what) {
    std::string name = (std::filesystem::temp_directory_path() / (std::string("cemetery-") + what + "-XXXXXX")).string();
    const int fd = ::mkstemp(name.data());
    if (fd < 0) throw std::runtime_error("mkstemp: " + std::string(std::strerror(errno)));
    ::close(fd);
    return name;
}

std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

Child::Child(const ChildOptions& options) : out_(temp_name("out")), err_(temp_name("err")) {
    // Everything the child needs is made before fork: after it, only system calls.
    std::vector<std::string> arg_strings{options.program.string()};
    arg_strings.insert(arg_strings.end(), options.args.begin(), options.args.end());
    std::vector<char*> argv;
    for (auto& a : arg_strings) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_strings;
    for (char** e = environ; *e; ++e) {
        if (std::strncmp(*e, "CEMETERY_DB=", 12) != 0) env_strings.emplace_back(*e);
    }
    if (options.db) env_strings.push_back("CEMETERY_DB=" + options.db->string());
    std::vector<char*> envp;
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);
    const int in_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    const int out_fd = ::open(out_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    const int err_fd = ::open(err_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (in_fd < 0 || out_fd < 0 || err_fd < 0) throw std::runtime_error("cannot open the child's streams");
    const std::optional<long long> limit = options.max_file_bytes;

    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork: " + std::string(std::strerror(errno)));
    if (pid_ == 0) {
        if (::dup2(in_fd, STDIN_FILENO) < 0 || ::dup2(out_fd, STDOUT_FILENO) < 0 || ::dup2(err_fd, STDERR_FILENO) < 0) {
            ::_exit(125);
        }
        if (limit) {
            // Writes past the limit fail with EFBIG instead of killing the program,
            // as a full disk fails them with ENOSPC. Both survive exec.
            ::signal(SIGXFSZ, SIG_IGN);
            rlimit r{static_cast<rlim_t>(*limit), static_cast<rlim_t>(*limit)};
            if (::setrlimit(RLIMIT_FSIZE, &r) != 0) ::_exit(125);
        }
        ::alarm(300);  // a hung program ends instead of hanging the suite
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(in_fd);
    ::close(out_fd);
    ::close(err_fd);
}

Child::~Child() {
    if (!reaped_ && pid_ > 0) {
        ::kill(pid_, SIGKILL);
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
    }
    std::error_code ignored;
    std::filesystem::remove(out_, ignored);
    std::filesystem::remove(err_, ignored);
}

void Child::signal(int sig) const {
    if (!reaped_ && pid_ > 0) ::kill(pid_, sig);
}

bool Child::ended() {
    if (reaped_) return true;
    const pid_t done = ::waitpid(pid_, &status_, WNOHANG);
    if (done < 0 && errno != EINTR) throw std::runtime_error("waitpid: " + std::string(std::strerror(errno)));
    reaped_ = done == pid_;
    return reaped_;
}

ChildExit Child::wait() {
    ChildExit result;
    while (!reaped_ && ::waitpid(pid_, &status_, 0) < 0) {
        if (errno != EINTR) throw std::runtime_error("waitpid: " + std::string(std::strerror(errno)));
    }
    reaped_ = true;
    const int status = status_;
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.exit_code = 128 + WTERMSIG(status);
    result.out = slurp(out_);
    result.err = slurp(err_);
    return result;
}

}  // namespace test
