#pragma once
// A register file lives on a disk of this computer, never on a network share.
//
// SQLite's write-ahead log, which lets the desktop and the command line read while
// another program writes, needs memory shared by every program that opens the file:
// programs on two computers share none. And the file locks that keep two writers
// apart are unreliable over NFS and SMB (sqlite.org/wal.html, sqlite.org/useovernet.html):
// two offices writing one file on a share can damage the register, a legal record.
// So a register on a network filesystem is refused when it is opened, with a message
// that says why and names what several offices share instead: a PostgreSQL register
// on a server.
//
// Told by statfs(2)'s filesystem type, without reading the mount table. FUSE
// filesystems are not refused: statfs gives one type for all of them, and a local
// disk (an NTFS stick through ntfs-3g) looks the same as sshfs.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cemetery {

// The network filesystem whose statfs(2) f_type is `magic` ("NFS", "SMB/CIFS", ...);
// none for every other type (a local disk, tmpfs, FUSE).
[[nodiscard]] std::optional<std::string_view> network_filesystem_name(std::uint64_t magic);

// The network filesystem holding `file`, asked of the nearest folder that exists on
// the way up from it (a register being created does not exist yet). None on a local
// disk, and when statfs cannot answer (opening the file then says what is wrong).
[[nodiscard]] std::optional<std::string> network_filesystem_of(const std::filesystem::path& file);

// Throws DatabaseError (Kind::network_filesystem) when `file` is on a network
// filesystem; nothing is opened or created.
void refuse_network_filesystem(const std::filesystem::path& file);

}  // namespace cemetery
