#pragma once
// The `Timestamp` header of signed REST requests (gateio-v4.md §2.1): integer seconds of server
// time as decimal text, formatted once per second for a client rather than once per request.

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace tradelink::gateio {

class TimestampText {
 public:
  /// Decimal text of `seconds`, valid until the next call.
  [[nodiscard]] std::string_view of(std::int64_t seconds) noexcept {
    if (size_ == 0 || seconds != seconds_) {
      seconds_ = seconds;
      size_ = static_cast<std::size_t>(
          std::to_chars(digits_.data(), digits_.data() + digits_.size(), seconds).ptr -
          digits_.data());
    }
    return {digits_.data(), size_};
  }

 private:
  std::array<char, 20> digits_{};  // any int64 fits
  std::size_t size_ = 0;
  std::int64_t seconds_ = 0;
};

}  // namespace tradelink::gateio
