#pragma once
// Avvisi di scadenza: one letter per expired concession to its holders (RR Lombardia
// 6/2004 art. 20: families must be told), saying where the concession is, who is
// buried there, when it expired, whether the regulation allows a renewal (decided by
// decide_renewal on the first day of the posting) and until when they can come
// forward: the last day of the posting. Concessions with no known holder cannot be
// written to; they are listed apart, at the end, for the posting.

#include <cemetery/documents/expired_list_pdf.hpp>
#include <cemetery/documents/office.hpp>
#include <cemetery/documents/page_layout.hpp>
#include <cemetery/documents/posting.hpp>
#include <cemetery/renewal.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cemetery::documents {

struct NoticeLetter {
    std::vector<std::string> holders;  // names
    std::string address;               // the first holder's known address; empty when none
    PostedRow concession;
    RenewalDecision renewal;
};

struct ExpiryNotices {
    Office office;
    std::string comune;
    Date as_of{};
    PostingPeriod posting;
    Setting<std::string> outcome;
    std::vector<NoticeLetter> letters;
    std::vector<PostedRow> without_holder;
    std::vector<UnreadableRow> unreadable;  // left out of the list: their dates cannot be read
};

// The letters for the comune's concessions expired as of `as_of` (in one cemetery
// when `cemetery` is not empty), in the order of the expired list.
[[nodiscard]] ExpiryNotices collect_expiry_notices(const Register& reg, const Regulation& regulation,
                                                   const Comune& comune, std::string_view cemetery, Date as_of,
                                                   Date posting_from, const Offices& offices);

// The Italian sentence a letter gives for a refused renewal: "la concessione è perpetua".
[[nodiscard]] std::string italian_reason(const Refusal& refusal);

[[nodiscard]] std::vector<Page> lay_out_expiry_notices(const ExpiryNotices& notices);
void write_expiry_notices_pdf(const ExpiryNotices& notices, const std::filesystem::path& file);

}  // namespace cemetery::documents
