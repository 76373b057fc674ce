// The verification report's JSON: every field survives a round trip, the field names are the
// stable ones the API documents, and anything else is refused as keys.report.
#include "platform/keys/verification_report.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace tradelink::platform::keys {
namespace {

namespace json = boost::json;

VerificationReport full_report() {
  VerificationReport report;
  report.status = BindingStatus::permission_denied;
  report.message = "Spot strategies need \"quotes\" and ünïcödé – Read & Write.";
  report.fix = {"step one", "step two"};
  report.notes = {"a note"};
  report.checklist = {{"credentials", CheckItem::State::passed, "ok"},
                      {"clock", CheckItem::State::warning, "1.5 s"},
                      {"spot permissions", CheckItem::State::failed, "missing"},
                      {"withdrawal", CheckItem::State::skipped, ""}};
  report.missing = {"Spot & Margin Trading – Read & Write"};
  report.permissions.set(core::Product::spot, core::Access::read);
  report.permissions.set(core::Product::wallet, core::Access::read);
  report.withdraw_enabled = venues::Known::no;
  report.account_mode = venues::AccountMode::unified;
  report.futures_account_opened = venues::Known::yes;
  report.futures_position_mode = "dual";
  report.ip_whitelist = {"127.0.0.1"};
  report.pair_whitelist = {"BTC_USDT", "ETH_USDT"};
  report.exchange_user_id = "10000001";
  report.rejected_ip = "10.0.0.1";
  report.egress_ips = {"203.0.113.7"};
  report.expires_at_ms = 1'760'000'000'000;
  report.clock_skew_ms = -1500;
  report.round_trips = 2;
  report.checked_at_ms = 1'750'000'000'123;
  report.probes = {{"spot write", "read only", "READ_ONLY: only read"}};
  return report;
}

void expect_same(VerificationReport const& a, VerificationReport const& b) {
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.message, b.message);
  EXPECT_EQ(a.fix, b.fix);
  EXPECT_EQ(a.notes, b.notes);
  ASSERT_EQ(a.checklist.size(), b.checklist.size());
  for (std::size_t i = 0; i < a.checklist.size(); ++i) {
    EXPECT_EQ(a.checklist[i].name, b.checklist[i].name);
    EXPECT_EQ(a.checklist[i].state, b.checklist[i].state);
    EXPECT_EQ(a.checklist[i].detail, b.checklist[i].detail);
  }
  EXPECT_EQ(a.missing, b.missing);
  EXPECT_EQ(a.permissions, b.permissions);
  EXPECT_EQ(a.withdraw_enabled, b.withdraw_enabled);
  EXPECT_EQ(a.account_mode, b.account_mode);
  EXPECT_EQ(a.futures_account_opened, b.futures_account_opened);
  EXPECT_EQ(a.futures_position_mode, b.futures_position_mode);
  EXPECT_EQ(a.ip_whitelist, b.ip_whitelist);
  EXPECT_EQ(a.pair_whitelist, b.pair_whitelist);
  EXPECT_EQ(a.exchange_user_id, b.exchange_user_id);
  EXPECT_EQ(a.rejected_ip, b.rejected_ip);
  EXPECT_EQ(a.egress_ips, b.egress_ips);
  EXPECT_EQ(a.expires_at_ms, b.expires_at_ms);
  EXPECT_EQ(a.clock_skew_ms, b.clock_skew_ms);
  EXPECT_EQ(a.round_trips, b.round_trips);
  EXPECT_EQ(a.checked_at_ms, b.checked_at_ms);
  ASSERT_EQ(a.probes.size(), b.probes.size());
  for (std::size_t i = 0; i < a.probes.size(); ++i) {
    EXPECT_EQ(a.probes[i].name, b.probes[i].name);
    EXPECT_EQ(a.probes[i].outcome, b.probes[i].outcome);
    EXPECT_EQ(a.probes[i].detail, b.probes[i].detail);
  }
}

TEST(VerificationReportTest, EveryFieldRoundTrips) {
  VerificationReport const report = full_report();
  std::string const text = to_json(report);
  auto parsed = report_from_json(text);
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  expect_same(*parsed, report);
  EXPECT_EQ(to_json(*parsed), text);
}

TEST(VerificationReportTest, DefaultReportRoundTripsWithNulls) {
  VerificationReport const report;
  std::string const text = to_json(report);
  json::value const value = json::parse(text);
  EXPECT_TRUE(value.at("expires_at_ms").is_null());
  EXPECT_TRUE(value.at("exchange_user_id").is_null());
  EXPECT_TRUE(value.at("rejected_ip").is_null());
  EXPECT_TRUE(value.at("futures_position_mode").is_null());
  auto parsed = report_from_json(text);
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message;
  expect_same(*parsed, report);
}

TEST(VerificationReportTest, FieldNamesAreTheDocumentedOnes) {
  json::value const value = json::parse(to_json(full_report()));
  EXPECT_EQ(value.at("status"), json::value("permission_denied"));
  EXPECT_EQ(value.at("headline"), json::value("Permission Denied"));
  EXPECT_EQ(value.at("permissions"), json::value("spot:read,wallet:read"));
  EXPECT_EQ(value.at("withdraw_enabled"), json::value("no"));
  EXPECT_EQ(value.at("account_mode"), json::value("unified"));
  EXPECT_EQ(value.at("clock_skew_ms"), json::value(-1500));
  EXPECT_EQ(value.at("checklist").at(1).at("state"), json::value("warning"));
  EXPECT_EQ(value.at("probes").at(0).at("outcome"), json::value("read only"));
}

TEST(VerificationReportTest, AnythingElseIsKeysReport) {
  for (std::string_view const text :
       {"", "not json", "[]", "42", R"({"status":"great","permissions":""})",
        R"({"status":"connected","permissions":"spot:sometimes"})", R"({"permissions":""})"}) {
    auto parsed = report_from_json(text);
    ASSERT_FALSE(parsed.has_value()) << text;
    EXPECT_EQ(parsed.error().code, "keys.report") << text;
  }
  // Members of the wrong type fall back to defaults rather than failing the whole report.
  auto lenient =
      report_from_json(R"({"status":"connected","permissions":"","fix":"x","round_trips":"2"})");
  ASSERT_TRUE(lenient.has_value());
  EXPECT_TRUE(lenient->fix.empty());
  EXPECT_EQ(lenient->round_trips, 0);
}

}  // namespace
}  // namespace tradelink::platform::keys
