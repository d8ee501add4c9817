// libFuzzer target: the CSV reader on arbitrary bytes, with each separator and a
// small record limit so that the "record too long" path is reached too.
#include <cemetery/csv.hpp>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    // The first byte picks the separator and the limit; the rest is the file.
    const char separators[] = {',', ';', '\t'};
    const char separator = separators[data[0] % 3];
    const std::size_t limit = (data[0] & 0x80) ? 64 : cemetery::CsvReader::default_max_record_bytes;
    std::istringstream in(std::string(reinterpret_cast<const char*>(data + 1), size - 1));
    cemetery::CsvReader reader(in, separator, limit);
    std::vector<std::string> fields;
    try {
        std::size_t previous_line = 0;
        while (reader.next(fields)) {
            // Lines only move forward.
            if (reader.line() < previous_line) __builtin_trap();
            previous_line = reader.line();
        }
    } catch (const cemetery::CsvError&) {
        // A broken file is an expected outcome; after it the reader stays at the end.
        if (reader.next(fields)) __builtin_trap();
    }
    return 0;
}
