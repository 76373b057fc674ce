#pragma once
// Internal to the Gate.io request path: copies and comparisons of the short strings a request is
// made of (pairs, client order ids, paths, header values), in two overlapping fixed-size moves
// instead of a call to memcpy or memcmp, whose dispatch costs more than moving ten bytes.
// Out of line on purpose: one shared copy of the code keeps the signing path small next to the
// SHA-512 code it runs with (inlined at every call site, the same path measured slower).

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace tradelink::gateio::detail {

/// Copies `text` to `out` (which has room for it; the ranges do not overlap) and returns the
/// end of the copy.
[[gnu::noinline]] inline char* copy_text(char* out, std::string_view text) noexcept {
  std::size_t const size = text.size();
  char const* in = text.data();
  if (size >= 8 && size <= 16) {
    std::memcpy(out, in, 8);
    std::memcpy(out + size - 8, in + size - 8, 8);
  } else if (size > 16 && size <= 32) {
    std::memcpy(out, in, 16);
    std::memcpy(out + size - 16, in + size - 16, 16);
  } else if (size >= 4 && size < 8) {
    std::memcpy(out, in, 4);
    std::memcpy(out + size - 4, in + size - 4, 4);
  } else if (size >= 2 && size < 4) {
    std::memcpy(out, in, 2);
    std::memcpy(out + size - 2, in + size - 2, 2);
  } else if (size == 1) {
    *out = *in;
  } else if (size != 0) {
    std::memcpy(out, in, size);
  }
  return out + size;
}

namespace short_text {

template <class Word>
bool same_ends(char const* a, char const* b, std::size_t size) noexcept {
  Word a_head;
  Word b_head;
  Word a_tail;
  Word b_tail;
  std::memcpy(&a_head, a, sizeof(Word));
  std::memcpy(&b_head, b, sizeof(Word));
  std::memcpy(&a_tail, a + size - sizeof(Word), sizeof(Word));
  std::memcpy(&b_tail, b + size - sizeof(Word), sizeof(Word));
  return ((a_head ^ b_head) | (a_tail ^ b_tail)) == 0;
}

}  // namespace short_text

/// Whether `a` and `b` hold the same bytes.
[[gnu::noinline]] inline bool same_text(std::string_view a, std::string_view b) noexcept {
  std::size_t const size = a.size();
  if (size != b.size()) return false;
  if (size >= 8 && size <= 16)
    return short_text::same_ends<std::uint64_t>(a.data(), b.data(), size);
  if (size >= 4 && size < 8) return short_text::same_ends<std::uint32_t>(a.data(), b.data(), size);
  if (size >= 2 && size < 4) return short_text::same_ends<std::uint16_t>(a.data(), b.data(), size);
  if (size == 1) return a[0] == b[0];
  return size == 0 || std::memcmp(a.data(), b.data(), size) == 0;
}

}  // namespace tradelink::gateio::detail
