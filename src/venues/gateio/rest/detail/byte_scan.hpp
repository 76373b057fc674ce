#pragma once
// Internal to the Gate.io request bodies: questions asked of every string that goes into an
// order body (is it ASCII, does JSON escape any of it), answered eight bytes at a time. The
// strings are short (pairs, client order ids), where a loop per byte costs mostly its exit.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace tradelink::gateio::detail {

inline constexpr std::uint64_t every_byte = 0x0101010101010101ULL;
inline constexpr std::uint64_t high_bits = 0x8080808080808080ULL;

/// Calls `test(word)` on 8-byte words covering `text`: whole words, then the last eight bytes
/// (overlapping the words before: the question is whether any byte qualifies), or for text
/// shorter than a word the text padded with `filler`, a byte for which the test is false. True
/// as soon as one word passes. Every load has a constant size, so none is a call to memcpy.
template <class Test>
bool any_word(std::string_view text, unsigned char filler, Test const& test) noexcept {
  std::size_t const size = text.size();
  char const* const data = text.data();
  if (size < 8) {
    std::uint64_t word = every_byte * filler;
    auto* const bytes = reinterpret_cast<char*>(&word);
    if (size >= 4) {
      std::memcpy(bytes, data, 4);
      std::memcpy(bytes + size - 4, data + size - 4, 4);
    } else if (size >= 2) {
      std::memcpy(bytes, data, 2);
      std::memcpy(bytes + size - 2, data + size - 2, 2);
    } else if (size == 1) {
      bytes[0] = data[0];
    }
    return test(word);
  }
  std::size_t offset = 0;
  for (; offset + 8 <= size; offset += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, data + offset, 8);
    if (test(word)) return true;
  }
  if (offset == size) return false;
  std::uint64_t word = 0;
  std::memcpy(&word, data + size - 8, 8);
  return test(word);
}

/// Whether any byte of `word` is zero. Exact as a yes/no answer: a borrow only starts at a zero.
constexpr bool has_zero_byte(std::uint64_t word) noexcept {
  return ((word - every_byte) & ~word & high_bits) != 0;
}

/// Whether any byte of `word` is below `limit` (at most 0x80). Exact as a yes/no answer.
constexpr bool has_byte_below(std::uint64_t word, unsigned char limit) noexcept {
  return ((word - every_byte * limit) & ~word & high_bits) != 0;
}

/// Whether `text` has a byte of 0x80 or above, i.e. is not plain ASCII.
inline bool has_non_ascii(std::string_view text) noexcept {
  return any_word(text, 'a', [](std::uint64_t word) { return (word & high_bits) != 0; });
}

/// Whether `text` holds a byte JSON strings escape: a control character, '"' or '\\'.
inline bool has_json_escaped(std::string_view text) noexcept {
  return any_word(text, 'a', [](std::uint64_t word) {
    return has_byte_below(word, 0x20) || has_zero_byte(word ^ (every_byte * '"')) ||
           has_zero_byte(word ^ (every_byte * '\\'));
  });
}

}  // namespace tradelink::gateio::detail
