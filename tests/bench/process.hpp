#pragma once
// Runs another program as a user would, and measures it: wall time from fork to
// exit, and its peak resident memory as the kernel reports it (wait4).

#include <string>
#include <vector>

namespace bench {

struct ProcessRun {
    int exit_code = -1;        // 128 + signal when killed
    double seconds = 0;        // wall clock, fork to reaped
    long peak_rss_kib = 0;     // ru_maxrss of the child (and the children it waited for)
    std::string out;           // what it wrote on stdout
    std::string err;           // the first few KiB of stderr, for error messages
};

// argv[0] is looked up in PATH. stdout and stderr are captured (never the
// terminal), stdin is /dev/null.
ProcessRun run_process(const std::vector<std::string>& argv);

// Throws std::runtime_error naming the command when it does not exit with 0.
ProcessRun run_checked(const std::vector<std::string>& argv);

}  // namespace bench
