#include "sandbox/service/rest/json_values.hpp"

#include <boost/json/serialize.hpp>

namespace tradelink::sandbox::rest {

boost::json::string decimal_text(core::Decimal value) {
  char buffer[core::Decimal::max_text_length];
  std::size_t const length = value.write(buffer);
  return boost::json::string(std::string_view(buffer, length));
}

std::int64_t whole_seconds(TimeMs time_ms) noexcept {
  std::int64_t seconds = time_ms / 1000;
  if (time_ms % 1000 < 0) --seconds;
  return seconds;
}

boost::json::string seconds_text(TimeMs time_ms) {
  return boost::json::string(std::to_string(whole_seconds(time_ms)));
}

boost::json::string millis_text(TimeMs time_ms) {
  return boost::json::string(std::to_string(time_ms) + ".000");
}

RestReply json_reply(boost::json::value const& value, unsigned status) {
  return RestReply{status, boost::json::serialize(value), {}};
}

}  // namespace tradelink::sandbox::rest
