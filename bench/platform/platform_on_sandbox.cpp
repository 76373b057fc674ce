#include "platform_on_sandbox.hpp"

#include <boost/asio/io_context.hpp>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <utility>

#include "crypto/master_key.hpp"
#include "net/http_client.hpp"

namespace tradelink::bench {

std::int64_t wall_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

PlatformOnSandbox::PlatformOnSandbox(std::string const& name)
    : directory_(std::filesystem::temp_directory_path() /
                 ("tradelink-bench-" + name + "-" + std::to_string(::getpid()))) {
  std::filesystem::create_directories(directory_);
  sandbox::SandboxOptions options;
  options.port = 0;
  options.simulate_market = false;
  sandbox_ = std::move(sandbox::SandboxServer::start(options).value());
  turn_off_rate_limits();
  store_ = std::move(store::SqliteStore::open(directory_ / "bench.db").value());
  vault_ = std::make_unique<crypto::Vault>(crypto::MasterKey::generate().value());
  gateio::KeyCheckerOptions checker;
  checker.base_url = rest_url();
  checker_ = std::move(gateio::GateKeyChecker::create(std::move(checker)).value());
  keys_ = std::make_unique<platform::keys::KeyService>(
      *store_, *vault_, platform::keys::CheckerDirectory{{"gateio", checker_.get()}},
      platform::keys::KeyPolicy{}, wall_now_ms);
  user_id_ = store_->create_user({0, "bench@example.com", "unused", wall_now_ms()}).value().id;
}

PlatformOnSandbox::~PlatformOnSandbox() {
  keys_.reset();
  checker_.reset();
  store_.reset();
  sandbox_->stop();
  std::filesystem::remove_all(directory_);
}

void PlatformOnSandbox::turn_off_rate_limits() {
  boost::asio::io_context io;
  net::HttpClient client(io, net::ClientOptions{});
  net::HttpRequest request;
  request.method = net::Method::put;
  request.target = "/sandbox/v1/rate_limits";
  request.headers = {{"Content-Type", "application/json"}};
  request.body = R"({"enabled":false})";
  auto answered = client.send(net::Origin::parse(sandbox_->base_url()).value(), request);
  if (!answered || answered->status != 200) throw std::runtime_error("admin API refused");
}

}  // namespace tradelink::bench
