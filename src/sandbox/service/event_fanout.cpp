#include "sandbox/service/event_fanout.hpp"

namespace tradelink::sandbox {

void EventFanout::on_spot_balance(SpotBalanceUpdate const& update) {
  for (auto* sink : sinks_) sink->on_spot_balance(update);
}
void EventFanout::on_spot_order(OrderEvent event, SpotOrder const& order) {
  for (auto* sink : sinks_) sink->on_spot_order(event, order);
}
void EventFanout::on_spot_user_trade(SpotUserTrade const& trade) {
  for (auto* sink : sinks_) sink->on_spot_user_trade(trade);
}
void EventFanout::on_spot_public_trade(SpotPublicTrade const& trade) {
  for (auto* sink : sinks_) sink->on_spot_public_trade(trade);
}
void EventFanout::on_spot_book(BookDelta const& delta) {
  for (auto* sink : sinks_) sink->on_spot_book(delta);
}
void EventFanout::on_futures_balance(FuturesBalanceUpdate const& update) {
  for (auto* sink : sinks_) sink->on_futures_balance(update);
}
void EventFanout::on_futures_order(OrderEvent event, FuturesOrder const& order) {
  for (auto* sink : sinks_) sink->on_futures_order(event, order);
}
void EventFanout::on_futures_position(FuturesPosition const& position) {
  for (auto* sink : sinks_) sink->on_futures_position(position);
}
void EventFanout::on_futures_user_trade(FuturesUserTrade const& trade) {
  for (auto* sink : sinks_) sink->on_futures_user_trade(trade);
}
void EventFanout::on_futures_public_trade(FuturesPublicTrade const& trade) {
  for (auto* sink : sinks_) sink->on_futures_public_trade(trade);
}
void EventFanout::on_futures_book(BookDelta const& delta) {
  for (auto* sink : sinks_) sink->on_futures_book(delta);
}

}  // namespace tradelink::sandbox
