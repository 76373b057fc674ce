#include "api/balances_json_cache.hpp"

#include <boost/json/serialize.hpp>

#include "api/json_views.hpp"

namespace tradelink::api {

BalancesJsonCache::BalancesJsonCache(std::size_t capacity) : capacity_(capacity) {}

std::shared_ptr<std::string const> BalancesJsonCache::text_of(
    std::shared_ptr<platform::sync::BindingBalances const> const& snapshot) {
  std::string_view const binding_id = snapshot->binding_id;
  {
    std::lock_guard const lock(mutex_);
    auto const found = by_binding_.find(binding_id);
    if (found != by_binding_.end() && found->second.snapshot == snapshot) return found->second.text;
  }
  // Rendered outside the lock; two threads racing on a new snapshot both render it, harmlessly.
  auto text = std::make_shared<std::string const>(boost::json::serialize(balances_json(*snapshot)));
  std::lock_guard const lock(mutex_);
  auto found = by_binding_.find(binding_id);
  if (found == by_binding_.end()) {
    if (by_binding_.size() >= capacity_) by_binding_.clear();
    found = by_binding_.emplace(std::string(binding_id), Rendered{}).first;
  }
  found->second = Rendered{snapshot, text};
  return text;
}

}  // namespace tradelink::api
