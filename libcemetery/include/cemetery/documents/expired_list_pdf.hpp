#pragma once
// The list of expired concessions a comune posts on the albo pretorio and at the
// cemetery entrance (RR Lombardia 6/2004 art. 20 c.4-5): heading, title, posting
// period, one row per concession with its deceased, the total and what happens if
// nobody comes forward. PostedRow has no field for holders: the list is public and
// holders are living people, so nothing built from it can show them.

#include <cemetery/documents/office.hpp>
#include <cemetery/documents/page_layout.hpp>
#include <cemetery/documents/posting.hpp>
#include <cemetery/lists.hpp>
#include <cemetery/plot.hpp>
#include <cemetery/regulation.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cemetery {
class Register;
struct Comune;
}  // namespace cemetery

namespace cemetery::documents {

struct PostedRow {
    ConcessionId concession;
    std::string cemetery;
    PlotKind kind = PlotKind::loculo;
    Location location;
    std::string deed_number;
    Date expires_on{};
    std::vector<std::string> deceased;  // names only
};

struct ExpiredList {
    Office office;         // its heading heads the list
    std::string comune;
    std::string cemetery;  // empty: every cemetery of the comune
    Date as_of{};
    PostingPeriod posting;
    Setting<std::string> outcome;  // the regulation's esito_affissione
    std::vector<PostedRow> rows;
    std::vector<UnreadableRow> unreadable;  // left out: their dates cannot be read
};

// The comune's concessions expired as of `as_of` (in one cemetery when `cemetery` is
// not empty; matched whatever its case and accents), as Register::each_expired
// gives them.
[[nodiscard]] ExpiredList collect_expired_list(const Register& reg, const Regulation& regulation,
                                               const Comune& comune, std::string_view cemetery, Date as_of,
                                               Date posting_from, const Offices& offices);

// "Elenco delle concessioni cimiteriali scadute al 31/12/2026"
[[nodiscard]] std::string expired_list_title(const ExpiredList& list);

// The table of the posted list, shared with the letters' list of concessions
// without holders: its columns, and one row's cells ("Sett. E, fila 2, n. 12").
[[nodiscard]] std::vector<Column> posted_columns();
[[nodiscard]] std::vector<std::string> posted_cells(const PostedRow& row);
// "Tomba di famiglia" from "tomba di famiglia".
[[nodiscard]] std::string capitalised(std::string_view text);

[[nodiscard]] std::vector<Page> lay_out_expired_list(const ExpiredList& list);
void write_expired_list_pdf(const ExpiredList& list, const std::filesystem::path& file);

}  // namespace cemetery::documents
