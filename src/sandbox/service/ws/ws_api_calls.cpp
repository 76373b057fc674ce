#include "sandbox/service/ws/ws_api_calls.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <array>
#include <initializer_list>

namespace tradelink::sandbox::ws {
namespace {

struct CallEntry {
  Product product;
  std::string_view name;
  ApiCall call;
};

constexpr std::array<CallEntry, 17> call_table{{
    {Product::spot, "spot.login", ApiCall::login},
    {Product::spot, "spot.order_place", ApiCall::order_place},
    {Product::spot, "spot.order_cancel", ApiCall::order_cancel},
    {Product::spot, "spot.order_status", ApiCall::order_status},
    {Product::spot, "spot.order_list", ApiCall::order_list},
    {Product::spot, "spot.order_cancel_cp", ApiCall::order_cancel_cp},
    {Product::spot, "spot.order_cancel_ids", ApiCall::order_cancel_ids},
    {Product::spot, "spot.order_amend", ApiCall::order_amend},
    {Product::futures, "futures.login", ApiCall::login},
    {Product::futures, "futures.order_place", ApiCall::order_place},
    {Product::futures, "futures.order_cancel", ApiCall::order_cancel},
    {Product::futures, "futures.order_status", ApiCall::order_status},
    {Product::futures, "futures.order_list", ApiCall::order_list},
    {Product::futures, "futures.order_cancel_cp", ApiCall::order_cancel_cp},
    {Product::futures, "futures.order_cancel_ids", ApiCall::order_cancel_ids},
    {Product::futures, "futures.order_amend", ApiCall::order_amend},
    {Product::futures, "futures.order_batch_place", ApiCall::order_batch_place},
}};

Refusal bad_param(std::string label, std::string message) {
  return Refusal{400, std::move(label), std::move(message)};
}

void append_encoded(std::string& out, std::string_view text) {
  constexpr std::string_view hex = "0123456789ABCDEF";
  for (char const c : text) {
    bool const unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved) {
      out.push_back(c);
      continue;
    }
    auto const byte = static_cast<unsigned char>(c);
    out.push_back('%');
    out.push_back(hex[byte >> 4]);
    out.push_back(hex[byte & 0x0F]);
  }
}

/// A scalar member as query text; nullopt for objects and arrays.
std::optional<std::string> scalar_text(boost::json::value const& value) {
  if (value.is_string()) return std::string(value.get_string());
  if (value.is_bool()) return std::string(value.get_bool() ? "true" : "false");
  if (value.is_number()) return boost::json::serialize(value);
  return std::nullopt;
}

/// The members of `params` but `skipped` as a query string.
Checked<std::string> query_of(boost::json::object const& params,
                              std::initializer_list<std::string_view> skipped) {
  std::string query;
  for (auto const& [name, value] : params) {
    if (value.is_null()) continue;
    if (std::find(skipped.begin(), skipped.end(), std::string_view(name)) != skipped.end()) {
      continue;
    }
    auto text = scalar_text(value);
    if (!text) {
      return bad_param("INVALID_PARAM_VALUE", "Invalid parameter `" + std::string(name) +
                                                  "`: a string or number expected");
    }
    if (!query.empty()) query.push_back('&');
    append_encoded(query, name);
    query.push_back('=');
    append_encoded(query, *text);
  }
  return query;
}

/// "/spot" or "/futures/<settle>" ("usdt" unless req_param names another settle currency).
Checked<std::string> product_root(Product product, boost::json::object const& params) {
  if (product == Product::spot) return std::string("/api/v4/spot");
  std::string root = "/api/v4/futures/";
  auto const* settle = params.if_contains("settle");
  if (settle == nullptr || settle->is_null()) return root + "usdt";
  if (!settle->is_string()) return bad_param("INVALID_PARAM_VALUE", "Invalid parameter `settle`");
  append_encoded(root, settle->get_string());
  return root;
}

/// The `order_id` member of a single-order call, as path text.
Checked<std::string> path_order_id(boost::json::object const& params) {
  auto const* id = params.if_contains("order_id");
  if (id == nullptr || id->is_null()) {
    return bad_param("MISSING_REQUIRED_PARAM", "Missing required parameter: order_id");
  }
  auto id_text = id->is_string() || id->is_number() ? scalar_text(*id) : std::nullopt;
  if (!id_text || id_text->empty()) {
    return bad_param("INVALID_PARAM_VALUE", "Invalid parameter `order_id`");
  }
  return std::move(*id_text);
}

/// One placement: the order is the REST body; `text` and the market name it in the result.
Checked<BatchItem> placement_item(Product product, std::string_view market,
                                  boost::json::value const& item) {
  if (!item.is_object()) {
    return bad_param("INVALID_PARAM_VALUE", "Invalid parameter `req_param`: orders expected");
  }
  auto const& order = item.get_object();
  auto root = product_root(product, order);
  if (!root) return root.error();
  BatchItem entry{DelegatedRequest{"POST", *root + "/orders", "", boost::json::serialize(item)},
                  {}};
  for (std::string_view const name : {std::string_view("text"), market}) {
    if (auto const* value = order.if_contains(name); value != nullptr && value->is_string()) {
      entry.identity[name] = *value;
    }
  }
  return entry;
}

/// One spot cancellation: `{"currency_pair","id","account"?}`.
Checked<BatchItem> spot_cancel_item(boost::json::value const& item) {
  if (!item.is_object()) {
    return bad_param("INVALID_PARAM_VALUE",
                     "Invalid parameter `req_param`: {currency_pair, id} items expected");
  }
  auto const& order = item.get_object();
  auto const* id = order.if_contains("id");
  auto const id_text = id != nullptr ? scalar_text(*id) : std::nullopt;
  if (!id_text || id_text->empty()) {
    return bad_param("MISSING_REQUIRED_PARAM", "Missing required parameter: id");
  }
  auto query = query_of(order, {"id"});
  if (!query) return query.error();
  std::string path = "/api/v4/spot/orders/";
  append_encoded(path, *id_text);
  BatchItem entry{DelegatedRequest{"DELETE", std::move(path), std::move(*query), ""}, {}};
  if (auto const* pair = order.if_contains("currency_pair"); pair && pair->is_string()) {
    entry.identity["currency_pair"] = *pair;
  }
  entry.identity["id"] = *id_text;
  return entry;
}

/// One futures cancellation: an order id.
Checked<BatchItem> futures_cancel_item(boost::json::value const& item) {
  auto const id_text = item.is_string() || item.is_number() ? scalar_text(item) : std::nullopt;
  if (!id_text || id_text->empty()) {
    return bad_param("INVALID_PARAM_VALUE", "Invalid parameter `req_param`: order ids expected");
  }
  std::string path = "/api/v4/futures/usdt/orders/";
  append_encoded(path, *id_text);
  BatchItem entry{DelegatedRequest{"DELETE", std::move(path), "", ""}, {}};
  entry.identity["id"] = *id_text;
  return entry;
}

Checked<BatchItem> batch_item(ApiCall call, Product product, std::string_view market,
                              boost::json::value const& item) {
  if (call == ApiCall::order_batch_place) return placement_item(product, market, item);
  return product == Product::spot ? spot_cancel_item(item) : futures_cancel_item(item);
}

}  // namespace

