#pragma once
// Gate.io's KeyChecker: runs the verification probes of KeyFactsBuilder against a Gate API v4
// base URL (the real exchange or the sandbox), all at once, on its own I/O thread.

#include <memory>
#include <string>

#include "core/result.hpp"
#include "net/http_types.hpp"
#include "venues/gateio/rest/transport.hpp"
#include "venues/key_check.hpp"

namespace tradelink::gateio {

struct KeyCheckerOptions {
  std::string base_url = live_rest_base_url;
  net::ClientOptions http;
  /// The pair of the spot write probe (a cancel of an order that cannot exist).
  std::string probe_pair = "BTC_USDT";
};

class GateKeyChecker final : public venues::KeyChecker {
 public:
  /// Fails (`net.url`) when the base URL is not an http(s) URL.
  static core::Result<std::unique_ptr<GateKeyChecker>> create(KeyCheckerOptions options);
  ~GateKeyChecker() override;
  GateKeyChecker(GateKeyChecker const&) = delete;
  GateKeyChecker& operator=(GateKeyChecker const&) = delete;

  using venues::KeyChecker::check;
  void check(venues::KeyMaterial const& key, Done done) override;
  [[nodiscard]] core::Result<std::size_t> cancel_open_orders(venues::KeyMaterial const& key,
                                                             core::Scope scope) override;

  [[nodiscard]] std::string_view venue() const noexcept override { return "gateio"; }
  [[nodiscard]] venues::KeyShape const& key_shape() const noexcept override;
  [[nodiscard]] venues::KeyPageNames const& key_page_names() const noexcept override;

 private:
  struct Impl;
  explicit GateKeyChecker(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tradelink::gateio
