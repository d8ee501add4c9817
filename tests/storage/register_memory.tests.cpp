#include "support.hpp"

#include <cemetery/register.hpp>

using namespace cemetery;

TEST_CASE("a register's page cache can be bounded, and not below a floor", "[register_memory]") {
    auto reg = Register::in_memory("test");
    // The library's default keeps a large import in memory.
    CHECK(reg.page_cache_kib() == 64 * 1024);
    SECTION("to what the desktop program asks") {
        reg.limit_page_cache(8 * 1024);
        CHECK(reg.page_cache_kib() == 8 * 1024);
    }
    SECTION("never to nothing") {
        reg.limit_page_cache(0);
        CHECK(reg.page_cache_kib() == 1024);
    }
}
