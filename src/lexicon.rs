//! The word data: jieba's dictionary and IDF table for Chinese, a frequency-derived IDF table for
//! English, and the stop-word lists. Everything that knows how this data is stored lives here,
//! so that changing the storage (the cold-start work) touches this module only.
//!
//! `data/lexicon.txt` holds one line per word of jieba's `dict.txt` ∪ `idf.txt`, sorted by the
//! word's UTF-8 bytes: `word freq tag idf`, where the first three fields are exactly jieba's
//! dictionary line (`freq` 0 and tag `-` for words only in the IDF table; idf `-` for words only
//! in the dictionary). `tools/build_data.py` regenerates it.

use std::collections::HashSet;
use std::fmt::Write;
use std::sync::OnceLock;

use jieba_rs::Jieba;

const LEXICON_TXT: &str = include_str!("../data/lexicon.txt");
const IDF_EN_TXT: &str = include_str!("../data/idf-en.txt");
const STOP_WORDS_ZH_TXT: &str = include_str!("../data/stopwords-zh.txt");
const STOP_WORDS_EN_TXT: &str = include_str!("../data/stopwords-en.txt");

/// Σ freq over jieba's full dictionary. A per-article dictionary keeps this total (through one
/// filler entry) so that every word's log-probability, and so the segmentation, is unchanged.
pub const DICT_TOTAL_FREQ: u64 = 60_101_964;
/// The median of jieba's IDF table: jieba's own default for a word the table lacks.
pub const MEDIAN_IDF_ZH: f64 = 11.9548;
/// A private-use character: it never occurs in real text, so the filler entry never matches.
const FILLER_WORD: char = '\u{E000}';

/// One line of the lexicon.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry<'a> {
    pub word: &'a str,
    /// jieba's dictionary frequency; 0 when the word is only in the IDF table.
    pub freq: u64,
    pub tag: &'a str,
    pub idf: Option<f64>,
}

/// A table of lines sorted by their first field, searchable without building a map.
struct SortedLines {
    text: &'static str,
    /// Byte offset where each line starts.
    starts: Vec<u32>,
}

impl SortedLines {
    fn new(text: &'static str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 16);
        let mut at = 0usize;
        for line in text.split_inclusive('\n') {
            if !line.trim().is_empty() {
                starts.push(at as u32);
            }
            at += line.len();
        }
        SortedLines { text, starts }
    }

    fn len(&self) -> usize {
        self.starts.len()
    }

    fn line(&self, i: usize) -> &'static str {
        let start = self.starts[i] as usize;
        let rest = &self.text[start..];
        rest.split('\n').next().unwrap_or(rest)
    }

    fn key(&self, i: usize) -> &'static str {
        self.line(i).split(' ').next().unwrap_or("")
    }

    fn find(&self, word: &str) -> Option<&'static str> {
        self.starts
            .binary_search_by(|&start| {
                let rest = &self.text[start as usize..];
                let key = rest.split([' ', '\n']).next().unwrap_or(rest);
                key.as_bytes().cmp(word.as_bytes())
            })
            .ok()
            .map(|i| self.line(i))
    }

    /// Indices of the lines whose key starts with `prefix` (one contiguous block, as sorted).
    fn block(&self, prefix: &str) -> std::ops::Range<usize> {
        let first = self.starts.partition_point(|&start| {
            self.text.as_bytes()[start as usize..]
                .cmp(prefix.as_bytes())
                .is_lt()
        });
        let mut last = first;
        while last < self.len() && self.key(last).starts_with(prefix) {
            last += 1;
        }
        first..last
    }
}

/// Chinese words: segmentation dictionary and IDF.
pub struct Lexicon {
    lines: SortedLines,
}

fn parse_entry(line: &str) -> Entry<'_> {
    let mut fields = line.split(' ');
    let word = fields.next().unwrap_or("");
    let freq = fields.next().and_then(|f| f.parse().ok()).unwrap_or(0);
    let tag = fields.next().unwrap_or("");
    let idf = fields.next().and_then(|f| f.parse().ok());
    Entry { word, freq, tag, idf }
}

impl Lexicon {
    /// The lexicon built into the crate, indexed on first use.
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon {
            lines: SortedLines::new(LEXICON_TXT),
        })
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.len() == 0
    }

    pub fn entry(&self, word: &str) -> Option<Entry<'static>> {
        self.lines.find(word).map(parse_entry)
    }

    pub fn entries(&self) -> impl Iterator<Item = Entry<'static>> + '_ {
        (0..self.lines.len()).map(|i| parse_entry(self.lines.line(i)))
    }

    /// jieba's IDF of `word`, or the table's median for a word it lacks (as jieba does).
    pub fn idf(&self, word: &str) -> f64 {
        self.entry(word).and_then(|e| e.idf).unwrap_or(MEDIAN_IDF_ZH)
    }

    /// A segmenter that cuts `text` exactly as one with jieba's full dictionary would, built from
    /// only the dictionary words that can occur in it: a word can match only where every one of
    /// its characters occurs in the text. The dropped words' frequencies go to one filler entry
    /// so that the total, and with it every word's probability, stays the same.
    pub fn segmenter_for(&self, text: &str) -> Jieba {
        let chars: HashSet<char> = text.chars().collect();
        let mut dict = String::new();
        let mut kept_total = 0u64;
        let mut utf8 = [0u8; 4];
        for &c in &chars {
            for i in self.lines.block(c.encode_utf8(&mut utf8)) {
                let line = self.lines.line(i);
                let entry = parse_entry(line);
                if entry.freq > 0 && entry.word.chars().all(|w| chars.contains(&w)) {
                    kept_total += entry.freq;
                    let _ = writeln!(dict, "{} {} {}", entry.word, entry.freq, entry.tag);
                }
            }
        }
        let filler = DICT_TOTAL_FREQ.saturating_sub(kept_total);
        if filler > 0 {
            let _ = writeln!(dict, "{FILLER_WORD} {filler} x");
        }
        // Every line above is `word integer tag`, which is all that `with_dict` can reject.
        Jieba::with_dict(&mut dict.as_bytes()).unwrap_or_else(|_| Jieba::empty())
    }
}

