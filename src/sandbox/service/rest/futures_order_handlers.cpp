// USDT-perpetual orders: create, get, amend, cancel, list and cancel-all (gateio-v4.md §3.5; SDK
// FuturesApi createFuturesOrder, getFuturesOrder, amendFuturesOrder, cancelFuturesOrder,
// listFuturesOrders, cancelFuturesOrders).
#include <optional>
#include <string>
#include <vector>

#include "sandbox/service/rest/futures_handlers.hpp"
#include "sandbox/service/rest/futures_json.hpp"
#include "sandbox/service/rest/futures_request.hpp"
#include "sandbox/service/rest/json_body.hpp"

namespace tradelink::sandbox::rest::futures {
namespace {

RestReply reply(unsigned status, std::string body) {
  return RestReply{status, std::move(body), {}};
}

std::string orders_json(std::vector<FuturesOrder> const& orders, SizeEncoding sizes) {
  return json_array(orders,
                    [sizes](FuturesOrder const& order) { return order_json(order, sizes); });
}

Checked<TimeInForce> time_in_force_of(std::optional<std::string> const& text) {
  if (!text || *text == "gtc") return TimeInForce::gtc;
  if (*text == "ioc") return TimeInForce::ioc;
  if (*text == "poc") return TimeInForce::poc;
  if (*text == "fok") return TimeInForce::fok;
  return invalid_param("tif", *text);
}

/// Fields the sandbox does not model are refused rather than ignored: an iceberg order or a
/// dual-mode `auto_size` would otherwise behave differently from what the caller asked for.
std::optional<Refusal> check_unmodelled(BodyReader const& body) {
  auto const iceberg = body.optional_decimal("iceberg");
  if (!iceberg) return iceberg.error();
  if (*iceberg && !(*iceberg)->is_zero()) {
    return refusal("INVALID_PARAM_VALUE", "Iceberg orders are not supported by the sandbox");
  }
  auto const auto_size = body.optional_string("auto_size");
  if (!auto_size) return auto_size.error();
  if (*auto_size && !(*auto_size)->empty()) {
    return refusal("INVALID_PARAM_VALUE",
                   "`auto_size` needs dual position mode; this account is in single mode");
  }
  return std::nullopt;
}

/// The caller's order named by `{order_id}`; the pair whitelist applies when `writing`.
Checked<FuturesOrder> path_order(RestCall const& call, bool writing) {
  auto const ref = order_ref_of(call.path.get("order_id").value_or(""));
  if (!ref) return ref.error();
  auto order = call.state.engine.futures().order(call.user_id(), *ref, call.now_ms);
  if (!order) return refusal_from(order.error());
  if (writing) {
    if (auto refused = call.check_pair(order->contract)) return *refused;
  }
  return *order;
}

/// The optional `contract` query parameter, listed.
Checked<std::optional<std::string_view>> optional_contract(RestCall const& call) {
  auto const name = call.query.get("contract");
  if (!name || name->empty()) return std::optional<std::string_view>{};
  auto const spec = listed_contract(call, *name);
  if (!spec) return spec.error();
  return std::optional<std::string_view>((*spec)->name);
}

}  // namespace

RestResult create_order(RestCall const& call) {
  if (auto refused = check_settle(call)) return *refused;
  auto const object = parse_body_object(call.http.body);
  if (!object) return object.error();
  BodyReader const body(*object);
  SizeEncoding const sizes = size_encoding_of(call.http);

  auto const contract = body.required_string("contract");
  if (!contract) return contract.error();
  auto const spec = listed_contract(call, *contract);
  if (!spec) return spec.error();
  if (auto refused = call.check_pair((*spec)->name)) return *refused;
  auto const size = read_size(body, "size", sizes);
  if (!size) return size.error();
  auto const price = body.required_decimal("price");
  if (!price) return price.error();
  auto const tif_text = body.optional_string("tif");
  if (!tif_text) return tif_text.error();
  auto const tif = time_in_force_of(*tif_text);
  if (!tif) return tif.error();
  auto const reduce_only = body.optional_bool("reduce_only");
  if (!reduce_only) return reduce_only.error();
  auto const close = body.optional_bool("close");
  if (!close) return close.error();
  auto const text = body.optional_string("text");
  if (!text) return text.error();
  if (*text) {
    if (auto refused = check_client_text(**text)) return *refused;
  }
  if (auto refused = check_unmodelled(body)) return *refused;

  FuturesOrderRequest const request{
      .contract = (*spec)->name,
      .size = *size,
      .price = *price,
      .time_in_force = *tif,
      .reduce_only = reduce_only->value_or(false),
      .close = close->value_or(false),
      .text = text->has_value() ? std::string_view(**text) : std::string_view{},
  };
  auto placed = call.state.engine.place_futures_order(call.user_id(), request, call.now_ms);
  if (!placed) return refusal_from(placed.error());
  return reply(201, order_json(*placed, sizes));
}

RestResult get_order(RestCall const& call) {
  if (auto refused = check_settle(call)) return *refused;
  auto const order = path_order(call, false);
  if (!order) return order.error();
  return reply(200, order_json(*order, size_encoding_of(call.http)));
}

RestResult amend_order(RestCall const& call) {
  if (auto refused = check_settle(call)) return *refused;
  auto const object = parse_body_object(call.http.body);
  if (!object) return object.error();
  BodyReader const body(*object);
  SizeEncoding const sizes = size_encoding_of(call.http);
  // Body of the SDK's FuturesOrderAmendment: size (the new whole size, signed), price,
  // amend_text; other members (CCXT also sends currency_pair and account) are ignored.
  FuturesOrderAmendment amendment;
  if (auto const* size = object->if_contains("size"); size != nullptr && !size->is_null()) {
    auto const read = read_size(body, "size", sizes);
    if (!read) return read.error();
    amendment.size = *read;
  }
  auto const price = body.optional_decimal("price");
  if (!price) return price.error();
  amendment.price = *price;
  if (!amendment.size && !amendment.price) {
    return refusal("INVALID_PARAM_VALUE", "Either size or price must be specified");
  }
  auto const amend_text = body.optional_string("amend_text");
  if (!amend_text) return amend_text.error();
  if (*amend_text) amendment.amend_text = **amend_text;
  auto const order = path_order(call, true);
  if (!order) return order.error();
  auto amended =
      call.state.engine.amend_futures_order(call.user_id(), order->id, amendment, call.now_ms);
  if (!amended) return refusal_from(amended.error());
  return reply(200, order_json(*amended, sizes));
}

RestResult cancel_order(RestCall const& call) {
  if (auto refused = check_settle(call)) return *refused;
  auto const order = path_order(call, true);
  if (!order) return order.error();
  auto cancelled = call.state.engine.cancel_futures_order(call.user_id(), order->id, call.now_ms);
  if (!cancelled) return refusal_from(cancelled.error());
  return reply(200, order_json(*cancelled, size_encoding_of(call.http)));
}

RestResult list_orders(RestCall const& call) {
  if (auto refused = check_settle(call)) return *refused;
  auto const status = query_required(call.query, "status");
  if (!status) return status.error();
  if (*status != "open" && *status != "finished") return invalid_param("status", *status);
  auto const contract = optional_contract(call);
  if (!contract) return contract.error();
  auto const window = list_window(call.query);
  if (!window) return window.error();

  FuturesExchange const& futures = call.state.engine.futures();
  bool const open = *status == "open";
  auto orders = collect_window<FuturesOrder>(*window, [&](Page page) {
    return open ? futures.open_orders(call.user_id(), *contract, page)
                : futures.finished_orders(call.user_id(), *contract, page, call.now_ms);
  });
  if (!orders) return refusal_from(orders.error());
  return reply(200, orders_json(*orders, size_encoding_of(call.http)));
}

RestResult cancel_orders(RestCall const& call) {
  if (auto refused = check_settle(call)) return *refused;
  auto const contract = optional_contract(call);
  if (!contract) return contract.error();
  // Without a contract every market is touched, which a pair-limited key may not do.
  if (auto refused = call.check_pair(contract->value_or(""))) return *refused;
  std::optional<Side> side;
  if (auto const text = call.query.get("side"); text && !text->empty()) {
    if (*text != "ask" && *text != "bid") return invalid_param("side", *text);
    side = *text == "ask" ? Side::sell : Side::buy;
  }
  auto const exclude_reduce_only = query_bool(call.query, "exclude_reduce_only");
  if (!exclude_reduce_only) return exclude_reduce_only.error();

  SizeEncoding const sizes = size_encoding_of(call.http);
  if (!exclude_reduce_only->value_or(false)) {
    auto cancelled =
        call.state.engine.cancel_futures_orders(call.user_id(), *contract, side, call.now_ms);
    if (!cancelled) return refusal_from(cancelled.error());
    return reply(200, orders_json(*cancelled, sizes));
  }

  auto open = collect_window<FuturesOrder>(
      ListWindow{.limit = static_cast<std::size_t>(-1), .offset = 0, .last_id = std::nullopt},
      [&](Page page) {
        return call.state.engine.futures().open_orders(call.user_id(), *contract, page);
      });
  if (!open) return refusal_from(open.error());
  std::vector<FuturesOrder> cancelled;
  for (FuturesOrder const& order : *open) {
    bool const buy = order.size.is_positive();
    if (order.is_reduce_only || (side && (*side == Side::buy) != buy)) continue;
    auto done = call.state.engine.cancel_futures_order(call.user_id(), order.id, call.now_ms);
    if (!done) return refusal_from(done.error());
    cancelled.push_back(*done);
  }
  return reply(200, orders_json(cancelled, sizes));
}

}  // namespace tradelink::sandbox::rest::futures
