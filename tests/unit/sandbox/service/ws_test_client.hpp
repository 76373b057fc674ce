#pragma once
// A test-side Gate WebSocket client over loopback: tradelink's net::WebSocketClient driven on
// the test's io_context, with blocking helpers that run the context until a message arrives
// (bounded waits so a broken server fails the test instead of hanging it).

#include <boost/asio/io_context.hpp>
#include <boost/json/value.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "net/websocket_client.hpp"
#include "unit/sandbox/service/sandbox_fixture.hpp"

namespace tradelink::sandbox::test {

class WsTestClient {
 public:
  /// `url` e.g. "ws://127.0.0.1:PORT/ws/v4/". Connects at once; see connected().
  WsTestClient(boost::asio::io_context& io, std::string const& url,
               std::vector<net::Header> headers = {});

  [[nodiscard]] bool connected() const noexcept { return connected_; }
  void send(std::string const& text);
  /// Sends a subscribe/unsubscribe request; `auth` adds Gate's auth object signed by `key`.
  void request(std::string const& channel, std::string const& event,
               std::vector<std::string> const& payload, std::int64_t id = 0,
               TestKey const* key = nullptr, std::optional<std::int64_t> time = std::nullopt);

  /// The next message (in arrival order), parsed; nullopt when none arrived within `limit` or
  /// the connection ended.
  std::optional<boost::json::value> next(
      std::chrono::milliseconds limit = std::chrono::seconds(10));
  /// Skips messages until one satisfies `match`.
  std::optional<boost::json::value> next_matching(
      std::function<bool(boost::json::value const&)> const& match,
      std::chrono::milliseconds limit = std::chrono::seconds(10));
  /// The next message on `channel` with `event`.
  std::optional<boost::json::value> next_on(
      std::string const& channel, std::string const& event,
      std::chrono::milliseconds limit = std::chrono::seconds(10));
  /// Runs the io_context until the connection ended (or `limit`); true when it ended.
  bool wait_closed(std::chrono::milliseconds limit = std::chrono::seconds(10));
  /// Runs the io_context for `duration`, collecting messages.
  void pump(std::chrono::milliseconds duration);

  [[nodiscard]] std::optional<net::WebSocketCloseInfo> const& close_info() const noexcept {
    return *close_info_;
  }
  [[nodiscard]] std::size_t pending() const noexcept { return inbox_->size(); }

 private:
  bool run_until(std::function<bool()> const& done, std::chrono::milliseconds limit);

  boost::asio::io_context& io_;
  std::unique_ptr<net::WebSocketClient> client_;
  std::shared_ptr<std::deque<std::string>> inbox_ = std::make_shared<std::deque<std::string>>();
  std::shared_ptr<std::optional<net::WebSocketCloseInfo>> close_info_ =
      std::make_shared<std::optional<net::WebSocketCloseInfo>>();
  bool connected_ = false;
};

/// "ws://127.0.0.1:PORT" of the fixture's server.
[[nodiscard]] std::string ws_base(SandboxServer const& server);

/// Places a limit spot order through the engine, under the venue lock.
core::Result<SpotOrder> place_spot(SandboxServer& server, std::int64_t user, std::string_view pair,
                                   Side side, std::string_view amount, std::string_view price);
/// Places a futures order (signed `size`) through the engine; price "0" with ioc is a market order.
core::Result<FuturesOrder> place_futures(SandboxServer& server, std::int64_t user,
                                         std::string_view contract, std::string_view size,
                                         std::string_view price,
                                         TimeInForce tif = TimeInForce::gtc);
/// Credits the user's USDT futures account.
void fund_futures(SandboxServer& server, std::int64_t user, std::string_view amount);

/// The member `name` of an object as a string ("" when absent or not a string).
[[nodiscard]] std::string text_of(boost::json::value const& object, std::string_view name);

}  // namespace tradelink::sandbox::test
