#include "support.hpp"

#include <cemetery/csv.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using cemetery::CsvError;
using cemetery::CsvReader;
using cemetery::CsvWriter;

namespace {

using Record = std::vector<std::string>;

// Every record of text, with the line each one started on.
std::vector<std::pair<std::size_t, Record>> read_all(
    const std::string& text, char separator = ';', std::size_t limit = CsvReader::default_max_record_bytes) {
    std::istringstream in{text};
    CsvReader reader{in, separator, limit};
    std::vector<std::pair<std::size_t, Record>> out;
    Record fields;
    while (reader.next(fields)) out.emplace_back(reader.line(), fields);
    return out;
}

std::vector<Record> records(const std::string& text, char separator = ';') {
    std::vector<Record> out;
    for (auto& [line, r] : read_all(text, separator)) out.push_back(r);
    return out;
}

std::string write_all(const std::vector<Record>& rows, char separator = ',') {
    std::ostringstream out;
    CsvWriter writer{out, separator};
    for (const auto& r : rows) writer.row(r);
    return out.str();
}

}  // namespace

TEST_CASE("a record splits on the separator and keeps empty fields", "[csv]") {
    CHECK(records("a;b;c\n") == std::vector<Record>{{"a", "b", "c"}});
    CHECK(records(";x;;\n") == std::vector<Record>{{"", "x", "", ""}});
    CHECK(records("a,b;c\n", ',') == std::vector<Record>{{"a", "b;c"}});
    CHECK(records("a\tb\n", '\t') == std::vector<Record>{{"a", "b"}});
}

TEST_CASE("a quoted field keeps its doubled quotes and separators", "[csv]") {
    CHECK(records("1;\"Giovanni \"\"Nanni\"\"\";3\r\n") ==
          std::vector<Record>{{"1", "Giovanni \"Nanni\"", "3"}});
    CHECK(records("\"a;b\";\"\"\n") == std::vector<Record>{{"a;b", ""}});
    CHECK(records("\"\"\"\"\n") == std::vector<Record>{{"\""}});
}

TEST_CASE("a line break inside quotes stays in the field and later records keep their line numbers",
          "[csv]") {
    const auto all =
        read_all("h1;h2\r\n\"Via Roma 1\r\nLiscate\";x\r\nnext;row\r\n\"a\nb\nc\";y\nlast;one\n");
    REQUIRE(all.size() == 5);
    CHECK(all[0].first == 1);
    CHECK(all[1].first == 2);
    CHECK(all[1].second == Record{"Via Roma 1\r\nLiscate", "x"});
    CHECK(all[2].first == 4);
    CHECK(all[2].second == Record{"next", "row"});
    CHECK(all[3].first == 5);
    CHECK(all[3].second == Record{"a\nb\nc", "y"});
    CHECK(all[4].first == 8);
}

TEST_CASE("CRLF, LF and a lone CR all end a record", "[csv]") {
    const std::vector<Record> expected{{"a", "b"}, {"c", "d"}, {"e", "f"}, {"g", "h"}};
    CHECK(records("a;b\r\nc;d\r\ne;f\r\ng;h\r\n") == expected);
    CHECK(records("a;b\nc;d\ne;f\ng;h\n") == expected);
    CHECK(records("a;b\rc;d\re;f\rg;h\r") == expected);
    const auto mixed = read_all("a;b\r\nc;d\ne;f\rg;h");
    REQUIRE(mixed.size() == 4);
    CHECK(mixed[3].first == 4);
    CHECK(mixed[3].second == Record{"g", "h"});
}

TEST_CASE("the last record needs no line break at the end of the file", "[csv]") {
    CHECK(records("a;b\nc;d") == std::vector<Record>{{"a", "b"}, {"c", "d"}});
    CHECK(records("a;\"b\"") == std::vector<Record>{{"a", "b"}});
    CHECK(records("a;") == std::vector<Record>{{"a", ""}});
    CHECK(records("").empty());
}