/// English IDF, derived from word frequencies (see NOTICE for the source).
pub struct EnglishIdf {
    lines: SortedLines,
    unknown: f64,
}

impl EnglishIdf {
    pub fn builtin() -> &'static EnglishIdf {
        static IDF: OnceLock<EnglishIdf> = OnceLock::new();
        IDF.get_or_init(|| {
            let lines = SortedLines::new(IDF_EN_TXT);
            // A word outside the table is rarer than every word in it.
            let unknown = (0..lines.len())
                .filter_map(|i| lines.line(i).split(' ').nth(1)?.parse::<f64>().ok())
                .fold(0.0, f64::max);
            EnglishIdf { lines, unknown }
        })
    }

    /// The IDF of a lower-cased English word.
    pub fn idf(&self, word: &str) -> f64 {
        self.lines
            .find(word)
            .and_then(|line| line.split(' ').nth(1)?.parse().ok())
            .unwrap_or(self.unknown)
    }
}

/// Indexes the built-in tables now rather than during the first summary.
pub fn warm_up() {
    Lexicon::builtin();
    EnglishIdf::builtin();
    StopWords::builtin();
}

/// Words that carry no topic, in both languages.
pub struct StopWords {
    words: HashSet<String>,
}

impl StopWords {
    pub fn builtin() -> StopWords {
        static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
        let words = WORDS.get_or_init(|| {
            STOP_WORDS_ZH_TXT
                .lines()
                .chain(STOP_WORDS_EN_TXT.lines())
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect()
        });
        StopWords { words: words.clone() }
    }

    /// Adds the user's own stop words (compared lower-cased).
    pub fn extend<I: IntoIterator<Item = S>, S: AsRef<str>>(&mut self, words: I) {
        self.words.extend(
            words
                .into_iter()
                .map(|w| w.as_ref().trim().to_lowercase())
                .filter(|w| !w.is_empty()),
        );
    }

    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_match_the_data() {
        let lexicon = Lexicon::builtin();
        let total: u64 = lexicon.entries().map(|e| e.freq).sum();
        assert_eq!(total, DICT_TOTAL_FREQ);
        let mut idfs: Vec<f64> = lexicon.entries().filter_map(|e| e.idf).collect();
        idfs.sort_by(f64::total_cmp);
        let n = idfs.len();
        let median = if n % 2 == 1 {
            idfs[n / 2]
        } else {
            (idfs[n / 2 - 1] + idfs[n / 2]) / 2.0
        };
        assert!((median - MEDIAN_IDF_ZH).abs() < 1e-3, "median {median}");
    }

    #[test]
    fn lexicon_is_sorted_and_searchable() {
        let lexicon = Lexicon::builtin();
        assert!(lexicon.len() > 300_000);
        let words: Vec<&str> = lexicon.entries().map(|e| e.word).collect();
        assert!(words.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()));
        let e = lexicon
            .entry("人工智能")
            .expect("人工智能 is in jieba's dictionary");
        assert!(e.freq > 0 && e.idf.is_some());
        assert!(lexicon.entry("不存在的词语abc").is_none());
        assert_eq!(lexicon.idf("不存在的词语abc"), MEDIAN_IDF_ZH);
        assert!(lexicon.idf("人工智能") > lexicon.idf("我们"));
    }

    #[test]
    fn per_article_segmenter_cuts_like_the_full_dictionary() {
        let full_dict: String = Lexicon::builtin()
            .entries()
            .filter(|e| e.freq > 0)
            .map(|e| format!("{} {} {}\n", e.word, e.freq, e.tag))
            .collect();
        let full = Jieba::with_dict(&mut full_dict.as_bytes()).unwrap();
        for text in [
            "我们中出了一个叛徒",
            "上海市徐汇区正在建设人工智能产业集群，吸引了大批科学家和创业者。",
            "南京市长江大桥于1968年建成通车。iPhone和T恤都卖光了！",
            "結巴中文斷詞用於繁體中文也可以。",
        ] {
            let subset = Lexicon::builtin().segmenter_for(text);
            let words = |j: &Jieba| j.cut(text, true).iter().map(|t| t.word).collect::<Vec<_>>();
            assert_eq!(words(&subset), words(&full), "{text}");
        }
    }

    #[test]
    fn english_idf_ranks_rare_words_higher() {
        let idf = EnglishIdf::builtin();
        assert!(idf.idf("the") < idf.idf("president"));
        assert!(idf.idf("president") < idf.idf("lamb"));
        assert!(idf.idf("zzqxjw") >= idf.idf("lamb"));
    }

    #[test]
    fn stop_words_cover_both_languages_and_user_words() {
        let mut stop = StopWords::builtin();
        assert!(stop.contains("的") && stop.contains("the"));
        assert!(!stop.contains("人工智能"));
        stop.extend(["  Widget "]);
        assert!(stop.contains("widget"));
    }
}
