// libFuzzer target: a register export read end to end as the import reads it: the
// CSV reader, the header and every row parsed and printed.
#include <cemetery/csv.hpp>
#include <cemetery/register_row.hpp>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    cemetery::CsvReader reader(in, ';', 4096);
    std::vector<std::string> fields;
    try {
        if (!reader.next(fields)) return 0;
        const auto header = cemetery::parse_register_header(fields);
        if (!header.ok()) return 0;
        for (int rows = 0; rows < 64 && reader.next(fields); ++rows) {
            const auto row = cemetery::parse_register_row(header.header, fields, reader.line());
            for (const auto& e : row.errors) (void)cemetery::to_string(e);
        }
    } catch (const cemetery::CsvError&) {
    }
    return 0;
}
