#pragma once
// Gate.io's AccountFeed (venues/account_feed.hpp): REST snapshot of the scope's accounts through
// the typed RestClient (gateio-v4.md §3.1), private WebSocket channels on the spot and USDT
// futures streams (§7.1, §7.2) through PrivateSession.

#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "net/http_types.hpp"
#include "venues/account_feed.hpp"
#include "venues/gateio/rest/transport.hpp"

namespace tradelink::gateio {

struct AccountFeedOptions {
  std::string base_url = live_rest_base_url;  ///< REST base; stream URLs are derived from it
  net::ClientOptions http;                    ///< REST pool, timeouts and TLS (also used by WS)
};

class GateAccountFeedFactory final : public venues::AccountFeedFactory {
 public:
  /// Fails (`net.url`) when the base URL is not an http(s) URL.
  static core::Result<std::unique_ptr<GateAccountFeedFactory>> create(AccountFeedOptions options);

  [[nodiscard]] core::Result<std::unique_ptr<venues::AccountFeed>> create(
      boost::asio::io_context& io, venues::KeyMaterial const& key,
      venues::FeedConfig config) override;
  [[nodiscard]] std::string_view venue() const noexcept override { return "gateio"; }

 private:
  GateAccountFeedFactory(AccountFeedOptions options, std::string spot_url, std::string futures_url);

  AccountFeedOptions options_;
  std::string spot_url_;
  std::string futures_url_;
};

}  // namespace tradelink::gateio
