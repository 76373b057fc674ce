#pragma once
// Server → client messages of Gate.io WebSocket v4 private channels (gateio-v4.md §2.4, §7.1,
// §7.2): subscription acks, pongs and the pushes of spot.balances, spot.orders,
// spot.usertrades, futures.balances, futures.orders, futures.usertrades and futures.positions,
// parsed into the venue-neutral updates of venues/account_feed.hpp. Amounts are read from the
// raw JSON text (strings or numbers) into core::Decimal, never through double.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "venues/account_feed.hpp"

namespace tradelink::gateio {

enum class MessageKind : std::uint8_t {
  ack,      ///< answer to subscribe/unsubscribe: `failed` tells success from failure
  pong,     ///< answer to spot.ping / futures.ping
  updates,  ///< a data push of a private channel: see the update vectors
  other,    ///< anything else (public channels, system notices): ignored by the feed
};

/// One parsed message. The vectors are cleared and refilled by every parse, so a message
/// object reused across parses keeps its capacity.
struct PrivateMessage {
  MessageKind kind = MessageKind::other;
  std::string channel;
  std::optional<std::int64_t> id;  ///< echoed request id
  bool failed = false;             ///< ack with an `error`
  std::int64_t error_code = 0;     ///< Gate's code: 4 = authentication failed
  std::string error_message;
  std::int64_t time_ms = 0;  ///< server time of the message
  std::vector<venues::BalanceUpdate> balances;
  std::vector<venues::OrderUpdate> orders;
  std::vector<venues::FillUpdate> fills;
  std::vector<venues::PositionUpdate> positions;
};

/// Gate's WebSocket error code for a refused authentication.
inline constexpr std::int64_t ws_auth_failed_code = 4;

/// One reusable simdjson on-demand parser with its padded buffer. Not thread-safe: one per
/// connection.
class PrivateMessageParser {
 public:
  PrivateMessageParser();
  ~PrivateMessageParser();
  PrivateMessageParser(PrivateMessageParser const&) = delete;
  PrivateMessageParser& operator=(PrivateMessageParser const&) = delete;

  /// Parses `text` into `out`. Errors (`gateio.parse`, naming the field): malformed JSON, a
  /// push of a known private channel missing a required field or with a bad decimal.
  [[nodiscard]] core::Result<void> parse(std::string_view text, PrivateMessage& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tradelink::gateio
