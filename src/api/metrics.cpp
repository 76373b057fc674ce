#include "api/metrics.hpp"

#include <cstdio>

namespace tradelink::api {
namespace {

// Microseconds as decimal seconds ("0.002500"), without floating point.
std::string seconds_text(std::int64_t microseconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%lld.%06lld", static_cast<long long>(microseconds / 1'000'000),
                static_cast<long long>(microseconds % 1'000'000));
  return text;
}

// Methods are client-chosen text: anything unusual is counted as "other", so label sets stay
// bounded.
std::string_view method_label(std::string_view method) {
  for (std::string_view known : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
    if (method == known) return known;
  }
  return "other";
}

}  // namespace

std::string escape_label(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char const c : value) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

void Metrics::observe(std::string_view route, std::string_view method, unsigned status,
                      std::chrono::microseconds latency) {
  std::int64_t const us = latency.count() < 0 ? 0 : latency.count();
  std::string_view const label = method_label(method);
  std::lock_guard lock(mutex_);
  // Looked up by views first: a label set seen before costs no allocation.
  auto counted = requests_.find(std::tuple(route, label, status));
  if (counted == requests_.end()) {
    counted =
        requests_.emplace(std::tuple(std::string(route), std::string(label), status), 0).first;
  }
  ++counted->second;
  auto found = latency_.find(route);
  if (found == latency_.end()) found = latency_.emplace(std::string(route), Histogram{}).first;
  Histogram& histogram = found->second;
  for (std::size_t i = 0; i < bucket_bounds_us.size(); ++i) {
    if (us <= bucket_bounds_us[i]) {
      ++histogram.buckets[i];
      break;
    }
  }
  ++histogram.count;
  histogram.sum_us += us;
}

std::string Metrics::render(std::vector<Gauge> const& gauges) const {
  std::string out;
  {
    std::lock_guard lock(mutex_);
    out +=
        "# HELP tradelink_http_requests_total HTTP requests answered, by route, method and "
        "status.\n";
    out += "# TYPE tradelink_http_requests_total counter\n";
    for (auto const& [labels, count] : requests_) {
      auto const& [route, method, status] = labels;
      out += "tradelink_http_requests_total{route=\"" + escape_label(route) + "\",method=\"" +
             escape_label(method) + "\",status=\"" + std::to_string(status) + "\"} " +
             std::to_string(count) + "\n";
    }
    out +=
        "# HELP tradelink_http_request_duration_seconds Time from request to answer, by route.\n";
    out += "# TYPE tradelink_http_request_duration_seconds histogram\n";
    for (auto const& [route, histogram] : latency_) {
      std::string const label = "route=\"" + escape_label(route) + "\"";
      std::uint64_t cumulative = 0;
      for (std::size_t i = 0; i < bucket_bounds_us.size(); ++i) {
        cumulative += histogram.buckets[i];
        out += "tradelink_http_request_duration_seconds_bucket{" + label + ",le=\"" +
               seconds_text(bucket_bounds_us[i]) + "\"} " + std::to_string(cumulative) + "\n";
      }
      out += "tradelink_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " +
             std::to_string(histogram.count) + "\n";
      out += "tradelink_http_request_duration_seconds_sum{" + label + "} " +
             seconds_text(histogram.sum_us) + "\n";
      out += "tradelink_http_request_duration_seconds_count{" + label + "} " +
             std::to_string(histogram.count) + "\n";
    }
  }
  for (Gauge const& gauge : gauges) {
    out += "# HELP " + gauge.name + " " + gauge.help + "\n";
    out += "# TYPE " + gauge.name + " gauge\n";
    for (GaugeSample const& sample : gauge.samples) {
      out += gauge.name;
      if (!sample.labels.empty()) {
        out += '{';
        for (std::size_t i = 0; i < sample.labels.size(); ++i) {
          if (i > 0) out += ',';
          out += sample.labels[i].first + "=\"" + escape_label(sample.labels[i].second) + "\"";
        }
        out += '}';
      }
      out += " " + std::to_string(sample.value) + "\n";
    }
  }
  return out;
}

}  // namespace tradelink::api
