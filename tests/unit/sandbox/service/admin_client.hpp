#pragma once
// Admin API calls over real loopback HTTP for the sandbox tests: through tradelink's HttpClient,
// or from a socket bound to a chosen source address (a "remote" peer such as 127.0.0.2).

#include <boost/asio/io_context.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "net/http_client.hpp"
#include "net/http_types.hpp"

namespace tradelink::sandbox::test {

struct AdminReply {
  unsigned status = 0;
  std::string body;
  /// The body parsed as JSON (null when empty or not JSON).
  boost::json::value json;

  /// `json[name]` as a string ("" when absent or not a string).
  [[nodiscard]] std::string text(std::string_view name) const;
  /// The error label of a refusal.
  [[nodiscard]] std::string label() const { return text("label"); }
};

class AdminClient {
 public:
  /// Talks to `base_url` ("http://127.0.0.1:PORT").
  explicit AdminClient(std::string const& base_url);

  /// `method` `target` (e.g. "/sandbox/v1/users") with a JSON body; fails the test on transport
  /// errors (status 0).
  AdminReply call(net::Method method, std::string const& target, std::string body = {},
                  std::vector<net::Header> headers = {});
  AdminReply get(std::string const& target) { return call(net::Method::get, target); }
  AdminReply post(std::string const& target, std::string body) {
    return call(net::Method::post, target, std::move(body));
  }
  AdminReply put(std::string const& target, std::string body) {
    return call(net::Method::put, target, std::move(body));
  }
  AdminReply del(std::string const& target) { return call(net::Method::delete_, target); }

 private:
  boost::asio::io_context io_;
  net::Origin origin_;
  net::HttpClient http_;
};

/// One HTTP/1.1 request sent from a socket bound to `source_address` to 127.0.0.1:`port`.
AdminReply call_from(std::string const& source_address, std::uint16_t port,
                     std::string const& method, std::string const& target,
                     std::vector<net::Header> const& headers = {});

}  // namespace tradelink::sandbox::test
