//! The word data: jieba's dictionary and IDF table for Chinese, a frequency-derived IDF table for
//! English, and the stop-word lists. Everything that knows how this data is stored lives here,
//! so that changing the storage touches this module only.
//!
//! The tables are embedded as compact binaries, `data/lexicon.bin` and `data/idf-en.bin`, which
//! `src/lexicon/pack.rs` describes and encodes from the committed text sources `data/lexicon.txt` (one line
//! `word freq tag idf` per word of jieba's `dict.txt` ∪ `idf.txt`, written by
//! `tools/build_data.py`) and `data/idf-en.txt`. Regenerate them with
//! `cargo run --release --features pack --example pack_lexicon`; a test checks they match the text.
//!
//! Nothing is parsed or indexed at start-up beyond a per-first-character block directory. An
//! article gets its own [`ArticleLexicon`]: the dictionary words made only of the article's
//! characters (the only ones that can match in it), decoded from those characters' blocks, as
//! an exact jieba segmenter and an IDF table.
//!
//! The data is Simplified; Traditional text is read through its Simplified forms
//! ([`crate::text::script`]): an article's characters, and the stop words, are taken in those forms.
//!
//! The files: `format` reads the binary tables, `chinese` is the Chinese [`Lexicon`], `article`
//! builds and caches one article's [`ArticleLexicon`] and its [`CharSet`], `english` holds the
//! [`EnglishIdf`] table and its run-time install, `stop_words` the [`StopWords`], `pack` the
//! tables' format and encoder.

mod article;
mod chinese;
mod english;
mod format;
mod stop_words;

// The tables' format and their encoder: public only with the `pack` feature, for
// `examples/pack_lexicon.rs`; not part of the library's API.
#[cfg(feature = "pack")]
pub mod pack;
// Without the feature the encoder runs only in tests.
#[cfg(not(feature = "pack"))]
#[cfg_attr(not(test), allow(dead_code))]
mod pack;

pub use article::{ArticleCache, ArticleLexicon, CharSet};
pub use chinese::{Entry, Lexicon, DICT_TOTAL_FREQ, MEDIAN_IDF_ZH};
pub use english::EnglishIdf;
pub use stop_words::StopWords;

#[cfg(test)]
mod tests {
    use super::chinese::LEXICON_BIN;
    use super::english::IDF_EN_BIN;
    use super::*;

    pub(super) fn manifest_file(name: &str) -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    #[test]
    fn committed_binaries_match_their_text_sources() {
        // If this fails, regenerate them: `cargo run --release --features pack --example pack_lexicon`.
        let lexicon = pack::lexicon_bin(&manifest_file("data/lexicon.txt")).unwrap();
        assert!(
            lexicon == LEXICON_BIN,
            "data/lexicon.bin is not data/lexicon.txt's encoding"
        );
        let english = pack::english_bin(&manifest_file("data/idf-en.txt")).unwrap();
        assert!(
            english == IDF_EN_BIN,
            "data/idf-en.bin is not data/idf-en.txt's encoding"
        );
    }

    #[test]
    fn binary_decodes_to_the_text_lines() {
        let text = manifest_file("data/lexicon.txt");
        let lexicon = Lexicon::builtin();
        let entries = lexicon.entries();
        assert_eq!(entries.len(), text.lines().count());
        let half_step = lexicon.idf_step() / 2.0 + 1e-6;
        for (entry, line) in entries.iter().zip(text.lines()) {
            let fields: Vec<&str> = line.split(' ').collect();
            assert_eq!(entry.word, fields[0]);
            assert_eq!(entry.freq.to_string(), fields[1], "{line}");
            match (entry.idf, fields[3]) {
                (None, "-") => {}
                (Some(idf), text) => {
                    assert!((idf - text.parse::<f64>().unwrap()).abs() <= half_step, "{line}")
                }
                (None, _) => panic!("{line}: IDF lost"),
            }
        }
        let english = EnglishIdf::builtin();
        let en_step = f64::from(english.idf_max - english.idf_min) / pack::IDF_STEPS;
        for line in manifest_file("data/idf-en.txt").lines() {
            let (word, idf) = line.split_once(' ').unwrap();
            assert!(
                (english.idf(word) - idf.parse::<f64>().unwrap()).abs() <= en_step / 2.0 + 1e-6,
                "{line}"
            );
        }
    }
}
