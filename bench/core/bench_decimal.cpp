// Decimal hot-path costs (ns/op): parsing wire strings, writing text, mul and div on typical
// prices and amounts, and the 256-bit slow paths for comparison.
//
//   cmake --build build/<dir> --target bench_core && build/<dir>/bench/bench_core

#include <benchmark/benchmark.h>

#include <array>
#include <string_view>

#include "core/decimal.hpp"

namespace {

using tradelink::core::Decimal;
using tradelink::core::Rounding;

// Shapes seen on Gate.io: prices, amounts, fees, a funding rate, an exponent form.
constexpr std::array<std::string_view, 8> wire_values{
    "65432.1", "0.00012300", "1.5", "-3.41", "27123.456789", "0.000075", "100000", "1e-8"};

Decimal parsed(std::string_view text) {
  return Decimal::parse(text).value();
}

void BM_DecimalParse(benchmark::State& state) {
  std::size_t index = 0;
  for (auto _ : state) {
    auto result = Decimal::parse(wire_values[index++ % wire_values.size()]);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_DecimalParse);

void BM_DecimalWrite(benchmark::State& state) {
  std::array<Decimal, wire_values.size()> values{};
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = parsed(wire_values[i]);
  std::array<char, Decimal::max_text_length> buffer{};
  std::size_t index = 0;
  for (auto _ : state) {
    std::size_t length = values[index++ % values.size()].write(buffer.data());
    benchmark::DoNotOptimize(length);
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_DecimalWrite);

void BM_DecimalMulPriceByAmount(benchmark::State& state) {
  Decimal const price = parsed("65432.1");
  Decimal const amount = parsed("0.00012300");
  for (auto _ : state) {
    benchmark::DoNotOptimize(price);
    auto result = price.mul(amount);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_DecimalMulPriceByAmount);

void BM_DecimalMulWide(benchmark::State& state) {
  // 10^10 · 10^10: the raw product needs 187 bits.
  Decimal const a = parsed("12345678901.123456789");
  Decimal const b = parsed("9876543210.5");
  for (auto _ : state) {
    benchmark::DoNotOptimize(a);
    auto result = a.mul(b, Rounding::down);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_DecimalMulWide);

void BM_DecimalDivSmall(benchmark::State& state) {
  // Quote amount / price for a small order: a · 10^18 fits 128 bits.
  Decimal const notional = parsed("25.5");
  Decimal const price = parsed("65432.1");
  for (auto _ : state) {
    benchmark::DoNotOptimize(notional);
    auto result = notional.div(price);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_DecimalDivSmall);

void BM_DecimalDivWide(benchmark::State& state) {
  // A balance above 340 needs the 256-bit numerator.
  Decimal const balance = parsed("125000.75");
  Decimal const price = parsed("65432.1");
  for (auto _ : state) {
    benchmark::DoNotOptimize(balance);
    auto result = balance.div(price);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_DecimalDivWide);

}  // namespace
