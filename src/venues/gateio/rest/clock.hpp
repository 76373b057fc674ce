#pragma once
// Clock offset to Gate's server time (gateio-v4.md §2.1 "Clock skew"): measured from
// GET /spot/time at the round-trip midpoint and applied to every signed request's Timestamp.

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace tradelink::gateio {

/// Milliseconds since the Unix epoch from some clock; injectable so tests control time.
using WallClock = std::function<std::int64_t()>;

/// The system clock in Unix milliseconds.
[[nodiscard]] std::int64_t system_now_ms() noexcept;

class ClockOffset {
 public:
  explicit ClockOffset(WallClock local_clock = system_now_ms) : local_clock_(std::move(local_clock)) {}

  /// Records one measurement: the request left at `sent_ms`, the answer (server time
  /// `server_ms`) arrived at `received_ms`, all local except `server_ms`. Assumes a symmetric
  /// path, so the server read its clock at the midpoint.
  void record(std::int64_t sent_ms, std::int64_t server_ms, std::int64_t received_ms) noexcept;

  /// Local now in Unix ms, without the offset.
  [[nodiscard]] std::int64_t local_now_ms() const { return local_clock_(); }
  /// Estimated server now in Unix ms (local clock + offset).
  [[nodiscard]] std::int64_t server_now_ms() const { return local_clock_() + offset_ms_; }
  /// Integer seconds of server_now_ms(), the `Timestamp` header tradelink sends.
  [[nodiscard]] std::string timestamp() const;
  /// Integer seconds, for WebSocket `time` fields.
  [[nodiscard]] std::int64_t server_now_seconds() const { return server_now_ms() / 1000; }

  /// server − local in ms (positive: our clock is behind). 0 until measured.
  [[nodiscard]] std::int64_t offset_ms() const noexcept { return offset_ms_; }
  /// Round trip of the last measurement in ms; its half bounds the offset's error.
  [[nodiscard]] std::int64_t last_round_trip_ms() const noexcept { return round_trip_ms_; }
  [[nodiscard]] bool measured() const noexcept { return measured_; }
  /// How many measurements were recorded; a request signed before the latest one may retry with
  /// the new offset without measuring again.
  [[nodiscard]] std::uint64_t measurements() const noexcept { return measurements_; }

 private:
  WallClock local_clock_;
  std::int64_t offset_ms_ = 0;
  std::int64_t round_trip_ms_ = 0;
  bool measured_ = false;
  std::uint64_t measurements_ = 0;
};

}  // namespace tradelink::gateio
