#include "sandbox/service/ws/ws_front.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <iterator>
#include <limits>
#include <optional>

#include "sandbox/engine/candles.hpp"
#include "sandbox/service/ws/channel_auth.hpp"
#include "sandbox/service/ws/spot_render.hpp"

namespace tradelink::sandbox::ws {
namespace {

std::string topic_key(Channel channel, std::string_view market) {
  std::string key(channel_name(channel));
  key.append("|").append(market);
  return key;
}

std::string_view product_tag(Product product) {
  return product == Product::spot ? "spot" : "futures";
}

Channel candlesticks_of(Product product) noexcept {
  return product == Product::spot ? Channel::spot_candlesticks : Channel::futures_candlesticks;
}

/// Streams of one market sort together: "<product>|<market>|" is their common prefix.
std::string book_prefix(Product product, std::string_view market) {
  std::string key(product_tag(product));
  key.append("|").append(market).append("|");
  return key;
}

std::string book_key(Product product, std::string_view market, std::chrono::milliseconds interval) {
  return book_prefix(product, market) + std::to_string(interval.count());
}

/// Renders at most once per size format and hands out the same text.
class LazyText {
 public:
  explicit LazyText(std::function<std::string(SizeFormat)> const& render) : render_(render) {}
  std::string const& get(SizeFormat sizes) {
    auto& slot = sizes == SizeFormat::string ? as_strings_ : as_numbers_;
    if (!slot) slot = render_(sizes);
    return *slot;
  }

