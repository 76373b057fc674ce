// Free-text details of Gate.io error messages (gateio-v4.md §4 IP_FORBIDDEN, FORBIDDEN,
// READ_ONLY; §5 permission groups).
#include "venues/gateio/rest/error_details.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace tradelink::gateio {
namespace {

bool is_address_char(char c) noexcept {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' ||
         c == '.';
}

bool is_ipv4(std::string const& candidate) noexcept {
  in_addr address{};
  return inet_pton(AF_INET, candidate.c_str(), &address) == 1;
}

bool is_ipv6(std::string const& candidate) noexcept {
  in6_addr address{};
  return inet_pton(AF_INET6, candidate.c_str(), &address) == 1;
}

/// Trims what surrounds an address in prose: a trailing '.', ':' or ',' and a leading ':' that
/// is not part of "::".
std::string_view trim_punctuation(std::string_view run) noexcept {
  while (!run.empty() && (run.back() == '.' || run.back() == ':')) {
    if (run.size() >= 2 && run.back() == ':' && run[run.size() - 2] == ':') break;
    run.remove_suffix(1);
  }
  while (!run.empty() && run.front() == '.') run.remove_prefix(1);
  if (run.size() >= 2 && run[0] == ':' && run[1] != ':') run.remove_prefix(1);
  return run;
}

/// The address in one run of address characters, if any: the whole run as IPv6 or IPv4, else
/// a ':'-separated piece as IPv4 ("ip:1.2.3.4", "1.2.3.4:8080").
std::optional<std::string> address_in_run(std::string_view run) {
  run = trim_punctuation(run);
  if (run.empty()) return std::nullopt;
  std::string candidate(run);
  if (is_ipv6(candidate) || is_ipv4(candidate)) return candidate;
  std::size_t start = 0;
  while (start <= run.size()) {
    std::size_t const end = std::min(run.find(':', start), run.size());
    std::string piece(trim_punctuation(run.substr(start, end - start)));
    if (!piece.empty() && is_ipv4(piece)) return piece;
    start = end + 1;
  }
  return std::nullopt;
}

struct GroupName {
  std::string_view word;   // lower-case word as it may appear in a message
  std::string_view group;  // perms[].name spelling
};

constexpr GroupName group_names[] = {
    {"spot", "spot"},           {"futures", "futures"},
    {"future", "futures"},      {"perpetual", "futures"},
    {"perpetuals", "futures"},  {"delivery", "delivery"},
    {"margin", "margin"},       {"unified", "unified"},
    {"wallet", "wallet"},       {"withdraw", "withdraw"},
    {"withdrawal", "withdraw"}, {"withdrawals", "withdraw"},
    {"earn", "earn"},           {"options", "options"},
    {"option", "options"},      {"loan", "loan"},
    {"custody", "custody"},     {"copy", "copy"},
    {"pilot", "pilot"},         {"otc", "otc"},
    {"alpha", "alpha"},         {"crossx", "crossx"},
    {"account", "account"},     {"accounts", "account"},
    {"subaccount", "account"},
};

constexpr std::string_view permission_words[] = {"permission", "permissions", "perm", "perms",
                                                 "privilege"};

std::vector<std::string> lower_case_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char const c : text) {
    bool const letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter) {
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::optional<std::string_view> group_of(std::string_view word) noexcept {
  for (auto const& [candidate, group] : group_names) {
    if (candidate == word) return group;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> find_ip_address(std::string_view text) {
  std::size_t position = 0;
  while (position < text.size()) {
    if (!is_address_char(text[position])) {
      ++position;
      continue;
    }
    std::size_t end = position;
    while (end < text.size() && is_address_char(text[end])) ++end;
    if (auto address = address_in_run(text.substr(position, end - position))) return address;
    position = end;
  }
  return std::nullopt;
}

std::optional<std::string> find_permission_group(std::string_view text) {
  std::vector<std::string> const words = lower_case_words(text);
  std::vector<std::size_t> anchors;
  for (std::size_t index = 0; index < words.size(); ++index) {
    for (std::string_view const anchor : permission_words) {
      if (words[index] == anchor) anchors.push_back(index);
    }
  }
  std::optional<std::string_view> best;
  std::size_t best_distance = 0;
  std::optional<std::string_view> account_fallback;
  for (std::size_t index = 0; index < words.size(); ++index) {
    auto const group = group_of(words[index]);
    if (!group) continue;
    if (*group == "account") {
      if (!account_fallback) account_fallback = group;
      continue;
    }
    std::size_t distance = words.size();  // no anchor: first group named wins
    for (std::size_t const anchor : anchors) {
      std::size_t const gap = anchor > index ? anchor - index : index - anchor;
      distance = std::min(distance, gap);
    }
    if (!best || distance < best_distance) {
      best = group;
      best_distance = distance;
    }
  }
  if (best) return std::string(*best);
  if (account_fallback) return std::string(*account_fallback);
  return std::nullopt;
}

}  // namespace tradelink::gateio
