// How much memory a register's connection keeps: its page cache.
#include "storage/register_impl.hpp"

#include <SQLiteCpp/Exception.h>

#include <algorithm>
#include <string>

namespace cemetery {

void Register::limit_page_cache(int kib) {
    // Below a few pages SQLite would re-read the B-tree's upper levels at every row.
    constexpr int least_kib = 1024;
    try {
        // Negative: a size in KiB, whatever the page size.
        impl_->db.exec("PRAGMA cache_size = " + std::to_string(-std::max(kib, least_kib)));
        // Pages read through a memory map count as resident too: none.
        impl_->db.exec("PRAGMA mmap_size = 0");
    } catch (const SQLite::Exception& e) {
        throw storage::database_error_from(e, impl_->file.string());
    }
}

int Register::page_cache_kib() const {
    try {
        const int size = impl_->db.sql().execAndGet("PRAGMA cache_size").getInt();
        if (size < 0) return -size;
        // A positive size counts pages.
        return static_cast<int>(static_cast<long long>(size) * impl_->db.sql().execAndGet("PRAGMA page_size").getInt() / 1024);
    } catch (const SQLite::Exception& e) {
        throw storage::database_error_from(e, impl_->file.string());
    }
}

}  // namespace cemetery
