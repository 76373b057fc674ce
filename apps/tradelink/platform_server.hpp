#pragma once
// The running platform over a PlatformContext: account sync for every connected binding and the
// HTTP API with the web UI, wired together (the API reads balances from sync and tells it when a
// binding is bound, rotated or deleted). The options `serve` and `demo` share.

#include <CLI/CLI.hpp>

#include <cstddef>
#include <memory>
#include <string>

#include "api/api_server.hpp"
#include "core/result.hpp"
#include "platform/sync/sync_service.hpp"
#include "platform_context.hpp"
#include "venues/gateio/ws/gate_account_feed.hpp"

namespace tradelink::cli {

struct ServeSettings {
  std::string listen = "127.0.0.1:8080";
  std::string web_root;        ///< empty: the UI embedded in the binary
  std::size_t io_threads = 2;  ///< threads reading and writing HTTP (and answering from memory)
  std::size_t workers = 4;
  bool secure_cookies = false;
};

/// Adds --listen, --web-root, --io-threads, --workers and --secure-cookies to `command`.
void add_serve_options(CLI::App& command, ServeSettings& settings);

/// Sync and the API, stopped in the right order (the API first) when destroyed.
class PlatformServer {
 public:
  /// Starts syncing every connected binding and serves the API on settings.listen. Errors:
  /// `cli.listen` for a bad address, `api.web_root`, the feed's, sync's and the ApiServer's own.
  /// `context` must outlive the server.
  [[nodiscard]] static core::Result<std::unique_ptr<PlatformServer>> start(
      PlatformContext& context, PlatformSettings const& platform, ServeSettings const& settings);

  ~PlatformServer();
  PlatformServer(PlatformServer const&) = delete;
  PlatformServer& operator=(PlatformServer const&) = delete;

  [[nodiscard]] std::string base_url() const { return api_->base_url(); }

 private:
  PlatformServer() = default;

  std::unique_ptr<gateio::GateAccountFeedFactory> feeds_;
  std::unique_ptr<platform::sync::SyncService> sync_;
  std::unique_ptr<api::ApiServer> api_;
};

}  // namespace tradelink::cli
