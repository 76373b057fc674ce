#pragma once
// Recorded-shape Gate.io response bodies under tests/data/gateio/ (shapes from gateio-v4.md §3
// and the SDK models; values made up).

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tradelink::test {

/// The bytes of tests/data/gateio/<name>; throws when the file is missing so a test fails loudly.
inline std::string read_fixture(std::string_view name) {
  std::string const path = std::string(TRADELINK_TEST_DATA_DIR) + "/gateio/" + std::string(name);
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("missing fixture " + path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace tradelink::test
