#pragma once
// The command line's exit codes, as scripts rely on them.

#include <string>

namespace cli {

enum ExitCode : int {
    done = 0,
    refused = 1,        // refused by the rules; the reason is on stderr
    usage = 2,          // wrong usage
    invalid_input = 3,  // import errors, unknown comune or deed number, bad files
    database = 4,       // locked, corrupt, from a newer program
};

// Thrown by commands to stop with a message and a code.
struct Exit {
    int code;
    std::string message;
};

}  // namespace cli
