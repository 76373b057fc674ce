#pragma once
// Request counts and latency histograms per route, rendered in the Prometheus text format
// together with gauges the caller reads at scrape time. Thread-safe.

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace tradelink::api {

/// One sample of a gauge: labels as `name="value"` pairs.
struct GaugeSample {
  std::vector<std::pair<std::string, std::string>> labels;
  std::int64_t value = 0;
};

struct Gauge {
  std::string name;
  std::string help;
  std::vector<GaugeSample> samples;
};

class Metrics {
 public:
  /// Upper bounds of the latency buckets, in microseconds (+Inf is implied).
  static constexpr std::array<std::int64_t, 12> bucket_bounds_us{
      250,    500,    1'000,   2'500,   5'000,     10'000,
      25'000, 50'000, 100'000, 250'000, 1'000'000, 5'000'000};

  /// Counts one answered request. `route` is the route's pattern ("static", "unmatched" else);
  /// methods other than the standard ones are counted as "other".
  void observe(std::string_view route, std::string_view method, unsigned status,
               std::chrono::microseconds latency);

  /// The whole exposition: counters, histograms, then `gauges`.
  [[nodiscard]] std::string render(std::vector<Gauge> const& gauges) const;

 private:
  struct Histogram {
    std::array<std::uint64_t, bucket_bounds_us.size()> buckets{};  ///< non-cumulative
    std::uint64_t count = 0;
    std::int64_t sum_us = 0;
  };

  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, unsigned>, std::uint64_t, std::less<>> requests_;
  std::map<std::string, Histogram, std::less<>> latency_;
};

/// Escapes a label value for the text format (backslash, quote, newline).
[[nodiscard]] std::string escape_label(std::string_view value);

}  // namespace tradelink::api
