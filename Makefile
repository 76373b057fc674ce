# The README's two commands: `make demo` and `make test`. Both install what is missing first.
PRESET ?= release
BUILD_DIR := build/$(PRESET)
TRADELINK := $(BUILD_DIR)/apps/tradelink/tradelink
JOBS ?= $(shell nproc)

# Let ccache share objects between build folders and clones of the repository.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

.PHONY: demo test bench bootstrap build asan format tidy clean

demo: build
	@scripts/demo "$(TRADELINK)"

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS) --timeout 300

bench: bootstrap
	@cmake --preset release >/dev/null
	@cmake --build --preset release --target bench_gateio bench_core bench_sandbox bench_platform tradelink
	@scripts/run-benchmarks build/release docs/benchmarks.md
	@bench/sandbox/rest_load.sh build/release/apps/tradelink/tradelink docs/benchmarks.md
	@bench/api/api_load.sh build/release/apps/tradelink/tradelink docs/benchmarks.md

bootstrap:
	@scripts/bootstrap

build: bootstrap
	@cmake --preset $(PRESET) >/dev/null
	@cmake --build --preset $(PRESET) -j $(JOBS)

# Address + undefined-behaviour sanitizers over the whole test suite.
asan:
	@$(MAKE) --no-print-directory test PRESET=asan

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

tidy: build
	@git ls-files 'src/*.cpp' | xargs clang-tidy -p $(BUILD_DIR) --quiet

clean:
	rm -rf build
