#include "secret_input.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>

namespace tradelink::cli {
namespace {

std::string_view trim(std::string_view text) {
  auto const first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  auto const last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// Restores the terminal's echo flag when it goes out of scope.
class EchoOff {
 public:
  EchoOff() : active_(tcgetattr(STDIN_FILENO, &saved_) == 0) {
    if (!active_) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  ~EchoOff() {
    if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  EchoOff(EchoOff const&) = delete;
  EchoOff& operator=(EchoOff const&) = delete;

 private:
  termios saved_{};
  bool active_;
};

}  // namespace

std::optional<crypto::SecretString> read_secret(std::string_view env_name, std::string_view prompt) {
  if (char const* from_env = std::getenv(std::string(env_name).c_str()); from_env != nullptr) {
    std::string_view const value = trim(from_env);
    if (!value.empty()) return crypto::SecretString(value);
  }
  std::string line;
  if (isatty(STDIN_FILENO) != 0) {
    std::cerr << prompt << std::flush;
    EchoOff const echo_off;
    std::getline(std::cin, line);
    std::cerr << '\n';
  } else {
    std::getline(std::cin, line);
  }
  crypto::SecretString secret(trim(line));
  crypto::secure_wipe(line.data(), line.size());
  if (secret.empty()) return std::nullopt;
  return secret;
}

}  // namespace tradelink::cli
