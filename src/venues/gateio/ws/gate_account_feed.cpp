#include "venues/gateio/ws/gate_account_feed.hpp"

#include <boost/asio/post.hpp>

#include <utility>

#include "venues/gateio/rest/rest_client.hpp"
#include "venues/gateio/rest/signer.hpp"
#include "venues/gateio/ws/account_snapshot.hpp"
#include "venues/gateio/ws/private_session.hpp"
#include "venues/gateio/ws/stream_urls.hpp"

namespace tradelink::gateio {
namespace {

std::vector<ChannelSubscription> spot_channels() {
  return {{"spot.balances", {}}, {"spot.orders", {"!all"}}, {"spot.usertrades", {"!all"}}};
}

std::vector<ChannelSubscription> futures_channels(std::string const& user_id) {
  return {{"futures.balances", {user_id}},
          {"futures.orders", {user_id, "!all"}},
          {"futures.usertrades", {user_id, "!all"}},
          {"futures.positions", {user_id, "!all"}}};
}

class GateAccountFeed final : public venues::AccountFeed {
 public:
  GateAccountFeed(boost::asio::io_context& io, std::unique_ptr<RestClient> rest, Signer signer,
                  venues::FeedConfig config, AccountFeedOptions const& options,
                  std::string spot_url, std::string futures_url)
      : io_(io),
        rest_(std::move(rest)),
        signer_(std::move(signer)),
        config_(std::move(config)),
        verify_peer_(options.http.verify_peer),
        ca_file_(options.http.ca_file),
        spot_url_(std::move(spot_url)),
        futures_url_(std::move(futures_url)),
        alive_(std::make_shared<bool>(true)) {}

  /// Runs on the io_context's thread outside any session callback (or with the io_context
  /// stopped), so the sessions can go at once.
  ~GateAccountFeed() override {
    listener_ = {};
    sessions_.clear();
  }
  GateAccountFeed(GateAccountFeed const&) = delete;
  GateAccountFeed& operator=(GateAccountFeed const&) = delete;

  void snapshot(std::function<void(venues::SnapshotResult)> done) override {
    SnapshotRequest request;
    request.scope = config_.scope;
    request.mode = config_.mode;
    request.need_user_id = !config_.exchange_user_id && core::includes_futures(config_.scope);
    request.measure_clock = !rest_->transport().clock().measured();
    read_account_snapshot(*rest_, request,
                          [this, alive = std::weak_ptr<bool>(alive_), done = std::move(done)](
                              venues::SnapshotResult result, SnapshotExtras extras) {
                            if (!alive.lock()) return;
                            if (extras.user_id)
                              config_.exchange_user_id = std::move(extras.user_id);
                            done(std::move(result));
                          });
  }

  void start(venues::FeedListener listener) override {
    stop();
    listener_ = std::move(listener);
    ++generation_;
    sessions_live_ = 0;
    if (rest_->transport().clock().measured()) return open_when_user_known(generation_);
    // Stream logins are signed with the venue's time: learn it first, or a clock outside the
    // venue's window costs a refused login and a reconnect.
    rest_->transport().sync_clock([this, alive = std::weak_ptr<bool>(alive_),
                                   generation = generation_](GateResult<std::int64_t> measured) {
      if (!alive.lock() || generation != generation_) return;
      if (!measured) return report_down(generation, feed_failure(measured.error()));
      open_when_user_known(generation);
    });
  }
  void stop() override {
    ++generation_;
    listener_ = {};
    // Sessions may be inside their own callback right now: destroy them off this call stack.
    if (!sessions_.empty()) {
      boost::asio::post(io_, [doomed = std::move(sessions_)] {});
      sessions_.clear();
    }
  }

  [[nodiscard]] std::int64_t venue_clock_offset_ms() const noexcept override {
    return rest_->transport().clock().offset_ms();
  }

 private:
  void open_when_user_known(std::uint64_t generation) {
    if (core::includes_futures(config_.scope) && !config_.exchange_user_id) {
      // The futures channels need the account's user id; learn it first.
      rest_->account_detail([this, alive = std::weak_ptr<bool>(alive_),
                             generation](GateResult<AccountDetail> detail) {
        if (!alive.lock() || generation != generation_) return;
        if (!detail) return report_down(generation, feed_failure(detail.error()));
        config_.exchange_user_id = std::to_string(detail->user_id);
        open_sessions();
      });
      return;
    }
    open_sessions();
  }

