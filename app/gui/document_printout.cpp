#include "document_printout.hpp"

#include "fit_display.hpp"

#include <wx/bitmap.h>
#include <wx/dc.h>
#include <wx/graphics.h>
#include <wx/image.h>

#include <cstring>
#include <memory>

namespace gui {

namespace {

using cemetery::documents::a4_height;
using cemetery::documents::a4_width;

// The page drawn by the document renderer into an RGB image of the given width.
wxImage page_image(const cemetery::documents::Page& page, int width) {
    const double scale = width / a4_width;
    const int height = static_cast<int>(a4_height * scale);
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    cemetery::documents::draw_page(cr, page);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    wxImage image(width, height);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    unsigned char* rgb = image.GetData();
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            std::uint32_t pixel = 0;
            std::memcpy(&pixel, data + y * stride + x * 4, 4);  // native-endian 0x00RRGGBB
            unsigned char* out = rgb + (y * width + x) * 3;
            out[0] = static_cast<unsigned char>((pixel >> 16) & 0xFF);
            out[1] = static_cast<unsigned char>((pixel >> 8) & 0xFF);
            out[2] = static_cast<unsigned char>(pixel & 0xFF);
        }
    }
    cairo_surface_destroy(surface);
    return image;
}

}  // namespace

DocumentPrintout::DocumentPrintout(const wxString& title, std::vector<cemetery::documents::Page> pages)
    : wxPrintout(title), pages_(std::move(pages)) {}

bool DocumentPrintout::HasPage(int page) { return page >= 1 && page <= static_cast<int>(pages_.size()); }

void DocumentPrintout::GetPageInfo(int* min_page, int* max_page, int* from, int* to) {
    *min_page = 1;
    *max_page = static_cast<int>(pages_.size());
    *from = 1;
    *to = *max_page;
}

bool DocumentPrintout::OnPrintPage(int page) {
    if (!HasPage(page)) return false;
    wxDC* dc = GetDC();
    if (!dc) return false;
    const auto& content = pages_[static_cast<std::size_t>(page - 1)];
    // On GTK the printer's DC is cairo underneath: draw the vector page on it,
    // scaled from points to the DC's device units.
    cairo_t* cr = nullptr;
    if (!IsPreview()) {
        if (wxGraphicsContext* gc = dc->GetGraphicsContext()) cr = static_cast<cairo_t*>(gc->GetNativeContext());
        if (!cr) cr = static_cast<cairo_t*>(dc->GetHandle());
    }
    if (cr) {
        int w = 0, h = 0;
        dc->GetSize(&w, &h);
        cairo_save(cr);
        cairo_scale(cr, w / a4_width, h / a4_height);
        cemetery::documents::draw_page(cr, content);
        cairo_restore(cr);
        return true;
    }
    // The preview (and any DC without cairo): the same drawing, as an image at 110 dpi.
    const wxImage image = page_image(content, static_cast<int>(a4_width / 72.0 * 110));
    FitThisSizeToPage(wxSize(image.GetWidth(), image.GetHeight()));
    dc->DrawBitmap(wxBitmap(image), 0, 0);
    return true;
}

wxPrintPreview* show_print_preview(wxWindow* parent, const wxString& title, std::vector<cemetery::documents::Page> pages) {
    return open_print_preview(parent, title, new DocumentPrintout(title, pages), new DocumentPrintout(title, pages));
}

}  // namespace gui
