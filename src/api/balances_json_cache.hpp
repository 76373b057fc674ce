#pragma once
// The JSON text of each binding's latest balances, rendered once per snapshot that sync
// publishes rather than once per request: a script may poll far more often than balances change.

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "platform/sync/balance_view.hpp"

namespace tradelink::api {

/// Thread-safe; bounded to `capacity` bindings (all are dropped when it is reached).
class BalancesJsonCache {
 public:
  explicit BalancesJsonCache(std::size_t capacity = 4096);

  /// balances_json(*snapshot), serialized; rendered again only when `snapshot` is not the one
  /// rendered last for its binding. `snapshot` must not be null.
  [[nodiscard]] std::shared_ptr<std::string const> text_of(
      std::shared_ptr<platform::sync::BindingBalances const> const& snapshot);

 private:
  struct Rendered {
    // Held so that its address cannot be reused by a later snapshot while it identifies `text`.
    std::shared_ptr<platform::sync::BindingBalances const> snapshot;
    std::shared_ptr<std::string const> text;
  };
  struct HashOfText {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
      return std::hash<std::string_view>{}(text);
    }
  };

  std::size_t const capacity_;
  std::mutex mutex_;
  std::unordered_map<std::string, Rendered, HashOfText, std::equal_to<>> by_binding_;
};

}  // namespace tradelink::api