  void open_sessions() {
    std::uint64_t const generation = generation_;
    if (core::includes_spot(config_.scope)) {
      open_session(
          generation,
          SessionSpec{
              spot_url_, "spot.ping", spot_channels(), config_.timing, {}, verify_peer_, ca_file_});
    }
    if (core::includes_futures(config_.scope)) {
      open_session(generation, SessionSpec{futures_url_,
                                           "futures.ping",
                                           futures_channels(*config_.exchange_user_id),
                                           config_.timing,
                                           {net::Header{"X-Gate-Size-Decimal", "1"}},
                                           verify_peer_,
                                           ca_file_});
    }
  }

  void open_session(std::uint64_t generation, SessionSpec spec) {
    PrivateSession::Callbacks callbacks;
    callbacks.on_updates = [this](PrivateMessage const& message) { deliver(message); };
    callbacks.on_subscribed = [this, generation] {
      if (generation != generation_) return;
      if (++sessions_live_ == sessions_.size() && listener_.on_live) listener_.on_live();
    };
    callbacks.on_down = [this, generation](venues::FeedFailure const& failure) {
      report_down(generation, failure);
    };
    auto session = std::make_unique<PrivateSession>(io_, signer_, rest_->transport().clock(),
                                                    std::move(spec), std::move(callbacks));
    PrivateSession& opened = *session;
    sessions_.push_back(std::move(session));
    opened.open();
  }

  void deliver(PrivateMessage const& message) {
    for (auto const& update : message.balances) {
      if (listener_.on_balance) listener_.on_balance(update);
    }
    for (auto const& update : message.orders) {
      if (listener_.on_order) listener_.on_order(update);
    }
    for (auto const& update : message.fills) {
      if (listener_.on_fill) listener_.on_fill(update);
    }
    for (auto const& update : message.positions) {
      if (listener_.on_position) listener_.on_position(update);
    }
  }

  /// One connection failing takes the whole stream down: the listener reconnects it as a unit.
  void report_down(std::uint64_t generation, venues::FeedFailure const& failure) {
    if (generation != generation_) return;
    auto on_down = std::move(listener_.on_down);
    stop();
    if (on_down) on_down(failure);
  }

  boost::asio::io_context& io_;
  std::unique_ptr<RestClient> rest_;
  Signer signer_;
  venues::FeedConfig config_;
  bool verify_peer_;
  std::optional<std::string> ca_file_;
  std::string spot_url_;
  std::string futures_url_;
  venues::FeedListener listener_;
  std::vector<std::unique_ptr<PrivateSession>> sessions_;
  std::size_t sessions_live_ = 0;
  std::uint64_t generation_ = 0;
  std::shared_ptr<bool> alive_;
};

}  // namespace

core::Result<std::unique_ptr<GateAccountFeedFactory>> GateAccountFeedFactory::create(
    AccountFeedOptions options) {
  auto urls = stream_urls_for(options.base_url);
  if (!urls) return urls.error();
  return std::unique_ptr<GateAccountFeedFactory>(new GateAccountFeedFactory(
      std::move(options), std::move(urls->spot), std::move(urls->futures)));
}

GateAccountFeedFactory::GateAccountFeedFactory(AccountFeedOptions options, std::string spot_url,
                                               std::string futures_url)
    : options_(std::move(options)),
      spot_url_(std::move(spot_url)),
      futures_url_(std::move(futures_url)) {}

core::Result<std::unique_ptr<venues::AccountFeed>> GateAccountFeedFactory::create(
    boost::asio::io_context& io, venues::KeyMaterial const& key, venues::FeedConfig config) {
  TransportOptions transport;
  transport.base_url = options_.base_url;
  transport.http = options_.http;
  Credential credential(key.api_key, key.secret);
  Signer signer(credential);
  auto rest = RestClient::create(io, std::move(transport), std::move(credential));
  if (!rest) return rest.error();
  return std::unique_ptr<venues::AccountFeed>(
      new GateAccountFeed(io, std::move(*rest), std::move(signer), std::move(config), options_,
                          spot_url_, futures_url_));
}

}  // namespace tradelink::gateio
