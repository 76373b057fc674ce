#pragma once
// Errors that cross module boundaries: a layer, a stable machine code, a human message and
// whether trying again can help. Each layer keeps its own finer enum; this is the common carrier.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace tradelink::core {

/// The layer an error comes from.
enum class ErrorLayer {
  validation,  ///< bad input from a user or caller; retrying the same input cannot help
  transport,   ///< network: resolve, connect, TLS, timeout, reset, oversized response
  venue,       ///< the exchange answered with an error label
  store,       ///< persistence
  internal,    ///< a broken invariant in tradelink itself
};

/// Whether a failed operation may be tried again.
enum class Retry {
  never,      ///< same request gives the same answer
  retryable,  ///< transient; try again (after `retry_after` when set)
  fatal,      ///< stop using the resource (e.g. revoked credentials)
};

/// A failure with a stable code (`"decimal.overflow"`, `"gateio.INVALID_KEY"`) and a message
/// meant for people. The message never contains secrets.
struct Error {
  ErrorLayer layer = ErrorLayer::internal;
  std::string code;
  std::string message;
  Retry retry = Retry::never;
  std::optional<std::chrono::milliseconds> retry_after;

  [[nodiscard]] bool retryable() const noexcept { return retry == Retry::retryable; }
};

[[nodiscard]] std::string_view to_string(ErrorLayer layer) noexcept;

/// Shorthands for the common cases.
[[nodiscard]] Error validation_error(std::string code, std::string message);
[[nodiscard]] Error internal_error(std::string code, std::string message);

}  // namespace tradelink::core
