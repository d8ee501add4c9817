// libFuzzer target: the regulation loader on arbitrary text. A bad file must come
// back as a value naming its line, never as a crash or an exception.
#include <cemetery/regulation_loader.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto load = cemetery::parse_regulation(text, "fuzz.toml");
    if (load.regulation.has_value() == load.error.has_value()) __builtin_trap();
    if (load.error) (void)load.error->to_string();
    return 0;
}
