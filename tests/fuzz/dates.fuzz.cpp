// libFuzzer target: the date parsers. Whatever they accept must be a real day that
// prints and parses back to itself.
#include <cemetery/dates.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto d = cemetery::parse_iso_date(text)) {
        if (!d->ok()) __builtin_trap();
        if (cemetery::parse_iso_date(cemetery::to_iso(*d)) != d) __builtin_trap();
        (void)cemetery::add_years(*d, 99);
    }
    if (auto d = cemetery::parse_register_date(text)) {
        if (!d->ok()) __builtin_trap();
        if (cemetery::parse_register_date(cemetery::to_italian(*d)) != d) __builtin_trap();
    }
    return 0;
}
