// Signing a spot create-order request end to end against the bare crypto it cannot avoid.
//
// Ours is the REST client's own path to a ready-to-send request: order_endpoint (body checks
// and serialisation, as RestClient::create_spot_order) into a kept endpoint, which is what the
// client gets from RestTransport::recycled_endpoint once it sends steadily, the Timestamp text
// from the clock (as RestTransport does), then RequestBuilder::build (target, headers, SHA-512
// of the body, signature string, HMAC, hex) into a kept request, which is what the transport
// gets from HttpClient::recycled_request.
// The baseline is the crypto of that signature alone: the hex SHA-512 of the same body and the
// hex HMAC-SHA512 of the same signature string (prepared once, the body hash written into it),
// with the key schedule prepared once and copied per signature into a long-lived context: the
// crypto classes the signer uses. Both sides must produce the same SIGN, which is checked.
//
// scripts/run-benchmarks turns BM_SignSpotOrder_Ours / BM_SignSpotOrder_Baseline into a ratio;
// BM_SignSpotOrder_Ratio prints one here, timing the two in alternating batches so that load on
// a shared machine falls on both sides alike.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/decimal.hpp"
#include "crypto/hmac_sha512.hpp"
#include "crypto/sha512.hpp"
#include "net/http_types.hpp"
#include "venues/gateio/rest/clock.hpp"
#include "venues/gateio/rest/order_endpoints.hpp"
#include "venues/gateio/rest/request_bodies.hpp"
#include "venues/gateio/rest/request_builder.hpp"
#include "venues/gateio/rest/timestamp_text.hpp"

namespace {

using namespace tradelink;

constexpr char const* api_key = "7c9e6679f4a24c5b8e1d2a3b4c5d6e7f";
constexpr char const* api_secret =
    "c0ffee00d15ea5e5deadbeef0badf00d1234567890abcdef0fedcba987654321";
constexpr std::int64_t now_ms = 1'700'000'000'000;

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

/// The production path, with the state a REST client keeps between requests.
class OurSigning {
 public:
  // Out of line in both classes, so that profilers see one frame per signature.
  [[gnu::noinline]] void run() {
    if (!gateio::order_endpoint(order_, endpoint_)) std::abort();
    builder_.build(endpoint_, timestamp_.of(clock_.server_now_seconds()), request_);
    benchmark::DoNotOptimize(request_);
  }

  [[nodiscard]] std::string_view sign() const { return request_.headers.back().value; }

 private:
  gateio::SpotOrderRequest const order_ = sample_order();
  gateio::Signer const signer_{gateio::Credential(api_key, crypto::SecretString(api_secret))};
  gateio::RequestBuilder builder_{{"/api/v4", true}, &signer_};
  gateio::ClockOffset const clock_{[] { return now_ms; }};
  gateio::TimestampText timestamp_;
  gateio::Endpoint endpoint_;
  net::HttpRequest request_;
};

/// SHA-512 hex of the body and HMAC-SHA512 hex of the signature string, nothing else.
class BareCrypto {
 public:
  [[gnu::noinline]] void run() {
    body_hash_.hex(body_, message_.data() + head.size());
    hmac_.mac_hex(message_, sign_.data());
    benchmark::DoNotOptimize(sign_);
  }

  [[nodiscard]] std::string_view sign() const { return {sign_.data(), sign_.size()}; }

 private:
  static constexpr std::string_view head = "POST\n/api/v4/spot/orders\n\n";

  std::string const body_ = gateio::serialize_spot_order(sample_order()).value();
  crypto::Sha512Context body_hash_;
  crypto::HmacSha512Context hmac_{crypto::HmacSha512(api_secret)};
  // "POST\n/api/v4/spot/orders\n\n<128 hex of the body hash>\n<timestamp>"
  std::string message_ =
      std::string(head) + std::string(128, '0') + "\n" + std::to_string(now_ms / 1000);
  std::array<char, 128> sign_{};
};

void BM_SignSpotOrder_Ours(benchmark::State& state) {
  OurSigning ours;
  for (auto _ : state) ours.run();
}
BENCHMARK(BM_SignSpotOrder_Ours);

void BM_SignSpotOrder_Baseline(benchmark::State& state) {
  BareCrypto baseline;
  for (auto _ : state) baseline.run();
}
BENCHMARK(BM_SignSpotOrder_Baseline);

/// Nanoseconds per run of `side`, over a batch of `count` runs.
template <class Side>
double batch_ns(Side& side, int count) {
  auto const start = std::chrono::steady_clock::now();
  for (int i = 0; i < count; ++i) side.run();
  auto const elapsed = std::chrono::steady_clock::now() - start;
  return std::chrono::duration<double, std::nano>(elapsed).count() / count;
}

double median(std::vector<double> values) {
  auto const middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
}

// One iteration = a batch of ours then a batch of the baseline. Counters: the median batch of
// each side and their ratio (a batch that lost the CPU to another process is an outlier, not a
// trend), and the ratio of the fastest batches, which on a loaded machine is the closest to what
// the two cost undisturbed (on a quiet one the two ratios agree).
void BM_SignSpotOrder_Ratio(benchmark::State& state) {
  constexpr int batch = 32;
  OurSigning ours;
  BareCrypto baseline;
  ours.run();
  baseline.run();
  if (ours.sign() != baseline.sign()) {
    state.SkipWithError("the two sides signed different bytes");
    return;
  }
  std::vector<double> ours_ns;
  std::vector<double> baseline_ns;
  for (auto _ : state) {
    ours_ns.push_back(batch_ns(ours, batch));
    baseline_ns.push_back(batch_ns(baseline, batch));
  }
  double const ours_fastest = *std::min_element(ours_ns.begin(), ours_ns.end());
  double const baseline_fastest = *std::min_element(baseline_ns.begin(), baseline_ns.end());
  double const ours_median = median(std::move(ours_ns));
  double const baseline_median = median(std::move(baseline_ns));
  state.counters["ours_ns"] = ours_median;
  state.counters["baseline_ns"] = baseline_median;
  state.counters["ratio"] = ours_median / baseline_median;
  state.counters["ratio_fastest"] = ours_fastest / baseline_fastest;
}
BENCHMARK(BM_SignSpotOrder_Ratio);

}  // namespace
