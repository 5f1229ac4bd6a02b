# The two set-up commands: `make run` and `make test`. Both install what is missing first.
BUILD ?= build
JOBS ?= $(shell nproc)
MDSC = $(BUILD)/mdsc
DATA ?= mdsc-data

.PHONY: run test test-asan build deps bench clean

deps:
	@bash scripts/install-deps

$(BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# Creates the embedded database with the FY2017 demo consortium on first use, then serves.
run: build
	@if [ ! -f $(DATA)/mdsc.db ]; then $(MDSC) init --demo --db sqlite:$(DATA)/mdsc.db; \
	 else cat $(DATA)/demo-credentials.txt 2>/dev/null || true; fi
	$(MDSC) serve --db sqlite:$(DATA)/mdsc.db --bind 127.0.0.1 --port 8080

test: build
	ctest --test-dir $(BUILD) -j $(JOBS) --output-on-failure

test-asan: deps
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMDSC_SANITIZE=ON
	cmake --build build-asan -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir build-asan -j $(JOBS) --output-on-failure

bench: build
	bash bench/run-all

clean:
	rm -rf $(BUILD) build-asan
