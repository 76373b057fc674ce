#pragma once
// The web UI's files (everything under web/ but this folder), embedded into the binary at build
// time so `tradelink serve` works from any directory.

#include <span>
#include <string_view>

namespace tradelink::web {

struct EmbeddedFile {
  std::string_view path;  ///< relative to web/, e.g. "js/app.js"
  std::string_view body;
};

[[nodiscard]] std::span<EmbeddedFile const> embedded_files() noexcept;

}  // namespace tradelink::web
