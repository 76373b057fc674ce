#pragma once
// Value-or-error result used at module boundaries. A thin alias over boost::system::result so
// callers get `has_value()`, `value()`, `error()`, `operator*`, `operator->` and `BOOST_TRY`-free
// plain code; the error type is always core::Error.

#include <boost/system/result.hpp>

#include "core/error.hpp"

namespace tradelink::core {

/// Throwing accessor hook for boost::system::result<T, Error>::value() on an error: raises
/// std::runtime_error with the error's code and message. Only tests and tools call `.value()`
/// blindly; production paths check `has_value()` first.
[[noreturn]] void throw_exception_from_error(Error const& error,
                                             boost::source_location const& location);

template <class T>
using Result = boost::system::result<T, Error>;

/// `Result<void>` success value: `return core::ok();`
inline Result<void> ok() { return {}; }

}  // namespace tradelink::core
