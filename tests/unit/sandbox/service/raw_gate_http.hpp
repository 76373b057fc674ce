#pragma once
// Plain HTTP calls to the sandbox's Gate REST face, signed like Gate's SDKs sign them, for the
// endpoints tradelink's own client does not cover and for checking exact JSON shapes.

#include <boost/asio/io_context.hpp>
#include <boost/json/value.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "net/http_client.hpp"
#include "unit/sandbox/service/sandbox_fixture.hpp"

namespace tradelink::sandbox::test {

struct RawResponse {
  unsigned status = 0;
  std::string body;
  boost::json::value json;  ///< null when the body is not JSON
  std::vector<net::Header> headers;

  /// The first header named `name` (ASCII case-insensitive); empty when absent.
  [[nodiscard]] std::string_view header(std::string_view name) const;
};

/// How a call is sent: with `X-Gate-Size-Decimal: 1` (as the official SDKs do) or without.
enum class Sizes { decimal, integer };

class RawGate {
 public:
  /// Calls the server at `base_url` ("http://127.0.0.1:PORT"); `venue` gives the sandbox time
  /// used for the signature timestamp.
  RawGate(std::string base_url, Venue& venue);
  ~RawGate();
  RawGate(RawGate const&) = delete;
  RawGate& operator=(RawGate const&) = delete;

  /// An unsigned call; `path` is below /api/v4.
  RawResponse get(std::string_view path, std::string_view query = {}, Sizes sizes = Sizes::decimal);
  /// A call signed with `key`, with `extra` headers besides the signature's.
  RawResponse call(TestKey const& key, std::string_view method, std::string_view path,
                   std::string_view query = {}, std::string_view body = {},
                   Sizes sizes = Sizes::decimal, std::vector<net::Header> const& extra = {});

 private:
  RawResponse send(net::HttpRequest request);

  std::string base_url_;
  Venue& venue_;
  boost::asio::io_context io_;
  std::unique_ptr<net::HttpClient> http_;
};

/// A sandbox test with a RawGate (`raw_`) on its server, made after the server starts and gone
/// before it stops.
class RawGateTest : public SandboxTest {
 protected:
  void SetUp() override {
    SandboxTest::SetUp();
    raw_ = std::make_unique<RawGate>(server_->base_url(), server_->venue());
  }
  void TearDown() override {
    raw_.reset();
    SandboxTest::TearDown();
  }

  std::unique_ptr<RawGate> raw_;
};

}  // namespace tradelink::sandbox::test
