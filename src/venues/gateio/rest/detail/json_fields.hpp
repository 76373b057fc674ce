#pragma once
// Internal to the Gate.io REST parsers: table-driven decoding of a JSON object into a model.
// A model's decoder is a constexpr table of FieldRules (JSON member name → reader of one model
// member); decode_fields() walks the object's members once, in wire order, dispatches each known
// member to its rule, skips unknown ones and finally reports the first required member missing.
//
//   constexpr std::array spot_account_rules{
//       field<&SpotAccount::currency>("currency"), field<&SpotAccount::available>("available"),
//       ...};
//
// Plain scalar members are required, std::optional/std::vector/std::map members are not
// (list_field/map_field can be told otherwise).

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "venues/gateio/rest/detail/json_read.hpp"
#include "venues/gateio/rest/detail/model_decoders.hpp"

namespace tradelink::gateio::detail {

/// How one JSON member is read into a Model.
template <class Model>
struct FieldRule {
  using Reader = Decoded (*)(ondemand::value&, Model&);
  std::string_view name;  ///< JSON member name, compared after unescaping
  Reader read;
  bool required;
};

template <class T>
struct member_pointer_traits;
template <class Class, class Member>
struct member_pointer_traits<Member Class::*> {
  using model = Class;
  using member = Member;
};

template <auto Member>
using model_of = typename member_pointer_traits<decltype(Member)>::model;
template <auto Member>
using member_of = typename member_pointer_traits<decltype(Member)>::member;

template <class T>
inline constexpr bool required_by_default = true;
template <class T>
inline constexpr bool required_by_default<std::optional<T>> = false;
template <class T>
inline constexpr bool required_by_default<std::vector<T>> = false;
template <class Key, class T>
inline constexpr bool required_by_default<std::map<Key, T>> = false;

// --- nested models ------------------------------------------------------------------------------

/// A JSON object decoded with the model's decode() overload.
template <class Nested>
Decoded read_object(ondemand::value& value, Nested& out) {
  ondemand::json_type type{};
  if (auto decoded = read_type(value, type); !decoded) return decoded;
  if (type == ondemand::json_type::null) return fail("is null");
  if (type != ondemand::json_type::object) return wrong_type("an object", type);
  ondemand::object object;
  if (auto const error = value.get_object().get(object)) return malformed(error);
  return decode(object, out);
}

template <class Nested>
Decoded read_object(ondemand::value& value, std::optional<Nested>& out) {
  ondemand::json_type type{};
  if (auto decoded = read_type(value, type); !decoded) return decoded;
  if (type == ondemand::json_type::null) {
    bool is_null = false;
    if (auto const error = value.is_null().get(is_null)) return malformed(error);
    out.reset();
    return {};
  }
  Nested item{};
  if (auto decoded = read_object(value, item); !decoded) return decoded;
  out = std::move(item);
  return {};
}

/// Every element of `array` as a Nested object, appended to `out`; errors carry "[index]".
template <class Nested>
Decoded decode_array(ondemand::array& array, std::vector<Nested>& out) {
  std::size_t index = 0;
  for (auto element : array) {
    ondemand::value item;
    if (auto const error = std::move(element).get(item)) return malformed(error);
    Nested decoded_item{};
    if (auto decoded = read_object(item, decoded_item); !decoded) {
      return Decoded(boost::system::in_place_error,
                     prefixed(std::move(decoded.error()), "[" + std::to_string(index) + "]"));
    }
    out.push_back(std::move(decoded_item));
    ++index;
  }
  return {};
}

/// A JSON array of objects; null gives an empty list.
template <class Nested>
Decoded read_list(ondemand::value& value, std::vector<Nested>& out) {
  out.clear();
  ondemand::json_type type{};
  if (auto decoded = read_type(value, type); !decoded) return decoded;
  if (type == ondemand::json_type::null) {
    bool is_null = false;
    if (auto const error = value.is_null().get(is_null)) return malformed(error);
    return {};
  }
  if (type != ondemand::json_type::array) return wrong_type("an array", type);
  ondemand::array array;
  if (auto const error = value.get_array().get(array)) return malformed(error);
  return decode_array(array, out);
}

/// A JSON object used as a map from member name to Nested object; null gives an empty map.
template <class Nested>
Decoded read_map(ondemand::value& value, std::map<std::string, Nested>& out) {
  out.clear();
  ondemand::json_type type{};
  if (auto decoded = read_type(value, type); !decoded) return decoded;
  if (type == ondemand::json_type::null) {
    bool is_null = false;
    if (auto const error = value.is_null().get(is_null)) return malformed(error);
    return {};
  }
  if (type != ondemand::json_type::object) return wrong_type("an object", type);
  ondemand::object object;
  if (auto const error = value.get_object().get(object)) return malformed(error);
  for (auto member : object) {
    ondemand::field field;
    if (auto const error = std::move(member).get(field)) return malformed(error);
    std::string_view key;
    if (auto const error = field.unescaped_key().get(key)) return malformed(error);
    Nested item{};
    if (auto decoded = read_object(field.value(), item); !decoded) {
      return Decoded(boost::system::in_place_error, prefixed(std::move(decoded.error()), key));
    }
    out.insert_or_assign(std::string(key), std::move(item));
  }
  return {};
}

// --- rule builders ------------------------------------------------------------------------------

/// A scalar, optional scalar or string-list member, read with the matching read() overload.
template <auto Member>
constexpr FieldRule<model_of<Member>> field(std::string_view name) {
  return {
      name,
      [](ondemand::value& value, model_of<Member>& model) { return read(value, model.*Member); },
      required_by_default<member_of<Member>>};
}

/// An id member that Gate sends as a string or as an integer.
template <auto Member>
constexpr FieldRule<model_of<Member>> id_field(std::string_view name) {
  return {
      name,
      [](ondemand::value& value, model_of<Member>& model) { return read_id(value, model.*Member); },
      required_by_default<member_of<Member>>};
}

/// A nested model (or std::optional of one).
template <auto Member>
constexpr FieldRule<model_of<Member>> object_field(std::string_view name) {
  return {name,
          [](ondemand::value& value, model_of<Member>& model) {
            return read_object(value, model.*Member);
          },
          required_by_default<member_of<Member>>};
}

/// A std::vector of nested models.
template <auto Member>
constexpr FieldRule<model_of<Member>> list_field(std::string_view name, bool required = false) {
  return {name,
          [](ondemand::value& value, model_of<Member>& model) {
            return read_list(value, model.*Member);
          },
          required};
}

/// A std::map from JSON member name to nested model.
template <auto Member>
constexpr FieldRule<model_of<Member>> map_field(std::string_view name, bool required = false) {
  return {name,
          [](ondemand::value& value, model_of<Member>& model) {
            return read_map(value, model.*Member);
          },
          required};
}

/// A member with its own reader (shapes the generic rules do not cover).
template <class Model>
constexpr FieldRule<Model> custom_field(std::string_view name,
                                        typename FieldRule<Model>::Reader reader,
                                        bool required = false) {
  return {name, reader, required};
}

// --- the walk -----------------------------------------------------------------------------------

/// Decodes `object` into `out` with `rules`: one pass over the members in wire order; a member
/// seen twice is decoded twice (the last one wins); unknown members are skipped unread.
template <class Model, std::size_t N>
Decoded decode_fields(ondemand::object& object, Model& out,
                      std::array<FieldRule<Model>, N> const& rules) {
  static_assert(N <= 64, "presence is tracked in a 64-bit mask");
  std::uint64_t seen = 0;
  for (auto member : object) {
    ondemand::field field;
    if (auto const error = std::move(member).get(field)) return malformed(error);
    std::string_view key;
    if (auto const error = field.unescaped_key().get(key)) return malformed(error);
    for (std::size_t index = 0; index < N; ++index) {
      if (rules[index].name != key) continue;
      seen |= std::uint64_t{1} << index;
      if (auto decoded = rules[index].read(field.value(), out); !decoded) {
        return Decoded(boost::system::in_place_error, prefixed(std::move(decoded.error()), key));
      }
      break;
    }
  }
  for (std::size_t index = 0; index < N; ++index) {
    if (rules[index].required && (seen & (std::uint64_t{1} << index)) == 0) {
      return Decoded(boost::system::in_place_error,
                     FieldError{std::string(rules[index].name), "is missing"});
    }
  }
  return {};
}

}  // namespace tradelink::gateio::detail
