#include "sandbox/service/rest/rest_types.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

#include <algorithm>
#include <array>

namespace tradelink::sandbox::rest {

std::optional<std::string_view> Params::get(std::string_view name) const noexcept {
  auto const it = std::find_if(items_.begin(), items_.end(),
                               [name](auto const& item) { return item.first == name; });
  if (it == items_.end()) return std::nullopt;
  return std::string_view(it->second);
}

Params parse_query(std::string_view raw_query) {
  Params params;
  while (!raw_query.empty()) {
    auto const amp = raw_query.find('&');
    std::string_view const pair = raw_query.substr(0, amp);
    raw_query = amp == std::string_view::npos ? std::string_view{} : raw_query.substr(amp + 1);
    if (pair.empty()) continue;
    auto const eq = pair.find('=');
    std::string_view const name = pair.substr(0, eq);
    std::string_view const value = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
    params.add(percent_decode(name, true), percent_decode(value, true));
  }
  return params;
}

std::optional<Refusal> RestCall::check_pair(std::string_view pair) const {
  if (key == nullptr || key->currency_pairs.empty()) return std::nullopt;
  if (std::find(key->currency_pairs.begin(), key->currency_pairs.end(), pair) !=
      key->currency_pairs.end()) {
    return std::nullopt;
  }
  return refusal("FORBIDDEN", "Request API key is not allowed to trade " + std::string(pair));
}

unsigned status_for_label(std::string_view label) noexcept {
  struct Entry {
    std::string_view label;
    unsigned status;
  };
  static constexpr std::array<Entry, 18> table{{
      {"INVALID_KEY", 401},
      {"INVALID_SIGNATURE", 401},
      {"INVALID_CREDENTIALS", 401},
      {"MISSING_REQUIRED_HEADER", 401},
      {"REQUEST_EXPIRED", 401},
      {"READ_ONLY", 401},
      {"IP_FORBIDDEN", 403},
      {"FORBIDDEN", 403},
      {"ACCOUNT_LOCKED", 403},
      {"SUB_ACCOUNT_LOCKED", 403},
      {"NOT_FOUND", 404},
      {"METHOD_NOT_ALLOWED", 405},
      {"TOO_MANY_REQUESTS", 429},
      {"TOO_FAST", 429},
      {"SERVER_ERROR", 500},
      {"INTERNAL", 500},
      {"TOO_BUSY", 503},
      {"SERVICE_UNAVAILABLE", 503},
  }};
  auto const it = std::find_if(table.begin(), table.end(),
                               [label](Entry const& entry) { return entry.label == label; });
  return it == table.end() ? 400U : it->status;
}

Refusal refusal(std::string label, std::string message) {
  unsigned const status = status_for_label(label);
  return Refusal{status, std::move(label), std::move(message)};
}

Refusal refusal_from(core::Error const& error) { return refusal(error.code, error.message); }

std::string error_json(std::string_view label, std::string_view message) {
  std::string out = R"({"label":)";
  out += boost::json::serialize(boost::json::string(label));
  out += R"(,"message":)";
  out += boost::json::serialize(boost::json::string(message));
  out += '}';
  return out;
}

Refusal missing_param(std::string_view name) {
  return refusal("MISSING_REQUIRED_PARAM", "Missing required parameter: " + std::string(name));
}

Refusal invalid_param(std::string_view name, std::string_view value) {
  return refusal("INVALID_PARAM_VALUE",
                 "Invalid parameter `" + std::string(name) + "` with value: " + std::string(value));
}

}  // namespace tradelink::sandbox::rest
