#pragma once
// What a sandbox REST handler receives and returns. Handlers are plain functions of a RestCall
// (request, decoded parameters, the authenticated key, the venue state under its lock, the
// sandbox time) that answer a RestReply or a Refusal in Gate's `{"label","message"}` shape.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "net/http_types.hpp"
#include "net/server_types.hpp"
#include "sandbox/auth/authenticator.hpp"
#include "sandbox/service/venue.hpp"

namespace tradelink::sandbox::rest {

/// A successful answer: status (200, or 201 for created orders) and a JSON body.
struct RestReply {
  unsigned status = 200;
  std::string body;
  std::vector<net::Header> headers;
};

using RestResult = Checked<RestReply>;

/// Named values, decoded: the query string, or the `{name}` segments of a route pattern.
class Params {
 public:
  void add(std::string name, std::string value) {
    items_.emplace_back(std::move(name), std::move(value));
  }
  /// The first value named `name`, or nullopt.
  [[nodiscard]] std::optional<std::string_view> get(std::string_view name) const noexcept;
  [[nodiscard]] bool has(std::string_view name) const noexcept { return get(name).has_value(); }
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> const& items() const noexcept {
    return items_;
  }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

/// Splits and percent-decodes a raw query string ('+' is a space, as form encoding has it).
[[nodiscard]] Params parse_query(std::string_view raw_query);

/// One request as a route handler sees it. Valid only during the handler call.
struct RestCall {
  net::ServerRequest const& http;
  Params const& path;   ///< `{name}` segments of the matched pattern
  Params const& query;  ///< decoded query parameters
  ApiKey const* key;    ///< the authenticated key; null on public routes
  std::int64_t now_ms;  ///< sandbox time of the request
  VenueState& state;    ///< under the venue lock for the whole call

  /// The key's user id; 0 on public routes.
  [[nodiscard]] std::int64_t user_id() const noexcept { return key ? key->user_id : 0; }
  /// FORBIDDEN when the key is limited to other pairs than `pair` (public routes: nullopt).
  [[nodiscard]] std::optional<Refusal> check_pair(std::string_view pair) const;
};

using RestHandler = std::function<RestResult(RestCall const& call)>;

/// The HTTP status Gate answers with `label` (gateio-v4.md §4): 401 for authentication labels,
/// 403 for IP/permission refusals, 404 for NOT_FOUND, 429 for rate limits, 5xx for faults, 400
/// for everything else.
[[nodiscard]] unsigned status_for_label(std::string_view label) noexcept;

/// A refusal with Gate's status for `label`.
[[nodiscard]] Refusal refusal(std::string label, std::string message);
/// An engine error (its `code` is the label) as a refusal.
[[nodiscard]] Refusal refusal_from(core::Error const& error);

/// `{"label": …, "message": …}`.
[[nodiscard]] std::string error_json(std::string_view label, std::string_view message);

/// The usual parameter refusals, worded as Gate words them.
[[nodiscard]] Refusal missing_param(std::string_view name);
[[nodiscard]] Refusal invalid_param(std::string_view name, std::string_view value);

}  // namespace tradelink::sandbox::rest
