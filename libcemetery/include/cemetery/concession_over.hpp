#pragma once
// Whether a concession's life is over: it ended before its term (revoked, forfeited,
// surrendered: ending.hpp) or its place was freed (closing.hpp). Then no act changes
// it any more, whatever the act's date, so that the register's history of it ends
// where it ended: every decision of its life and every edit of its people asks this
// first. Freeing the place of an ended concession (decide_closing) is the one act left.

#include <cemetery/concession.hpp>
#include <cemetery/refusal.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cemetery {

// already_closed when the place was freed (Concession::closed_on, or `closed` when the
// caller knows it apart), else concession_ended when it ended; the message says how and
// when, in Italian, and ends with `consequence` ("non si può rinnovare"). None while it lives.
[[nodiscard]] std::optional<Refusal> refusal_when_over(const Concession& concession, std::string_view consequence,
                                                       bool closed = false);

// "1 defunto riposa nel posto", "3 defunti riposano nel posto": why a place cannot be
// freed, or a concession ended, without saying where the remains go.
[[nodiscard]] std::string remains_in_place(std::size_t deceased);

}  // namespace cemetery
