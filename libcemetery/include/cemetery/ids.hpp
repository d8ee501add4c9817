#pragma once
// Strong identifiers: a ConcessionId and a PlotId are both numbers in the database,
// but they must never be mixed up in code, so each is its own type.

#include <compare>
#include <cstdint>
#include <functional>

namespace cemetery {

template <class Tag>
class StrongId {
public:
    constexpr StrongId() = default;
    constexpr explicit StrongId(std::int64_t value) : value_(value) {}
    [[nodiscard]] constexpr std::int64_t value() const { return value_; }
    [[nodiscard]] constexpr bool valid() const { return value_ > 0; }
    friend constexpr auto operator<=>(StrongId, StrongId) = default;

private:
    std::int64_t value_ = 0;
};

using ComuneId = StrongId<struct ComuneTag>;
using CemeteryId = StrongId<struct CemeteryTag>;
using PlotId = StrongId<struct PlotTag>;
using ConcessionId = StrongId<struct ConcessionTag>;
using HolderId = StrongId<struct HolderTag>;
using DeceasedId = StrongId<struct DeceasedTag>;
using RenewalId = StrongId<struct RenewalTag>;

}  // namespace cemetery

template <class Tag>
struct std::hash<cemetery::StrongId<Tag>> {
    std::size_t operator()(cemetery::StrongId<Tag> id) const noexcept {
        return std::hash<std::int64_t>{}(id.value());
    }
};
