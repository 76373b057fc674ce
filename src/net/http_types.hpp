#pragma once
// Plain value types for HTTP requests and responses; no Asio or Beast in sight.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace tradelink::net {

enum class Method { get, post, put, patch, delete_ };

/// Upper-case verb as sent on the wire and signed ("GET", "DELETE", ...).
[[nodiscard]] std::string_view to_string(Method method) noexcept;

struct Header {
  std::string name;
  std::string value;
};

/// Where requests go: scheme + host + port, parsed from a base URL such as
/// "https://api.gateio.ws" or "http://127.0.0.1:8765". A path in the URL is kept as `base_path`
/// ("/api/v4") so callers can join it with endpoint paths.
struct Origin {
  bool tls = true;
  std::string host;
  std::uint16_t port = 443;
  std::string base_path;

  /// Errors: `net.url` for anything but http/https URLs with a host, or with a query/fragment.
  static core::Result<Origin> parse(std::string_view url);
  /// "https://api.gateio.ws:443" style key used for connection pooling.
  [[nodiscard]] std::string pool_key() const;
};

struct HttpRequest {
  Method method = Method::get;
  std::string target;  ///< path plus optional "?query", sent byte-for-byte as given
  std::vector<Header> headers;
  std::string body;    ///< sent as-is when non-empty (Content-Length set by the client)
};

struct HttpResponse {
  unsigned status = 0;
  std::vector<Header> headers;
  std::string body;

  /// Case-insensitive header lookup; empty when absent.
  [[nodiscard]] std::string_view header(std::string_view name) const noexcept;
};

/// Limits and policies of an HttpClient. Defaults suit an exchange REST API.
struct ClientOptions {
  std::chrono::milliseconds connect_timeout{5'000};   ///< resolve + TCP connect + TLS handshake
  std::chrono::milliseconds read_timeout{10'000};     ///< write request + read whole response
  std::chrono::milliseconds total_timeout{15'000};    ///< whole call, including a stale-connection resend
  std::size_t max_response_bytes = 16U * 1024U * 1024U;  ///< header + body cap
  std::size_t max_idle_per_origin = 8;                ///< kept-alive connections per origin
  std::chrono::milliseconds idle_timeout{60'000};     ///< idle pooled connections closed after
  bool verify_peer = true;                            ///< TLS certificate + host-name check
  std::optional<std::string> ca_file;                 ///< extra trust anchors (PEM); system store otherwise
  std::string user_agent = "tradelink/0.1";
};

/// Counters for observing pool behaviour (tests, metrics).
struct PoolStats {
  std::uint64_t connections_opened = 0;             ///< connects that succeeded (incl. TLS handshake)
  std::uint64_t requests_on_reused_connection = 0;  ///< requests written on a pooled connection
  std::uint64_t requests_sent = 0;                  ///< requests written, resends included
  std::uint64_t stale_retries = 0;   ///< requests resent because a pooled connection was stale
  std::size_t idle_connections = 0;  ///< open connections parked in the pool right now
};

}  // namespace tradelink::net
