#pragma once
// Request bytes for Gate.io API v4 (gateio-v4.md §2.1 steps 3-4, §3.3, §3.5, §11): compact JSON
// bodies with exactly the fields set, client order id validation, and the query string that is
// both signed and sent. Every function returns the exact bytes to hash and transmit.

#include <span>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "venues/gateio/rest/models.hpp"

namespace tradelink::gateio {

/// Gate's client order id rule for `text`: "t-" followed by 1 to 28 bytes of [0-9A-Za-z_.-].
inline constexpr std::size_t max_client_order_id_suffix = 28;

/// Returns `text` unchanged when it is a valid client order id, else a validation error with
/// code `gateio.client_order_id` saying which rule failed (prefix, length or the bad byte).
[[nodiscard]] core::Result<std::string> validate_client_order_id(std::string_view text);

/// Body of POST /spot/orders, fields in the SDK's order (text, currency_pair, type, account,
/// side, amount, price, time_in_force, iceberg, auto_borrow, auto_repay, stp_act, action_mode,
/// slippage); unset optionals omitted, decimals as JSON strings.
/// Errors (`gateio.request`, validation): empty currency_pair, amount not positive, price
/// present but not positive, invalid text (`gateio.client_order_id`), invalid UTF-8.
[[nodiscard]] core::Result<std::string> serialize_spot_order(SpotOrderRequest const& request);
/// The same body written over `body` (whose buffer is reused); `body` is left as it was on error.
[[nodiscard]] core::Result<void> serialize_spot_order(SpotOrderRequest const& request,
                                                      std::string& body);

/// How a futures `size` goes on the wire: a decimal string (requires the
/// `X-Gate-Size-Decimal: 1` header, as both official SDKs send) or a legacy JSON integer.
enum class FuturesSizeEncoding { decimal_string, integer };

/// Body of POST /futures/{settle}/orders, fields in the order contract, size, iceberg, price,
/// tif, text, reduce_only, close, auto_size, stp_act, market_order_slip_ratio, pos_margin_mode,
/// action_mode; unset optionals omitted.
/// Errors (`gateio.request`, validation): empty contract, negative price, a fractional size or
/// iceberg with FuturesSizeEncoding::integer, invalid text, invalid UTF-8.
[[nodiscard]] core::Result<std::string> serialize_futures_order(
    FuturesOrderRequest const& request,
    FuturesSizeEncoding size_encoding = FuturesSizeEncoding::decimal_string);
/// The same body written over `body` (whose buffer is reused); `body` is left as it was on error.
[[nodiscard]] core::Result<void> serialize_futures_order(FuturesOrderRequest const& request,
                                                         FuturesSizeEncoding size_encoding,
                                                         std::string& body);

/// Body of POST /spot/countdown_cancel_all: {"timeout":N[,"currency_pair":"..."]}.
/// Errors (`gateio.request`): negative timeout, empty currency_pair, invalid UTF-8.
[[nodiscard]] core::Result<std::string> serialize_countdown_cancel(
    SpotCountdownCancelRequest const& request);

/// Body of POST /futures/{settle}/countdown_cancel_all: {"timeout":N[,"contract":"..."]}.
/// Errors (`gateio.request`): negative timeout, empty contract, invalid UTF-8.
[[nodiscard]] core::Result<std::string> serialize_countdown_cancel(
    FuturesCountdownCancelRequest const& request);

/// Body of POST /wallet/transfers. Amounts are not checked here: the exchange refuses a zero
/// transfer itself (key verification relies on that). Errors: empty currency/from/to, bad UTF-8.
[[nodiscard]] core::Result<std::string> serialize_wallet_transfer(
    WalletTransferRequest const& request);

/// Body of POST /withdrawals. Like transfers, amount and address are left for the exchange to
/// judge. Errors: empty currency or chain, bad UTF-8.
[[nodiscard]] core::Result<std::string> serialize_withdrawal(WithdrawalRequest const& request);

/// One query parameter; views must outlive the build_query() call only.
struct QueryParam {
  std::string_view name;
  std::string_view value;
};

/// "name=value&name=value" in the given order, without any percent-encoding, so the string
/// signed is the string sent (§2.1 step 3). Names and values must be non-empty and made of
/// [A-Za-z0-9_.,-] only; anything else fails with `gateio.query` (validation) naming the
/// parameter, rather than being escaped. No parameters give "".
[[nodiscard]] core::Result<std::string> build_query(std::span<QueryParam const> params);

}  // namespace tradelink::gateio
