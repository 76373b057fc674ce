#pragma once
// Gate.io WebSocket v4 framing (gateio-v4.md §2.4, §2.5, §7): the channels the sandbox serves,
// parsing of client requests ({"time","id","channel","event","payload","auth"}) and the server's
// envelopes — subscription replies with `error` null or {"code","message"} and
// `result.status`, data pushes with `event` "update", and the application pong.

#include <boost/system/result.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tradelink::sandbox::ws {

/// Which WebSocket endpoint a session connected to.
enum class Product : std::uint8_t { spot, futures };

/// Every channel the sandbox serves.
enum class Channel : std::uint8_t {
  spot_ping,
  spot_tickers,
  spot_book_ticker,
  spot_trades,
  spot_order_book_update,
  spot_obu,
  spot_balances,
  spot_orders,
  spot_usertrades,
  futures_ping,
  futures_tickers,
  futures_book_ticker,
  futures_trades,
  futures_order_book_update,
  futures_balances,
  futures_orders,
  futures_positions,
  futures_usertrades,
  spot_candlesticks,
  futures_candlesticks,
};

/// The channel named `name` on `product`'s endpoint, or nullopt (unknown, or the other
/// endpoint's channel).
[[nodiscard]] std::optional<Channel> find_channel(Product product, std::string_view name) noexcept;
[[nodiscard]] std::string_view channel_name(Channel channel) noexcept;
/// Private channels need the `auth` object and a key with read access to the product.
[[nodiscard]] bool is_private(Channel channel) noexcept;

/// Gate's WebSocket error codes (§2.4).
enum class ErrorCode : int {
  bad_request = 1,  ///< body is not JSON or not the request shape
  invalid_argument = 2,
  server_error = 3,
  auth_failed = 4,
};

struct WsError {
  ErrorCode code = ErrorCode::bad_request;
  std::string message;
};

/// The `auth` object of a private subscription.
struct WsAuth {
  std::string method;
  std::string key;
  std::string sign;
};

/// A client request as received.
struct WsRequest {
  std::int64_t time = 0;           ///< seconds, signed into `auth.SIGN`
  std::optional<std::int64_t> id;  ///< echoed in the reply
  std::string channel;
  std::string event;
  std::vector<std::string> payload;  ///< strings; numbers are kept as their text
  std::optional<WsAuth> auth;
};

/// What a request that could not be parsed still tells the reply (channel, event, id when they
/// could be read) and why it failed.
struct WsParseFailure {
  WsRequest partial;
  WsError error;
};

/// Parses one client text message. Fails with bad_request when it is not a JSON object, or a
/// member has the wrong type.
[[nodiscard]] boost::system::result<WsRequest, WsParseFailure> parse_request(std::string_view text);

/// Envelope fields every server message carries.
struct Envelope {
  std::int64_t now_ms = 0;
  std::optional<std::int64_t> id;
  std::string_view channel;
  std::string_view event;
};

/// `{"time","time_ms","id"?,"channel","event","error":null,"result":{"status":"success"}}`.
[[nodiscard]] std::string render_success(Envelope const& envelope);
/// The same with `"error":{"code","message"}` and `"result":{"status":"fail"}`.
[[nodiscard]] std::string render_failure(Envelope const& envelope, WsError const& error);
/// `{"time","time_ms","id"?,"channel":"spot.pong","event":"","error":null,"result":null}`.
[[nodiscard]] std::string render_pong(Envelope const& envelope);
/// `{"time","time_ms","channel","event","result":<result_json>}` — a data push.
[[nodiscard]] std::string render_push(std::int64_t now_ms, std::string_view channel,
                                      std::string_view event, std::string_view result_json);

}  // namespace tradelink::sandbox::ws
