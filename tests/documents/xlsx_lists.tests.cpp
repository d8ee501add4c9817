// The lists as .xlsx, read back from the zip's XML parts: the same rows as the
// register gives, dates as numbers with a dd/mm/yyyy style.
#include "documents/tools.hpp"
#include "storage/fixtures.hpp"
#include "support.hpp"

#include <cemetery/documents/xlsx_lists.hpp>

#include <map>
#include <regex>

using cemetery::PlotKind;
using namespace cemetery::documents;
using test::ymd;

namespace {

struct Cell {
    std::string text;     // the string, or the number as written
    bool number = false;
    int style = 0;
};

// XML text to plain text.
std::string unescape(std::string s) {
    for (const auto& [entity, plain] : std::vector<std::pair<std::string, std::string>>{
             {"&apos;", "'"}, {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
        for (auto at = s.find(entity); at != std::string::npos; at = s.find(entity, at + plain.size())) {
            s.replace(at, entity.size(), plain);
        }
    }
    return s;
}

// The cells of the first sheet by reference ("G2"), strings resolved (inline or shared).
std::map<std::string, Cell> read_sheet(const std::filesystem::path& xlsx) {
    const std::string sheet = test::zip_entry(xlsx, "xl/worksheets/sheet1.xml");
    std::vector<std::string> shared;
    if (test::zip_entry(xlsx, "[Content_Types].xml").find("sharedStrings") != std::string::npos) {
        const std::string strings = test::zip_entry(xlsx, "xl/sharedStrings.xml");
        const std::regex si("<si><t[^>]*>([^<]*)</t></si>");
        for (std::sregex_iterator i(strings.begin(), strings.end(), si), end; i != end; ++i) shared.push_back((*i)[1]);
    }
    std::map<std::string, Cell> cells;
    const std::regex c("<c r=\"([A-Z]+[0-9]+)\"( s=\"([0-9]+)\")?( t=\"([a-zA-Z]+)\")?>(.*?)</c>");
    for (std::sregex_iterator i(sheet.begin(), sheet.end(), c), end; i != end; ++i) {
        const auto& m = *i;
        Cell cell;
        cell.style = m[3].matched ? std::stoi(m[3]) : 0;
        const std::string type = m[5];
        const std::string body = m[6];
        std::smatch v;
        if (type == "inlineStr" && std::regex_search(body, v, std::regex("<t[^>]*>([^<]*)</t>"))) {
            cell.text = unescape(v[1]);
        } else if (type == "s" && std::regex_search(body, v, std::regex("<v>([0-9]+)</v>"))) {
            cell.text = unescape(shared.at(static_cast<std::size_t>(std::stoi(v[1]))));
        } else if (std::regex_search(body, v, std::regex("<v>([^<]*)</v>"))) {
            cell.text = v[1];
            cell.number = true;
        }
        cells[m[1]] = cell;
    }
    return cells;
}

// The number format code of a cell style, from xl/styles.xml.
std::string format_of(const std::filesystem::path& xlsx, int style) {
    const std::string styles = test::zip_entry(xlsx, "xl/styles.xml");
    std::map<std::string, std::string> codes;
    const std::regex fmt("<numFmt numFmtId=\"([0-9]+)\" formatCode=\"([^\"]*)\"");
    for (std::sregex_iterator i(styles.begin(), styles.end(), fmt), end; i != end; ++i) codes[(*i)[1]] = (*i)[2];
    const auto xfs_at = styles.find("<cellXfs");
    REQUIRE(xfs_at != std::string::npos);
    const std::string xfs = styles.substr(xfs_at);
    const std::regex xf("<xf numFmtId=\"([0-9]+)\"");
    int n = 0;
    for (std::sregex_iterator i(xfs.begin(), xfs.end(), xf), end; i != end; ++i, ++n) {
        if (n == style) return codes[(*i)[1]];
    }
    return {};
}

}  // namespace

TEST_CASE("the expired list as .xlsx carries the register's rows with date cells", "[documents][xlsx]") {
    test::UnionRegister u;
    u.add_ok({.plot = u.plot(u.liscate_cimitero, PlotKind::loculo, "12", "E", "2", "3"),
              .number = "L-1990/031",
              .signed_on = ymd(1990, 3, 1),
              .years = 30,
              .holders = {test::holder("Brambilla", "Anna", "BRMNNA60A41A751G")},
              .deceased = {test::deceased("Dell'Orto", "Luigi"), test::deceased("Pèrego", "Rina")}});
    u.add_ok({.plot = u.plot(u.liscate_cimitero, PlotKind::ossario, "3", "O", "1", ""),
              .number = "O-1995/002",
              .signed_on = ymd(1995, 6, 1),
              .years = 20});
    const auto expected = u.reg.expired(u.liscate, ymd(2026, 12, 31));
    REQUIRE(expected.size() == 2);

    test::TempDir dir;
    const auto xlsx = dir.file("scadute.xlsx");
    const auto written = write_list_xlsx(xlsx, "Scadute al 31-12-2026", [&](const auto& row) {
        u.reg.each_expired(u.liscate, ymd(2026, 12, 31), row);
    });
    CHECK(written == 2);
    const auto cells = read_sheet(xlsx);

    CHECK(cells.at("A1").text == "Comune");
    CHECK(cells.at("E1").text == "N. concessione");
    CHECK(cells.at("G1").text == "Scadenza");
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const std::string row = std::to_string(i + 2);
        CHECK(cells.at("A" + row).text == "Liscate");
        CHECK(cells.at("E" + row).text == expected[i].deed_number);
        const auto& expiry = cells.at("G" + row);
        CHECK(expiry.number);
        CHECK(std::stod(expiry.text) == spreadsheet_serial(expected[i].expires_on));
        CHECK(format_of(xlsx, expiry.style) == "dd/mm/yyyy");
    }
    const auto& loculo = cells.at("E2").text == "L-1990/031" ? "2" : "3";
    CHECK(cells.at(std::string("I") + loculo).text == "Dell'Orto Luigi; Pèrego Rina");
    CHECK(cells.at(std::string("H") + loculo).text == "Brambilla Anna");
    // 01/03/2020 is day 43891 of the spreadsheet calendar.
    CHECK(spreadsheet_serial(ymd(2020, 3, 1)) == 43891);
    // The office's list: holders' names, never their tax codes.
    CHECK(test::zip_entry(xlsx, "xl/worksheets/sheet1.xml").find("BRMNNA60A41A751G") == std::string::npos);
    CHECK(test::zip_entry(xlsx, "xl/worksheets/sheet1.xml").find("<col ") != std::string::npos);
}

TEST_CASE("search results as .xlsx, a perpetual concession saying so", "[documents][xlsx]") {
    test::UnionRegister u;
    u.add_ok({.plot = u.plot(u.liscate_cimitero, PlotKind::cappella, "1", "C", "", ""),
              .number = "C-1950/001",
              .signed_on = ymd(1950, 4, 1),
              .perpetual = true,
              .deceased = {test::deceased("D'Adda", "Giovanni")}});
    const auto hits = u.reg.search("adda");
    REQUIRE(hits.size() == 1);
    test::TempDir dir;
    const auto xlsx = dir.file("ricerca.xlsx");
    write_search_xlsx(xlsx, hits);
    const auto cells = read_sheet(xlsx);
    CHECK(cells.at("E2").text == "C-1950/001");
    CHECK(cells.at("G2").text == "perpetua");
    CHECK_FALSE(cells.at("G2").number);
    CHECK(cells.at("F2").number);
    CHECK(format_of(xlsx, cells.at("F2").style) == "dd/mm/yyyy");
    CHECK(cells.at("H2").text == "D'Adda Giovanni");
}
