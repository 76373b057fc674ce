#include "venues/gateio/rest/clock.hpp"

namespace tradelink::gateio {

std::int64_t system_now_ms() noexcept {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void ClockOffset::record(std::int64_t sent_ms, std::int64_t server_ms, std::int64_t received_ms) noexcept {
  ++measurements_;
  round_trip_ms_ = received_ms >= sent_ms ? received_ms - sent_ms : 0;
  std::int64_t const midpoint = sent_ms + round_trip_ms_ / 2;
  offset_ms_ = server_ms - midpoint;
  measured_ = true;
}

std::string ClockOffset::timestamp() const { return std::to_string(server_now_seconds()); }

}  // namespace tradelink::gateio
