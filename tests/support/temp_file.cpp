#include "support/temp_file.hpp"

#include <stdlib.h>
#include <unistd.h>

#include <stdexcept>
#include <string>
#include <system_error>

namespace tradelink::test {

TempFile::TempFile(std::string_view contents, std::string_view suffix) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "tradelink-test-XXXXXX").string() +
      std::string(suffix);
  int const fd = ::mkstemps(pattern.data(), static_cast<int>(suffix.size()));
  if (fd < 0) throw std::runtime_error("cannot create a temporary file from " + pattern);
  path_ = pattern;
  std::string_view rest = contents;
  while (!rest.empty()) {
    ssize_t const written = ::write(fd, rest.data(), rest.size());
    if (written <= 0) {
      ::close(fd);
      ::unlink(pattern.c_str());
      throw std::runtime_error("cannot write temporary file " + pattern);
    }
    rest.remove_prefix(static_cast<std::size_t>(written));
  }
  ::close(fd);
}

TempFile::~TempFile() {
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

}  // namespace tradelink::test
