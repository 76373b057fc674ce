// Parsing a /spot/accounts response of 50 currencies with the reusable response parser
// (simdjson on-demand, Decimal fields).
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "venues/gateio/rest/parsers.hpp"

namespace {

std::string read_fixture(char const* name) {
  std::ifstream file(std::string(TRADELINK_TEST_DATA_DIR) + "/gateio/" + name, std::ios::binary);
  if (!file) throw std::runtime_error(std::string("missing fixture ") + name);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

void BM_ParseSpotAccounts50(benchmark::State& state) {
  std::string const body = read_fixture("spot_accounts_50.json");
  tradelink::gateio::ResponseParser parser;
  for (auto _ : state) {
    auto accounts = parser.parse_spot_accounts(body);
    if (!accounts || accounts->size() != 50) state.SkipWithError("parse failed");
    benchmark::DoNotOptimize(accounts);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_ParseSpotAccounts50);

}  // namespace
