#pragma once
// Broken infrastructure throws: a database that cannot be opened, is corrupt, is
// locked for too long, or was written by a newer program. Callers show the message
// and stop; nothing has been written.

#include <stdexcept>
#include <string>

namespace cemetery {

class DatabaseError : public std::runtime_error {
public:
    enum class Kind {
        too_new,    // written by a newer program: refused, never "migrated" backwards
        not_a_database,  // corrupt or not a SQLite file
        busy,       // another program holds the write lock beyond the wait
        read_only,  // no permission to write
        io,         // disk full, I/O error
        network_filesystem,  // on a network share (NFS, SMB): refused, see network_filesystem.hpp
        other,
    };
    DatabaseError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    [[nodiscard]] Kind kind() const { return kind_; }

private:
    Kind kind_;
};

}  // namespace cemetery
