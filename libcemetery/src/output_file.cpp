#include <cemetery/backup.hpp>
#include <cemetery/output_file.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cemetery {

namespace fs = std::filesystem;

namespace {

// The path as the file system will resolve it: absolute, "." and ".." gone, and the
// symbolic links of its existing part followed.
fs::path resolved(const fs::path& p) {
    std::error_code ec;
    fs::path absolute = fs::absolute(p, ec);
    if (ec) absolute = p;
    fs::path out = fs::weakly_canonical(absolute, ec);
    return ec ? absolute.lexically_normal() : out;
}

bool inside(const fs::path& file, const fs::path& folder) {
    const auto rel = file.lexically_relative(folder);
    return !rel.empty() && *rel.begin() != ".." && rel != ".";
}

std::string errno_text() { return std::strerror(errno); }

void sync_folder_of(const fs::path& file) {
    const fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;  // the file is in place; a folder that cannot be synced is not worth failing for
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

ProtectedFiles ProtectedFiles::of_register(const fs::path& register_file) {
    ProtectedFiles out;
    if (register_file.empty() || register_file == ":memory:") return out;
    // SQLite names its side files after the path it was given; resolving the
    // register's own links may name them differently: keep both spellings.
    const fs::path folder = register_file.parent_path().empty() ? fs::path(".") : register_file.parent_path();
    for (const fs::path& base : {resolved(register_file), resolved(folder) / register_file.filename()}) {
        out.files_.push_back({base, "the register"});
        out.files_.push_back({fs::path(base.string() + "-wal"), "the register's write-ahead log"});
        out.files_.push_back({fs::path(base.string() + "-shm"), "the register's shared-memory file"});
        out.files_.push_back({fs::path(base.string() + "-journal"), "the register's journal"});
    }
    out.folders_.push_back(resolved(backup_directory(register_file)));
    return out;
}

ProtectedFiles& ProtectedFiles::also(const fs::path& file, std::string what) {
    files_.push_back({resolved(file), std::move(what)});
    return *this;
}

std::optional<std::string> ProtectedFiles::refusal(const fs::path& target) const {
    const fs::path t = resolved(target);
    std::error_code ec;
    const bool exists = fs::exists(t, ec);
    for (const auto& f : files_) {
        // The same path, or the same file by another name (a hard link).
        if (t == f.path || (exists && fs::exists(f.path, ec) && fs::equivalent(t, f.path, ec))) {
            return target.string() + ": this is " + f.what + " (" + f.path.string() + "): it is never written over";
        }
    }
    for (const auto& folder : folders_) {
        if (inside(t, folder)) {
            return target.string() + ": this is in the register's copies folder (" + folder.string() +
                   "): those copies are never written over";
        }
    }
    return std::nullopt;
}

std::optional<std::string> output_refusal(const fs::path& target, const ProtectedFiles& protect, Overwrite overwrite) {
    if (target.empty()) return std::string("no file name given");
    if (auto refused = protect.refusal(target)) return refused;
    std::error_code ec;
    const auto status = fs::status(target, ec);
    if (fs::is_directory(status)) return target.string() + ": this is a folder; give a file name";
    const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    if (!fs::is_directory(folder, ec)) return target.string() + ": the folder " + folder.string() + " does not exist";
    if (fs::exists(status) && overwrite == Overwrite::refuse) {
        return target.string() + ": the file already exists and was left as it is";
    }
    return std::nullopt;
}

TemporaryBeside::TemporaryBeside(const fs::path& target) {
    const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::string name = (parent / ("." + target.filename().string() + ".part.XXXXXX")).string();
    // mkdtemp makes the folder with mode 0700, whatever the umask.
    if (!::mkdtemp(name.data())) {
        throw OutputRefused(target.string() + ": cannot write in the folder " + parent.string() + " (" +
                            errno_text() + ")");
    }
    folder_ = name;
    file_ = folder_ / target.filename();
    const int fd = ::open(file_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        const std::string why = errno_text();
        std::error_code ignored;
        fs::remove_all(folder_, ignored);
        throw OutputRefused(target.string() + ": cannot write in the folder " + parent.string() + " (" + why + ")");
    }
    ::close(fd);
}

TemporaryBeside::~TemporaryBeside() {
    std::error_code ignored;
    fs::remove_all(folder_, ignored);
}

void TemporaryBeside::place(const fs::path& target, Overwrite overwrite) {
    const int fd = ::open(file_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fchmod(fd, 0600) != 0 || ::fsync(fd) != 0) {
        const std::string why = errno_text();
        if (fd >= 0) ::close(fd);
        throw OutputRefused(target.string() + ": could not be written to disk (" + why + ")");
    }
    ::close(fd);
    int rc = 0;
    if (overwrite == Overwrite::allow) {
        rc = std::rename(file_.c_str(), target.c_str());
    } else {
        // Never over a file that appeared since the check.
        rc = ::renameat2(AT_FDCWD, file_.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE);
        if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
            // A file system without the flag (some network ones): check, then rename.
            std::error_code ec;
            if (fs::exists(target, ec)) {
                errno = EEXIST;
            } else {
                rc = std::rename(file_.c_str(), target.c_str());
            }
        }
    }
    if (rc != 0) {
        const std::string why = errno == EEXIST ? std::string("the file already exists and was left as it is")
                                                : "cannot be written (" + errno_text() + ")";
        throw OutputRefused(target.string() + ": " + why);
    }
    sync_folder_of(target);
}

namespace {
// The target, once output_refusal has nothing against it: checked before the
// temporary folder is made beside it.
const fs::path& checked(const fs::path& target, const ProtectedFiles& protect, Overwrite overwrite) {
    if (auto refused = output_refusal(target, protect, overwrite)) throw OutputRefused(*refused);
    return target;
}
}  // namespace

OutputFile::OutputFile(fs::path target, const ProtectedFiles& protect, Overwrite overwrite)
    : target_(std::move(target)), overwrite_(overwrite), temporary_(checked(target_, protect, overwrite_)) {}

}  // namespace cemetery
