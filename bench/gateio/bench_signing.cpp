// Signing a spot create-order request end to end (body serialisation, SHA-512 of the body,
// HMAC-SHA512 with the prepared key, headers) against the bare crypto it cannot avoid: SHA-512
// of the body plus HMAC-SHA512 of the signature string with the same prepared key.
// scripts/run-benchmarks prints BM_SignSpotOrder_Ours / BM_SignSpotOrder_Baseline.
#include <benchmark/benchmark.h>

#include <string>
#include <utility>

#include "core/decimal.hpp"
#include "crypto/hmac_sha512.hpp"
#include "crypto/sha512.hpp"
#include "venues/gateio/rest/request_bodies.hpp"
#include "venues/gateio/rest/request_builder.hpp"

namespace {

using namespace tradelink;

constexpr char const* api_key = "7c9e6679f4a24c5b8e1d2a3b4c5d6e7f";
constexpr char const* api_secret = "c0ffee00d15ea5e5deadbeef0badf00d1234567890abcdef0fedcba987654321";
constexpr char const* timestamp = "1700000000";

gateio::SpotOrderRequest sample_order() {
  gateio::SpotOrderRequest order;
  order.currency_pair = "BTC_USDT";
  order.side = gateio::OrderSide::buy;
  order.amount = core::Decimal::parse("0.001").value();
  order.price = core::Decimal::parse("65000.5").value();
  order.time_in_force = gateio::TimeInForce::gtc;
  order.text = "t-bench-000001";
  return order;
}

void BM_SignSpotOrder_Ours(benchmark::State& state) {
  gateio::Signer const signer(gateio::Credential(api_key, crypto::SecretString(api_secret)));
  gateio::SpotOrderRequest const order = sample_order();
  for (auto _ : state) {
    gateio::Endpoint endpoint;
    endpoint.method = net::Method::post;
    endpoint.path = "/spot/orders";
    endpoint.auth = gateio::Auth::signed_call;
    endpoint.body = gateio::serialize_spot_order(order).value();
    net::HttpRequest request =
        gateio::build_request(std::move(endpoint), {"/api/v4", true}, &signer, timestamp);
    benchmark::DoNotOptimize(request);
  }
}
BENCHMARK(BM_SignSpotOrder_Ours);

void BM_SignSpotOrder_Baseline(benchmark::State& state) {
  crypto::HmacSha512 const hmac(api_secret);
  std::string const body = gateio::serialize_spot_order(sample_order()).value();
  std::string message;
  message.reserve(256);
  char body_hash[128];
  char sign[128];
  for (auto _ : state) {
    crypto::sha512_hex(body, body_hash);
    message.assign("POST\n/api/v4/spot/orders\n\n");
    message.append(body_hash, sizeof body_hash).append("\n").append(timestamp);
    hmac.mac_hex(message, sign);
    benchmark::DoNotOptimize(sign);
  }
}
BENCHMARK(BM_SignSpotOrder_Baseline);

}  // namespace
