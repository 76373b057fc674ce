#pragma once
// A hint to start fetching an object's cache lines for writing. The engine's retained history
// (finished orders, fills) is far larger than the caches, so the slot an order or a fill will be
// written to next is cold; when that slot is known early, fetching it ahead hides the misses.

#include <cstddef>
#include <cstdint>

namespace tradelink::sandbox {

inline constexpr std::size_t cache_line = 64;

/// Prefetches every cache line `value` touches for writing (an object that does not start on a
/// line boundary spans one line more than its size suggests). Only a hint: no effect on
/// behaviour.
template <class T>
void prefetch_for_write(T const& value) noexcept {
  auto const start = reinterpret_cast<std::uintptr_t>(&value);
  for (std::uintptr_t line = start - start % cache_line; line < start + sizeof(T);
       line += cache_line) {
    __builtin_prefetch(reinterpret_cast<void const*>(line), 1);
  }
}

}  // namespace tradelink::sandbox
