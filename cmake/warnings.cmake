# Warning set applied to tradelink's own targets (not to third-party code).
add_library(tradelink_warnings INTERFACE)
target_compile_options(tradelink_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wconversion -Wsign-conversion -Wimplicit-fallthrough
  -Wno-psabi)
