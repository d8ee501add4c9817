// The page layout under every document: text wraps inside its cells, a page breaks
// between rows, numbers are written the Italian way.
#include "support.hpp"

#include <cemetery/documents/page_layout.hpp>

using namespace cemetery::documents;

TEST_CASE("counts have '.' for thousands", "[documents][layout]") {
    CHECK(italian_count(0) == "0");
    CHECK(italian_count(999) == "999");
    CHECK(italian_count(2431) == "2.431");
    CHECK(italian_count(1234567) == "1.234.567");
}

TEST_CASE("a long name wraps onto more lines instead of leaving its cell", "[documents][layout]") {
    Typesetter t;
    const TextStyle style{};
    const double one = t.height("Rossi", style, 80);
    CHECK(one > 0);
    CHECK(t.height("Dell'Orto Pèrego Brambilla Cazzaniga Maria Giuseppina", style, 80) > 2 * one);
    CHECK(t.height("Rossi\nBianchi", style, 80) > 1.5 * one);
}

TEST_CASE("table rows never cross a page's foot and every page has the header", "[documents][layout]") {
    Typesetter t;
    Flow flow(t);
    flow.begin_table({{"Uno", 1}, {"Due", 1}});
    for (int i = 0; i < 300; ++i) flow.row({"riga " + std::to_string(i), i % 7 == 0 ? "a\nb\nc" : "x"});
    flow.end_table();
    const auto pages = std::move(flow).finish();
    REQUIRE(pages.size() > 2);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        int headers = 0;
        for (const auto& item : pages[p].items) {
            if (item.text == "Uno") ++headers;
            if (item.kind == PageItem::Kind::text && item.text.rfind("riga", 0) == 0) {
                CHECK(item.y + item.height <= a4_height - Margins{}.bottom + 0.01);
            }
        }
        CHECK(headers == 1);
        CHECK(pages[p].items.back().text ==
              "Pagina " + std::to_string(p + 1) + " di " + std::to_string(pages.size()));
    }
}
