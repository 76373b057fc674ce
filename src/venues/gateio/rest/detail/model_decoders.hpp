#pragma once
// Internal to the Gate.io REST parsers: one decoder per wire model of models.hpp, reading a JSON
// object into the model (unknown members skipped, required members checked). Defined in
// account_decoders.cpp, market_decoders.cpp, spot_decoders.cpp and futures_decoders.cpp.

#include "venues/gateio/rest/detail/json_read.hpp"
#include "venues/gateio/rest/models.hpp"

namespace tradelink::gateio::detail {

Decoded decode(ondemand::object& object, ErrorBody& out);
Decoded decode(ondemand::object& object, ServerTime& out);

Decoded decode(ondemand::object& object, AccountDetail& out);
Decoded decode(ondemand::object& object, AccountKeyPermission& out);
Decoded decode(ondemand::object& object, AccountKeyInfo& out);
Decoded decode(ondemand::object& object, SpotAccount& out);
Decoded decode(ondemand::object& object, FuturesAccountHistory& out);
Decoded decode(ondemand::object& object, FuturesAccount& out);
Decoded decode(ondemand::object& object, AccountBalance& out);
Decoded decode(ondemand::object& object, TotalBalance& out);
Decoded decode(ondemand::object& object, UnifiedModeSettings& out);
Decoded decode(ondemand::object& object, UnifiedMode& out);
Decoded decode(ondemand::object& object, UnifiedBalance& out);
Decoded decode(ondemand::object& object, UnifiedAccount& out);

Decoded decode(ondemand::object& object, SpotCurrencyChain& out);
Decoded decode(ondemand::object& object, SpotCurrency& out);
Decoded decode(ondemand::object& object, CurrencyPair& out);
Decoded decode(ondemand::object& object, FuturesContract& out);

Decoded decode(ondemand::object& object, SpotOrder& out);
Decoded decode(ondemand::object& object, SpotTrade& out);
Decoded decode(ondemand::object& object, OpenOrders& out);
Decoded decode(ondemand::object& object, SpotCancelResult& out);

Decoded decode(ondemand::object& object, FuturesOrder& out);
Decoded decode(ondemand::object& object, FuturesTrade& out);
Decoded decode(ondemand::object& object, Position& out);
Decoded decode(ondemand::object& object, FuturesCancelResult& out);
Decoded decode(ondemand::object& object, CountdownCancelResult& out);
Decoded decode(ondemand::object& object, WalletTransfer& out);
Decoded decode(ondemand::object& object, Withdrawal& out);

}  // namespace tradelink::gateio::detail
