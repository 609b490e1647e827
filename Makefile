# The two commands a newcomer needs: `make demo` and `make test`.

# Evaluation data and example articles live outside the repository (licences).
ZHAIYAO_SHARED ?= ../shared
export ZHAIYAO_SHARED
export PATH := $(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080
ZHAIYAO := target/release/zhaiyao

.PHONY: all setup setup-test build pkg site extension demo test test-native test-wasm test-e2e bench eval eval-traditional clean

all: build pkg

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

build: setup
	cargo build --release --locked --features cli

# The npm package: wasm, JS API with types, worker and web component.
pkg: setup
	scripts/build-pkg.sh

# The demo page with the package, as served by `make demo`.
site: pkg
	scripts/site.sh

# The browser extension: target/extension/{chrome,firefox}/ (load unpacked), target/zhaiyao-chrome.zip,
# target/zhaiyao-firefox.zip and target/store/ (listing texts; `make test-e2e` adds the screenshots).
extension: pkg
	scripts/build-extension.sh

demo: build site
	$(ZHAIYAO) --example --sentences 3 --keywords 12
	@echo
	@echo "Demo: http://127.0.0.1:$(PORT)/  (Ctrl-C stops it)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory target/site

test: setup-test
	cargo fmt --check
	$(MAKE) test-native test-wasm test-e2e

# With `pack` so that examples/pack_lexicon.rs is built too; then the API docs, which must be
# complete (lib.rs warns on missing docs) and free of broken links.
test-native:
	cargo test --locked --features cli,pack
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --locked

# The JS seam in headless Chromium (wasm-bindgen-test; its runner drives Debian's chromedriver).
test-wasm:
	CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --target wasm32-unknown-unknown --release --no-default-features --locked --test wasm

# The demo, the component and the extension, end to end, in headless Chromium (Playwright) and
# the extension also in headless Firefox ESR (selenium-webdriver and geckodriver), with web-ext lint.
test-e2e: site extension
	node --test --test-timeout=240000 tests/e2e/

# One table: native criterion figures, then zhaiyao against jieba-wasm in headless Chromium, and
# the brotli size of every file the widget downloads.
bench: setup-test site
	cargo bench --locked --bench pipeline
	node bench/browser.mjs

# ROUGE (summaries) and P/R/F1 (keywords) on every dev set, beside the Lead baseline.
eval: build
	@test -d $(ZHAIYAO_SHARED)/eval || { echo "eval: no $(ZHAIYAO_SHARED)/eval (set ZHAIYAO_SHARED)"; exit 1; }
	$(ZHAIYAO) eval --gold $(ZHAIYAO_SHARED)/eval/zh_lcsts_dev.jsonl --sentences 1
	$(ZHAIYAO) eval --gold $(ZHAIYAO_SHARED)/eval/en_cnndm_dev.jsonl --sentences 3
	$(ZHAIYAO) eval --gold $(ZHAIYAO_SHARED)/eval/zh_clts_smoke.jsonl --sentences 3
	$(ZHAIYAO) eval --gold $(ZHAIYAO_SHARED)/eval/zh_vcsum_dev.jsonl --sentences 4
	$(ZHAIYAO) eval --gold $(ZHAIYAO_SHARED)/eval/en_scitldr_dev.jsonl --sentences 1
	$(ZHAIYAO) eval --gold $(ZHAIYAO_SHARED)/eval/zh_csl_kw_dev.jsonl
	$(MAKE) eval-traditional

# The Chinese dev sets in Traditional characters, beside their Simplified figures: converted by
# zhaiyao's own one-to-one character table (--script traditional), and by OpenCC (s2t, and s2twp
# with Taiwan phrasing) into target/eval-traditional/ (tools/opencc_eval.py).
TRADITIONAL_SETS := zh_csl_kw_dev zh_lcsts_dev zh_vcsum_dev
OPENCC_VENV := target/opencc-venv
eval-traditional: build
	@test -x $(OPENCC_VENV)/bin/python || { python3 -m venv $(OPENCC_VENV) && $(OPENCC_VENV)/bin/pip install -q opencc==1.4.2; }
	$(OPENCC_VENV)/bin/python tools/opencc_eval.py s2t target/eval-traditional $(TRADITIONAL_SETS:%=$(ZHAIYAO_SHARED)/eval/%.jsonl)
	$(OPENCC_VENV)/bin/python tools/opencc_eval.py s2twp target/eval-traditional $(TRADITIONAL_SETS:%=$(ZHAIYAO_SHARED)/eval/%.jsonl)
	$(ZHAIYAO) eval --gold $(ZHAIYAO_SHARED)/eval/zh_vcsum_dev.jsonl --sentences 4
	$(ZHAIYAO) eval --gold $(ZHAIYAO_SHARED)/eval/zh_csl_kw_dev.jsonl --script traditional
	for conv in s2t s2twp; do \
	  $(ZHAIYAO) eval --gold target/eval-traditional/zh_csl_kw_dev.$$conv.jsonl && \
	  $(ZHAIYAO) eval --gold target/eval-traditional/zh_lcsts_dev.$$conv.jsonl --sentences 1 && \
	  $(ZHAIYAO) eval --gold target/eval-traditional/zh_vcsum_dev.$$conv.jsonl --sentences 4 || exit 1; \
	done

clean:
	cargo clean
	rm -rf pkg target/site target/extension target/zhaiyao-*.zip target/store
