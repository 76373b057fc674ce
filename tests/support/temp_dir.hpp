#pragma once
// A fresh directory in the temp directory, removed with its contents when the object goes away;
// header-only so suites can use it without linking the support library.

#include <stdlib.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>

namespace tradelink::test {

class TempDir {
 public:
  /// Creates the directory (mode 0700). Throws std::runtime_error on failure.
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "tradelink-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw std::runtime_error("cannot create a temporary directory from " + pattern);
    }
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(TempDir const&) = delete;
  TempDir& operator=(TempDir const&) = delete;

  [[nodiscard]] std::filesystem::path const& path() const noexcept { return path_; }
  [[nodiscard]] std::filesystem::path operator/(std::string const& name) const {
    return path_ / name;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace tradelink::test
