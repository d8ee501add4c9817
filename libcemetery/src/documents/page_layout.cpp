#include <cemetery/documents/page_layout.hpp>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <stdexcept>
#include <system_error>
#include <unordered_map>

namespace cemetery::documents {

namespace {

constexpr double cell_pad_x = 3;
constexpr double cell_pad_y = 2.5;
constexpr const char* font_family = "DejaVu Sans";

// Hinting off and sizes in absolute units: the same text wraps the same way on a
// PDF surface, an image and a scaled printer context.
void set_up_layout(PangoLayout* layout) {
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    PangoContext* context = pango_layout_get_context(layout);
    pango_cairo_context_set_font_options(context, options);
    pango_cairo_context_set_resolution(context, 72);
    pango_layout_context_changed(layout);
    cairo_font_options_destroy(options);
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
}

void set_text(PangoLayout* layout, const std::string& text, const TextStyle& style, double width) {
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, font_family);
    pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
    pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_alignment(layout, style.align == Align::center  ? PANGO_ALIGN_CENTER
                                       : style.align == Align::right ? PANGO_ALIGN_RIGHT
                                                                     : PANGO_ALIGN_LEFT);
    pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
}

}  // namespace

struct Typesetter::Impl {
    // Lists repeat the same cemetery, kind and dates on every row: measure each once.
    std::unordered_map<std::string, double> heights;
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t* cr = cairo_create(surface);
    PangoLayout* layout = pango_cairo_create_layout(cr);

    Impl() { set_up_layout(layout); }
    ~Impl() {
        g_object_unref(layout);
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
    }
};

Typesetter::Typesetter() : impl_(std::make_unique<Impl>()) {}
Typesetter::~Typesetter() = default;

double Typesetter::height(const std::string& text, const TextStyle& style, double width) const {
    std::string key = text;
    key += '\0';
    key += std::to_string(style.size) + (style.bold ? "b" : "") + (style.italic ? "i" : "") + ' ' + std::to_string(width);
    if (auto found = impl_->heights.find(key); found != impl_->heights.end()) return found->second;
    set_text(impl_->layout, text, style, width);
    int w = 0, h = 0;
    pango_layout_get_size(impl_->layout, &w, &h);
    const double height = static_cast<double>(h) / PANGO_SCALE;
    if (impl_->heights.size() < 100000) impl_->heights.emplace(std::move(key), height);
    return height;
}

Flow::Flow(const Typesetter& typesetter, Margins margins) : typesetter_(typesetter), margins_(margins) {
    start_page();
}

double Flow::width() const { return a4_width - margins_.left - margins_.right; }

double Flow::bottom() const { return a4_height - margins_.bottom; }

void Flow::start_page() {
    pages_.emplace_back();
    y_ = margins_.top;
    if (pages_.size() > 1 && !running_head_.empty()) {
        const TextStyle head{7.5, false, true, Align::left};
        const double h = typesetter_.height(running_head_, head, width());
        pages_.back().items.push_back({PageItem::Kind::text, margins_.left, y_ - h - 8, width(), h, running_head_, head, 0});
    }
    if (in_table_) table_header();
}

void Flow::new_page() { start_page(); }

void Flow::keep(double points) {
    if (y_ + points > bottom() && y_ > margins_.top + 1) start_page();
}

void Flow::space(double points) { y_ += points; }

void Flow::set_running_head(std::string text) { running_head_ = std::move(text); }

void Flow::paragraph(const std::string& text, TextStyle style, double space_after) {
    const double h = typesetter_.height(text, style, width());
    keep(h);
    pages_.back().items.push_back({PageItem::Kind::text, margins_.left, y_, width(), h, text, style, 0});
    y_ += h + space_after;
}

double Flow::text_at(double x, double w, const std::string& text, TextStyle style) {
    const double h = typesetter_.height(text, style, w);
    pages_.back().items.push_back({PageItem::Kind::text, margins_.left + x, y_, w, h, text, style, 0});
    return h;
}

void Flow::rule(double thickness) {
    pages_.back().items.push_back({PageItem::Kind::box, margins_.left, y_, width(), thickness, {}, {}, 0});
    y_ += thickness;
}

void Flow::begin_table(std::vector<Column> columns) {
    columns_ = std::move(columns);
    double total = 0;
    for (const auto& c : columns_) total += c.share;
    column_x_.clear();
    column_width_.clear();
    double x = margins_.left;
    for (const auto& c : columns_) {
        const double w = width() * c.share / total;
        column_x_.push_back(x);
        column_width_.push_back(w);
        x += w;
    }
    // The header and at least one row together, never a header alone at a page's foot.
    keep(60);
    in_table_ = true;
    table_header();
}

