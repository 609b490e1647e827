# The two commands a newcomer needs: `make demo` and `make test`.

# Evaluation data and example articles live outside the repository (licences).
ZHAIYAO_SHARED ?= ../shared
export ZHAIYAO_SHARED
export PATH := $(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080
ZHAIYAO := target/release/zhaiyao

.PHONY: all setup setup-test build pkg site extension demo test test-native test-wasm test-e2e bench eval clean

all: build pkg

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

build: setup
	cargo build --release --locked

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

test-native:
	cargo test --locked

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
	$(ZHAIYAO) eval --gold $(ZHAIYAO_SHARED)/eval/zh_csl_kw_dev.jsonl

clean:
	cargo clean
	rm -rf pkg target/site target/extension target/zhaiyao-*.zip target/store
