//! Native benchmarks of the figures the performance issue names: cold start (opening the
//! lexicon, building one article's dictionary, the first summary), 1 MB of Chinese summarised
//! with keywords, and re-selecting another length of an analysed article.
//!
//!     cargo bench --bench pipeline
//!
//! Texts from ../shared (or $ZHAIYAO_SHARED) are read at run time; a benchmark whose text is
//! absent says so and is skipped.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use zhaiyao::lexicon::Lexicon;
use zhaiyao::{Budget, LangChoice, Options, Summarizer};

const LEXICON_BIN: &[u8] = include_bytes!("../data/lexicon.bin");
const ONE_MB: usize = 1 << 20;

/// The tests' helper for ../shared: the same lookup and the same rules for an absent folder.
#[path = "../tests/common/mod.rs"]
mod common;

fn shared(relative: &str) -> Option<String> {
    common::shared_text(relative)
}

/// About 1 MB of Chinese news and abstracts: the eval sets' Chinese texts, repeated as needed.
fn one_mb_of_chinese() -> Option<String> {
    let mut texts = Vec::new();
    for set in ["zh_clts_smoke", "zh_lcsts_dev", "zh_csl_kw_dev"] {
        for line in shared(&format!("eval/{set}.jsonl"))?.lines() {
            let Ok(row) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            if let Some(text) = row["text"].as_str() {
                texts.push(text.to_string());
            }
        }
    }
    let mut out = String::with_capacity(ONE_MB + 4096);
    'fill: loop {
        for text in &texts {
            if out.len() + text.len() + 1 > ONE_MB {
                break 'fill;
            }
            out.push_str(text);
            out.push('\n');
        }
    }
    Some(out)
}

fn options() -> Options {
    Options {
        budget: Budget::Sentences(3),
        keywords: 10,
        lang: LangChoice::Auto,
    }
}

fn cold_start(c: &mut Criterion) {
    let mut group = c.benchmark_group("cold");
    group.bench_function("lexicon_open", |b| b.iter(|| Lexicon::open(LEXICON_BIN).unwrap()));
    if let Some(text) = shared("examples/xuhui-ai-interview.zh.txt") {
        group.bench_function("article_lexicon/xuhui", |b| {
            b.iter(|| Lexicon::builtin().for_article(&text))
        });
        // A fresh summarizer has no dictionary yet: this is everything after opening the lexicon.
        group.bench_function("first_summary/xuhui", |b| {
            b.iter(|| Summarizer::new().summarize(&text, &options()).unwrap())
        });
    }
    group.finish();
}

fn throughput(c: &mut Criterion) {
    let Some(text) = one_mb_of_chinese() else {
        return;
    };
    let mut group = c.benchmark_group("1mb_zh");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    let warm = Summarizer::new();
    warm.summarize(&text, &options()).unwrap();
    group.bench_function("summary+keywords/warm", |b| {
        b.iter(|| warm.summarize(&text, &options()).unwrap())
    });
    group.bench_function("summary+keywords/fresh", |b| {
        b.iter_batched(
            Summarizer::new,
            |fresh| fresh.summarize(&text, &options()).unwrap(),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("article_lexicon", |b| {
        b.iter(|| Lexicon::builtin().for_article(&text))
    });
    // What the whole pipeline is measured against: jieba's segmentation of the same text alone,
    // with the same (exact) article dictionary, as one call.
    let jieba = Lexicon::builtin().segmenter_for(&text);
    group.bench_function("jieba_cut_alone", |b| b.iter(|| jieba.cut(&text, true)));
    // And with jieba's whole dictionary, as jieba-rs is used everywhere else.
    let full = Lexicon::builtin().full_segmenter();
    group.bench_function("jieba_cut_alone_full_dictionary", |b| {
        b.iter(|| full.cut(&text, true))
    });
    group.finish();
}

fn reselect(c: &mut Criterion) {
    let analysis = Summarizer::new()
        .analyze(zhaiyao::EXAMPLE_ZH, LangChoice::Auto)
        .unwrap();
    let mut group = c.benchmark_group("reselect/example_zh");
    group.bench_function("select_chars_120", |b| {
        b.iter(|| analysis.select(Budget::Chars(120)).unwrap())
    });
    group.bench_function("summary_ratio_0.3", |b| {
        b.iter(|| analysis.summary(Budget::Ratio(0.3), 10).unwrap())
    });
    group.finish();
}

criterion_group!(benches, cold_start, throughput, reselect);
criterion_main!(benches);
