#pragma once
// The WS API channels (gateio-v4.md §2.3) and the REST calls they stand for: an order call's
// `req_param` is the REST body (`*.order_place`; `*.order_amend` without its `order_id`, which
// goes in the path) or the REST parameters (order id in the path, the other members as query
// parameters), so the REST handlers parse, validate and answer it
// with the same labels, messages and JSON. Batch calls (an array `req_param` for placement,
// cancellation by id list) run one REST call per item and answer one result per item.

#include <boost/json/object.hpp>
#include <boost/system/result.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sandbox/auth/authenticator.hpp"
#include "sandbox/service/ws/ws_api_protocol.hpp"
#include "sandbox/service/ws/ws_protocol.hpp"

namespace tradelink::sandbox::ws {

enum class ApiCall : std::uint8_t {
  login,
  order_place,
  order_cancel,
  order_status,
  order_list,
  order_cancel_cp,
  order_batch_place,  ///< `futures.order_batch_place`, or `spot.order_place` with an array
  order_cancel_ids,
  order_amend,
};

/// The call behind WS API channel `name` on `product`'s endpoint; nullopt for a name Gate does
/// not serve there.
[[nodiscard]] std::optional<ApiCall> find_api_call(Product product, std::string_view name) noexcept;

/// The call `request` makes on a channel of `call`: order placement with an array req_param is
/// a batch placement.
[[nodiscard]] ApiCall effective_call(ApiCall call, WsApiRequest const& request) noexcept;

/// True for the calls Gate acknowledges (`ack: true`) before answering.
[[nodiscard]] bool acknowledged(ApiCall call) noexcept;
/// True for the calls whose answers carry the rate-limit figures (placement and amendment).
[[nodiscard]] bool reports_rate_limit(ApiCall call) noexcept;

/// The REST request a call stands for, path under /api/v4.
struct DelegatedRequest {
  std::string method;
  std::string path;
  std::string query;  ///< percent-encoded
  std::string body;
};

/// Builds the REST request of a single-order call from `request.req_param`. Refuses a missing
/// or ill-typed req_param with REST's labels.
[[nodiscard]] Checked<DelegatedRequest> rest_request_for(ApiCall call, Product product,
                                                         WsApiRequest const& request);

/// One item of a batch call: its REST request and the members that name it in the result
/// (`text` and the market for placements, the order id and pair for cancellations).
struct BatchItem {
  DelegatedRequest request;
  boost::json::object identity;
};

/// The most items one batch call takes: 10 orders to place, 20 ids to cancel.
[[nodiscard]] std::size_t batch_limit(ApiCall call) noexcept;

/// Builds the REST requests of a batch call (order_batch_place, order_cancel_ids).
[[nodiscard]] Checked<std::vector<BatchItem>> rest_requests_for_batch(ApiCall call, Product product,
                                                                      WsApiRequest const& request);

}  // namespace tradelink::sandbox::ws
