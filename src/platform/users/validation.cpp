#include "platform/users/validation.hpp"

#include <algorithm>
#include <string>

#include "platform/users/user_errors.hpp"

namespace tradelink::platform::users {
namespace {

constexpr std::size_t max_email_length = 254;  // RFC 5321 path limit less the angle brackets
constexpr std::size_t max_local_part_length = 64;

core::Error invalid_email(std::string why) {
  return core::validation_error(std::string{error_code::email_invalid},
                                "this is not an email address: " + std::move(why));
}

bool is_control(char c) {
  auto const byte = static_cast<unsigned char>(c);
  return byte < 0x20U || byte == 0x7FU;
}

bool is_forbidden_in_email(char c) {
  return is_control(c) || c == ' ' ||
         std::string_view{"\"(),:;<>[\\]"}.find(c) != std::string_view::npos;
}

bool has_empty_dot_segment(std::string_view part) {
  return part.front() == '.' || part.back() == '.' || part.find("..") != std::string_view::npos;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::size_t count_code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;  // not a continuation byte
  }));
}

}  // namespace

core::Result<std::string> normalise_email(std::string_view email) {
  std::string_view const text = trim(email);
  if (text.empty()) return invalid_email("it is empty");
  if (text.size() > max_email_length) return invalid_email("it is longer than 254 characters");
  if (std::any_of(text.begin(), text.end(), is_forbidden_in_email)) {
    return invalid_email("it contains spaces, control or quoting characters");
  }
  auto const at = text.find('@');
  if (at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) {
    return invalid_email("it needs exactly one '@'");
  }
  std::string_view const local = text.substr(0, at);
  std::string_view const domain = text.substr(at + 1);
  if (local.empty() || local.size() > max_local_part_length || has_empty_dot_segment(local)) {
    return invalid_email("the part before '@' is empty, too long or has misplaced dots");
  }
  if (domain.empty() || domain.find('.') == std::string_view::npos ||
      has_empty_dot_segment(domain) || domain.front() == '-' || domain.back() == '-') {
    return invalid_email("the domain after '@' must look like example.com");
  }
  std::string normalised{text};
  std::transform(normalised.begin(), normalised.end(), normalised.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return normalised;
}

core::Result<void> check_password(std::string_view password) {
  std::size_t const length = count_code_points(password);
  if (length < min_password_length) {
    return core::validation_error(
        std::string{error_code::password_too_short},
        "the password must have at least " + std::to_string(min_password_length) + " characters");
  }
  if (length > max_password_length) {
    return core::validation_error(
        std::string{error_code::password_too_long},
        "the password must have at most " + std::to_string(max_password_length) + " characters");
  }
  return core::ok();
}

core::Result<void> check_token_name(std::string_view name) {
  if (name.empty() || name.size() > max_token_name_length ||
      std::any_of(name.begin(), name.end(), is_control)) {
    return core::validation_error(std::string{error_code::token_name_invalid},
                                  "a token name has 1 to " + std::to_string(max_token_name_length) +
                                      " characters and no control characters");
  }
  return core::ok();
}

}  // namespace tradelink::platform::users
