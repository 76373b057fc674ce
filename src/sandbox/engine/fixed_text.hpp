#pragma once
// A client order text (`text`, e.g. "t-grid-42") stored inline, so orders and trades carry it
// without a heap allocation. Gate allows "t-" plus at most 28 bytes, and reserved words such as
// "apiv4" or "web"; the front checks the format, the engine only bounds the length. 30 bytes and
// a length byte: the histories keep one per finished order and per fill, in records sized to
// whole cache lines.

#include <array>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string_view>

namespace tradelink::sandbox {

class FixedText {
 public:
  static constexpr std::size_t capacity = 30;

  /// The empty text.
  constexpr FixedText() noexcept = default;

  /// A copy of `text`; nullopt when it is longer than `capacity` bytes.
  [[nodiscard]] static std::optional<FixedText> from(std::string_view text) noexcept {
    if (text.size() > capacity) return std::nullopt;
    FixedText fixed;
    if (!text.empty()) std::memcpy(fixed.bytes_.data(), text.data(), text.size());
    fixed.size_ = static_cast<unsigned char>(text.size());
    return fixed;
  }

  [[nodiscard]] std::string_view view() const noexcept { return {bytes_.data(), size_}; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }

  friend bool operator==(FixedText const& a, FixedText const& b) noexcept {
    return a.view() == b.view();
  }

 private:
  std::array<char, capacity> bytes_{};
  unsigned char size_ = 0;
};

}  // namespace tradelink::sandbox
