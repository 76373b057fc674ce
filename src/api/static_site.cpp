#include "api/static_site.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

#include "api/api_error.hpp"

namespace tradelink::api {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The UI loads nothing from elsewhere, runs no inline script and may not be framed.
constexpr std::string_view content_security_policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

}  // namespace

std::string_view content_type_of(std::string_view path) noexcept {
  if (ends_with(path, ".html")) return "text/html; charset=utf-8";
  if (ends_with(path, ".css")) return "text/css; charset=utf-8";
  if (ends_with(path, ".js")) return "text/javascript; charset=utf-8";
  if (ends_with(path, ".svg")) return "image/svg+xml";
  if (ends_with(path, ".json")) return "application/json";
  if (ends_with(path, ".png")) return "image/png";
  if (ends_with(path, ".ico")) return "image/x-icon";
  if (ends_with(path, ".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

StaticSite::StaticSite(std::vector<SiteFile> files) {
  for (SiteFile& file : files) files_.emplace(std::move(file.path), std::move(file.body));
}

core::Result<StaticSite> StaticSite::from_directory(std::filesystem::path const& root) {
  std::error_code error;
  std::vector<SiteFile> files;
  std::filesystem::recursive_directory_iterator it(root, error);
  if (error) {
    return core::validation_error(
        "api.web_root", "cannot read the web directory " + root.string() + ": " + error.message());
  }
  for (auto const& entry : it) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    if (!in) {
      return core::validation_error("api.web_root", "cannot read " + entry.path().string());
    }
    files.push_back({entry.path().lexically_relative(root).generic_string(), body.str()});
  }
  return StaticSite(std::move(files));
}

net::ServerResponse StaticSite::serve(std::string_view path) const {
  std::string_view relative = path;
  while (!relative.empty() && relative.front() == '/') relative.remove_prefix(1);
  if (relative.empty()) relative = "index.html";
  auto found = files_.find(relative);
  // Client-side pages ("/keys", "/balances") load the app; asset paths (with a dot) do not.
  if (found == files_.end() && relative.find('.') == std::string_view::npos) {
    found = files_.find(std::string_view("index.html"));
  }
  if (found == files_.end()) {
    return error_response(404, error_code::not_found, "no such page");
  }
  net::ServerResponse response;
  response.status = 200;
  response.body = found->second;
  response.headers = {
      {"Content-Type", std::string(content_type_of(found->first))},
      {"Cache-Control", "no-cache"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"Content-Security-Policy", std::string(content_security_policy)},
  };
  return response;
}

}  // namespace tradelink::api