TEST_CASE("a UTF-8 byte order mark at the start of the file is skipped", "[csv]") {
    CHECK(records("\xEF\xBB\xBF"
                  "Comune;Tipo\r\n") == std::vector<Record>{{"Comune", "Tipo"}});
    CHECK(records("\xEF\xBB\xBF").empty());
    // Only at the start: elsewhere it is data.
    CHECK(records("a\n\xEF\xBB\xBF"
                  "b\n") == std::vector<Record>{{"a"},
                                                {"\xEF\xBB\xBF"
                                                 "b"}});
}

TEST_CASE("blank lines are skipped and do not disturb line numbers", "[csv]") {
    const auto all = read_all("\r\na;b\r\n\r\n\r\nc;d\r\n\r\n");
    REQUIRE(all.size() == 2);
    CHECK(all[0].first == 2);
    CHECK(all[1].first == 5);
}

TEST_CASE("a quote opens a quoted field only at its start", "[csv]") {
    CHECK(records("D'Adda;5\" x;  \"a;b\"  \n") == std::vector<Record>{{"D'Adda", "5\" x", "a;b  "}});
    CHECK(records("\"ab\"c;d\n") == std::vector<Record>{{"abc", "d"}});
}

TEST_CASE("a field longer than the limit is rejected with the line it is on", "[csv]") {
    const std::string huge(2u << 20, 'x');  // 2 MiB
    const std::string text = "Comune;Note\r\nLiscate;ok\r\nLiscate;" + huge + "\r\nLiscate;after\r\n";
    std::istringstream in{text};
    CsvReader reader{in, ';'};
    Record fields;
    REQUIRE(reader.next(fields));
    REQUIRE(reader.next(fields));
    try {
        (void)reader.next(fields);
        FAIL("no CsvError");
    } catch (const CsvError& e) {
        CHECK(e.line() == 3);
        CHECK_THAT(e.what(),
                   Catch::Matchers::StartsWith("line 3: record longer than the limit of 1048576 bytes"));
    }
    // The reader stops instead of guessing where the next record starts.
    CHECK_FALSE(reader.next(fields));
}

TEST_CASE("the record limit is the reader's constructor argument", "[csv]") {
    CHECK(read_all("abcdefghij\n", ';', 10).size() == 1);
    CHECK_THROWS_AS(read_all("abcdefghijk\n", ';', 10), CsvError);
    CHECK_THROWS_AS(read_all("abcde;fghij\n", ';', 10), CsvError);  // separators count too
    CHECK_THROWS_AS(read_all("ok\n\"abc\ndefghij\"\n", ';', 10), CsvError);
}

TEST_CASE("a quote left open at the end of the file is an error at the line it opened", "[csv]") {
    std::istringstream in{"a;b\r\nc;\"Viganò\r\nd;e\r\n"};
    CsvReader reader{in, ';'};
    Record fields;
    REQUIRE(reader.next(fields));
    try {
        (void)reader.next(fields);
        FAIL("no CsvError");
    } catch (const CsvError& e) {
        CHECK(e.line() == 2);
        CHECK_THAT(e.what(), Catch::Matchers::Contains("not closed"));
    }
    CHECK_FALSE(reader.next(fields));
    CHECK_THROWS_AS(read_all("\""), CsvError);
}

TEST_CASE("records crossing the reader's internal blocks come out whole", "[csv]") {
    // Enough text for several blocks, with quotes, doubled quotes and line breaks
    // landing on every possible offset of a block boundary.
    std::vector<Record> rows;
    for (int i = 0; i < 20000; ++i) {
        const std::string n = std::to_string(i);
        rows.push_back({n, "Sironi \"" + n + "\"", std::string(static_cast<std::size_t>(i % 37), 'a'),
                        "Via\r\nRoma " + n, i % 3 ? "" : "x;y"});
    }
    const std::string text = write_all(rows, ';');
    REQUIRE(text.size() > 4 * 256 * 1024);
    const auto all = read_all(text);
    REQUIRE(all.size() == rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        REQUIRE(all[i].second == rows[i]);
        REQUIRE(all[i].first == 1 + 2 * i);
    }
}

