#pragma once
// A file with given contents in the temp directory, removed when the object goes away; for
// APIs that take a path (e.g. ClientOptions::ca_file).

#include <filesystem>
#include <string_view>

namespace tradelink::test {

class TempFile {
 public:
  /// Writes `contents` to a new uniquely named file. Throws std::runtime_error on failure.
  explicit TempFile(std::string_view contents, std::string_view suffix = ".tmp");
  ~TempFile();
  TempFile(TempFile const&) = delete;
  TempFile& operator=(TempFile const&) = delete;

  [[nodiscard]] std::filesystem::path const& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace tradelink::test