std::optional<ApiCall> find_api_call(Product product, std::string_view name) noexcept {
  for (auto const& entry : call_table) {
    if (entry.product == product && entry.name == name) return entry.call;
  }
  return std::nullopt;
}

ApiCall effective_call(ApiCall call, WsApiRequest const& request) noexcept {
  if (call == ApiCall::order_place && request.req_param.is_array()) {
    return ApiCall::order_batch_place;
  }
  return call;
}

bool acknowledged(ApiCall call) noexcept {
  return call == ApiCall::order_place || call == ApiCall::order_batch_place;
}

bool reports_rate_limit(ApiCall call) noexcept {
  return acknowledged(call) || call == ApiCall::order_amend;
}

std::size_t batch_limit(ApiCall call) noexcept {
  return call == ApiCall::order_batch_place ? 10 : 20;
}

Checked<DelegatedRequest> rest_request_for(ApiCall call, Product product,
                                           WsApiRequest const& request) {
  if (!request.has_req_param) {
    return bad_param("MISSING_REQUIRED_PARAM", "Missing required parameter: req_param");
  }
  if (!request.req_param.is_object()) {
    return bad_param("INVALID_PARAM_VALUE", "Invalid parameter `req_param`: an object expected");
  }
  auto const& params = request.req_param.get_object();
  auto root = product_root(product, params);
  if (!root) return root.error();
  std::string const orders = *root + "/orders";

  switch (call) {
    case ApiCall::order_place: return DelegatedRequest{"POST", orders, "", request.req_param_text};
    case ApiCall::order_list:
    case ApiCall::order_cancel_cp: {
      auto query = query_of(params, {"settle"});
      if (!query) return query.error();
      std::string method = call == ApiCall::order_list ? "GET" : "DELETE";
      return DelegatedRequest{std::move(method), orders, std::move(*query), ""};
    }
    case ApiCall::order_amend: {
      auto id_text = path_order_id(params);
      if (!id_text) return id_text.error();
      // The amendment is the body: req_param without what names the order and the market.
      boost::json::object body = params;
      body.erase("order_id");
      body.erase("settle");
      std::string path = orders + "/";
      append_encoded(path, *id_text);
      std::string method = product == Product::spot ? "PATCH" : "PUT";
      return DelegatedRequest{std::move(method), std::move(path), "", boost::json::serialize(body)};
    }
    case ApiCall::order_cancel:
    case ApiCall::order_status: {
      auto id_text = path_order_id(params);
      if (!id_text) return id_text.error();
      auto query = query_of(params, {"settle", "order_id"});
      if (!query) return query.error();
      std::string path = orders + "/";
      append_encoded(path, *id_text);
      std::string method = call == ApiCall::order_status ? "GET" : "DELETE";
      return DelegatedRequest{std::move(method), std::move(path), std::move(*query), ""};
    }
    case ApiCall::login:
    case ApiCall::order_batch_place:
    case ApiCall::order_cancel_ids: break;
  }
  return Refusal{404, "NOT_FOUND", "Not found"};
}

Checked<std::vector<BatchItem>> rest_requests_for_batch(ApiCall call, Product product,
                                                        WsApiRequest const& request) {
  if (!request.has_req_param) {
    return bad_param("MISSING_REQUIRED_PARAM", "Missing required parameter: req_param");
  }
  if (!request.req_param.is_array()) {
    return bad_param("INVALID_PARAM_VALUE", "Invalid parameter `req_param`: an array expected");
  }
  auto const& items = request.req_param.get_array();
  if (items.empty() || items.size() > batch_limit(call)) {
    return bad_param("INVALID_PARAM_VALUE", "Invalid parameter `req_param`: 1 to " +
                                                std::to_string(batch_limit(call)) +
                                                " items expected");
  }
  std::string_view const market = product == Product::spot ? "currency_pair" : "contract";
  std::vector<BatchItem> batch;
  batch.reserve(items.size());
  for (auto const& item : items) {
    auto entry = batch_item(call, product, market, item);
    if (!entry) return entry.error();
    batch.push_back(std::move(*entry));
  }
  return batch;
}

}  // namespace tradelink::sandbox::ws
