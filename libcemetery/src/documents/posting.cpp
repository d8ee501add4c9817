#include <cemetery/documents/posting.hpp>

namespace cemetery::documents {

PostingPeriod posting_period(const Regulation& regulation, Date from) {
    const int days = regulation.posting_days.value;
    return PostingPeriod{from, add_days(from, days), days, regulation.posting_days.basis};
}

}  // namespace cemetery::documents
