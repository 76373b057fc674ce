#pragma once
// A secret held in memory: wiped on destruction and move, never printable. Streams and fmt see
// "[redacted]"; the only way to the bytes is reveal(), used by signers.

#include <ostream>
#include <string>
#include <string_view>

namespace tradelink::crypto {

/// Overwrites `size` bytes at `data` in a way the compiler cannot elide.
void secure_wipe(void* data, std::size_t size) noexcept;

class SecretString {
 public:
  SecretString() = default;
  explicit SecretString(std::string_view text) : bytes_(text) {}
  ~SecretString() { wipe(); }
  SecretString(SecretString const& other) : bytes_(other.bytes_) {}
  SecretString& operator=(SecretString const& other) {
    if (this != &other) {
      wipe();
      bytes_ = other.bytes_;
    }
    return *this;
  }
  SecretString(SecretString&& other) noexcept : bytes_(std::move(other.bytes_)) { other.wipe(); }
  SecretString& operator=(SecretString&& other) noexcept {
    if (this != &other) {
      wipe();
      bytes_ = std::move(other.bytes_);
      other.wipe();
    }
    return *this;
  }

  [[nodiscard]] std::string_view reveal() const noexcept { return bytes_; }
  [[nodiscard]] bool empty() const noexcept { return bytes_.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return bytes_.size(); }

  friend std::ostream& operator<<(std::ostream& out, SecretString const&) {
    return out << "[redacted]";
  }

 private:
  void wipe() noexcept {
    secure_wipe(bytes_.data(), bytes_.capacity());
    bytes_.clear();
  }
  std::string bytes_;
};

/// "abcd…wxyz": first and last four characters of `text` (all of it masked when 12 or fewer).
[[nodiscard]] std::string mask(std::string_view text);

}  // namespace tradelink::crypto
