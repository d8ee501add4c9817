// libFuzzer target: the codice fiscale check on arbitrary text. A code it accepts
// has the check letter it computes.
#include <cemetery/codice_fiscale.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto check = cemetery::check_codice_fiscale(text);
    (void)check.message();
    if (check.ok()) {
        const auto code = cemetery::normalize_codice_fiscale(text);
        if (code.size() != 16) __builtin_trap();
        if (cemetery::codice_fiscale_check_letter(code.substr(0, 15)) != code[15]) __builtin_trap();
    }
    (void)cemetery::codice_fiscale_check_letter(text);
    return 0;
}
