#pragma once
// The notes (`amend_text`) of amended orders, by live slot. Amendments are rare next to
// placements, fills and cancels, and every live order is created, copied and returned on the hot
// path: 31 bytes of note in each of them cost the spot mix about a tenth of its throughput. An
// order carries a view of its slot's note instead, empty until it is amended.
//
// A slot's note is rewritten only when an order in that slot is amended, so the view an order
// returned by the engine holds stays valid until the engine is next called (the front renders
// within the call that produced it).

#include <cstdint>
#include <deque>
#include <string_view>

#include "sandbox/engine/fixed_text.hpp"

namespace tradelink::sandbox {

class AmendNotes {
 public:
  /// Keeps `note` as the note of the order in live `slot`; returns the view for the order.
  std::string_view set(std::uint32_t slot, FixedText const& note) {
    // A deque: growing it keeps the notes already handed out where they are.
    while (notes_.size() <= slot) notes_.emplace_back();
    notes_[slot] = note;
    return notes_[slot].view();
  }

 private:
  std::deque<FixedText> notes_;
};

}  // namespace tradelink::sandbox
