#pragma once
// Pages of the documents the office prints: A4, laid out once in points and then
// drawn by the same code on any cairo context (a PDF file, a printer, a preview).
//
// A Flow places paragraphs and table rows on pages from the top down. It breaks a
// page only between blocks: a table row is never split, and the table's header is
// repeated at the top of every page it continues on. Text is measured with pango at
// one point per unit with hinting off, so it wraps in the same place wherever it is
// drawn.

#include <cairo.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace cemetery::documents {

// A4 in PostScript points (1/72 inch).
inline constexpr double a4_width = 595.276;
inline constexpr double a4_height = 841.890;

enum class Align { left, center, right };

struct TextStyle {
    double size = 9.5;  // points
    bool bold = false;
    bool italic = false;
    Align align = Align::left;
};

// One thing drawn on a page: text wrapped in a box, or a filled rectangle (rules,
// shaded header cells).
struct PageItem {
    enum class Kind { text, box } kind = Kind::text;
    double x = 0, y = 0, width = 0, height = 0;  // points from the page's top left
    std::string text;                             // UTF-8
    TextStyle style;
    double gray = 0;  // box colour: 0 black, 1 white
};

struct Page {
    std::vector<PageItem> items;
};

// Measures text as it will be drawn.
class Typesetter {
public:
    Typesetter();
    ~Typesetter();
    Typesetter(const Typesetter&) = delete;
    Typesetter& operator=(const Typesetter&) = delete;

    // Height in points of the text wrapped at width.
    [[nodiscard]] double height(const std::string& text, const TextStyle& style, double width) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

struct Margins {
    double top = 42, right = 40, bottom = 48, left = 40;
};

struct Column {
    std::string title;
    double share = 1;  // of the table's width, relative to the other columns
    Align align = Align::left;
};

class Flow {
public:
    explicit Flow(const Typesetter& typesetter, Margins margins = {});

    // The width text can take between the margins.
    [[nodiscard]] double width() const;

    void paragraph(const std::string& text, TextStyle style = {}, double space_after = 4);
    // Text at the left, given width, at the current height, without moving down: for
    // an address block beside something else. Returns its height.
    double text_at(double x, double width, const std::string& text, TextStyle style = {});
    void space(double points);
    // Moves to a new page unless `points` fit on this one.
    void keep(double points);
    void new_page();
    void rule(double thickness = 0.6);

    // Printed small at the top of every page after the first, above the content.
    void set_running_head(std::string text);

    void begin_table(std::vector<Column> columns);
    void row(const std::vector<std::string>& cells);
    void end_table();

    // The pages, with "Pagina N di M" (or what `footer` says) at the bottom of each.
    [[nodiscard]] std::vector<Page> finish(
        const std::function<std::string(int page, int count)>& footer = {}) &&;

private:
    void start_page();
    void table_header();
    [[nodiscard]] double bottom() const;

    const Typesetter& typesetter_;
    Margins margins_;
    std::vector<Page> pages_;
    double y_ = 0;
    std::string running_head_;
    std::vector<Column> columns_;
    std::vector<double> column_x_, column_width_;
    bool in_table_ = false;
};

// Draws one page in points: callers scale the context so that 1 unit is 1 point.
void draw_page(cairo_t* cr, const Page& page);

// Writes the pages to an A4 PDF file, replacing it only once it is complete.
// Throws std::runtime_error when the file cannot be written.
void write_pdf(const std::vector<Page>& pages, const std::filesystem::path& file, const std::string& title);

// "1.234" (Italian thousands separator).
[[nodiscard]] std::string italian_count(long long n);

}  // namespace cemetery::documents
