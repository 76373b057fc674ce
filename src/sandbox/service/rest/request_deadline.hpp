#pragma once
// Gate's `x-gate-exptime` request header: an absolute deadline, in milliseconds, after which an
// order placement, amendment or cancellation must not be executed (gateio-v4.md §2: a client that
// stalled on the network does not want a stale order to land late). Other requests ignore it, as
// Gate does. The sandbox judges it by its own clock, which the admin API may skew or advance.

#include <cstdint>
#include <optional>
#include <string_view>

#include "sandbox/service/rest/route.hpp"

namespace tradelink::sandbox::rest {

/// The header's name as Gate documents it (matched without regard to case).
inline constexpr std::string_view deadline_header = "x-gate-exptime";

/// Whether calls of `group` honour the deadline: placements and amendments (the place groups) and
/// cancellations.
[[nodiscard]] bool honours_deadline(RateGroup group) noexcept;

/// REQUEST_EXPIRED when `deadline` (the header's value) is before `now_ms`; INVALID_PARAM_VALUE
/// when it is not a whole number of milliseconds; nullopt when the call may go ahead.
[[nodiscard]] std::optional<Refusal> check_deadline(std::string_view deadline, std::int64_t now_ms);

}  // namespace tradelink::sandbox::rest
