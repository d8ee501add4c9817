#pragma once
// The rows of a search, read from the register a page at a time as a virtual list
// asks for them: count_matches() for the length, search(offset, limit) for a page.
// Pages are cached; the cache is dropped when it grows past a bound, so memory
// stays flat however many concessions match. No wx here.
//
// Sorting needs every row: load_all() reads them when there are at most `max`,
// and sort() orders them; past that bound the list keeps the register's order.

#include <cemetery/register.hpp>
#include <cemetery/search.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace gui {

class SearchPages {
public:
    static constexpr int page_size = 100;
    static constexpr std::size_t max_cached_pages = 64;

    // Starts a new search; reads only its count.
    void reset(const cemetery::Register* reg, std::string text, cemetery::SearchOptions options);
    void clear();

    [[nodiscard]] std::int64_t count() const { return count_; }
    [[nodiscard]] const std::string& text() const { return text_; }
    // The hit at the row, reading its page when needed; nullptr past the end.
    const cemetery::SearchHit* hit(std::int64_t row);
    // The row showing the concession, among the rows read so far.
    [[nodiscard]] std::optional<std::int64_t> row_of(cemetery::ConcessionId id) const;

    // Reads every hit when there are at most `max`; false otherwise.
    bool load_all(std::int64_t max);
    [[nodiscard]] bool all_loaded() const { return all_loaded_; }
    void sort(const std::function<bool(const cemetery::SearchHit&, const cemetery::SearchHit&)>& less);

    [[nodiscard]] std::size_t pages_read() const { return pages_read_; }

private:
    const cemetery::Register* reg_ = nullptr;
    std::string text_;
    cemetery::SearchOptions options_;
    std::int64_t count_ = 0;
    std::map<std::int64_t, std::vector<cemetery::SearchHit>> pages_;  // page number -> hits
    std::vector<cemetery::SearchHit> all_;
    bool all_loaded_ = false;
    std::size_t pages_read_ = 0;
};

}  // namespace gui
