# alexviz: plain GNU make. `make help` lists the targets.
#
# One build directory per configuration (build/release, build/asan, build/tsan, build/fuzz);
# sources are found by wildcard, so a new file in net/, viz/ or tests/ needs no edit here.
# net/ links only libm, OpenBLAS, stb, libjpeg, libpng, giflib and protobuf-c; viz/ adds SDL2, cairo
# and pango.

CONFIG ?= release
BUILD  := build/$(CONFIG)
VERSION := $(shell cat VERSION)

# make install: PREFIX/bin/alexviz, PREFIX/libexec/alexviz/alexviz-decode, PREFIX/share/alexviz
# (assets, downloaded weights), PREFIX/share/doc/alexviz, PREFIX/share/man/man1/alexviz.1. The
# program finds its files from its own folder, so the tree may be staged in DESTDIR and moved.
PREFIX  ?= /usr/local
DESTDIR ?=

CC ?= cc
# `make V=1` shows every command.
Q := $(if $(V),,@)

# Flags, one reason per line:
#   -std=c11 -D_POSIX_C_SOURCE  ISO C plus the POSIX calls we use (clock_gettime, rename, mkstemp)
#   warnings                    everything useful, and warnings are errors
#   -MMD -MP                    header dependencies, so a changed header rebuilds its users
#   no -ffast-math              the golden tests compare against an independent implementation
STD   := -std=c11 -D_POSIX_C_SOURCE=200809L
WARN  := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla -Werror
DEPF  := -MMD -MP

OPT_release := -O3 -g
OPT_asan    := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined,float-cast-overflow \
               -fno-sanitize-recover=all
OPT_tsan    := -O1 -g -fsanitize=thread
OPT := $(OPT_$(CONFIG))

PKG_NET := openblas stb libprotobuf-c libjpeg libpng16 libgif
PKG_VIZ := sdl2 cairo pangocairo zlib
LIBS_NET   = $(shell pkg-config --libs $(PKG_NET) 2>/dev/null) -lm -lpthread
LIBS_VIZ   = $(shell pkg-config --libs $(PKG_VIZ) 2>/dev/null)

ONNX_PROTO := /usr/include/onnx/onnx.proto
GEN        := $(BUILD)/gen

# net/ sees only its own folder and its own libraries: a net/ file that includes SDL, cairo,
# pango or a viz/ header does not build. viz/ and tests/ see both.
CFLAGS_NET = $(STD) $(WARN) $(OPT) $(DEPF) $(shell pkg-config --cflags $(PKG_NET) 2>/dev/null) \
             -Inet -I$(GEN) $(CFLAGS)
CFLAGS_VIZ = $(STD) $(WARN) $(OPT) $(DEPF) \
             $(shell pkg-config --cflags $(PKG_NET) $(PKG_VIZ) 2>/dev/null) -Inet -Iviz -I$(GEN) \
             $(CFLAGS)
LDFLAGS_ALL = $(OPT) $(LDFLAGS)

