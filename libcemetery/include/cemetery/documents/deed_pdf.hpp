#pragma once
// The deed the holders sign (atto di concessione) when a concession is granted, and
// the deed of each renewal (atto di rinnovo): the comune's heading, the parties (the
// comune and the holders with their tax code and residence as the register has them:
// a private document for signature, never posted), the deceased, the place, the term
// and its expiry with the rules that set them, the renewals the regulation allows, the
// tariff with its resolution, and the spaces for the signatures, place and date.
//
// The words are the office's (deed_template.hpp); the values come from the register
// and the regulation, each rule with its source: no number of the regulation here.

#include <cemetery/concession_record.hpp>
#include <cemetery/documents/deed_template.hpp>
#include <cemetery/documents/office.hpp>
#include <cemetery/documents/page_layout.hpp>
#include <cemetery/regulation.hpp>

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cemetery::documents {

struct Deed {
    DeedKind kind = DeedKind::concession;
    Office office;
    std::string comune;
    std::string number;                         // this deed's number (the renewal's for a renewal)
    std::vector<std::string> holders;           // names, for the signatures
    std::map<std::string, std::string> values;  // every placeholder of deed_placeholders()
};

// The deed of the concession, or of its renewal number `renewal` (0: the first, as in
// Concession::renewals), printed on `printed_on`.
[[nodiscard]] Deed collect_deed(const ConcessionRecord& record, const Regulation& regulation, const Offices& offices,
                                std::optional<std::size_t> renewal, Date printed_on);

// The renewal of the concession whose deed has that number; none when no renewal has it.
[[nodiscard]] std::optional<std::size_t> renewal_with_deed(const Concession& concession, std::string_view deed);

[[nodiscard]] std::vector<Page> lay_out_deed(const Deed& deed, const DeedTemplate& text);
// Throws std::runtime_error when the file cannot be written.
void write_deed_pdf(const Deed& deed, const DeedTemplate& text, const std::filesystem::path& file);

}  // namespace cemetery::documents
