#pragma once
// Fault injection, set through the admin API: per endpoint group ("public", "spot", "futures",
// "wallet", "account", or "all"), refuse requests with 429 / 5xx / TOO_BUSY and add latency;
// for WebSocket sessions, drop the connection after N messages, go silent, or leave out private
// pushes. Thread-safe.

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "sandbox/auth/authenticator.hpp"

namespace tradelink::sandbox {

/// Faults of one endpoint group.
struct RestFaultSpec {
  /// Refuse this many of the next requests (then stop); -1: every request until cleared.
  std::int64_t fail_next = 0;
  /// Refuse each request with this probability in percent (0..100), drawn from the seeded RNG.
  int fail_percent = 0;
  unsigned status = 503;          ///< 429, 500, 502, 503, 504
  std::string label = "TOO_BUSY";  ///< label of the refusal body
  /// Added before answering.
  std::chrono::milliseconds latency{0};
};

/// Faults of WebSocket sessions opened (or subscribing) after they are set.
struct WsFaultSpec {
  /// Close the TCP connection abruptly after this many pushed messages (0: never).
  std::int64_t drop_after_messages = 0;
  /// Stop sending anything (no frames, no close) while set.
  bool silent = false;
  /// Leave out this many of the next private-channel pushes (balances, orders, fills,
  /// positions) as if the exchange lost them; the connection stays up.
  std::int64_t omit_private_updates = 0;
};

struct RestFaultDecision {
  std::optional<Refusal> refuse;
  std::chrono::milliseconds delay{0};
};

class Faults {
 public:
  explicit Faults(std::uint64_t seed) : rng_(seed) {}

  void set_rest(std::string group, RestFaultSpec spec);
  void clear_rest(std::string_view group);
  void set_ws(WsFaultSpec spec);
  void clear_all();

  /// What to do with one request of `group` (an "all" entry applies to every group).
  [[nodiscard]] RestFaultDecision on_rest(std::string_view group);
  [[nodiscard]] WsFaultSpec ws() const;
  /// True (and one fewer left) while private pushes are to be left out.
  [[nodiscard]] bool take_private_omission();
  [[nodiscard]] std::map<std::string, RestFaultSpec, std::less<>> rest() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, RestFaultSpec, std::less<>> rest_;
  WsFaultSpec ws_;
  std::mt19937_64 rng_;
};

}  // namespace tradelink::sandbox
