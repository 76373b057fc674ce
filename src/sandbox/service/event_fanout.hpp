#pragma once
// Forwards every engine event to the sinks registered at start-up (WebSocket channels, the
// market simulator's bookkeeping, tests). Sinks are added before traffic starts and are called
// under the venue lock, in the engine's causal order.

#include <vector>

#include "sandbox/engine/events.hpp"

namespace tradelink::sandbox {

class EventFanout final : public EventSink {
 public:
  /// `sink` is not owned and must outlive the venue. Not thread-safe: call before serving.
  void add(EventSink& sink) { sinks_.push_back(&sink); }

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

 private:
  std::vector<EventSink*> sinks_;
};

}  // namespace tradelink::sandbox
