#include "sandbox/service/rest/request_deadline.hpp"

#include <charconv>
#include <string>

namespace tradelink::sandbox::rest {

bool honours_deadline(RateGroup group) noexcept {
  switch (group) {
    case RateGroup::spot_place:
    case RateGroup::spot_cancel:
    case RateGroup::futures_place:
    case RateGroup::futures_cancel: return true;
    case RateGroup::public_endpoint:
    case RateGroup::spot_other:
    case RateGroup::futures_other:
    case RateGroup::wallet_balance:
    case RateGroup::wallet_other:
    case RateGroup::other_private: return false;
  }
  return false;
}

std::optional<Refusal> check_deadline(std::string_view deadline, std::int64_t now_ms) {
  std::int64_t deadline_ms = 0;
  auto const [end, error] =
      std::from_chars(deadline.data(), deadline.data() + deadline.size(), deadline_ms);
  if (error != std::errc{} || end != deadline.data() + deadline.size() || deadline_ms <= 0) {
    return invalid_param(deadline_header, deadline);
  }
  if (now_ms > deadline_ms) {
    return refusal("REQUEST_EXPIRED", "request received at " + std::to_string(now_ms) +
                                          " ms, after its x-gate-exptime " +
                                          std::to_string(deadline_ms) + " ms");
  }
  return std::nullopt;
}

}  // namespace tradelink::sandbox::rest