NET_SRC  := $(wildcard net/*.c)
VIZ_SRC  := $(filter-out viz/main.c viz/main_decode.c,$(wildcard viz/*.c))
TEST_SRC := $(wildcard tests/*.c)

NET_OBJ  := $(NET_SRC:%.c=$(BUILD)/%.o) $(GEN)/onnx.pb-c.o
VIZ_OBJ  := $(VIZ_SRC:%.c=$(BUILD)/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)

# The engine as a library: the program, the decoder and the tests link it.
LIB   := $(BUILD)/libalexnet.a
BIN   := $(BUILD)/alexviz
TESTS := $(BUILD)/alexviz_tests
# The photo decoder program every photo is decoded by, in a child process (net/photo_child.c);
# it links only what decoding needs (--as-needed drops the rest), so it starts in a millisecond.
DECODER := $(BUILD)/alexviz-decode

.PHONY: all help deps deps-run deps-dev test check-only run asan tsan bench fuzz weights clean \
        install uninstall format format-check

all: alexviz

help:
	@echo "make            build ./alexviz"
	@echo "make run        install what is missing, then the classroom demo"
	@echo "make test       install what is missing, then every test"
	@echo "make asan       the tests under AddressSanitizer + UBSan"
	@echo "make tsan       the tests under ThreadSanitizer"
	@echo "make bench      speed and memory figures"
	@echo "make fuzz       libFuzzer on photo, .npy and ONNX input (FUZZ_SECONDS each, default 30)"
	@echo "make weights    download and verify the ONNX model zoo's bvlcalexnet-12.onnx"
	@echo "                (DEST=FILE stores it elsewhere; FORCE=1 replaces another file there)"
	@echo "make format     lay the C sources out as .clang-format says (clang-format-14)"
	@echo "make install    the program, its decoder, assets, docs and man page under PREFIX"
	@echo "                (default /usr/local; DESTDIR stages it); make uninstall removes them"

alexviz: $(BUILD)/alexviz
	ln -sf $(BUILD)/alexviz alexviz

# The ONNX schema comes from Debian's libonnx-dev; protoc-c turns it into C at build time.
$(GEN)/onnx.pb-c.c $(GEN)/onnx.pb-c.h &: $(ONNX_PROTO)
	@mkdir -p $(GEN)
	protoc-c --c_out=$(GEN) -I$(dir $(ONNX_PROTO)) $(ONNX_PROTO)

# Generated code is not ours to warn about.
$(GEN)/onnx.pb-c.o: $(GEN)/onnx.pb-c.c
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(STD) $(OPT) $(shell pkg-config --cflags libprotobuf-c) -I$(GEN) -c $< -o $@

$(BUILD)/net/%.o: net/%.c | $(GEN)/onnx.pb-c.h
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_NET) -c $< -o $@

$(BUILD)/%.o: %.c | $(GEN)/onnx.pb-c.h
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_VIZ) -c $< -o $@

# The version comes from the file VERSION alone.
$(BUILD)/viz/main.o: VERSION
$(BUILD)/viz/main.o: CFLAGS_VIZ += -DALEXVIZ_VERSION='"$(VERSION)"'

$(LIB): $(NET_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(BIN): $(BUILD)/viz/main.o $(VIZ_OBJ) $(LIB) | $(DECODER)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(LDFLAGS_ALL) $(filter %.o,$^) $(LIB) -o $@ $(LIBS_VIZ) $(LIBS_NET)

$(DECODER): $(BUILD)/viz/main_decode.o $(LIB)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(LDFLAGS_ALL) -Wl,--as-needed $^ -o $@ $(LIBS_NET)

$(TESTS): $(TEST_OBJ) $(VIZ_OBJ) $(LIB) | $(DECODER)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(LDFLAGS_ALL) $(filter %.o,$^) $(LIB) -o $@ $(LIBS_VIZ) $(LIBS_NET)

deps:
	@sh scripts/deps.sh test
deps-run:
	@sh scripts/deps.sh run
deps-dev:
	@sh scripts/deps.sh dev

# The runner is started from the repository root; tests that drive the program use $ALEXVIZ.
# ALEXVIZ_WEIGHTS is empty so that a downloaded weights/ file never changes what tests see.
check-only: $(BIN) $(TESTS)
	ALEXVIZ=$(BIN) ALEXVIZ_WEIGHTS= $(TESTS) $(T)

test: deps
	@$(MAKE) --no-print-directory alexviz
	@$(MAKE) --no-print-directory check-only

# A failed allocation returns NULL, as it does without ASan: the photo decoder's memory limit
# is tested by making malloc fail.
asan: deps
	@ASAN_OPTIONS=allocator_may_return_null=1 $(MAKE) --no-print-directory CONFIG=asan check-only

# OpenBLAS's own threads are not instrumented; the handoff between our threads is what we check.
# (viz/sanitizers.c tells ThreadSanitizer which libraries it cannot see into.)
tsan: deps
	@OPENBLAS_NUM_THREADS=1 TSAN_OPTIONS=allocator_may_return_null=1 \
	    $(MAKE) --no-print-directory CONFIG=tsan check-only

run: deps-run
	@$(MAKE) --no-print-directory alexviz
	./alexviz

bench: deps
	@$(MAKE) --no-print-directory alexviz
	sh scripts/bench.sh

# libFuzzer needs clang; each target runs for FUZZ_SECONDS on a seed corpus from assets/.
FUZZ_SECONDS ?= 30
FUZZ_SRC := $(wildcard fuzz/*.c)
FUZZ_BIN := $(FUZZ_SRC:fuzz/%.c=build/fuzz/%)
FUZZ_FLAGS := $(STD) -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
              -Inet -Ibuild/fuzz/gen $(shell pkg-config --cflags $(PKG_NET) 2>/dev/null)

build/fuzz/gen/onnx.pb-c.c: $(ONNX_PROTO)
	@mkdir -p build/fuzz/gen
	protoc-c --c_out=build/fuzz/gen -I$(dir $(ONNX_PROTO)) $(ONNX_PROTO)

build/fuzz/%: fuzz/%.c $(NET_SRC) build/fuzz/gen/onnx.pb-c.c
	@mkdir -p build/fuzz
	clang $(FUZZ_FLAGS) $< $(NET_SRC) build/fuzz/gen/onnx.pb-c.c -o $@ $(LIBS_NET)

# The hostile files of tests/hostile.c seed every target (written by the release test binary).
fuzz: deps $(FUZZ_BIN)
	@$(MAKE) --no-print-directory build/release/alexviz_tests
	build/release/alexviz_tests --corpus build/fuzz/seeds
	FUZZ_SEEDS=build/fuzz/seeds sh scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_BIN)

weights:
	sh scripts/weights.sh $(DEST)

# The man page is made from the program's own --help texts.
$(BUILD)/alexviz.1: $(BIN) scripts/man.sh
	sh scripts/man.sh $(BIN) $(VERSION) > $@.tmp && mv $@.tmp $@

DOCS_IMG := $(wildcard docs/img/*.png)
BINDIR   := $(DESTDIR)$(PREFIX)/bin
EXECDIR  := $(DESTDIR)$(PREFIX)/libexec/alexviz
DATADIR  := $(DESTDIR)$(PREFIX)/share/alexviz
DOCDIR   := $(DESTDIR)$(PREFIX)/share/doc/alexviz
MANDIR   := $(DESTDIR)$(PREFIX)/share/man/man1

install: $(BIN) $(DECODER) $(BUILD)/alexviz.1
	install -d $(BINDIR) $(EXECDIR) $(DATADIR)/assets $(DOCDIR)/docs/img $(MANDIR)
	install -m 755 $(BIN) $(BINDIR)/alexviz
	install -m 755 $(DECODER) $(EXECDIR)/alexviz-decode
	install -m 644 assets/* $(DATADIR)/assets/
	install -m 644 README.md CHANGELOG.md LICENSE $(DOCDIR)/
	install -m 644 docs/*.md $(DOCDIR)/docs/
	install -m 644 $(DOCS_IMG) $(DOCDIR)/docs/img/
	install -m 644 $(BUILD)/alexviz.1 $(MANDIR)/alexviz.1
	if [ -f weights/bvlcalexnet-12.onnx ]; then install -d $(DATADIR)/weights && \
	    install -m 644 weights/bvlcalexnet-12.onnx $(DATADIR)/weights/; fi

# Removes what install wrote and alexviz's own folders; shared folders (bin, man1) stay.
uninstall:
	rm -f $(BINDIR)/alexviz $(MANDIR)/alexviz.1
	rm -rf $(EXECDIR) $(DATADIR) $(DOCDIR)

# The C sources as .clang-format lays them out: `make format` rewrites them, CI checks them.
C_FILES = $(wildcard net/*.[ch] viz/*.[ch] tests/*.[ch] fuzz/*.c)
format:
	clang-format-14 -i $(C_FILES)
format-check: deps
	clang-format-14 --dry-run --Werror $(C_FILES)

clean:
	rm -rf build alexviz

-include $(shell find build -name '*.d' 2>/dev/null)
