#pragma once
// The sandbox exchange as a running server: one listening socket serving Gate's REST API under
// /api/v4, WebSocket v4 at /ws/v4/ (spot) and /v4/ws/usdt (USDT perpetuals), and the admin API
// under /sandbox/v1, with the market simulator moving prices. Owns its threads.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "net/server_types.hpp"
#include "sandbox/service/faults.hpp"
#include "sandbox/service/venue.hpp"

namespace tradelink::sandbox {

struct SandboxOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;  ///< 0: an ephemeral port
  std::size_t threads = 2;
  std::uint64_t seed = 1;  ///< market simulator and fault RNG
  /// Loaded at start when it exists, written at stop.
  std::optional<std::filesystem::path> state_file;
  std::optional<net::ServerTls> tls;  ///< serve HTTPS/WSS with this identity
  bool simulate_market = true;        ///< run the market simulator
  /// Token the admin API accepts from non-loopback peers (empty: loopback peers only).
  std::string admin_token;
};

class SandboxServer {
 public:
  /// Builds the venue, loads the state file, binds and starts serving.
  static core::Result<std::unique_ptr<SandboxServer>> start(SandboxOptions options);

  SandboxServer(SandboxServer const&) = delete;
  SandboxServer& operator=(SandboxServer const&) = delete;
  /// stop().
  ~SandboxServer();

  [[nodiscard]] std::uint16_t port() const noexcept;
  /// "http://127.0.0.1:PORT" (https with TLS); REST lives under base_url() + "/api/v4".
  [[nodiscard]] std::string base_url() const;
  [[nodiscard]] Venue& venue() noexcept;
  [[nodiscard]] Faults& faults() noexcept;

  /// Stops serving, writes the state file and joins the threads. Idempotent.
  void stop();

 private:
  struct Impl;
  explicit SandboxServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tradelink::sandbox
