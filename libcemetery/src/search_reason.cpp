#include "search_reason.hpp"

#include <cemetery/text.hpp>

#include <algorithm>

namespace cemetery {

namespace {

// The words the index holds for a text: each word, and for names of several
// pieces ("D'Adda") the pieces joined, folded as the index's tokenizer folds them.
std::vector<std::string> index_words(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& w : words(fold(text))) out.push_back(w);
    if (out.size() > 1) out.push_back(join(out, ""));
    return out;
}

// How many typed words begin some word of `text`.
std::size_t words_matched(const std::vector<std::string>& typed, std::string_view text) {
    const auto have = index_words(text);
    return static_cast<std::size_t>(std::count_if(typed.begin(), typed.end(), [&](const std::string& t) {
        return std::any_of(have.begin(), have.end(), [&](const std::string& w) { return w.starts_with(t); });
    }));
}

}  // namespace

MatchReason match_reason(std::string_view typed_text, const std::vector<HolderToMatch>& holders,
                         std::string_view deed_number) {
    std::vector<std::string> typed;
    for (const auto& w : words(fold(typed_text))) typed.push_back(w);

    // Candidates in the order that wins a tie: holders' names, the deed, tax codes.
    struct Candidate {
        MatchedBy by;
        std::string holder;
        std::size_t matched;
    };
    std::vector<Candidate> candidates;
    for (const auto& h : holders) candidates.push_back({MatchedBy::holder, h.name, words_matched(typed, h.name)});
    candidates.push_back({MatchedBy::deed_number, {}, words_matched(typed, deed_number)});
    for (const auto& h : holders) {
        if (!h.codice_fiscale.empty()) {
            candidates.push_back({MatchedBy::codice_fiscale, h.name, words_matched(typed, h.codice_fiscale)});
        }
    }
    const Candidate* best = nullptr;
    for (const auto& c : candidates) {
        if (c.matched > 0 && (!best || c.matched > best->matched)) best = &c;
    }
    if (!best) return {};
    return {best->by, best->holder};
}

}  // namespace cemetery
