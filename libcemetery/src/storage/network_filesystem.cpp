#include <cemetery/network_filesystem.hpp>

#include <cemetery/storage_error.hpp>

#include <linux/magic.h>
#include <sys/vfs.h>

namespace cemetery {

std::optional<std::string_view> network_filesystem_name(std::uint64_t magic) {
    switch (magic) {
        case NFS_SUPER_MAGIC: return "NFS";
        case SMB_SUPER_MAGIC:
        case CIFS_SUPER_MAGIC:
        case SMB2_SUPER_MAGIC: return "SMB/CIFS";
        case CODA_SUPER_MAGIC: return "Coda";
        case AFS_SUPER_MAGIC:
        case AFS_FS_MAGIC: return "AFS";
        case CEPH_SUPER_MAGIC: return "Ceph";
        default: return std::nullopt;
    }
}

std::optional<std::string> network_filesystem_of(const std::filesystem::path& file) {
    std::error_code ec;
    auto folder = std::filesystem::absolute(file, ec).parent_path();
    if (ec) return std::nullopt;
    while (!std::filesystem::exists(folder, ec) && folder.has_relative_path()) folder = folder.parent_path();
    struct statfs fs {};
    if (::statfs(folder.c_str(), &fs) != 0) return std::nullopt;
    // f_type is signed on some architectures: CIFS's magic would come out negative.
    const auto name = network_filesystem_name(static_cast<std::uint32_t>(fs.f_type));
    if (!name) return std::nullopt;
    return std::string(*name);
}

void refuse_network_filesystem(const std::filesystem::path& file) {
    const auto name = network_filesystem_of(file);
    if (!name) return;
    throw DatabaseError(
        DatabaseError::Kind::network_filesystem,
        file.string() + ": the register is in a network folder (" + *name +
            "), and a register file must be on a disk of this computer: SQLite's write-ahead log does not work "
            "over a network and its file locks are unreliable there, so two programs writing at once could damage "
            "the register (sqlite.org/wal.html, sqlite.org/useovernet.html). Nothing was opened. Keep the file on "
            "a local disk. Several offices sharing one register will need a register on a PostgreSQL server, "
            "which this version cannot open yet");
}

}  // namespace cemetery
