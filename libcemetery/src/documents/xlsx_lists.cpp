#include <cemetery/documents/xlsx_lists.hpp>

#include <cemetery/text.hpp>

#include <xlsxwriter.h>

#include <stdexcept>
#include <system_error>

namespace cemetery::documents {

namespace {

struct ColumnSpec {
    const char* title;
    double width;  // in characters
    bool date;
};

// Excel refuses sheet names with []:*?/\ or over 31 characters: "Scadute al 01/01/2026"
// becomes "Scadute al 01-01-2026".
std::string sheet_name(std::string name) {
    for (char& c : name) {
        if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '-';
    }
    return name.empty() ? std::string("Elenco") : name.substr(0, 31);
}

// One workbook with one sheet, written row by row.
class Sheet {
public:
    Sheet(const std::filesystem::path& file, const std::string& name, const std::vector<ColumnSpec>& columns)
        : file_(file), partial_(file.string() + ".part"), columns_(columns) {
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE;  // rows go to disk as they come
        book_ = workbook_new_opt(partial_.c_str(), &options);
        if (!book_) throw std::runtime_error("cannot write " + file.string());
        sheet_ = workbook_add_worksheet(book_, sheet_name(name).c_str());
        if (!sheet_) {
            workbook_close(book_);
            std::error_code ignored;
            std::filesystem::remove(partial_, ignored);
            throw std::runtime_error("cannot write " + file.string() + ": bad sheet name");
        }
        header_ = workbook_add_format(book_);
        format_set_bold(header_);
        format_set_bg_color(header_, 0xE0E0E0);
        format_set_border(header_, LXW_BORDER_THIN);
        text_ = workbook_add_format(book_);
        format_set_text_wrap(text_);
        format_set_align(text_, LXW_ALIGN_VERTICAL_TOP);
        date_ = workbook_add_format(book_);
        format_set_num_format(date_, "dd/mm/yyyy");
        format_set_align(date_, LXW_ALIGN_VERTICAL_TOP);
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            worksheet_set_column(sheet_, col, col, columns_[c].width, columns_[c].date ? date_ : text_);
            worksheet_write_string(sheet_, 0, col, columns_[c].title, header_);
        }
        worksheet_freeze_panes(sheet_, 1, 0);
    }
    Sheet(const Sheet&) = delete;
    Sheet& operator=(const Sheet&) = delete;
    ~Sheet() {
        if (book_) {
            workbook_close(book_);
            std::error_code ignored;
            std::filesystem::remove(partial_, ignored);
        }
    }

    void text(std::size_t column, const std::string& value) {
        if (!value.empty()) worksheet_write_string(sheet_, row_, static_cast<lxw_col_t>(column), value.c_str(), text_);
    }
    void day(std::size_t column, Date value) {
        worksheet_write_number(sheet_, row_, static_cast<lxw_col_t>(column), spreadsheet_serial(value), date_);
    }
    void next_row() { ++row_; }
    [[nodiscard]] std::size_t rows() const { return row_ - 1; }

    void close() {
        worksheet_autofilter(sheet_, 0, 0, row_ > 1 ? row_ - 1 : 1, static_cast<lxw_col_t>(columns_.size() - 1));
        const lxw_error error = workbook_close(book_);
        book_ = nullptr;
        if (error != LXW_NO_ERROR) {
            std::error_code ignored;
            std::filesystem::remove(partial_, ignored);
            throw std::runtime_error("cannot write " + file_.string() + ": " + lxw_strerror(error));
        }
        std::filesystem::rename(partial_, file_);
    }

private:
    std::filesystem::path file_;
    std::string partial_;
    std::vector<ColumnSpec> columns_;
    lxw_workbook* book_ = nullptr;
    lxw_worksheet* sheet_ = nullptr;
    lxw_format* header_ = nullptr;
    lxw_format* text_ = nullptr;
    lxw_format* date_ = nullptr;
    lxw_row_t row_ = 1;
};

std::string kind_name(PlotKind kind) { return std::string(italian_name(kind)); }

}  // namespace

double spreadsheet_serial(Date d) {
    return static_cast<double>(days_between(Date{date::year{1899}, date::December, date::day{30}}, d));
}

std::size_t write_list_xlsx(const std::filesystem::path& file, const std::string& sheet_name, const ListRows& rows) {
    Sheet sheet(file, sheet_name,
                {{"Comune", 20, false},
                 {"Cimitero", 20, false},
                 {"Ubicazione", 28, false},
                 {"Tipo", 18, false},
                 {"N. concessione", 16, false},
                 {"Decorrenza", 12, true},
                 {"Scadenza", 12, true},
                 {"Concessionari", 32, false},
                 {"Defunti", 40, false}});
    rows([&](const ListRow& r) {
        sheet.text(0, r.comune);
        sheet.text(1, r.cemetery);
        sheet.text(2, describe(r.location));
        sheet.text(3, kind_name(r.kind));
        sheet.text(4, r.deed_number);
        sheet.day(5, r.term_start);
        sheet.day(6, r.expires_on);
        sheet.text(7, join(r.holders, "; "));
        sheet.text(8, join(r.deceased, "; "));
        sheet.next_row();
    });
    const std::size_t count = sheet.rows();
    sheet.close();
    return count;
}

void write_search_xlsx(const std::filesystem::path& file, const std::vector<SearchHit>& hits) {
    Sheet sheet(file, "Ricerca",
                {{"Comune", 20, false},
                 {"Cimitero", 20, false},
                 {"Ubicazione", 28, false},
                 {"Tipo", 18, false},
                 {"N. concessione", 16, false},
                 {"Decorrenza", 12, true},
                 {"Scadenza", 12, true},
                 {"Defunti", 40, false},
                 {"Concessionari", 32, false}});
    for (const auto& h : hits) {
        sheet.text(0, h.comune);
        sheet.text(1, h.cemetery);
        sheet.text(2, describe(h.location));
        sheet.text(3, kind_name(h.kind));
        sheet.text(4, h.deed_number);
        sheet.day(5, h.term_start);
        if (h.expires_on) {
            sheet.day(6, *h.expires_on);
        } else if (h.perpetual) {
            sheet.text(6, "perpetua");
        }
        std::vector<std::string> deceased;
        for (const auto& d : h.deceased) deceased.push_back(d.full_name());
        sheet.text(7, join(deceased, "; "));
        sheet.text(8, join(h.holders, "; "));
        sheet.next_row();
    }
    sheet.close();
}

}  // namespace cemetery::documents
