#pragma once
// The API's JSON shapes of platform values. Bindings carry the masked key only; the
// verification report goes out exactly as platform::keys::to_json writes it.

#include <boost/json/value.hpp>

#include <vector>

#include "platform/keys/key_service.hpp"
#include "platform/sync/balance_view.hpp"
#include "store/records.hpp"

namespace tradelink::api {

[[nodiscard]] boost::json::value binding_json(platform::keys::BindingView const& binding);
[[nodiscard]] boost::json::value audit_json(std::vector<store::AuditRecord> const& records);
[[nodiscard]] boost::json::value balances_json(platform::sync::BindingBalances const& balances);
[[nodiscard]] boost::json::value history_json(
    std::vector<platform::sync::BalancePoint> const& points);

}  // namespace tradelink::api
