#include "search_pages.hpp"

#include <algorithm>

namespace gui {

void SearchPages::reset(const cemetery::Register* reg, std::string text, cemetery::SearchOptions options) {
    clear();
    reg_ = reg;
    text_ = std::move(text);
    options_ = options;
    count_ = reg_ ? reg_->count_matches(text_, options_) : 0;
}

void SearchPages::clear() {
    pages_.clear();
    all_.clear();
    all_loaded_ = false;
    count_ = 0;
}

const cemetery::SearchHit* SearchPages::hit(std::int64_t row) {
    if (row < 0 || row >= count_ || !reg_) return nullptr;
    if (all_loaded_) return static_cast<std::size_t>(row) < all_.size() ? &all_[static_cast<std::size_t>(row)] : nullptr;
    const std::int64_t page = row / page_size;
    auto it = pages_.find(page);
    if (it == pages_.end()) {
        if (pages_.size() >= max_cached_pages) pages_.clear();
        auto options = options_;
        options.limit = page_size;
        options.offset = static_cast<int>(page * page_size);
        it = pages_.emplace(page, reg_->search(text_, options)).first;
        ++pages_read_;
    }
    const auto index = static_cast<std::size_t>(row % page_size);
    return index < it->second.size() ? &it->second[index] : nullptr;
}

std::optional<std::int64_t> SearchPages::row_of(cemetery::ConcessionId id) const {
    if (all_loaded_) {
        for (std::size_t i = 0; i < all_.size(); ++i) {
            if (all_[i].concession == id) return static_cast<std::int64_t>(i);
        }
        return std::nullopt;
    }
    for (const auto& [page, hits] : pages_) {
        for (std::size_t i = 0; i < hits.size(); ++i) {
            if (hits[i].concession == id) return page * page_size + static_cast<std::int64_t>(i);
        }
    }
    return std::nullopt;
}

bool SearchPages::load_all(std::int64_t max) {
    if (all_loaded_) return true;
    if (!reg_ || count_ > max) return false;
    std::vector<cemetery::SearchHit> all;
    all.reserve(static_cast<std::size_t>(count_));
    for (std::int64_t offset = 0; offset < count_; offset += page_size) {
        auto options = options_;
        options.limit = page_size;
        options.offset = static_cast<int>(offset);
        auto hits = reg_->search(text_, options);
        ++pages_read_;
        if (hits.empty()) break;
        std::move(hits.begin(), hits.end(), std::back_inserter(all));
    }
    all_ = std::move(all);
    count_ = static_cast<std::int64_t>(all_.size());
    pages_.clear();
    all_loaded_ = true;
    return true;
}

void SearchPages::sort(const std::function<bool(const cemetery::SearchHit&, const cemetery::SearchHit&)>& less) {
    if (all_loaded_) std::stable_sort(all_.begin(), all_.end(), less);
}

}  // namespace gui