void Flow::table_header() {
    const TextStyle style{8, true, false, Align::left};
    double h = 0;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        h = std::max(h, typesetter_.height(columns_[i].title, style, column_width_[i] - 2 * cell_pad_x));
    }
    h += 2 * cell_pad_y;
    auto& items = pages_.back().items;
    items.push_back({PageItem::Kind::box, margins_.left, y_, width(), h, {}, {}, 0.88});
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        TextStyle s = style;
        s.align = columns_[i].align;
        items.push_back({PageItem::Kind::text, column_x_[i] + cell_pad_x, y_ + cell_pad_y,
                         column_width_[i] - 2 * cell_pad_x, h, columns_[i].title, s, 0});
    }
    y_ += h;
    items.push_back({PageItem::Kind::box, margins_.left, y_, width(), 0.8, {}, {}, 0});
    y_ += 0.8;
}

void Flow::row(const std::vector<std::string>& cells) {
    const TextStyle style{8, false, false, Align::left};
    double h = 0;
    for (std::size_t i = 0; i < columns_.size() && i < cells.size(); ++i) {
        h = std::max(h, typesetter_.height(cells[i], style, column_width_[i] - 2 * cell_pad_x));
    }
    h += 2 * cell_pad_y;
    if (y_ + h > bottom()) start_page();  // the header comes again with the new page
    auto& items = pages_.back().items;
    for (std::size_t i = 0; i < columns_.size() && i < cells.size(); ++i) {
        TextStyle s = style;
        s.align = columns_[i].align;
        items.push_back({PageItem::Kind::text, column_x_[i] + cell_pad_x, y_ + cell_pad_y,
                         column_width_[i] - 2 * cell_pad_x, h, cells[i], s, 0});
    }
    y_ += h;
    items.push_back({PageItem::Kind::box, margins_.left, y_, width(), 0.3, {}, {}, 0.6});
    y_ += 0.3;
}

void Flow::end_table() {
    in_table_ = false;
    y_ += 6;
}

std::vector<Page> Flow::finish(const std::function<std::string(int, int)>& footer) && {
    const int count = static_cast<int>(pages_.size());
    const TextStyle style{7.5, false, false, Align::center};
    for (int i = 0; i < count; ++i) {
        const std::string text = footer ? footer(i + 1, count)
                                        : "Pagina " + std::to_string(i + 1) + " di " + std::to_string(count);
        if (text.empty()) continue;
        const double h = typesetter_.height(text, style, width());
        pages_[static_cast<std::size_t>(i)].items.push_back(
            {PageItem::Kind::text, margins_.left, a4_height - margins_.bottom + 14, width(), h, text, style, 0});
    }
    return std::move(pages_);
}

void draw_page(cairo_t* cr, const Page& page) {
    cairo_save(cr);
    PangoLayout* layout = pango_cairo_create_layout(cr);
    set_up_layout(layout);
    for (const auto& item : page.items) {
        if (item.kind == PageItem::Kind::box) {
            cairo_set_source_rgb(cr, item.gray, item.gray, item.gray);
            cairo_rectangle(cr, item.x, item.y, item.width, item.height);
            cairo_fill(cr);
            continue;
        }
        cairo_set_source_rgb(cr, 0, 0, 0);
        set_text(layout, item.text, item.style, item.width);
        cairo_move_to(cr, item.x, item.y);
        pango_cairo_show_layout(cr, layout);
    }
    g_object_unref(layout);
    cairo_restore(cr);
}

void write_pdf(const std::vector<Page>& pages, const std::filesystem::path& file, const std::string& title) {
    const std::filesystem::path partial = file.string() + ".part";
    cairo_surface_t* surface = cairo_pdf_surface_create(partial.c_str(), a4_width, a4_height);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_t* cr = cairo_create(surface);
    for (const auto& page : pages) {
        draw_page(cr, page);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        throw std::runtime_error("cannot write " + file.string() + ": " + cairo_status_to_string(status));
    }
    std::filesystem::rename(partial, file);
}

std::string italian_count(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    const int len = static_cast<int>(digits.size());
    for (int i = 0; i < len; ++i) {
        if (i > 0 && (len - i) % 3 == 0) out += '.';
        out += digits[static_cast<std::size_t>(i)];
    }
    return n < 0 ? "-" + out : out;
}

}  // namespace cemetery::documents
