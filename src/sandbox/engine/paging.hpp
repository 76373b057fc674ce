#pragma once
// Gate-style paging of lists: `page` counts from 1, `limit` entries per page.

#include <algorithm>
#include <cstddef>

namespace tradelink::sandbox {

struct Page {
  /// Largest limit the engine honours.
  static constexpr std::size_t max_limit = 1000;

  std::size_t page = 1;     ///< 1-based; 0 is read as 1
  std::size_t limit = 100;  ///< entries per page; clamped to [1, max_limit]

  /// Entries to skip before this page.
  [[nodiscard]] std::size_t offset() const noexcept {
    return (std::max<std::size_t>(page, 1) - 1) * size();
  }
  /// Entries on this page at most.
  [[nodiscard]] std::size_t size() const noexcept {
    return std::clamp<std::size_t>(limit, 1, max_limit);
  }
};

}  // namespace tradelink::sandbox
