#pragma once
// Writes that bypass the caches. The engine's histories (finished orders, fills) are written
// once and read back only by queries, and they are far larger than the caches: written through
// the caches, every record first reads its lines from memory and then pushes out lines the
// matching works on. A non-temporal store writes whole lines straight to memory instead.
//
// Non-temporal stores are weakly ordered: a thread that reads the history after taking it over
// from the writer needs a store fence between (see publish_streamed_stores()); the writing
// thread itself always reads its own stores.

#include <cstddef>
#include <cstring>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace tradelink::sandbox {

/// Bytes in a cache line.
inline constexpr std::size_t streamed_line = 64;

/// True when `T` is worth writing with stream_store(): plain bytes in whole, aligned cache lines.
/// A line written only in part by non-temporal stores leaves its write-combining buffer
/// incomplete, and memory then merges it with the line's old contents: slower than a cached
/// write.
template <class T>
inline constexpr bool streamable = std::is_trivially_copyable_v<T> &&
                                   sizeof(T) % streamed_line == 0 && alignof(T) >= streamed_line;

/// Copies `value` to `to` without bringing `to`'s lines into the caches.
template <class T>
void stream_store(T* to, T const& value) noexcept {
  static_assert(streamable<T>);
#if defined(__SSE2__)
  auto const* from = reinterpret_cast<__m128i const*>(&value);
  auto* out = reinterpret_cast<__m128i*>(to);
  for (std::size_t chunk = 0; chunk < sizeof(T) / 16; ++chunk) {
    _mm_stream_si128(out + chunk, _mm_load_si128(from + chunk));
  }
#else
  std::memcpy(static_cast<void*>(to), &value, sizeof(T));
#endif
}

/// Orders every earlier non-temporal store before any later store: call before handing the
/// written memory to another thread.
inline void publish_streamed_stores() noexcept {
#if defined(__SSE2__)
  _mm_sfence();
#endif
}

}  // namespace tradelink::sandbox
