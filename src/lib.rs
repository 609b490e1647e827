//! zhaiyao (摘要): extractive summaries and keywords for Chinese, English and mixed articles,
//! small and fast enough to run in the reader's browser.
//!
//! The crate reads as its pipeline: [`text`] (characters, [`sentences`], language) → [`tokens`] → [`lexicon`] (IDF) →
//! [`scoring`] → [`selection`] → [`keywords`], put together by [`Summarizer`]. Everything here
//! is plain Rust.
//!
//! ```
//! use zhaiyao::{Budget, Options, Summarizer};
//!
//! let text = "江澜市今年试点社区工具图书馆。居民可以免费借用电钻和梯子。\
//!             工具图书馆还开设了周末修理咖啡馆，志愿者帮居民修理小家电。\
//!             试点一年，社区的大件垃圾减少了一成。";
//! let summarizer = Summarizer::new();
//! let summary = summarizer
//!     .summarize(text, &Options { budget: Budget::Sentences(1), keywords: 3, ..Options::default() })
//!     .unwrap();
//! assert_eq!(summary.sentences.len(), 1);
//! assert_eq!(summary.keywords.len(), 3);
//!
//! // Analyse once, then select for any length without re-reading the text.
//! let analysis = summarizer.analyze(text, zhaiyao::LangChoice::Auto).unwrap();
//! assert_eq!(analysis.select(Budget::Sentences(2)).unwrap().len(), 2);
//! assert!(analysis.select(Budget::Chars(40)).unwrap().len() >= 1);
//! ```

#![warn(missing_docs)]

pub mod error;
pub mod keywords;
pub mod lexicon;
pub mod scoring;
pub mod selection;
pub mod summarizer;
pub mod text;
pub mod tokens;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

// The text stages at their earlier paths (`zhaiyao::sentences`, `zhaiyao::lang`, …), which the
// tests, benches and fuzz targets name.
pub use text::{lang, script, sentences};

pub use error::Error;
pub use keywords::Keyword;
pub use selection::Budget;
pub use summarizer::{
    Analysis, Options, ScoredSentence, Summarizer, Summary, SummarySentence, TermWeight, MAX_INPUT_BYTES,
};
pub use text::lang::{Lang, LangChoice};

/// The built-in example article (Chinese), written for the project and shipped under its licence.
pub const EXAMPLE_ZH: &str = include_str!("../data/example.zh.txt");
/// The built-in English example article, likewise the project's own.
pub const EXAMPLE_EN: &str = include_str!("../data/example.en.txt");

/// A few sentences of our own, Chinese with some English words, that the wasm build summarises
/// once while the first summarizer loads, so that the browser has compiled the summary path
/// before the first article (see `wasm::warm_up_code`).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) const WARM_UP_TEXT: &str = "社区工具图书馆开门了。居民可以借用电钻、梯子和缝纫机。\
The tool library lends drills and ladders to its neighbours. \
志愿者每周六帮居民修理小家电，社区工具图书馆很受欢迎。";

#[cfg(test)]
mod tests {
    use super::*;

    /// The warm-up's result is thrown away, so only this test notices if it stopped running the
    /// whole way: Chinese words, English words (stemming), keywords and a summary.
    #[test]
    fn the_warm_up_text_is_summarised_with_words_of_both_languages() {
        let options = Options {
            budget: Budget::Sentences(2),
            keywords: 10,
            ..Options::default()
        };
        let summary = Summarizer::new().summarize(WARM_UP_TEXT, &options).unwrap();
        assert_eq!(summary.lang, Lang::Zh);
        assert_eq!(summary.sentences.len(), 2);
        assert!(summary.keywords.iter().any(|k| k.word.contains("工具")));
        let analysis = Summarizer::new().analyze(WARM_UP_TEXT, LangChoice::Auto).unwrap();
        let all: Vec<String> = analysis.keywords(100).into_iter().map(|k| k.word).collect();
        assert!(all.iter().any(|k| k.starts_with("drill")), "{all:?}");
    }
}
