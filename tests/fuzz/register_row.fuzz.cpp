// libFuzzer target: a register export read end to end as the import reads it: its
// encoding scanned, the CSV reader, the header and every row parsed (against a
// fixed today) and printed.
#include <cemetery/csv.hpp>
#include <cemetery/encoding.hpp>
#include <cemetery/register_row.hpp>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    (void)cemetery::scan_encoding(bytes, {.max_stray_lines = 3});
    std::istringstream in(bytes);
    const cemetery::FutureLimit today{date::year{2026} / 12 / 2, 1};
    cemetery::CsvReader reader(in, ';', 4096);
    std::vector<std::string> fields;
    try {
        if (!reader.next(fields)) return 0;
        const auto header = cemetery::parse_register_header(fields);
        if (!header.ok()) return 0;
        for (int rows = 0; rows < 64 && reader.next(fields); ++rows) {
            const auto row = cemetery::parse_register_row(header.header, fields, reader.line(), today);
            for (const auto& e : row.errors) (void)cemetery::to_string(e);
        }
    } catch (const cemetery::CsvError&) {
    }
    return 0;
}
