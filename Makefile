# Makefile: the front door. Every target installs what it needs first (tools/install_deps.sh is
# idempotent), then configures and builds with CMake presets (Ninja, ccache when present).
#   make         release build, binary at build/vigil
#   make test    the whole test suite (release build)
#   make demo    the main job on the bundled sample data
#   make asan    the test suite under ASan+UBSan
#   make fuzz    build the libFuzzer targets and run each for FUZZ_SECONDS
#   make bench   the performance harness (writes bench/results/latest.json)
#   make deps    install the Debian packages
#   make format  clang-format every source file in place
.PHONY: all release deps test demo asan fuzz bench format tidy clean

JOBS ?= $(shell nproc)
# ccache: paths relative to the checkout, so clones at other paths (CI) hit the same cache.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1
FUZZ_SECONDS ?= 30

all: release

deps:
	@./tools/install_deps.sh

build/release/build.ninja: deps
	@cmake --preset release >/dev/null

release: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)
	@ln -sf release/vigil build/vigil

test: release
	@ctest --preset release

demo: release
	@./tools/demo.sh

asan: deps
	@cmake --preset asan-ubsan >/dev/null
	@cmake --build --preset asan-ubsan -j $(JOBS)
	@ctest --preset asan-ubsan

fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS) --target vigil_fuzzers
	@./tools/run_fuzzers.sh build/fuzz $(FUZZ_SECONDS)

bench: release
	@./tools/bench.sh

format:
	@git ls-files '*.cc' '*.h' | xargs clang-format -i

tidy: release
	@git ls-files '*.cc' | grep -v '^tests/fuzz' | xargs clang-tidy -p build/release --quiet

clean:
	@rm -rf build
