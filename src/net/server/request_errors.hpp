#pragma once
// What the server answers when reading a request fails: an HTTP error for a request that is
// malformed or too large, silence for a peer that went away or timed out.

#include <boost/system/error_code.hpp>

#include <optional>
#include <string_view>

namespace tradelink::net::detail {

/// An error response the server sends on its own behalf (body shaped by ErrorBodyFormatter).
struct ErrorAnswer {
  unsigned status;
  std::string_view reason;  ///< a static English phrase
};

/// The answer for `ec` met while reading a request: 400 (malformed), 413 (body over the limit,
/// by Content-Length or while streaming), 431 (header over the limit); nullopt when the
/// connection should just be closed (peer hung up, reset, timeout, TLS failure, cancelled).
[[nodiscard]] std::optional<ErrorAnswer> answer_for_read_error(
    boost::system::error_code const& ec) noexcept;

}  // namespace tradelink::net::detail
