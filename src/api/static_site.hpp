#pragma once
// The web UI's files, held in memory and served by path: "/" is index.html; unknown paths that
// are not files (client-side pages such as "/keys") get index.html too, so reloads work.

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "net/server_types.hpp"

namespace tradelink::api {

/// One file of the site: its path relative to the site root ("js/app.js") and its bytes.
struct SiteFile {
  std::string path;
  std::string body;
};

class StaticSite {
 public:
  StaticSite() = default;
  explicit StaticSite(std::vector<SiteFile> files);

  /// Reads every regular file under `root`. Errors: `api.web_root` when it cannot be read.
  [[nodiscard]] static core::Result<StaticSite> from_directory(std::filesystem::path const& root);

  [[nodiscard]] bool empty() const noexcept { return files_.empty(); }
  /// The answer to GET `path`: the file with its content type and security headers, 404 when the
  /// site has neither the file nor an index.html.
  [[nodiscard]] net::ServerResponse serve(std::string_view path) const;

 private:
  std::map<std::string, std::string, std::less<>> files_;
};

/// Content-Type for a file name by its extension.
[[nodiscard]] std::string_view content_type_of(std::string_view path) noexcept;

}  // namespace tradelink::api
