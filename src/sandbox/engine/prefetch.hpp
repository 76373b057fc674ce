#pragma once
// A hint to start fetching an object's cache lines for writing. The engine's retained history
// (finished orders, fills) is far larger than the caches, so the slot an order or a fill will be
// written to next is cold; when that slot is known early, fetching it ahead hides the misses.

#include <cstddef>

namespace tradelink::sandbox {

inline constexpr std::size_t cache_line = 64;

/// Prefetches every cache line of `value` for writing. Only a hint: no effect on behaviour.
template <class T>
void prefetch_for_write(T const& value) noexcept {
  auto const* bytes = reinterpret_cast<char const*>(&value);
  for (std::size_t offset = 0; offset < sizeof(T); offset += cache_line) {
    __builtin_prefetch(bytes + offset, 1);
  }
}

}  // namespace tradelink::sandbox
