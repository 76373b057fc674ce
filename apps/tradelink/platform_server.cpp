#include "platform_server.hpp"

#include <vector>

#include "listen_address.hpp"
#include "web_assets.hpp"

namespace tradelink::cli {
namespace {

api::StaticSite embedded_site() {
  std::vector<api::SiteFile> files;
  for (web::EmbeddedFile const& file : web::embedded_files()) {
    files.push_back({std::string(file.path), std::string(file.body)});
  }
  return api::StaticSite(std::move(files));
}

core::Result<api::ApiOptions> api_options(ServeSettings const& settings) {
  auto const address = parse_listen_address(settings.listen);
  if (!address) {
    return core::validation_error("cli.listen",
                                  "--listen wants HOST:PORT, got '" + settings.listen + "'");
  }
  api::ApiOptions options;
  options.address = address->host;
  options.port = address->port;
  options.io_threads = settings.io_threads;
  options.workers = settings.workers;
  options.secure_cookies = settings.secure_cookies;
  if (settings.web_root.empty()) {
    options.site = embedded_site();
  } else {
    auto site = api::StaticSite::from_directory(settings.web_root);
    if (!site) return site.error();
    options.site = std::move(*site);
  }
  return options;
}

// A bound, verified or rotated binding syncs with its current key while it is connected.
api::BindingObservers sync_observers(platform::sync::SyncService& sync) {
  api::BindingObservers observers;
  observers.changed = [&sync](std::int64_t user_id, platform::keys::BindingView const& binding) {
    sync.stop(binding.id);
    if (binding.status == platform::keys::BindingStatus::connected) {
      // A failure leaves the binding unsynced; its balances answer sync.not_found until the
      // next verification or restart.
      (void)sync.start(user_id, binding.id);
    }
  };
  observers.removed = [&sync](std::int64_t, std::string_view binding_id) { sync.stop(binding_id); };
  return observers;
}

}  // namespace

void add_serve_options(CLI::App& command, ServeSettings& settings) {
  command.add_option("--listen", settings.listen, "HOST:PORT for the API and web UI")
      ->capture_default_str();
  command.add_option("--web-root", settings.web_root,
                     "Serve the web UI from this directory instead of the embedded copy");
  command
      .add_option("--io-threads", settings.io_threads,
                  "Threads serving HTTP connections (and reads answered from memory)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command.add_option("--workers", settings.workers, "Threads running API requests")
      ->capture_default_str();
  command.add_flag("--secure-cookies", settings.secure_cookies,
                   "Mark session cookies Secure (when a TLS proxy sits in front)");
}

core::Result<std::unique_ptr<PlatformServer>> PlatformServer::start(
    PlatformContext& context, PlatformSettings const& platform, ServeSettings const& settings) {
  auto options = api_options(settings);
  if (!options) return options.error();
  std::unique_ptr<PlatformServer> server(new PlatformServer());

  gateio::AccountFeedOptions feed_options;
  feed_options.base_url = resolved_gate_url(platform);
  auto feeds = gateio::GateAccountFeedFactory::create(std::move(feed_options));
  if (!feeds) return feeds.error();
  server->feeds_ = std::move(*feeds);
  server->sync_ = std::make_unique<platform::sync::SyncService>(
      context.store(), context.keys(),
      platform::sync::FeedDirectory{{"gateio", server->feeds_.get()}},
      platform::sync::SyncOptions{}, now_ms);
  if (auto started = server->sync_->start_all(); !started) return started.error();

  api::ApiServices services{context.users(),     context.keys(), context.store(),
                            server->sync_.get(), now_ms,         sync_observers(*server->sync_)};
  auto api = api::ApiServer::start(std::move(*options), std::move(services));
  if (!api) return api.error();
  server->api_ = std::move(*api);
  return server;
}

PlatformServer::~PlatformServer() {
  if (api_) api_->stop();
  api_.reset();
  sync_.reset();
}

}  // namespace tradelink::cli
