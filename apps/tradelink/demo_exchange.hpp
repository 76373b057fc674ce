#pragma once
// The demo's exchange side, made through the sandbox's admin API over HTTP (as any operator
// would): one exchange user with funded spot and futures accounts and five API keys, one good
// and four with the problems the key guide explains.

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace tradelink::cli {

struct DemoKey {
  std::string name;         ///< "good", "read-only", ...
  std::string expectation;  ///< what binding it shows
  std::string key;
  std::string secret;  ///< a sandbox secret: printed for the demo user to paste
};

struct DemoExchange {
  std::int64_t user_id = 0;
  std::vector<DemoKey> keys;
};

/// Creates the user, funds it and makes the keys at `sandbox_base_url` ("http://127.0.0.1:P").
/// Errors: transport errors, or `demo.admin` when the admin API refuses a call.
[[nodiscard]] core::Result<DemoExchange> provision_demo_exchange(
    std::string const& sandbox_base_url);

}  // namespace tradelink::cli
