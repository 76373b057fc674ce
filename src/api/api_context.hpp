#pragma once
// What every route handler may use: the platform's services and the API's shared parts.

#include <cstdint>
#include <functional>

#include "api/event_hub.hpp"
#include "api/login_limiter.hpp"
#include "api/metrics.hpp"
#include "platform/keys/key_service.hpp"
#include "platform/sync/balance_view.hpp"
#include "platform/users/user_service.hpp"
#include "store/store.hpp"

namespace tradelink::api {

/// Unix milliseconds.
using Clock = std::function<std::int64_t()>;

/// What the API tells the rest of the platform about binding changes (e.g. to start syncing a
/// binding that became connected, or to stop syncing a deleted one). Called on a worker thread
/// after the change was stored; either may be empty.
struct BindingObservers {
  std::function<void(std::int64_t user_id, platform::keys::BindingView const& binding)> changed;
  std::function<void(std::int64_t user_id, std::string_view binding_id)> removed;
};

/// The name of the browser session cookie.
inline constexpr std::string_view session_cookie = "tl_session";

struct ApiContext {
  platform::users::UserService& users;
  platform::keys::KeyService& keys;
  store::Store& store;
  platform::sync::BalanceView* balances;  ///< null: balance routes answer 503 sync.unavailable
  EventHub& events;
  LoginLimiter& login_limiter;
  Metrics& metrics;
  Clock clock;
  BindingObservers observers;
  bool secure_cookies = false;  ///< add Secure to cookies even on plain HTTP (behind a TLS proxy)
};

}  // namespace tradelink::api
