#include "venues/gateio/keys/gate_key_checker.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <thread>
#include <utility>

#include "venues/gateio/keys/key_facts_builder.hpp"
#include "venues/gateio/keys/open_order_cancel.hpp"
#include "venues/gateio/keys/permission_names.hpp"
#include "venues/gateio/rest/rest_client.hpp"

namespace tradelink::gateio {
namespace {

/// An order id no account can hold: write probes cancel it.
constexpr std::string_view impossible_order_id = "0";

venues::KeyShape gate_key_shape() {
  return venues::KeyShape{
      .key_length = 32,
      .secret_length = 64,
      .hex = true,
      .uses_passphrase = false,
      .wrong_kind_hint =
          "Keys from Gate's older \"APIKeys\" list do not work with API v4: on gate.io open "
          "Account → API Management → APIv4 Keys, create a key there and paste its Key and "
          "Secret.",
  };
}

venues::KeyPageNames gate_key_page_names() {
  return venues::KeyPageNames{
      .permission_checkbox = key_page_checkbox,
      .ip_whitelist_setting = "IP Permissions → Bind IP",
      .key_page = "gate.io → Account → API Management → APIv4 Keys",
      .open_futures_account =
          "Transfer any amount of USDT to your futures account once (Assets → Transfer → "
          "Spot to Futures); the futures account exists from the first transfer.",
  };
}

/// One verification in flight: the client signed with the key under test, the facts so far and
/// how many probes are still out. Lives on the checker's I/O thread only.
struct Verification : std::enable_shared_from_this<Verification> {
  Verification(std::unique_ptr<RestClient> rest_client, venues::KeyChecker::Done done_handler)
      : client(std::move(rest_client)), done(std::move(done_handler)) {}

  std::unique_ptr<RestClient> client;
  venues::KeyChecker::Done done;
  KeyFactsBuilder builder;
  int outstanding = 0;

  /// Wraps a probe's completion: hand the answer to the builder, finish after the last one.
  template <class T>
  std::function<void(GateResult<T>)> probe(void (KeyFactsBuilder::*into)(GateResult<T> const&)) {
    ++outstanding;
    return [self = shared_from_this(), into](GateResult<T> answer) {
      (self->builder.*into)(answer);
      self->settle();
    };
  }

  void settle() {
    if (--outstanding > 0) return;
    auto facts = builder.finish(static_cast<int>(client->transport().stats().longest_chain));
    auto handler = std::move(done);
    // The client is destroyed off its own call stack: a handler of it is running right now.
    boost::asio::post(client->transport().io(),
                      [self = shared_from_this()] { self->client.reset(); });
    handler(std::move(facts));
  }
};

}  // namespace

struct GateKeyChecker::Impl {
  explicit Impl(KeyCheckerOptions checker_options)
      : options(std::move(checker_options)),
        work(boost::asio::make_work_guard(io)),
        shape(gate_key_shape()),
        page_names(gate_key_page_names()),
        thread([this] { io.run(); }) {}

  ~Impl() {
    work.reset();
    io.stop();
    thread.join();
  }

  void start(venues::KeyMaterial const& key, Done done) {
    TransportOptions transport;
    transport.base_url = options.base_url;
    transport.http = options.http;
    // A verification reports what it saw; it never waits out a rate limit or retries 5xx.
    transport.max_attempts = 1;
    transport.max_rate_limit_wait = std::chrono::milliseconds{0};
    auto client = RestClient::create(io, std::move(transport), Credential(key.api_key, key.secret));
    if (!client) {
      venues::KeyFacts facts;
      facts.auth = venues::AuthOutcome::unavailable;
      facts.auth_detail = client.error().message;
      return done(std::move(facts));
    }
    auto verification = std::make_shared<Verification>(std::move(*client), std::move(done));
    Verification& v = *verification;
    RestClient& rest = *v.client;
    ++v.outstanding;  // held until every probe is out, so none can finish the verification early
    rest.transport().sync_clock(v.probe<std::int64_t>(&KeyFactsBuilder::clock));
    rest.account_detail(v.probe<AccountDetail>(&KeyFactsBuilder::account_detail));
    rest.account_main_keys(v.probe<std::vector<AccountKeyInfo>>(&KeyFactsBuilder::main_keys));
    rest.spot_accounts(std::nullopt,
                       v.probe<std::vector<SpotAccount>>(&KeyFactsBuilder::spot_read));
    rest.cancel_spot_order(impossible_order_id, options.probe_pair,
                           v.probe<SpotOrder>(&KeyFactsBuilder::spot_write));
    rest.futures_accounts(v.probe<FuturesAccount>(&KeyFactsBuilder::futures_read));
    rest.cancel_futures_order(impossible_order_id,
                              v.probe<FuturesOrder>(&KeyFactsBuilder::futures_write));
    rest.wallet_total_balance("USDT", v.probe<TotalBalance>(&KeyFactsBuilder::wallet_read));
    rest.wallet_transfer(zero_transfer(), v.probe<WalletTransfer>(&KeyFactsBuilder::wallet_write));
    rest.withdraw(zero_withdrawal(), v.probe<Withdrawal>(&KeyFactsBuilder::withdraw));
    rest.unified_mode(v.probe<UnifiedMode>(&KeyFactsBuilder::unified_mode));
    v.settle();
  }

  /// A transfer of nothing: refused as INVALID_PARAM_VALUE by a key that may move funds.
  static WalletTransferRequest zero_transfer() {
    return WalletTransferRequest{.currency = "USDT",
                                 .from = "spot",
                                 .to = "futures",
                                 .amount = core::Decimal{},
                                 .settle = "usdt",
                                 .currency_pair = std::nullopt};
  }

  /// A withdrawal of nothing to nowhere: refused as INVALID_PARAM_VALUE by a key that may
  /// withdraw, FORBIDDEN by one that may not. It can never send funds.
  static WithdrawalRequest zero_withdrawal() {
    return WithdrawalRequest{.currency = "USDT",
                             .amount = core::Decimal{},
                             .address = "",
                             .chain = "TRX",
                             .memo = std::nullopt,
                             .withdraw_order_id = std::nullopt};
  }

  KeyCheckerOptions options;
  boost::asio::io_context io;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work;
  venues::KeyShape shape;
  venues::KeyPageNames page_names;
  std::thread thread;
};

core::Result<std::unique_ptr<GateKeyChecker>> GateKeyChecker::create(KeyCheckerOptions options) {
  auto const origin = net::Origin::parse(options.base_url);
  if (!origin) return origin.error();
  return std::unique_ptr<GateKeyChecker>(
      new GateKeyChecker(std::make_unique<Impl>(std::move(options))));
}

GateKeyChecker::GateKeyChecker(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GateKeyChecker::~GateKeyChecker() = default;

void GateKeyChecker::check(venues::KeyMaterial const& key, Done done) {
  boost::asio::post(impl_->io, [impl = impl_.get(), key, done = std::move(done)]() mutable {
    impl->start(key, std::move(done));
  });
}

core::Result<std::size_t> GateKeyChecker::cancel_open_orders(venues::KeyMaterial const& key,
                                                             core::Scope scope) {
  TransportOptions transport;
  transport.base_url = impl_->options.base_url;
  transport.http = impl_->options.http;
  return cancel_all_open_orders(std::move(transport), key, scope);
}

venues::KeyShape const& GateKeyChecker::key_shape() const noexcept {
  return impl_->shape;
}
venues::KeyPageNames const& GateKeyChecker::key_page_names() const noexcept {
  return impl_->page_names;
}

}  // namespace tradelink::gateio
