# The two commands a newcomer needs: `make demo` and `make test`.
# Evaluation data and example articles live outside the repository (licences).
ZHAIYAO_SHARED ?= ../shared
export ZHAIYAO_SHARED
ZHAIYAO := target/release/zhaiyao

.PHONY: all setup build demo test eval clean

all: build

setup:
	@scripts/setup.sh

build: setup
	cargo build --release --locked

# Until the web demo lands, the demo is the CLI on the built-in example article.
demo: build
	$(ZHAIYAO) --example --sentences 3 --keywords 12

test: setup
	cargo fmt --check
	cargo test --locked

# ROUGE (summaries) and P/R/F1 (keywords) on every dev set, beside the Lead baseline.
eval: build
	@test -d $(ZHAIYAO_SHARED)/eval || { echo "eval: no $(ZHAIYAO_SHARED)/eval (set ZHAIYAO_SHARED)"; exit 1; }
	$(ZHAIYAO) eval --gold $(ZHAIYAO_SHARED)/eval/zh_lcsts_dev.jsonl --sentences 1
	$(ZHAIYAO) eval --gold $(ZHAIYAO_SHARED)/eval/en_cnndm_dev.jsonl --sentences 3
	$(ZHAIYAO) eval --gold $(ZHAIYAO_SHARED)/eval/zh_clts_smoke.jsonl --sentences 3
	$(ZHAIYAO) eval --gold $(ZHAIYAO_SHARED)/eval/zh_csl_kw_dev.jsonl

clean:
	cargo clean
