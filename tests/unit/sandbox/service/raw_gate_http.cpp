#include "unit/sandbox/service/raw_gate_http.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <algorithm>

#include "crypto/secret_string.hpp"
#include "net/text/ascii.hpp"
#include "venues/gateio/common/credential.hpp"
#include "venues/gateio/rest/signer.hpp"

namespace tradelink::sandbox::test {
namespace {

constexpr std::string_view api_base = "/api/v4";

std::string target_of(std::string_view path, std::string_view query) {
  std::string target = std::string(api_base) + std::string(path);
  if (!query.empty()) target += "?" + std::string(query);
  return target;
}

}  // namespace

std::string_view RawResponse::header(std::string_view name) const {
  auto const found = std::find_if(headers.begin(), headers.end(), [&](net::Header const& entry) {
    return net::detail::ascii_iequals(entry.name, name);
  });
  return found != headers.end() ? std::string_view(found->value) : std::string_view();
}

RawGate::RawGate(std::string base_url, Venue& venue)
    : base_url_(std::move(base_url)),
      venue_(venue),
      http_(std::make_unique<net::HttpClient>(io_, net::ClientOptions{})) {}

RawGate::~RawGate() {
  http_.reset();
}

RawResponse RawGate::get(std::string_view path, std::string_view query, Sizes sizes) {
  net::HttpRequest request;
  request.method = net::Method::get;
  request.target = target_of(path, query);
  if (sizes == Sizes::decimal) request.headers.push_back({"X-Gate-Size-Decimal", "1"});
  return send(std::move(request));
}

RawResponse RawGate::call(TestKey const& key, std::string_view method, std::string_view path,
                          std::string_view query, std::string_view body, Sizes sizes,
                          std::vector<net::Header> const& extra) {
  net::HttpRequest request;
  if (method == "GET") request.method = net::Method::get;
  if (method == "POST") request.method = net::Method::post;
  if (method == "DELETE") request.method = net::Method::delete_;
  if (method == "PUT") request.method = net::Method::put;
  if (method == "PATCH") request.method = net::Method::patch;
  request.target = target_of(path, query);
  request.body = std::string(body);

  std::string const timestamp = std::to_string(venue_.clock().now_ms() / 1000);
  std::string const full_path = std::string(api_base) + std::string(path);
  gateio::Credential const credential(key.key, crypto::SecretString(key.secret));
  gateio::Signer const signer(credential);
  auto const signature = signer.sign_rest({method, full_path, query, body, timestamp});
  request.headers.push_back({"KEY", key.key});
  request.headers.push_back({"Timestamp", timestamp});
  request.headers.push_back({"SIGN", std::string(gateio::view(signature.sign))});
  request.headers.push_back({"Content-Type", "application/json"});
  if (sizes == Sizes::decimal) request.headers.push_back({"X-Gate-Size-Decimal", "1"});
  for (net::Header const& header : extra) request.headers.push_back(header);
  return send(std::move(request));
}

RawResponse RawGate::send(net::HttpRequest request) {
  auto const origin = net::Origin::parse(base_url_);
  EXPECT_TRUE(origin.has_value());
  auto response = http_->send(*origin, std::move(request));
  EXPECT_TRUE(response.has_value()) << response.error().message;
  if (!response) return {};
  RawResponse raw{response->status, response->body, {}, response->headers};
  boost::system::error_code error;
  raw.json = boost::json::parse(raw.body, error);
  if (error) raw.json = nullptr;
  return raw;
}

}  // namespace tradelink::sandbox::test
