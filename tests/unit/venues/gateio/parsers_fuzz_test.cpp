// Robustness of the Gate.io REST parsers: thousands of random mutations of the recorded-shape
// fixtures (byte flips, insertions of JSON-significant bytes, deletions, truncations, splices)
// fed to every parser. Each call must return a value or a `gateio.parse` error — never crash,
// hang or read out of bounds (run under ASan/UBSan to prove the last part).
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "unit/venues/gateio/fixture.hpp"
#include "venues/gateio/rest/parsers.hpp"

namespace tradelink::gateio {
namespace {

constexpr std::array<std::string_view, 24> fixture_names{
    "server_time.json",          "account_detail.json",         "account_main_keys.json",
    "spot_accounts.json",        "futures_account.json",        "total_balance.json",
    "unified_mode.json",         "unified_accounts.json",       "spot_currencies.json",
    "spot_currency_pairs.json",  "spot_currency_pair.json",     "futures_contracts.json",
    "spot_order.json",           "spot_orders_cancel_all.json", "spot_my_trades.json",
    "spot_open_orders.json",     "spot_cancel_batch.json",      "futures_order.json",
    "futures_orders.json",       "futures_my_trades.json",      "futures_positions.json",
    "futures_cancel_batch.json", "countdown_cancel_all.json",   "spot_accounts_50.json",
};

/// Bytes that change JSON structure or number/string meaning when inserted.
constexpr char interesting_chars[] = "{}[]\",:\\-+.eE0123456789 nulltruefalse\x00\x01\xff";
constexpr std::string_view interesting_bytes{interesting_chars, sizeof(interesting_chars) - 1};

class Mutator {
 public:
  explicit Mutator(std::uint32_t seed) : random_(seed) {}

  std::string mutate(std::string text) {
    int const rounds = pick(1, 4);
    for (int round = 0; round < rounds; ++round) apply_one(text);
    return text;
  }

 private:
  int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  std::size_t position(std::string const& text) {
    return text.empty() ? 0
                        : std::uniform_int_distribution<std::size_t>(0, text.size() - 1)(random_);
  }

  void apply_one(std::string& text) {
    switch (pick(0, 6)) {
      case 0:  // flip a bit
        if (!text.empty()) {
          text[position(text)] ^= static_cast<char>(1 << pick(0, 7));
        }
        break;
      case 1:  // insert a structural byte
        text.insert(text.begin() + static_cast<std::ptrdiff_t>(position(text)),
                    interesting_bytes[static_cast<std::size_t>(
                        pick(0, static_cast<int>(interesting_bytes.size()) - 1))]);
        break;
      case 2:  // delete a span
        if (!text.empty()) {
          std::size_t const at = position(text);
          text.erase(at, static_cast<std::size_t>(pick(1, 8)));
        }
        break;
      case 3:  // truncate
        text.resize(position(text));
        break;
      case 4:  // duplicate a span elsewhere
        if (!text.empty()) {
          std::size_t const from = position(text);
          std::string const span = text.substr(from, static_cast<std::size_t>(pick(1, 32)));
          text.insert(position(text), span);
        }
        break;
      case 5:  // replace a digit run with a huge number
        if (!text.empty()) {
          std::size_t const at = text.find_first_of("0123456789", position(text));
          if (at != std::string::npos) text.insert(at, "99999999999999999999999999");
        }
        break;
      default:  // swap quotes for something else
        if (!text.empty()) {
          std::size_t const at = text.find('"', position(text));
          if (at != std::string::npos) text[at] = pick(0, 1) == 0 ? '\'' : '\\';
        }
        break;
    }
  }

  std::mt19937 random_;
};

/// Runs every parser over `body`; returns how many accepted it.
int run_all_parsers(ResponseParser& parser, std::string const& body) {
  int accepted = 0;
  auto count = [&accepted](auto const& result) {
    if (result.has_value()) {
      ++accepted;
    } else {
      EXPECT_EQ(result.error().code, "gateio.parse");
      EXPECT_FALSE(result.error().message.empty());
    }
  };
  count(parser.parse_error_body(body));
  count(parser.parse_server_time(body));
  count(parser.parse_account_detail(body));
  count(parser.parse_account_key_infos(body));
  count(parser.parse_spot_accounts(body));
  count(parser.parse_futures_account(body));
  count(parser.parse_total_balance(body));
  count(parser.parse_unified_mode(body));
  count(parser.parse_unified_account(body));
  count(parser.parse_spot_currency(body));
  count(parser.parse_spot_currencies(body));
  count(parser.parse_currency_pair(body));
  count(parser.parse_currency_pairs(body));
  count(parser.parse_futures_contract(body));
  count(parser.parse_futures_contracts(body));
  count(parser.parse_spot_order(body));
  count(parser.parse_spot_orders(body));
  count(parser.parse_spot_trades(body));
  count(parser.parse_open_orders(body));
  count(parser.parse_spot_cancel_results(body));
  count(parser.parse_futures_order(body));
  count(parser.parse_futures_orders(body));
  count(parser.parse_futures_trades(body));
  count(parser.parse_position(body));
  count(parser.parse_positions(body));
  count(parser.parse_futures_cancel_results(body));
  count(parser.parse_countdown_cancel_result(body));
  return accepted;
}

TEST(ParsersFuzzTest, UnmutatedFixturesParseWithTheirOwnParser) {
  ResponseParser parser;
  for (std::string_view const name : fixture_names) {
    EXPECT_GE(run_all_parsers(parser, test::read_fixture(name)), 1) << name;
  }
}

TEST(ParsersFuzzTest, RandomMutationsNeverCrash) {
  constexpr int mutations_per_fixture = 200;  // 4800 mutated bodies, 27 parsers each
  ResponseParser parser;
  Mutator mutator(20240611U);
  int accepted = 0;
  int rejected = 0;
  for (std::string_view const name : fixture_names) {
    std::string const original = test::read_fixture(name);
    for (int iteration = 0; iteration < mutations_per_fixture; ++iteration) {
      std::string const body = mutator.mutate(original);
      int const ok = run_all_parsers(parser, body);
      accepted += ok;
      rejected += 27 - ok;
    }
  }
  // Both outcomes must occur, or the mutations are not exercising anything.
  EXPECT_GT(accepted, 0);
  EXPECT_GT(rejected, 0);
}

TEST(ParsersFuzzTest, PathologicalInputs) {
  ResponseParser parser;
  std::vector<std::string> bodies{
      std::string(100'000, '['),
      std::string(5'000, '{'),
      "[" + std::string(10'000, ' ') + "]",
      std::string("{\"server_time\":1}\0garbage", 25),
      "{\"server_time\":\"" + std::string(50'000, '9') + "\"}",
      "[{\"currency\":\"" + std::string(10'000, '\\') + "\"}]",
      "\xef\xbb\xbf{\"server_time\":1}",
      "{\"server_time\":1,\"x\":\"\xc3\x28\"}",
  };
  for (std::string const& body : bodies) run_all_parsers(parser, body);
  SUCCEED();
}

}  // namespace
}  // namespace tradelink::gateio