 private:
  std::function<std::string(SizeFormat)> const& render_;
  std::optional<std::string> as_strings_;
  std::optional<std::string> as_numbers_;
};

constexpr std::size_t whole_book = std::numeric_limits<std::size_t>::max();

}  // namespace

WsFront::WsFront(Venue& venue, Faults& faults, Scheduler& scheduler, WsFrontOptions options)
    : venue_(venue),
      faults_(faults),
      scheduler_(scheduler),
      options_(options),
      alive_(std::make_shared<bool>(true)) {
  venue_.with([&](VenueState& state) {
    for (auto const& pair : state.engine.catalogue().pairs) spot_pairs_.insert(pair.id);
    for (auto const& contract : state.engine.catalogue().contracts) {
      contracts_.insert(contract.name);
    }
  });
}

WsFront::~WsFront() {
  std::scoped_lock const lock(mutex_);
  alive_.reset();
}

std::vector<net::WebSocketRoute> WsFront::routes() {
  std::vector<net::WebSocketRoute> routes;
  routes.push_back(net::WebSocketRoute{
      [](std::string_view path) { return path == spot_path || path == "/ws/v4"; },
      [this](net::WebSocketSession const& handle) { return open_session(handle, Product::spot); }});
  routes.push_back(net::WebSocketRoute{[](std::string_view path) { return path == futures_path; },
                                       [this](net::WebSocketSession const& handle) {
                                         return open_session(handle, Product::futures);
                                       }});
  return routes;
}

std::size_t WsFront::session_count() const {
  std::scoped_lock const lock(mutex_);
  return sessions_.size();
}

// ----- sessions and requests -----

net::WebSocketCallbacks WsFront::open_session(net::WebSocketSession const& handle,
                                              Product product) {
  auto session = std::make_shared<ClientSession>(handle, product, scheduler_);
  session->set_drop_after(faults_.ws().drop_after_messages);
  {
    std::scoped_lock const lock(mutex_);
    sessions_.emplace(session->id(), session);
  }
  net::WebSocketCallbacks callbacks;
  callbacks.on_text = [this, session](std::string_view text) { on_text(session, text); };
  callbacks.on_close = [this, id = session->id()](net::WebSocketCloseInfo const&) {
    remove_session(id);
  };
  return callbacks;
}

void WsFront::enable_trading_api(rest::RestFront& rest) {
  api_ = std::make_unique<WsApi>(venue_, faults_, scheduler_, rest);
}

void WsFront::on_text(SessionPtr const& session, std::string_view text) {
  if (api_) {
    if (auto api_request = parse_api_request(text)) {
      api_->handle(session, *api_request);
      return;
    }
  }
  auto parsed = parse_request(text);
  if (!parsed) {
    WsParseFailure const& failure = parsed.error();
    session->reply(
        render_failure(envelope_for(failure.partial, failure.partial.event), failure.error),
        silent());
    return;
  }
  try {
    handle_request(session, *parsed);
  } catch (std::exception const&) {
    session->reply(render_failure(envelope_for(*parsed, parsed->event),
                                  WsError{ErrorCode::server_error, "server error"}),
                   silent());
  }
}

Envelope WsFront::envelope_for(WsRequest const& request, std::string_view event) const {
  return Envelope{venue_.clock().now_ms(), request.id, request.channel, event};
}

bool WsFront::is_market(Product product, std::string_view market) const {
  auto const& markets = product == Product::spot ? spot_pairs_ : contracts_;
  return markets.contains(market);
}

void WsFront::handle_request(SessionPtr const& session, WsRequest const& request) {
  Product const product = session->product();
  auto const channel = find_channel(product, request.channel);
  if (!channel) {
    session->reply(
        render_failure(envelope_for(request, request.event),
                       WsError{ErrorCode::invalid_argument, "unknown channel " + request.channel}),
        silent());
    return;
  }
  if (*channel == Channel::spot_ping || *channel == Channel::futures_ping) {
    std::string_view const pong = product == Product::spot ? "spot.pong" : "futures.pong";
    session->reply(
        render_pong(Envelope{venue_.clock().now_ms(), request.id, pong, std::string_view{}}),
        silent());
    return;
  }
  if (request.event != "subscribe" && request.event != "unsubscribe") {
    session->reply(render_failure(envelope_for(request, request.event),
                                  WsError{ErrorCode::invalid_argument,
                                          "invalid event " + request.event +
                                              ", subscribe or unsubscribe expected"}),
                   silent());
    return;
  }
  auto subscription = parse_subscription(
      *channel, request.payload,
      [this, product](std::string_view market) { return is_market(product, market); });
  if (!subscription) {
    session->reply(render_failure(envelope_for(request, request.event), subscription.error()),
                   silent());
    return;
  }

  std::int64_t user_id = 0;
  if (is_private(*channel)) {
    auto authenticated = venue_.with([&](VenueState& state) {
      return authenticate_channel(state.keys, request, product, session->peer_ip(),
                                  state.clock.now_ms());
    });
    if (!authenticated) {
      session->reply(render_failure(envelope_for(request, request.event), authenticated.error()),
                     silent());
      return;
    }
    user_id = *authenticated;
    if (subscription->user_id && *subscription->user_id != user_id) {
      session->reply(render_failure(envelope_for(request, request.event),
                                    WsError{ErrorCode::invalid_argument,
                                            "user id does not match the API key"}),
                     silent());
      return;
    }
  }

  if (request.event == "subscribe") {
    session->set_drop_after(faults_.ws().drop_after_messages);
    subscribe(session, request, std::move(*subscription), user_id);
  } else {
    unsubscribe(session, request, *subscription);
  }
}

void WsFront::subscribe(SessionPtr const& session, WsRequest const& request,
                        Subscription subscription, std::int64_t user_id) {
  if (!subscription.books.empty()) {
    subscribe_books(session, request, subscription);
    return;
  }
  std::scoped_lock const lock(mutex_);
  if (is_private(subscription.channel)) {
    auto& subscribers = private_topics_[PrivateKey{subscription.channel, user_id}];
    auto found = std::find_if(subscribers.begin(), subscribers.end(), [&](auto const& entry) {
      return entry.session->id() == session->id();
    });
    if (found == subscribers.end()) {
      subscribers.push_back(PrivateSubscriber{session, false, {}});
      found = std::prev(subscribers.end());
    }
    found->all_markets = found->all_markets || subscription.all_markets;
    for (auto& market : subscription.markets) found->markets.insert(std::move(market));
  } else {
    for (auto const& market : subscription.markets) {
      auto& subscribers = public_topics_[topic_key(subscription.channel, market)];
      bool const present = std::any_of(subscribers.begin(), subscribers.end(),
                                       [&](auto const& s) { return s->id() == session->id(); });
      if (!present) subscribers.push_back(session);
    }
  }
  // Queued under the lock, so no push of the new subscription can overtake the ack.
  session->reply(render_success(envelope_for(request, request.event)), silent());
}

void WsFront::subscribe_books(SessionPtr const& session, WsRequest const& request,
                              Subscription const& subscription) {
  Product const product = session->product();
  // Under the venue lock no delta can slip between the obu snapshot and the subscription.
  venue_.with([&](VenueState& state) {
    std::scoped_lock const lock(mutex_);
    bool const quiet = silent();
    session->reply(render_success(envelope_for(request, request.event)), quiet);
    for (auto const& target : subscription.books) {
      std::string const key = book_key(product, target.market, target.interval);
      auto [position, created] = book_streams_.try_emplace(key);
      BookStream& stream = position->second;
      if (created) {
        stream.product = product;
        stream.market = target.market;
        stream.interval = target.interval;
      }
      bool const present =
          std::any_of(stream.subscribers.begin(), stream.subscribers.end(), [&](auto const& s) {
            return s.session->id() == session->id() && s.channel == subscription.channel &&
                   s.level == target.level;
          });
      if (present) continue;
      if (subscription.channel == Channel::spot_obu) {
        // The full snapshot must sit exactly before the next delta: hand out what is pending
        // first, then the book as it is now.
        flush_book(stream);
        auto snapshot = state.engine.spot().order_book(target.market, whole_book);
        if (!snapshot) continue;
        session->push(
            render_push(state.clock.now_ms(), channel_name(Channel::spot_obu), "update",
                        render_obu_snapshot(target.stream, *snapshot, state.clock.now_ms())),
            quiet);
      }
      stream.subscribers.push_back(
          BookSubscriber{session, subscription.channel, target.level, target.stream});
    }
  });
}

void WsFront::unsubscribe(SessionPtr const& session, WsRequest const& request,
                          Subscription const& subscription) {
  std::scoped_lock const lock(mutex_);
  std::uint64_t const id = session->id();
  if (!subscription.books.empty()) {
    for (auto const& target : subscription.books) {
      auto found = book_streams_.find(book_key(session->product(), target.market, target.interval));
      if (found == book_streams_.end()) continue;
      std::erase_if(found->second.subscribers, [&](BookSubscriber const& s) {
        return s.session->id() == id && s.channel == subscription.channel;
      });
      if (found->second.subscribers.empty()) book_streams_.erase(found);
    }
  } else if (is_private(subscription.channel)) {
    for (auto& [key, subscribers] : private_topics_) {
      if (key.first != subscription.channel) continue;
      for (auto& entry : subscribers) {
        if (entry.session->id() != id) continue;
        if (subscription.all_markets) entry.all_markets = false;
        for (auto const& market : subscription.markets) entry.markets.erase(market);
        if (subscription.channel == Channel::spot_balances ||
            subscription.channel == Channel::futures_balances) {
          entry.all_markets = false;
        }
      }
      std::erase_if(subscribers, [&](PrivateSubscriber const& entry) {
        return entry.session->id() == id && !entry.all_markets && entry.markets.empty();
      });
    }
  } else {
    for (auto const& market : subscription.markets) {
      auto found = public_topics_.find(topic_key(subscription.channel, market));
      if (found == public_topics_.end()) continue;
      std::erase_if(found->second, [&](SessionPtr const& s) { return s->id() == id; });
      if (found->second.empty()) public_topics_.erase(found);
    }
  }
  session->reply(render_success(envelope_for(request, request.event)), silent());
}

void WsFront::remove_session(std::uint64_t session_id) {
  std::scoped_lock const lock(mutex_);
  sessions_.erase(session_id);
  auto const is_gone = [&](SessionPtr const& s) { return s->id() == session_id; };
  for (auto it = public_topics_.begin(); it != public_topics_.end();) {
    std::erase_if(it->second, is_gone);
    it = it->second.empty() ? public_topics_.erase(it) : std::next(it);
  }
  for (auto it = private_topics_.begin(); it != private_topics_.end();) {
    std::erase_if(it->second, [&](PrivateSubscriber const& s) { return is_gone(s.session); });
    it = it->second.empty() ? private_topics_.erase(it) : std::next(it);
  }
  for (auto it = book_streams_.begin(); it != book_streams_.end();) {
    std::erase_if(it->second.subscribers,
                  [&](BookSubscriber const& s) { return is_gone(s.session); });
    it = it->second.subscribers.empty() ? book_streams_.erase(it) : std::next(it);
  }
}

// ----- fan-out -----

void WsFront::push_public(Channel channel, std::string_view market,
                          std::function<std::string(SizeFormat)> const& render) {
  auto const found = public_topics_.find(topic_key(channel, market));
  if (found == public_topics_.end()) return;
  bool const quiet = silent();
  std::int64_t const now_ms = venue_.clock().now_ms();
  LazyText result(render);
  std::array<std::optional<std::string>, 2> messages;
  for (auto const& session : found->second) {
    auto const index = static_cast<std::size_t>(session->sizes());
    if (!messages[index]) {
      messages[index] =
          render_push(now_ms, channel_name(channel), "update", result.get(session->sizes()));
    }
    session->push(*messages[index], quiet);
  }
}

void WsFront::push_private(Channel channel, std::int64_t user, std::string_view market,
                           std::function<std::string(SizeFormat)> const& render) {
  auto const found = private_topics_.find(PrivateKey{channel, user});
  if (found == private_topics_.end()) return;
  if (faults_.take_private_omission()) return;
  bool const quiet = silent();
  std::int64_t const now_ms = venue_.clock().now_ms();
  LazyText result(render);
  std::array<std::optional<std::string>, 2> messages;
  for (auto const& entry : found->second) {
    if (!entry.all_markets && !entry.markets.contains(market)) continue;
    auto const index = static_cast<std::size_t>(entry.session->sizes());
    if (!messages[index]) {
      messages[index] =
          render_push(now_ms, channel_name(channel), "update", result.get(entry.session->sizes()));
    }
    entry.session->push(*messages[index], quiet);
  }
}

void WsFront::add_book_delta(Product product, BookDelta const& delta) {
  std::string const prefix = book_prefix(product, delta.market);
  for (auto it = book_streams_.lower_bound(prefix);
       it != book_streams_.end() && it->first.starts_with(prefix); ++it) {
    BookStream& stream = it->second;
    stream.pending.add(delta);
    if (stream.flush_armed) continue;
    stream.flush_armed = true;
    scheduler_.after(stream.interval, [this, alive = std::weak_ptr<bool>(alive_), key = it->first] {
      if (alive.lock()) on_book_timer(key);
    });
  }
}

void WsFront::on_book_timer(std::string const& key) {
  std::scoped_lock const lock(mutex_);
  auto const found = book_streams_.find(key);
  if (found == book_streams_.end()) return;
  found->second.flush_armed = false;
  flush_book(found->second);
}

void WsFront::flush_book(BookStream& stream) {
  if (stream.pending.empty()) return;
  bool const quiet = silent();
  std::int64_t const now_ms = venue_.clock().now_ms();
  // Few distinct shapes per stream (channel × level × size format): render each once.
  struct Rendered {
    BookSubscriber const* shape;
    SizeFormat sizes;
    std::string text;
  };
  std::vector<Rendered> rendered;
  for (auto const& subscriber : stream.subscribers) {
    SizeFormat const sizes = subscriber.session->sizes();
    auto found = std::find_if(rendered.begin(), rendered.end(), [&](Rendered const& item) {
      return item.sizes == sizes && item.shape->channel == subscriber.channel &&
             item.shape->level == subscriber.level && item.shape->stream == subscriber.stream;
    });
    if (found == rendered.end()) {
      std::string result;
      switch (subscriber.channel) {
        case Channel::spot_obu:
          result = render_obu_update(subscriber.stream, stream.pending);
          break;
        case Channel::futures_order_book_update:
          result =
              render_futures_book_update(stream.market, stream.pending, subscriber.level, sizes);
          break;
        default:
          result = render_spot_book_update(stream.market, stream.pending, subscriber.level);
          break;
      }
      rendered.push_back(
          Rendered{&subscriber, sizes,
                   render_push(now_ms, channel_name(subscriber.channel), "update", result)});
      found = std::prev(rendered.end());
    }
    subscriber.session->push(found->text, quiet);
  }
  stream.pending.clear();
}

void WsFront::mark_dirty(Product product, std::string_view market) {
  Channel const tickers =
      product == Product::spot ? Channel::spot_tickers : Channel::futures_tickers;
  Channel const book_ticker =
      product == Product::spot ? Channel::spot_book_ticker : Channel::futures_book_ticker;
  auto const alive = std::weak_ptr<bool>(alive_);
  if (public_topics_.contains(topic_key(tickers, market))) {
    dirty_tickers_.emplace(product, std::string(market));
    if (!tickers_armed_) {
      tickers_armed_ = true;
      scheduler_.after(options_.ticker_interval, [this, alive] {
        if (alive.lock()) publish_tickers();
      });
    }
  }
  if (public_topics_.contains(topic_key(book_ticker, market))) {
    dirty_book_tickers_.emplace(product, std::string(market));
    if (!book_tickers_armed_) {
      book_tickers_armed_ = true;
      scheduler_.after(options_.book_ticker_delay, [this, alive] {
        if (alive.lock()) publish_book_tickers();
      });
    }
  }
}

void WsFront::mark_candles_dirty(Product product, std::string_view market) {
  // Most trades have no candlestick subscriber at all: one lookup settles it.
  Channel const channel = candlesticks_of(product);
  std::string const channel_prefix = topic_key(channel, "");
  auto const first = public_topics_.lower_bound(channel_prefix);
  if (first == public_topics_.end() || !first->first.starts_with(channel_prefix)) return;
  for (CandleInterval const interval : all_candle_intervals) {
    std::string stream = std::string(to_string(interval)).append("_").append(market);
    if (!public_topics_.contains(topic_key(channel, stream))) continue;
    dirty_candles_.emplace(product, std::move(stream));
  }
  if (dirty_candles_.empty() || candles_armed_) return;
  candles_armed_ = true;
  scheduler_.after(options_.ticker_interval, [this, alive = std::weak_ptr<bool>(alive_)] {
    if (alive.lock()) publish_candles();
  });
}

void WsFront::publish_candles() {
  venue_.with([&](VenueState& state) {
    std::scoped_lock const lock(mutex_);
    candles_armed_ = false;
    auto const dirty = std::exchange(dirty_candles_, {});
    std::int64_t const now_ms = state.clock.now_ms();
    for (auto const& [product, stream] : dirty) {
      auto const separator = stream.find('_');
      auto const interval = parse_candle_interval(std::string_view(stream).substr(0, separator));
      std::string_view const market = std::string_view(stream).substr(separator + 1);
      if (!interval) continue;
      auto candles = product == Product::spot
                         ? state.engine.spot().candles(market, *interval, std::nullopt,
                                                       std::nullopt, 1, now_ms)
                         : state.engine.futures().candles(market, *interval, std::nullopt,
                                                          std::nullopt, 1, now_ms);
      if (!candles || candles->empty()) continue;
      Candle const& candle = candles->back();
      if (product == Product::spot) {
        push_public(Channel::spot_candlesticks, stream,
                    [&](SizeFormat) { return render_spot_candle(stream, candle); });
        continue;
      }
      ContractSpec const* spec = state.engine.find_contract(market);
      if (spec == nullptr) continue;
      push_public(Channel::futures_candlesticks, stream, [&](SizeFormat sizes) {
        return render_futures_candle(stream, candle, spec->quanto_multiplier, sizes);
      });
    }
  });
}

void WsFront::publish_tickers() {
  // Under the venue lock: the engine is read consistently and successive runs cannot overlap.
  venue_.with([&](VenueState& state) {
    std::scoped_lock const lock(mutex_);
    tickers_armed_ = false;
    auto const dirty = std::exchange(dirty_tickers_, {});
    std::int64_t const now_ms = state.clock.now_ms();
    for (auto const& [product, market] : dirty) {
      if (product == Product::spot) {
        auto ticker = state.engine.spot().ticker(market, now_ms);
        if (!ticker) continue;
        push_public(Channel::spot_tickers, market,
                    [&](SizeFormat) { return render_spot_ticker(*ticker); });
      } else {
        auto ticker = state.engine.futures().ticker(market, now_ms);
        if (!ticker) continue;
        push_public(Channel::futures_tickers, market,
                    [&](SizeFormat) { return render_futures_ticker(*ticker); });
      }
    }
  });
}

void WsFront::publish_book_tickers() {
  venue_.with([&](VenueState& state) {
    std::scoped_lock const lock(mutex_);
    book_tickers_armed_ = false;
    auto const dirty = std::exchange(dirty_book_tickers_, {});
    for (auto const& dirty_market : dirty) {
      Product const product = dirty_market.first;
      std::string const& market = dirty_market.second;
      auto snapshot = product == Product::spot ? state.engine.spot().order_book(market, 1)
                                               : state.engine.futures().order_book(market, 1);
      if (!snapshot) continue;
      BestLevels best{market, snapshot->update_ms, snapshot->id, std::nullopt, std::nullopt};
      if (!snapshot->bids.empty()) best.bid = snapshot->bids.front();
      if (!snapshot->asks.empty()) best.ask = snapshot->asks.front();
      Channel const channel =
          product == Product::spot ? Channel::spot_book_ticker : Channel::futures_book_ticker;
      push_public(channel, market, [&](SizeFormat sizes) {
        return render_book_ticker(best, product == Product::futures && sizes == SizeFormat::number);
      });
    }
  });
}

// ----- engine events (under the venue lock) -----

void WsFront::on_spot_balance(SpotBalanceUpdate const& update) {
  std::scoped_lock const lock(mutex_);
  push_private(Channel::spot_balances, update.user, update.currency,
               [&](SizeFormat) { return render_spot_balance(update); });
}

void WsFront::on_spot_order(OrderEvent event, SpotOrder const& order) {
  std::scoped_lock const lock(mutex_);
  push_private(Channel::spot_orders, order.user, order.currency_pair,
               [&](SizeFormat) { return render_spot_order(event, order); });
}

void WsFront::on_spot_user_trade(SpotUserTrade const& trade) {
  std::scoped_lock const lock(mutex_);
  push_private(Channel::spot_usertrades, trade.user, trade.currency_pair,
               [&](SizeFormat) { return render_spot_user_trade(trade); });
}

void WsFront::on_spot_public_trade(SpotPublicTrade const& trade) {
  std::scoped_lock const lock(mutex_);
  push_public(Channel::spot_trades, trade.currency_pair,
              [&](SizeFormat) { return render_spot_trade(trade); });
  mark_dirty(Product::spot, trade.currency_pair);
  mark_candles_dirty(Product::spot, trade.currency_pair);
}

void WsFront::on_spot_book(BookDelta const& delta) {
  std::scoped_lock const lock(mutex_);
  add_book_delta(Product::spot, delta);
  mark_dirty(Product::spot, delta.market);
}

void WsFront::on_futures_balance(FuturesBalanceUpdate const& update) {
  std::scoped_lock const lock(mutex_);
  push_private(Channel::futures_balances, update.user, "USDT",
               [&](SizeFormat) { return render_futures_balance(update); });
}

void WsFront::on_futures_order(OrderEvent /*event*/, FuturesOrder const& order) {
  std::scoped_lock const lock(mutex_);
  push_private(Channel::futures_orders, order.user, order.contract,
               [&](SizeFormat sizes) { return render_futures_order(order, sizes); });
}

void WsFront::on_futures_position(FuturesPosition const& position) {
  std::scoped_lock const lock(mutex_);
  push_private(Channel::futures_positions, position.user, position.contract,
               [&](SizeFormat sizes) { return render_futures_position(position, sizes); });
}

void WsFront::on_futures_user_trade(FuturesUserTrade const& trade) {
  std::scoped_lock const lock(mutex_);
  push_private(Channel::futures_usertrades, trade.user, trade.contract,
               [&](SizeFormat sizes) { return render_futures_user_trade(trade, sizes); });
}

void WsFront::on_futures_public_trade(FuturesPublicTrade const& trade) {
  std::scoped_lock const lock(mutex_);
  push_public(Channel::futures_trades, trade.contract,
              [&](SizeFormat sizes) { return render_futures_trade(trade, sizes); });
  mark_dirty(Product::futures, trade.contract);
  mark_candles_dirty(Product::futures, trade.contract);
}

void WsFront::on_futures_book(BookDelta const& delta) {
  std::scoped_lock const lock(mutex_);
  add_book_delta(Product::futures, delta);
  mark_dirty(Product::futures, delta.market);
}

}  // namespace tradelink::sandbox::ws
