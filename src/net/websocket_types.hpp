#pragma once
// Value types shared by the WebSocket server sessions and the WebSocket client: close codes and
// the account of how a connection ended.

#include <cstdint>
#include <optional>
#include <string>

#include "core/error.hpp"

namespace tradelink::net {

/// Close codes of RFC 6455 section 7.4.1 that tradelink sends or reports.
namespace close_code {
inline constexpr std::uint16_t normal = 1000;
inline constexpr std::uint16_t going_away = 1001;  ///< server stopping
inline constexpr std::uint16_t protocol_error = 1002;
inline constexpr std::uint16_t unsupported_data = 1003;  ///< e.g. a binary message
inline constexpr std::uint16_t abnormal = 1006;  ///< no close frame was exchanged (never sent)
inline constexpr std::uint16_t policy_violation = 1008;  ///< e.g. outbound queue overflow
inline constexpr std::uint16_t message_too_big = 1009;
inline constexpr std::uint16_t internal_error = 1011;
}  // namespace close_code

/// How a WebSocket connection ended.
///   - Closing handshake (either side started it): `code`/`reason` of that handshake (the
///     initiator's), `error` empty.
///   - Failure: `error` holds a transport error — `net.timeout` (silence deadline, handshake or
///     close timeout), `net.reset` (peer vanished), `net.protocol` (peer broke RFC 6455),
///     `net.message_too_large`, `net.send_queue_full` (slow consumer), `net.tls`,
///     `net.closed_locally` (aborted by this side) — and `code` is the close code this side sent
///     if it could, else 1006.
struct WebSocketCloseInfo {
  std::uint16_t code = close_code::abnormal;
  std::string reason;
  std::optional<core::Error> error;

  /// True when the connection ended with a completed closing handshake.
  [[nodiscard]] bool clean() const noexcept { return !error.has_value(); }
};

}  // namespace tradelink::net
