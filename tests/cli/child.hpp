#pragma once
// A `cemetery` process started in the background, for the tests that need two
// programs at once, a limit on the files it may write, or a kill at a chosen moment.
// Unlike run_cli() it uses no Catch2 (the crash harness is a plain program): errors
// of the test machinery throw std::runtime_error. The destructor kills and reaps a
// child still running.

#include <filesystem>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace test {

struct ChildOptions {
    std::filesystem::path program;           // the program to run (an absolute path)
    std::vector<std::string> args;           // after the program's name
    std::optional<std::filesystem::path> db; // $CEMETERY_DB
    std::optional<long long> max_file_bytes; // RLIMIT_FSIZE, with SIGXFSZ ignored: a disk that fills up
};

struct ChildExit {
    int exit_code = -1;  // 128 + signal when killed
    std::string out, err;
};

class Child {
public:
    explicit Child(const ChildOptions& options);
    ~Child();
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    [[nodiscard]] pid_t pid() const { return pid_; }
    // Sends a signal (SIGKILL, say) if still running.
    void signal(int sig) const;
    // Waits for the end; reads what it printed.
    ChildExit wait();
    // Whether it has ended (then wait() returns at once).
    bool ended();

private:
    pid_t pid_ = -1;
    std::filesystem::path out_, err_;
    bool reaped_ = false;
    int status_ = 0;
};

}  // namespace test
