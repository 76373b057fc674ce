#pragma once
// Gate.io's checks of a signed APIv4 request, in the order the sandbox applies them
// (gateio-v4.md §2.1, §4, §5): headers present, key known, Timestamp within 60 s, signature,
// key state, 90-day expiry of keys without IP whitelist, IP whitelist, then per call the
// permission group (read for GET, write otherwise) and the pair whitelist.

#include <boost/system/result.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sandbox/auth/key_store.hpp"

namespace tradelink::sandbox {

/// A refusal in Gate's shape: HTTP status + `{"label", "message"}`.
struct Refusal {
  unsigned status = 400;
  std::string label;
  std::string message;
};

template <class T>
using Checked = boost::system::result<T, Refusal>;

[[noreturn]] void throw_exception_from_error(Refusal const& refusal, boost::source_location const&);

/// What arrived with a private request. `raw_query` is the query exactly as received
/// (percent-encoded as clients send it); `key`, `timestamp`, `sign` are the header values
/// (nullopt when the header is absent).
struct SignedRequest {
  std::string_view method;
  std::string_view path;  ///< from "/api/v4"
  std::string_view raw_query;
  std::string_view body;
  std::optional<std::string_view> key;
  std::optional<std::string_view> timestamp;
  std::optional<std::string_view> sign;
  std::string_view peer_ip;
};

/// Gate's window between Timestamp and server time.
inline constexpr std::int64_t timestamp_window_ms = 60'000;

/// Verifies `request` at server time `now_ms` and returns the caller's key (its last_access is
/// updated). The signature is accepted over the percent-decoded query (what the official SDKs
/// sign) or over the query exactly as received (what careful clients sign).
[[nodiscard]] Checked<ApiKey const*> authenticate(KeyStore& keys, SignedRequest const& request,
                                                  std::int64_t now_ms);

/// What one endpoint needs from the key.
/// Requirement::group of withdrawals: not a permission group but the key's separate withdrawal
/// right (Gate lists it apart from `perms`).
inline constexpr std::string_view withdrawal_right = "withdraw";

struct Requirement {
  std::string_view group;  ///< permission group: "spot", "futures", "wallet", "account", "unified"
  bool write = false;      ///< any method but GET
  std::optional<std::string_view> pair;  ///< the pair or contract the call touches, if any
};

/// FORBIDDEN (group disabled or pair outside the whitelist) or READ_ONLY; nullopt when allowed.
[[nodiscard]] std::optional<Refusal> authorize(ApiKey const& key, Requirement const& requirement);

/// Percent-decodes `text`; '+' becomes a space when `plus_is_space`. Invalid escapes stay as-is.
[[nodiscard]] std::string percent_decode(std::string_view text, bool plus_is_space);

}  // namespace tradelink::sandbox
