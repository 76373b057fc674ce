#pragma once
// Lookup of open orders by client text, per user and market: (account, market, text) → the
// newest open order carrying that text. Gate finds an order by its text only while it is open.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <unordered_map>

#include "sandbox/engine/fixed_text.hpp"
#include "sandbox/engine/types.hpp"

namespace tradelink::sandbox {

class TextIndex {
 public:
  /// Makes `order` the order found for (account, market, text). Empty texts are not indexed.
  void insert(std::uint32_t account, std::uint32_t market, FixedText const& text, OrderId order) {
    if (!text.empty()) entries_[Key{account, market, text}] = order;
  }
  /// Forgets (account, market, text) if it still names `order`.
  void erase(std::uint32_t account, std::uint32_t market, FixedText const& text, OrderId order) {
    if (text.empty()) return;
    auto const found = entries_.find(Key{account, market, text});
    if (found != entries_.end() && found->second == order) entries_.erase(found);
  }
  /// The open order named `text`, or 0.
  [[nodiscard]] OrderId find(std::uint32_t account, std::uint32_t market,
                             std::string_view text) const {
    auto const fixed = FixedText::from(text);
    if (!fixed || fixed->empty()) return 0;
    auto const found = entries_.find(Key{account, market, *fixed});
    return found == entries_.end() ? 0 : found->second;
  }

 private:
  struct Key {
    std::uint32_t account = 0;
    std::uint32_t market = 0;
    FixedText text;
    friend bool operator==(Key const&, Key const&) = default;
  };
  struct KeyHash {
    std::size_t operator()(Key const& key) const noexcept {
      std::size_t const text_hash = std::hash<std::string_view>{}(key.text.view());
      std::size_t const owner = (std::size_t{key.account} << 32) ^ key.market;
      return text_hash ^ (owner * 0x9e3779b97f4a7c15ULL);
    }
  };
  std::unordered_map<Key, OrderId, KeyHash> entries_;
};

}  // namespace tradelink::sandbox
