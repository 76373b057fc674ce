#include "sandbox/service/ws/book_changes.hpp"

#include "sandbox/service/ws/json_writer.hpp"

namespace tradelink::sandbox::ws {
namespace {

template <class Levels>
void write_pairs(JsonWriter& out, Levels const& levels) {
  out.begin_array();
  for (auto const& [price, size] : levels) {
    out.begin_array().decimal_string(price).decimal_string(size).end_array();
  }
  out.end_array();
}

void write_pairs(JsonWriter& out, std::vector<PriceLevel> const& levels) {
  out.begin_array();
  for (auto const& level : levels) {
    out.begin_array().decimal_string(level.price).decimal_string(level.size).end_array();
  }
  out.end_array();
}

template <class Levels>
void write_objects(JsonWriter& out, Levels const& levels, SizeFormat sizes) {
  out.begin_array();
  for (auto const& [price, size] : levels) {
    out.begin_object().key("p").decimal_string(price).key("s");
    if (sizes == SizeFormat::string) {
      out.decimal_string(size);
    } else {
      out.decimal_number(size);
    }
    out.end_object();
  }
  out.end_array();
}

std::size_t estimate(BookChanges const& changes) {
  return 160 + 48 * (changes.bids().size() + changes.asks().size());
}

}  // namespace

void BookChanges::add(BookDelta const& delta) {
  if (empty()) first_id_ = delta.first_update_id;
  last_id_ = delta.last_update_id;
  time_ms_ = delta.time_ms;
  for (auto const& level : delta.bids) bids_[level.price] = level.size;
  for (auto const& level : delta.asks) asks_[level.price] = level.size;
}

void BookChanges::clear() noexcept {
  first_id_ = 0;
  last_id_ = 0;
  bids_.clear();
  asks_.clear();
}

std::string render_spot_book_update(std::string_view pair, BookChanges const& changes,
                                    std::string_view level) {
  JsonWriter out(estimate(changes));
  out.begin_object();
  out.key("t").integer(changes.time_ms());
  out.key("e").string("depthUpdate");
  out.key("E").integer(changes.time_ms() / 1000);
  out.key("s").string(pair);
  out.key("U").unsigned_integer(changes.first_id());
  out.key("u").unsigned_integer(changes.last_id());
  out.key("b");
  write_pairs(out, changes.bids());
  out.key("a");
  write_pairs(out, changes.asks());
  out.key("l").string(level);
  return out.end_object().take();
}

std::string render_futures_book_update(std::string_view contract, BookChanges const& changes,
                                       std::string_view level, SizeFormat sizes) {
  JsonWriter out(estimate(changes));
  out.begin_object();
  out.key("t").integer(changes.time_ms());
  out.key("s").string(contract);
  out.key("U").unsigned_integer(changes.first_id());
  out.key("u").unsigned_integer(changes.last_id());
  out.key("b");
  write_objects(out, changes.bids(), sizes);
  out.key("a");
  write_objects(out, changes.asks(), sizes);
  out.key("l").string(level);
  return out.end_object().take();
}

std::string render_obu_update(std::string_view stream, BookChanges const& changes) {
  JsonWriter out(estimate(changes));
  out.begin_object();
  out.key("t").integer(changes.time_ms());
  out.key("s").string(stream);
  out.key("U").unsigned_integer(changes.first_id());
  out.key("u").unsigned_integer(changes.last_id());
  out.key("b");
  write_pairs(out, changes.bids());
  out.key("a");
  write_pairs(out, changes.asks());
  return out.end_object().take();
}

std::string render_obu_snapshot(std::string_view stream, BookSnapshot const& snapshot,
                                TimeMs now_ms) {
  JsonWriter out(160 + 48 * (snapshot.bids.size() + snapshot.asks.size()));
  out.begin_object();
  out.key("t").integer(now_ms);
  out.key("full").boolean(true);
  out.key("s").string(stream);
  out.key("u").unsigned_integer(snapshot.id);
  out.key("b");
  write_pairs(out, snapshot.bids);
  out.key("a");
  write_pairs(out, snapshot.asks);
  return out.end_object().take();
}

}  // namespace tradelink::sandbox::ws