TEST_CASE("a separator that is a quote or a line break is refused", "[csv]") {
    std::istringstream in{"x"};
    std::ostringstream out;
    CHECK_THROWS_AS(CsvReader(in, '"'), std::invalid_argument);
    CHECK_THROWS_AS(CsvReader(in, '\n'), std::invalid_argument);
    CHECK_THROWS_AS(CsvWriter(out, '\r'), std::invalid_argument);
}

TEST_CASE("the writer quotes only the fields that need it and ends lines with CRLF", "[csv]") {
    CHECK(write_all({{"a", "b c", "D'Adda"}}) == "a,b c,D'Adda\r\n");
    CHECK(write_all({{"a,b", "say \"hi\"", "two\nlines", "cr\r"}}) ==
          "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\"\r\n");
    CHECK(write_all({{" lead", "trail ", "tab\t"}}) == "\" lead\",\"trail \",\"tab\t\"\r\n");
    CHECK(write_all({{"a;b", "c,d"}}, ';') == "\"a;b\";c,d\r\n");
    CHECK(write_all({{"", ""}}) == ",\r\n");
}

TEST_CASE("a record of one empty field is written so that it is not read as a blank line", "[csv]") {
    const std::string text = write_all({{"a"}, {""}, {"b"}});
    CHECK(text == "a\r\n\"\"\r\nb\r\n");
    CHECK(records(text, ',') == std::vector<Record>{{"a"}, {""}, {"b"}});
}

TEST_CASE("what the writer writes the reader reads back unchanged", "[csv]") {
    const std::vector<Record> rows{
        {"Comune", "Defunto_Nome", "Note"},
        {"Liscate", "Giovanni \"Nanni\"", "line one\r\nline two"},
        {"Pozzuolo Martesana", "  spaced  ", "a;b,c\td"},
        {"", "", ""},
        {"Truccazzano", "\"", "\n"},
        {"Bellinzago Lombardo", "Pèrego", "D’Adda €"},
    };
    for (const char separator : {',', ';', '\t'}) {
        CAPTURE(separator);
        CHECK(records(write_all(rows, separator), separator) == rows);
    }
}

TEST_CASE("the shared sample register reads as eight records of twenty fields", "[csv]") {
    std::ifstream file{CEMETERY_TEST_DATA_DIR "/registro-esempio.csv", std::ios::binary};
    REQUIRE(file);
    CsvReader reader{file, ';'};
    Record fields;
    std::size_t count = 0;
    while (reader.next(fields)) {
        ++count;
        CHECK(reader.line() == count);
        CHECK(fields.size() == 20);
    }
    CHECK(count == 8);
}

TEST_CASE("a cell a spreadsheet would run as a formula is written as text, and reads back unchanged", "[csv]") {
    // Text from a legacy register or a hostile file, in every column the program exports.
    const Record hostile{"=HYPERLINK(\"http://x\",\"clic\")", "+39 02 1234", "-2+3", "@SUM(A1:A9)", "\tcmd", "\r=1"};
    const std::string text = write_all({hostile});
    CHECK(text == "\"'=HYPERLINK(\"\"http://x\"\",\"\"clic\"\")\",'+39 02 1234,'-2+3,'@SUM(A1:A9),'\tcmd,\"'\r=1\"\r\n");
    for (const auto& row : records(text, ',')) {
        for (const auto& field : row) {
            CAPTURE(field);
            CHECK(field.front() == '\'');  // no cell starts with what a spreadsheet runs
        }
    }
    // What the importer reads: the apostrophe taken off again.
    auto back = records(text, ',').front();
    for (auto& field : back) cemetery::unguard_cell(field);
    CHECK(back == hostile);
}

TEST_CASE("numbers, dates and ordinary text are written as they are", "[csv]") {
    CHECK(write_all({{"-12", "+3,5", "-0.25", "2026-12-31", "D'Adda", "'quoted", "a=b", "-"}}) ==
          "-12,\"+3,5\",-0.25,2026-12-31,D'Adda,'quoted,a=b,'-\r\n");
    // An apostrophe the file had of its own is kept by the importer.
    std::string own = "'quoted";
    cemetery::unguard_cell(own);
    CHECK(own == "'quoted");
    std::string alone = "'";
    cemetery::unguard_cell(alone);
    CHECK(alone == "'");
}
