#include "sandbox/service/venue.hpp"

namespace tradelink::sandbox {

core::Result<std::unique_ptr<Venue>> Venue::create(Catalogue catalogue, EngineConfig config) {
  std::unique_ptr<Venue> venue(new Venue());
  auto engine = Engine::create(std::move(catalogue), config, &venue->events_);
  if (!engine) return engine.error();
  venue->engine_ = std::move(*engine);
  return venue;
}

Venue::~Venue() = default;

}  // namespace tradelink::sandbox
