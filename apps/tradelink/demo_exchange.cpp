#include "demo_exchange.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "net/http_client.hpp"

namespace tradelink::cli {
namespace {

namespace json = boost::json;

/// The address the IP-restricted key is bound to: one the platform never connects from.
constexpr std::string_view foreign_ip = "203.0.113.10";

class AdminClient {
 public:
  explicit AdminClient(net::Origin origin) : origin_(std::move(origin)), client_(io_, {}) {}

  core::Result<json::object> post(std::string const& path, json::object const& body) {
    net::HttpRequest request;
    request.method = net::Method::post;
    request.target = origin_.base_path + "/sandbox/v1" + path;
    request.headers = {{"Content-Type", "application/json"}};
    request.body = json::serialize(body);
    auto response = client_.send(origin_, std::move(request));
    if (!response) return response.error();
    boost::system::error_code error;
    json::value answer = json::parse(response->body, error);
    if (response->status / 100 != 2 || error || !answer.is_object()) {
      return core::validation_error(
          "demo.admin", "the sandbox admin API refused " + path + ": " + response->body);
    }
    return std::move(answer.as_object());
  }

 private:
  net::Origin origin_;
  boost::asio::io_context io_;
  net::HttpClient client_;
};

json::array perms(std::initializer_list<std::pair<char const*, bool>> entries) {
  json::array array;
  for (auto const& [name, read_only] : entries) {
    array.push_back(json::object{{"name", name}, {"read_only", read_only}});
  }
  return array;
}

/// What tradelink asks for: spot and futures read & write, wallet and account read.
json::array trading_perms() {
  return perms({{"spot", false}, {"futures", false}, {"wallet", true}, {"account", true}});
}

}  // namespace

core::Result<DemoExchange> provision_demo_exchange(std::string const& sandbox_base_url) {
  auto origin = net::Origin::parse(sandbox_base_url);
  if (!origin) return origin.error();
  AdminClient admin(*origin);

  auto user = admin.post("/users", {{"name", "demo"}});
  if (!user) return user.error();
  DemoExchange exchange;
  exchange.user_id = user->at("user_id").to_number<std::int64_t>();

  struct Deposit {
    char const* currency;
    char const* amount;
    char const* account;
  };
  for (Deposit const& deposit : {Deposit{"USDT", "10000", "spot"}, Deposit{"BTC", "0.5", "spot"},
                                 Deposit{"ETH", "4", "spot"}, Deposit{"USDT", "2500", "futures"}}) {
    auto done = admin.post("/deposits", {{"user_id", exchange.user_id},
                                         {"currency", deposit.currency},
                                         {"amount", deposit.amount},
                                         {"account", deposit.account}});
    if (!done) return done.error();
  }

  struct Spec {
    std::string name;
    std::string expectation;
    json::object body;
  };
  std::vector<Spec> specs;
  specs.push_back({"good", "Connected (bind with scope Both)", {{"perms", trading_perms()}}});
  specs.push_back({"read-only",
                   "Permission Denied: Spot & Margin Trading and Perpetual Futures are read only",
                   {{"perms", perms({{"spot", true}, {"futures", true}, {"wallet", true}})}}});
  specs.push_back({"spot-only",
                   "Permission Denied with scope Futures or Both: no Perpetual Futures permission",
                   {{"perms", perms({{"spot", false}, {"wallet", true}, {"account", true}})}}});
  specs.push_back({"ip-restricted",
                   "IP Restriction Error: whitelisted to " + std::string(foreign_ip) + " only",
                   {{"perms", trading_perms()}, {"ip_whitelist", json::array{foreign_ip}}}});
  specs.push_back({"withdraw-enabled",
                   "Withdrawal Permission Must Be Off",
                   {{"perms", trading_perms()}, {"withdraw", true}}});
  for (Spec const& spec : specs) {
    json::object body = spec.body;
    body["user_id"] = exchange.user_id;
    body["name"] = "demo " + spec.name;
    auto key = admin.post("/keys", body);
    if (!key) return key.error();
    exchange.keys.push_back({spec.name, spec.expectation, std::string(key->at("key").as_string()),
                             std::string(key->at("secret").as_string())});
  }
  return exchange;
}

}  // namespace tradelink::cli
