#pragma once
// The WS API channels (gateio-v4.md §2.3) and the REST calls they stand for: an order call's
// `req_param` is the REST body (`*.order_place`) or the REST parameters (order id in the path,
// the other members as query parameters), so the REST handlers parse, validate and answer it
// with the same labels, messages and JSON.

#include <boost/system/result.hpp>

#include <optional>
#include <string>
#include <string_view>

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
  /// A channel Gate serves that the sandbox does not (amend, batch place, cancel by id list).
  unsupported,
};

/// The call behind WS API channel `name` on `product`'s endpoint; nullopt for a name Gate does
/// not serve there.
[[nodiscard]] std::optional<ApiCall> find_api_call(Product product, std::string_view name) noexcept;

/// True for the calls Gate acknowledges (`ack: true`) before answering.
[[nodiscard]] bool acknowledged(ApiCall call) noexcept;

/// The REST request a call stands for, path under /api/v4.
struct DelegatedRequest {
  std::string method;
  std::string path;
  std::string query;  ///< percent-encoded
  std::string body;
};

/// Builds the REST request of `call` (not login, not unsupported) from `request.req_param`.
/// Refuses a missing or ill-typed req_param and batch placement with REST's labels.
[[nodiscard]] Checked<DelegatedRequest> rest_request_for(ApiCall call, Product product,
                                                         WsApiRequest const& request);

}  // namespace tradelink::sandbox::ws
