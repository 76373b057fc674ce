#pragma once
// Book deltas merged over one push interval of `*.order_book_update` / `spot.obu`
// (gateio-v4.md §7.3): ids U..u of every delta merged, each changed level once with its latest
// absolute size (0 removes it), and the renderers of the three push shapes.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "sandbox/engine/book_types.hpp"
#include "sandbox/service/ws/futures_render.hpp"

namespace tradelink::sandbox::ws {

class BookChanges {
 public:
  /// Merges `delta`, which must continue the ids merged so far (first U kept, u advanced).
  void add(BookDelta const& delta);
  void clear() noexcept;

  [[nodiscard]] bool empty() const noexcept { return last_id_ == 0; }
  [[nodiscard]] std::uint64_t first_id() const noexcept { return first_id_; }
  [[nodiscard]] std::uint64_t last_id() const noexcept { return last_id_; }
  [[nodiscard]] TimeMs time_ms() const noexcept { return time_ms_; }
  /// Best first: bids descending, asks ascending.
  [[nodiscard]] std::map<core::Decimal, core::Decimal, std::greater<>> const& bids()
      const noexcept {
    return bids_;
  }
  [[nodiscard]] std::map<core::Decimal, core::Decimal> const& asks() const noexcept {
    return asks_;
  }

 private:
  std::uint64_t first_id_ = 0;
  std::uint64_t last_id_ = 0;
  TimeMs time_ms_ = 0;
  std::map<core::Decimal, core::Decimal, std::greater<>> bids_;
  std::map<core::Decimal, core::Decimal> asks_;
};

/// `spot.order_book_update`: {"t","e":"depthUpdate","E","s","U","u","b","a","l"}.
[[nodiscard]] std::string render_spot_book_update(std::string_view pair, BookChanges const& changes,
                                                  std::string_view level);
/// `futures.order_book_update`: {"t","s","U","u","b":[{"p","s"}],"a":[...],"l"}.
[[nodiscard]] std::string render_futures_book_update(std::string_view contract,
                                                     BookChanges const& changes,
                                                     std::string_view level, SizeFormat sizes);
/// `spot.obu` increment: {"t","s":"ob.<pair>.<level>","U","u","b","a"}.
[[nodiscard]] std::string render_obu_update(std::string_view stream, BookChanges const& changes);
/// `spot.obu` first push: {"t","full":true,"s","u","b","a"} — the whole book at `snapshot.id`.
[[nodiscard]] std::string render_obu_snapshot(std::string_view stream, BookSnapshot const& snapshot,
                                              TimeMs now_ms);

}  // namespace tradelink::sandbox::ws
