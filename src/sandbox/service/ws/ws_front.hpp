#pragma once
// The sandbox's Gate.io WebSocket v4 face: spot at /ws/v4/, USDT perpetuals at /v4/ws/usdt
// (gateio-v4.md §1, §2.2, §2.4, §2.5, §7). Clients subscribe to public market data and, with a
// signed `auth` object, to their private channels; engine events (EventSink, called under the
// venue lock in causal order) are rendered once per event and the same text is queued to every
// subscriber. Order book channels merge deltas over their interval (20/100/1000 ms) with ids
// U..u in the REST snapshot's id space; tickers are pushed about once a second and book tickers
// shortly after the best level changed. Injected WebSocket faults (drop after N pushes, silent)
// apply. Messages with `event` "api" go to the WebSocket trading API (ws_api.hpp) when it is
// enabled. Malformed requests get an error reply; nothing a client sends can crash it.
//
// Threading: every public member is thread-safe. Lock order: venue lock, then the front's own.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "net/websocket_session.hpp"
#include "sandbox/engine/events.hpp"
#include "sandbox/service/faults.hpp"
#include "sandbox/service/scheduler.hpp"
#include "sandbox/service/venue.hpp"
#include "sandbox/service/ws/book_changes.hpp"
#include "sandbox/service/ws/client_session.hpp"
#include "sandbox/service/ws/subscription.hpp"
#include "sandbox/service/ws/ws_api.hpp"

namespace tradelink::sandbox::ws {

inline constexpr std::string_view spot_path = "/ws/v4/";
inline constexpr std::string_view futures_path = "/v4/ws/usdt";

struct WsFrontOptions {
  /// `spot.tickers` / `futures.tickers` push period for markets that changed.
  std::chrono::milliseconds ticker_interval{1000};
  /// Delay before a changed best level is pushed on `*.book_ticker`.
  std::chrono::milliseconds book_ticker_delay{10};
};

class WsFront final : public EventSink {
 public:
  /// `venue`, `faults` and `scheduler` must outlive the front; register the front as an event
  /// sink of `venue` before serving.
  WsFront(Venue& venue, Faults& faults, Scheduler& scheduler, WsFrontOptions options = {});
  ~WsFront() override;
  WsFront(WsFront const&) = delete;
  WsFront& operator=(WsFront const&) = delete;

  /// The upgrade routes for net::ServerHandlers::websocket_routes.
  [[nodiscard]] std::vector<net::WebSocketRoute> routes();

  /// Serves Gate's WebSocket trading API (ws_api.hpp) on both endpoints by running `rest`'s
  /// order routes; call before serving. Without it, WS API requests are refused as unknown.
  void enable_trading_api(rest::RestFront& rest);

  void on_spot_balance(SpotBalanceUpdate const& update) override;
  void on_spot_order(OrderEvent event, SpotOrder const& order) override;
  void on_spot_user_trade(SpotUserTrade const& trade) override;
  void on_spot_public_trade(SpotPublicTrade const& trade) override;
  void on_spot_book(BookDelta const& delta) override;
  void on_futures_balance(FuturesBalanceUpdate const& update) override;
  void on_futures_order(OrderEvent event, FuturesOrder const& order) override;
  void on_futures_position(FuturesPosition const& position) override;
  void on_futures_user_trade(FuturesUserTrade const& trade) override;
  void on_futures_public_trade(FuturesPublicTrade const& trade) override;
  void on_futures_book(BookDelta const& delta) override;

  /// Sessions connected right now.
  [[nodiscard]] std::size_t session_count() const;

 private:
  using SessionPtr = std::shared_ptr<ClientSession>;

  struct PrivateSubscriber {
    SessionPtr session;
    bool all_markets = false;
    std::set<std::string, std::less<>> markets;
  };
  struct BookSubscriber {
    SessionPtr session;
    Channel channel = Channel::spot_order_book_update;
    std::string level;
    std::string stream;
  };
  /// One book at one push interval: the merged pending deltas and who gets them.
  struct BookStream {
    Product product = Product::spot;
    std::string market;
    std::chrono::milliseconds interval{100};
    BookChanges pending;
    bool flush_armed = false;
    std::vector<BookSubscriber> subscribers;
  };
  using PrivateKey = std::pair<Channel, std::int64_t>;
  using MarketKey = std::pair<Product, std::string>;

  net::WebSocketCallbacks open_session(net::WebSocketSession const& handle, Product product);
  void on_text(SessionPtr const& session, std::string_view text);
  void handle_request(SessionPtr const& session, WsRequest const& request);
  void subscribe(SessionPtr const& session, WsRequest const& request, Subscription subscription,
                 std::int64_t user_id);
  void unsubscribe(SessionPtr const& session, WsRequest const& request,
                   Subscription const& subscription);
  void subscribe_books(SessionPtr const& session, WsRequest const& request,
                       Subscription const& subscription);
  void remove_session(std::uint64_t session_id);

  [[nodiscard]] bool is_market(Product product, std::string_view market) const;
  [[nodiscard]] Envelope envelope_for(WsRequest const& request, std::string_view event) const;
  [[nodiscard]] bool silent() const { return faults_.ws().silent; }

  // ----- fan-out (callers hold mutex_) -----
  void push_public(Channel channel, std::string_view market,
                   std::function<std::string(SizeFormat)> const& render);
  void push_private(Channel channel, std::int64_t user, std::string_view market,
                    std::function<std::string(SizeFormat)> const& render);
  void add_book_delta(Product product, BookDelta const& delta);
  void flush_book(BookStream& stream);
  void mark_dirty(Product product, std::string_view market);
  /// Queues the candlestick streams of `market` that have subscribers for the next publication.
  void mark_candles_dirty(Product product, std::string_view market);

  void on_book_timer(std::string const& key);
  void publish_tickers();
  void publish_book_tickers();
  void publish_candles();

  Venue& venue_;
  Faults& faults_;
  Scheduler& scheduler_;
  WsFrontOptions options_;
  std::set<std::string, std::less<>> spot_pairs_;  ///< immutable after construction
  std::set<std::string, std::less<>> contracts_;   ///< immutable after construction

  mutable std::mutex mutex_;
  std::map<std::uint64_t, SessionPtr> sessions_;
  /// "<channel>|<market>" → subscribers of tickers, book tickers and trades.
  std::map<std::string, std::vector<SessionPtr>, std::less<>> public_topics_;
  std::map<PrivateKey, std::vector<PrivateSubscriber>> private_topics_;
  /// "<product>|<market>|<interval ms>" → stream.
  std::map<std::string, BookStream, std::less<>> book_streams_;
  std::set<MarketKey> dirty_tickers_;
  std::set<MarketKey> dirty_book_tickers_;
  std::set<MarketKey> dirty_candles_;  ///< streams "<interval>_<market>"
  bool tickers_armed_ = false;
  bool candles_armed_ = false;
  bool book_tickers_armed_ = false;
  /// Cleared by the destructor: timers that fire later do nothing.
  std::shared_ptr<bool> alive_;
  std::unique_ptr<WsApi> api_;  ///< set before serving, then immutable
};

}  // namespace tradelink::sandbox::ws
