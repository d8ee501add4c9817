// A register on a network share is refused: SQLite's write-ahead log and its locks
// do not work over a network. Told by statfs(2)'s filesystem type; no network mount
// is needed to test the classification, and a local folder must pass.
#include "support.hpp"

#include <cemetery/network_filesystem.hpp>
#include <cemetery/register.hpp>

#include <linux/magic.h>

using cemetery::network_filesystem_name;
using cemetery::network_filesystem_of;

TEST_CASE("NFS, SMB, CIFS and SMB2 shares are network filesystems", "[network_filesystem]") {
    CHECK(network_filesystem_name(0x6969) == "NFS");
    CHECK(network_filesystem_name(NFS_SUPER_MAGIC) == "NFS");
    CHECK(network_filesystem_name(0x517B) == "SMB/CIFS");
    CHECK(network_filesystem_name(0xFF534D42) == "SMB/CIFS");
    CHECK(network_filesystem_name(0xFE534D42) == "SMB/CIFS");
    CHECK(network_filesystem_name(CODA_SUPER_MAGIC) == "Coda");
    CHECK(network_filesystem_name(AFS_SUPER_MAGIC) == "AFS");
    CHECK(network_filesystem_name(CEPH_SUPER_MAGIC) == "Ceph");
}

TEST_CASE("local disks, tmpfs and FUSE are not network filesystems", "[network_filesystem]") {
    CHECK_FALSE(network_filesystem_name(EXT4_SUPER_MAGIC));
    CHECK_FALSE(network_filesystem_name(BTRFS_SUPER_MAGIC));
    CHECK_FALSE(network_filesystem_name(XFS_SUPER_MAGIC));
    CHECK_FALSE(network_filesystem_name(TMPFS_MAGIC));
    CHECK_FALSE(network_filesystem_name(MSDOS_SUPER_MAGIC));
    CHECK_FALSE(network_filesystem_name(OVERLAYFS_SUPER_MAGIC));
    // One type for every FUSE filesystem: an NTFS stick looks like sshfs.
    CHECK_FALSE(network_filesystem_name(FUSE_SUPER_MAGIC));
    CHECK_FALSE(network_filesystem_name(0));
}

TEST_CASE("a register in a local temporary folder is opened, and one still to be made there too",
          "[network_filesystem]") {
    test::TempDir dir;
    CHECK_FALSE(network_filesystem_of(dir.file("registro.sqlite")));
    // The file, and folders on its way, need not exist yet (cemetery init).
    CHECK_FALSE(network_filesystem_of(dir.path() / "nuova" / "cartella" / "registro.sqlite"));
    CHECK_FALSE(network_filesystem_of("registro.sqlite"));  // relative: the working folder
    CHECK_NOTHROW(cemetery::refuse_network_filesystem(dir.file("registro.sqlite")));
    auto reg = cemetery::Register::open(dir.file("registro.sqlite"));
    CHECK(std::filesystem::exists(dir.file("registro.sqlite")));
}
