#pragma once
// How a request names an order: by the engine's id, or by the client `text` (Gate accepts the
// text in place of the id; it finds the order only while the order is open).

#include <string_view>
#include <variant>

#include "sandbox/engine/types.hpp"

namespace tradelink::sandbox {

/// An order id, or a client text read during the call only.
using OrderRef = std::variant<OrderId, std::string_view>;

}  // namespace tradelink::sandbox
