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
//! ([`crate::script`]): an article's characters, and the stop words, are taken in those forms.

use std::sync::{Arc, Mutex, OnceLock};

use jieba_rs::Jieba;

use crate::script;

// The tables' format and their encoder: public only with the `pack` feature, for
// `examples/pack_lexicon.rs`; not part of the library's API.
#[cfg(feature = "pack")]
pub mod pack;
// Without the feature the encoder runs only in tests.
#[cfg(not(feature = "pack"))]
#[cfg_attr(not(test), allow(dead_code))]
mod pack;

const LEXICON_BIN: &[u8] = include_bytes!("../data/lexicon.bin");
#[cfg(any(test, feature = "embed-english"))]
const IDF_EN_BIN: &[u8] = include_bytes!("../data/idf-en.bin");
const STOP_WORDS_ZH_TXT: &str = include_str!("../data/stopwords-zh.txt");
const STOP_WORDS_EN_TXT: &str = include_str!("../data/stopwords-en.txt");
/// The stop words of the other languages read by words, in the order of
/// [`crate::lang::OTHER_WORD_LANGUAGES`].
const STOP_WORDS_OTHER: [&str; 8] = [
    include_str!("../data/stopwords-fr.txt"),
    include_str!("../data/stopwords-de.txt"),
    include_str!("../data/stopwords-es.txt"),
    include_str!("../data/stopwords-pt.txt"),
    include_str!("../data/stopwords-it.txt"),
    include_str!("../data/stopwords-nl.txt"),
    include_str!("../data/stopwords-ru.txt"),
    include_str!("../data/stopwords-ar.txt"),
];

/// Σ freq over jieba's full dictionary. A per-article dictionary keeps this total (through one
/// filler entry) so that every word's log-probability, and so the segmentation, is unchanged.
pub const DICT_TOTAL_FREQ: u64 = 60_101_964;
/// The median of jieba's IDF table: jieba's own default for a word the table lacks.
pub const MEDIAN_IDF_ZH: f64 = 11.9548;
/// A private-use character: it never occurs in real text, so the filler entry never matches.
const FILLER_WORD: &str = "\u{E000}";

/// One word of the lexicon, decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The word as the dictionary writes it.
    pub word: String,
    /// jieba's dictionary frequency; 0 when the word is only in the IDF table.
    pub freq: u64,
    /// jieba's IDF, quantised (within [`Lexicon::idf_step`] / 2 of jieba's value).
    pub idf: Option<f64>,
}

/// Reads the sections of a binary table in order.
struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.data.len());
        let end = end.ok_or("truncated table")?;
        let bytes = &self.data[self.at..end];
        self.at = end;
        Ok(bytes)
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }

    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }

    fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().unwrap()))
    }

    fn section(&mut self) -> Result<&'a [u8], String> {
        let n = self.u32()? as usize;
        self.take(n)
    }

    fn header(&mut self, magic: &[u8; 4]) -> Result<(), String> {
        if self.take(4)? != magic || self.u32()? != pack::VERSION {
            return Err("not a table of this version".into());
        }
        Ok(())
    }
}

/// A LEB128 varint at `*at`, advancing it. The tables are checked when opened.
#[inline]
fn varint(bytes: &[u8], at: &mut usize) -> u64 {
    let mut n = 0u64;
    let mut shift = 0;
    loop {
        let Some(&b) = bytes.get(*at) else {
            return n;
        };
        *at += 1;
        n |= u64::from(b & 0x7F) << shift;
        if b < 0x80 || shift >= 56 {
            return n;
        }
        shift += 7;
    }
}

/// The words starting with one character: where they are in each stream.
#[derive(Debug, Clone, Copy)]
struct Block {
    first: char,
    entry: u32,
    suffix: u32,
    freq: u32,
}

/// Chinese words: segmentation dictionary and IDF.
pub struct Lexicon {
    alphabet: Vec<char>,
    /// Sorted by `first`, with a sentinel after the last block holding the streams' ends.
    blocks: Vec<Block>,
    /// Per entry: characters shared with the previous word (high 4 bits), characters that follow.
    lens: &'static [u8],
    suffixes: &'static [u8],
    /// Per entry: IDF code, frequency varint.
    values: &'static [u8],
    idf_min: f32,
    idf_max: f32,
    total: u64,
}

/// What a block walk hands over for each word: the ranks of the characters after the first,
/// its frequency and IDF code.
struct Visit<'a> {
    ranks: &'a [u16],
    freq: u64,
    idf: u8,
}

impl Lexicon {
    /// The lexicon built into the crate. Opening it decodes only the block directory and the
    /// alphabet.
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::open(LEXICON_BIN).expect("the built-in lexicon is valid"))
    }

    /// Opens a `lexicon.bin` table (format: `src/lexicon/pack.rs`).
    pub fn open(data: &'static [u8]) -> Result<Lexicon, String> {
        let mut r = Reader { data, at: 0 };
        r.header(pack::LEXICON_MAGIC)?;
        let entries = r.u32()? as usize;
        let block_count = r.u32()? as usize;
        let (idf_min, idf_max, total) = (r.f32()?, r.f32()?, r.u64()?);
        let alphabet = std::str::from_utf8(r.section()?).map_err(|e| e.to_string())?;
        let alphabet: Vec<char> = alphabet.chars().collect();
        let (block_chars, block_counts) = (r.section()?, r.section()?);
        let (block_suffix_bytes, block_long_freqs) = (r.section()?, r.section()?);
        let (lens, suffixes, values) = (r.section()?, r.section()?, r.section()?);
        if lens.len() != entries {
            return Err("inconsistent lexicon table".into());
        }
        let mut blocks = Vec::with_capacity(block_count + 1);
        let (mut first, mut entry, mut suffix, mut freq) = (0u32, 0u64, 0u64, 0u64);
        let mut at = [0usize; 4];
        let varint_of = |bytes: &[u8], at: &mut usize| -> Result<u64, String> {
            if bytes[*at..].iter().take(10).all(|&b| b >= 0x80) {
                return Err("truncated directory".into());
            }
            Ok(varint(bytes, at))
        };
        for _ in 0..block_count {
            first += varint_of(block_chars, &mut at[0])? as u32;
            let first = char::from_u32(first).ok_or("bad block character")?;
            blocks.push(Block {
                first,
                entry: entry as u32,
                suffix: suffix as u32,
                freq: freq as u32,
            });
            let count = varint_of(block_counts, &mut at[1])?;
            let end = entry
                .checked_add(count)
                .filter(|&e| e <= entries as u64)
                .ok_or("bad block count")?;
            // Every entry takes an IDF byte and a frequency of one byte plus its long bytes.
            suffix += varint_of(block_suffix_bytes, &mut at[2])?;
            freq += 2 * count + varint_of(block_long_freqs, &mut at[3])?;
            entry = end;
        }
        blocks.push(Block {
            first: char::MAX,
            entry: entry as u32,
            suffix: suffix as u32,
            freq: freq as u32,
        });
        let consistent = entry as usize == entries
            && suffix as usize == suffixes.len()
            && freq as usize == values.len()
            && blocks.windows(2).all(|w| w[0].first < w[1].first);
        if !consistent {
            return Err("inconsistent lexicon table".into());
        }
        Ok(Lexicon {
            alphabet,
            blocks,
            lens,
            suffixes,
            values,
            idf_min,
            idf_max,
            total,
        })
    }

    /// The number of words in the lexicon.
    pub fn len(&self) -> usize {
        self.lens.len()
    }

    /// Whether the lexicon has no word.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Σ freq over the dictionary words.
    pub fn total_freq(&self) -> u64 {
        self.total
    }

    /// The quantisation step of the stored IDF values: each is within half of it of jieba's.
    pub fn idf_step(&self) -> f64 {
        f64::from(self.idf_max - self.idf_min) / pack::IDF_STEPS
    }

    fn idf_of(&self, code: u8) -> Option<f64> {
        (code != 0).then(|| pack::dequantise(code, self.idf_min, self.idf_max))
    }

    #[inline]
    fn rank_char(&self, rank: u16) -> char {
        self.alphabet
            .get(rank as usize)
            .copied()
            .unwrap_or(char::REPLACEMENT_CHARACTER)
    }

    fn block_of(&self, first: char) -> Option<usize> {
        let blocks = &self.blocks[..self.blocks.len() - 1];
        blocks.binary_search_by(|b| b.first.cmp(&first)).ok()
    }

    /// Entry `entry`'s counts of characters shared with the previous word and of its own.
    #[inline]
    fn lengths(&self, entry: usize) -> (usize, usize) {
        let lengths = self.lens.get(entry).copied().unwrap_or(0) as usize;
        (lengths >> 4, lengths & 15)
    }

    /// The rank code at `*at`, advancing it. A malformed table yields wrong characters, not a
    /// panic: `rank_char` and the `get`s bound every read (the built-in table is checked by the
    /// tests).
    #[inline]
    fn rank_at(&self, at: &mut usize) -> usize {
        let byte = self.suffixes.get(*at).copied().unwrap_or(0) as usize;
        *at += 1;
        if byte < pack::ONE_BYTE_RANKS {
            return byte;
        }
        let low = self.suffixes.get(*at).copied().unwrap_or(0) as usize;
        *at += 1;
        pack::ONE_BYTE_RANKS + ((byte - pack::ONE_BYTE_RANKS) << 8 | low)
    }

    /// Walks block `b` word by word, in order.
    fn walk(&self, b: usize, ranks: &mut Vec<u16>, mut visit: impl FnMut(Visit)) {
        let (block, next) = (self.blocks[b], self.blocks[b + 1]);
        let (mut suffix_at, mut freq_at) = (block.suffix as usize, block.freq as usize);
        ranks.clear();
        for entry in block.entry as usize..next.entry as usize {
            let (shared, own) = self.lengths(entry);
            ranks.truncate(shared);
            for _ in 0..own {
                ranks.push(self.rank_at(&mut suffix_at) as u16);
            }
            let idf = self.values.get(freq_at).copied().unwrap_or(0);
            freq_at += 1;
            let freq = varint(self.values, &mut freq_at);
            visit(Visit { ranks, freq, idf });
        }
    }

    /// Every word of the lexicon, decoded, in order.
    pub fn entries(&self) -> Vec<Entry> {
        let mut out = Vec::with_capacity(self.len());
        let mut ranks = Vec::new();
        for b in 0..self.blocks.len() - 1 {
            let first = self.blocks[b].first;
            self.walk(b, &mut ranks, |v| {
                let mut word = String::from(first);
                word.extend(v.ranks.iter().map(|&r| self.rank_char(r)));
                out.push(Entry {
                    word,
                    freq: v.freq,
                    idf: self.idf_of(v.idf),
                });
            });
        }
        out
    }

    /// The entry of `word`, found by walking its first character's block.
    pub fn entry(&self, word: &str) -> Option<Entry> {
        let mut chars = word.chars();
        let b = self.block_of(chars.next()?)?;
        let rest: Vec<char> = chars.collect();
        let mut found = None;
        let mut ranks = Vec::new();
        self.walk(b, &mut ranks, |v| {
            if found.is_none()
                && v.ranks.len() == rest.len()
                && v.ranks.iter().zip(&rest).all(|(&r, &c)| self.rank_char(r) == c)
            {
                found = Some(Entry {
                    word: word.to_string(),
                    freq: v.freq,
                    idf: self.idf_of(v.idf),
                });
            }
        });
        found
    }

    /// jieba's IDF of `word` (quantised), or the table's median for a word it lacks (as jieba
    /// does). For many words of one text, [`ArticleLexicon::idf`] is much faster.
    pub fn idf(&self, word: &str) -> f64 {
        self.entry(word).and_then(|e| e.idf).unwrap_or(MEDIAN_IDF_ZH)
    }

    /// A segmenter that cuts `text` exactly as one with jieba's full dictionary would (see
    /// [`Lexicon::for_article`]).
    pub fn segmenter_for(&'static self, text: &str) -> Jieba {
        self.build(CharSet::of(text), false).jieba
    }

    /// A segmenter with every word of jieba's dictionary: what the per-article segmenters are
    /// exact against. Building it takes about a second; it is for tests and benchmarks.
    pub fn full_segmenter(&self) -> Jieba {
        let dict: String = self
            .entries()
            .iter()
            .filter(|e| e.freq > 0)
            .map(|e| format!("{} {}\n", e.word, e.freq))
            .collect();
        Jieba::with_dict(&mut dict.as_bytes()).expect("the lexicon's words make a valid dictionary")
    }

    /// The words that can occur in `text`, as a segmenter and an IDF table. A word can match
    /// only where it occurs in the text, so only where every one of its characters, and every
    /// pair of adjacent characters, occurs in the text: the segmenter holds only those words.
    /// The dropped words' frequencies go to one filler entry so that the total, and with it
    /// every word's probability, stays the same, and it cuts `text` (or any text made of the same
    /// characters and character pairs) exactly as one with jieba's full dictionary would.
    pub fn for_article(&'static self, text: &str) -> ArticleLexicon {
        self.build(CharSet::of(text), true)
    }

    fn build(&'static self, chars: CharSet, with_idf: bool) -> ArticleLexicon {
        let mut builder = ArticleBuilder {
            allowed: self.alphabet.iter().map(|&c| chars.contains(c)).collect(),
            chars: &chars,
            with_idf,
            jieba: Jieba::empty(),
            kept_total: 0,
            words: String::new(),
            ends: Vec::new(),
            idfs: Vec::new(),
            word: String::new(),
            lens: Vec::new(),
        };
        let last_followers = chars.last_followers();
        for first in chars.iter() {
            if let Some(b) = self.block_of(first) {
                let last_follower = last_followers.get(first as usize).copied().unwrap_or(char::MAX);
                builder.add_block(self, b, last_follower);
            }
        }
        let ArticleBuilder {
            mut jieba,
            kept_total,
            words,
            ends,
            idfs,
            ..
        } = builder;
        let filler = self.total.saturating_sub(kept_total);
        if filler > 0 {
            jieba.add_word(FILLER_WORD, Some(filler as usize), Some("x"));
        }
        ArticleLexicon {
            jieba,
            lexicon: self,
            chars,
            words,
            ends,
            idfs,
        }
    }
}

/// Collects an article's words, block by block.
struct ArticleBuilder<'c> {
    /// Per alphabet rank: whether the character occurs in the text.
    allowed: Vec<bool>,
    chars: &'c CharSet,
    with_idf: bool,
    jieba: Jieba,
    kept_total: u64,
    words: String,
    ends: Vec<u32>,
    idfs: Vec<u8>,
    /// The current word, as far as its characters occur in the text, each after a character it
    /// follows in the text; and its byte length after each of its characters but the first.
    word: String,
    lens: Vec<usize>,
}

impl ArticleBuilder<'_> {
    /// Adds the words of block `b` that can occur in the text. Most words fail at their second
    /// character; the words after one that share the failing character fail too, and are skipped
    /// without decoding them. (One call per block, not one loop over all of them: a browser
    /// optimises a wasm function between calls, never during one, so the first article would
    /// otherwise be walked by baseline code.)
    ///
    /// A block's words are in code point order, so their second characters never decrease:
    /// once one is past `last_follower`, the greatest character that follows the block's in the
    /// text (U+0000 if none does, `char::MAX` if not known), no word left in the block can occur.
    #[inline(never)]
    fn add_block(&mut self, lexicon: &Lexicon, b: usize, last_follower: char) {
        let (block, next) = (lexicon.blocks[b], lexicon.blocks[b + 1]);
        let (mut suffix_at, mut value_at) = (block.suffix as usize, block.freq as usize);
        let first = block.first;
        let first_len = first.len_utf8();
        self.word.clear();
        self.word.push(first);
        self.lens.clear();
        for entry in block.entry as usize..next.entry as usize {
            let (shared, own) = lexicon.lengths(entry);
            // Whether the word fails: it shares a character that failed, or one of its own
            // fails. Its remaining rank codes are skipped either way.
            let mut failed = shared > self.lens.len();
            let mut left = own;
            if !failed {
                self.lens.truncate(shared);
                self.word.truncate(self.lens.last().copied().unwrap_or(first_len));
                while left > 0 {
                    left -= 1;
                    let rank = lexicon.rank_at(&mut suffix_at);
                    let c = lexicon.rank_char(rank as u16);
                    if self.lens.is_empty() && c > last_follower {
                        return;
                    }
                    let previous = self.word.chars().next_back().unwrap_or(first);
                    if !(self.allowed.get(rank).copied().unwrap_or(false)
                        && self.chars.contains_pair(previous, c))
                    {
                        failed = true;
                        break;
                    }
                    self.word.push(c);
                    self.lens.push(self.word.len());
                }
            }
            for _ in 0..left {
                lexicon.rank_at(&mut suffix_at);
            }
            let idf = lexicon.values.get(value_at).copied().unwrap_or(0);
            value_at += 1;
            let freq = varint(lexicon.values, &mut value_at);
            if failed {
                continue;
            }
            if freq > 0 {
                self.kept_total += freq;
                self.jieba.add_word(&self.word, Some(freq as usize), None);
            }
            if self.with_idf && idf != 0 {
                self.words.push_str(&self.word);
                self.ends.push(self.words.len() as u32);
                self.idfs.push(idf);
            }
        }
    }
}

/// The characters of a text (a bitmap for the Basic Multilingual Plane, a sorted list beyond
/// it) and its pairs of adjacent characters, in their Simplified forms ([`script::simplified`]):
/// the characters jieba meets when it cuts the text's folded copy.
#[derive(Clone)]
pub struct CharSet {
    bmp: Vec<u64>,
    astral: Vec<char>,
    pairs: FxHashSet<u64>,
}

#[inline]
fn pair_key(a: char, b: char) -> u64 {
    (u64::from(a) << 21) | u64::from(b)
}

impl CharSet {
    /// The characters and adjacent pairs of `text`, and the same with its ASCII capitals in
    /// lower case (an IDF lookup lower-cases them).
    pub fn of(text: &str) -> CharSet {
        let mut set = CharSet {
            bmp: vec![0; 1024],
            astral: Vec::new(),
            pairs: FxHashSet::default(),
        };
        set.pairs.reserve(text.len() / 6);
        let mut previous: Option<char> = None;
        for c in text.chars().map(script::simplified) {
            set.insert(c);
            let lower = c.to_ascii_lowercase();
            if lower != c {
                set.insert(lower);
            }
            if let Some(p) = previous {
                set.pairs.insert(pair_key(p, c));
                let p_lower = p.to_ascii_lowercase();
                if p_lower != p || lower != c {
                    set.pairs.insert(pair_key(p_lower, lower));
                }
            }
            previous = Some(c);
        }
        set.astral.sort_unstable();
        set.astral.dedup();
        set
    }

    #[inline]
    fn insert(&mut self, c: char) {
        let i = c as usize;
        match self.bmp.get_mut(i >> 6) {
            Some(bits) => *bits |= 1 << (i & 63),
            None => self.astral.push(c),
        }
    }

    /// Whether `c` occurs in the text (as read in Simplified characters).
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let i = c as usize;
        match self.bmp.get(i >> 6) {
            Some(bits) => bits & (1 << (i & 63)) != 0,
            None => self.astral.binary_search(&c).is_ok(),
        }
    }

    /// Whether `a` directly followed by `b` occurs in the text (as read in Simplified characters).
    #[inline]
    pub fn contains_pair(&self, a: char, b: char) -> bool {
        self.pairs.contains(&pair_key(a, b))
    }

    /// For each character of the Basic Multilingual Plane, the greatest character that follows
    /// it in the text, or U+0000 if none does.
    fn last_followers(&self) -> Vec<char> {
        let mut last = vec!['\0'; 0x1_0000];
        for &pair in &self.pairs {
            let first = (pair >> 21) as usize;
            let second = char::from_u32((pair & 0x1F_FFFF) as u32).unwrap_or(char::MAX);
            if let Some(slot) = last.get_mut(first) {
                *slot = (*slot).max(second);
            }
        }
        last
    }

    /// Whether `word`'s characters and adjacent pairs are all here.
    pub fn contains_word(&self, word: &str) -> bool {
        let mut previous = None;
        word.chars().all(|c| {
            let ok = self.contains(c) && previous.is_none_or(|p| self.contains_pair(p, c));
            previous = Some(c);
            ok
        })
    }

    /// Whether every character and adjacent pair of `text` (and of its ASCII capitals in lower
    /// case), in Simplified forms, is here: then a lexicon built for this set is exact for `text`
    /// too.
    pub fn covers(&self, text: &str) -> bool {
        let mut previous: Option<char> = None;
        let pairs_ok = text.chars().map(script::simplified).all(|c| {
            let ok = previous.is_none_or(|p| {
                self.contains_pair(p, c) && self.contains_pair(p.to_ascii_lowercase(), c.to_ascii_lowercase())
            });
            previous = Some(c);
            ok
        });
        pairs_ok && self.covers_chars(text)
    }

    fn covers_chars(&self, text: &str) -> bool {
        text.chars()
            .map(script::simplified)
            .all(|c| self.contains(c) && (!c.is_ascii_uppercase() || self.contains(c.to_ascii_lowercase())))
    }

    /// The characters in code point order.
    pub fn iter(&self) -> impl Iterator<Item = char> + '_ {
        let bmp = self.bmp.iter().enumerate().flat_map(|(i, &bits)| {
            let mut bits = bits;
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let bit = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    i * 64 + bit
                })
            })
        });
        bmp.filter_map(|c| char::from_u32(c as u32))
            .chain(self.astral.iter().copied())
    }

    /// The number of distinct characters in the set.
    pub fn len(&self) -> usize {
        self.bmp.iter().map(|b| b.count_ones() as usize).sum::<usize>() + self.astral.len()
    }

    /// Whether the set has no character.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The lexicon of one article: a jieba segmenter exact for the article's characters and the IDF
/// of every word made of them.
pub struct ArticleLexicon {
    jieba: Jieba,
    lexicon: &'static Lexicon,
    chars: CharSet,
    /// The words with an IDF, concatenated in code point order; `ends` marks where each ends.
    words: String,
    ends: Vec<u32>,
    idfs: Vec<u8>,
}

impl ArticleLexicon {
    /// The jieba segmenter exact for the article's characters.
    pub fn segmenter(&self) -> &Jieba {
        &self.jieba
    }

    /// Whether this lexicon is exact for `text`: every character of it was in the article.
    pub fn covers(&self, text: &str) -> bool {
        self.chars.covers(text)
    }

    fn word(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.words[start..self.ends[i] as usize]
    }

    /// The same value as [`Lexicon::idf`]: a binary search among this article's words, or the
    /// whole lexicon's answer for a word with a character from outside the article.
    pub fn idf(&self, word: &str) -> f64 {
        let found = binary_search(self.ends.len(), |i| self.word(i).as_bytes().cmp(word.as_bytes()));
        match found {
            Some(i) => pack::dequantise(self.idfs[i], self.lexicon.idf_min, self.lexicon.idf_max),
            None if self.chars.contains_word(word) => MEDIAN_IDF_ZH,
            None => self.lexicon.idf(word),
        }
    }
}

fn binary_search(len: usize, cmp: impl Fn(usize) -> std::cmp::Ordering) -> Option<usize> {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match cmp(mid) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

/// The last article's lexicon, reused for the next text when it is made of the same characters
/// (the segmenter stays exact for it), so that re-summarising a text costs no dictionary work.
#[derive(Default)]
pub struct ArticleCache {
    /// The last text and its lexicon.
    last: Mutex<Option<(String, Arc<ArticleLexicon>)>>,
}

impl ArticleCache {
    /// The lexicon for `text`: the cached one if it covers `text`, else a new one, passed to
    /// `prepare` (to add user words) before it is cached.
    pub fn get(&self, text: &str, prepare: impl FnOnce(&mut Jieba)) -> Arc<ArticleLexicon> {
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, cached)) = last.as_ref().filter(|(t, a)| t == text || a.covers(text)) {
            return Arc::clone(cached);
        }
        // Drop the old one first: two large dictionaries need not be alive at once.
        *last = None;
        let mut article = Lexicon::builtin().for_article(text);
        prepare(&mut article.jieba);
        let article = Arc::new(article);
        *last = Some((text.to_string(), Arc::clone(&article)));
        article
    }

    /// Forgets the cached lexicon (after the user's dictionary changed).
    pub fn clear(&mut self) {
        *self.last.get_mut().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

/// English IDF, derived from word frequencies (see NOTICE for the source).
static ENGLISH: OnceLock<EnglishIdf> = OnceLock::new();

/// One IDF for every English word, until a table is installed: the median of the real table.
#[cfg(not(feature = "embed-english"))]
static FLAT_ENGLISH: EnglishIdf = EnglishIdf {
    words: String::new(),
    ends: Vec::new(),
    idfs: Vec::new(),
    idf_min: 0.0,
    idf_max: 0.0,
    unknown: 7.9,
};

/// The English IDF table: lower-cased words, sorted, each with its quantised IDF.
pub struct EnglishIdf {
    words: String,
    ends: Vec<u32>,
    idfs: Vec<u8>,
    idf_min: f32,
    idf_max: f32,
    unknown: f64,
}

impl EnglishIdf {
    /// The English table: built in (feature `embed-english`, on by default; decoded on first
    /// use, about 60k words), or installed at run time with [`EnglishIdf::install`]. Without
    /// either, every English word gets the same IDF: English text is still summarised, with
    /// words weighed by their frequency in the article alone.
    pub fn builtin() -> &'static EnglishIdf {
        #[cfg(feature = "embed-english")]
        return ENGLISH
            .get_or_init(|| EnglishIdf::open(IDF_EN_BIN).expect("the built-in English table is valid"));
        #[cfg(not(feature = "embed-english"))]
        return ENGLISH.get().unwrap_or(&FLAT_ENGLISH);
    }

    /// Installs an `idf-en.bin` table for [`EnglishIdf::builtin`] to return from now on. Does
    /// nothing if a table is already there.
    pub fn install(data: &[u8]) -> Result<(), String> {
        if ENGLISH.get().is_none() {
            let _ = ENGLISH.set(EnglishIdf::open(data)?);
        }
        Ok(())
    }

    /// Whether [`EnglishIdf::builtin`] has a real table rather than one IDF for every word.
    pub fn available() -> bool {
        cfg!(feature = "embed-english") || ENGLISH.get().is_some()
    }

    /// Decodes an `idf-en.bin` table (format: `src/lexicon/pack.rs`).
    pub fn open(data: &[u8]) -> Result<EnglishIdf, String> {
        let mut r = Reader { data, at: 0 };
        r.header(pack::ENGLISH_MAGIC)?;
        let n = r.u32()? as usize;
        let (idf_min, idf_max) = (r.f32()?, r.f32()?);
        let (lens, suffixes, idfs) = (r.section()?, r.section()?, r.section()?);
        if lens.len() != 2 * n || idfs.len() != n || idfs.contains(&0) {
            return Err("inconsistent English table".into());
        }
        let mut words = Vec::with_capacity(n * 8);
        let mut ends = Vec::with_capacity(n);
        let (mut previous, mut at) = (0usize, 0usize);
        for i in 0..n {
            let (shared, len) = (lens[2 * i] as usize, lens[2 * i + 1] as usize);
            if shared > words.len() - previous || at + len > suffixes.len() {
                return Err("inconsistent English table".into());
            }
            let start = words.len();
            words.extend_from_within(previous..previous + shared);
            words.extend_from_slice(&suffixes[at..at + len]);
            at += len;
            previous = start;
            ends.push(words.len() as u32);
        }
        let words = String::from_utf8(words).map_err(|e| e.to_string())?;
        let unknown = idfs
            .iter()
            .max()
            .map_or(0.0, |&c| pack::dequantise(c, idf_min, idf_max));
        Ok(EnglishIdf {
            words,
            ends,
            idfs: idfs.to_vec(),
            idf_min,
            idf_max,
            unknown,
        })
    }

    /// Bytes, not a `&str`: a table installed at run time is only checked to be UTF-8 as a
    /// whole, so a word's ends need not be character boundaries, and slicing a `str` there
    /// would panic.
    fn word(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.words.as_bytes()[start..self.ends[i] as usize]
    }

    /// The IDF of a lower-cased English word; a word outside the table is rarer than every word
    /// in it.
    pub fn idf(&self, word: &str) -> f64 {
        binary_search(self.ends.len(), |i| self.word(i).cmp(word.as_bytes())).map_or(self.unknown, |i| {
            pack::dequantise(self.idfs[i], self.idf_min, self.idf_max)
        })
    }
}

// Tables keyed by short words that no adversary chooses the layout of: FxHash is several times
// faster than the default SipHash per lookup.
pub use rustc_hash::{FxHashMap, FxHashSet};

/// Words that carry no topic, in both languages. Chinese words are compared in Simplified
/// characters ([`script::fold`]), so a list in either script applies to both.
#[derive(Clone)]
pub struct StopWords {
    /// The built-in lists, shared: a summary need not copy them.
    builtin: Arc<FxHashSet<&'static str>>,
    /// The user's own, lower-cased.
    user: FxHashSet<String>,
}

impl StopWords {
    /// The built-in Chinese and English lists, with no words of the user's.
    pub fn builtin() -> StopWords {
        static WORDS: OnceLock<Arc<FxHashSet<&'static str>>> = OnceLock::new();
        let words = WORDS.get_or_init(|| {
            Arc::new(
                STOP_WORDS_ZH_TXT
                    .lines()
                    .chain(STOP_WORDS_EN_TXT.lines())
                    .map(str::trim)
                    .filter(|w| !w.is_empty())
                    .collect(),
            )
        });
        StopWords {
            builtin: Arc::clone(words),
            user: FxHashSet::default(),
        }
    }

    /// Adds the user's own stop words (compared lower-cased, in Simplified characters).
    pub fn extend<I: IntoIterator<Item = S>, S: AsRef<str>>(&mut self, words: I) {
        self.user.extend(
            words
                .into_iter()
                .map(|w| script::fold(w.as_ref().trim()).to_lowercase())
                .filter(|w| !w.is_empty()),
        );
    }

    /// The stop words of a language read by words other than English (lower case), which apply
    /// to a text in that language only: German "die" and "war" are English words.
    pub fn of_language(lang: crate::lang::Lang) -> Option<&'static FxHashSet<&'static str>> {
        static LISTS: OnceLock<Vec<FxHashSet<&'static str>>> = OnceLock::new();
        let i = crate::lang::OTHER_WORD_LANGUAGES
            .iter()
            .position(|&l| l == lang)?;
        let lists = LISTS.get_or_init(|| {
            STOP_WORDS_OTHER
                .iter()
                .map(|list| list.lines().map(str::trim).filter(|w| !w.is_empty()).collect())
                .collect()
        });
        lists.get(i)
    }

    /// Whether `word` (lower case) is a stop word, in whichever script it is written.
    pub fn contains(&self, word: &str) -> bool {
        let word = script::fold(word);
        self.builtin.contains(word.as_ref()) || (!self.user.is_empty() && self.user.contains(word.as_ref()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest_file(name: &str) -> String {
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

    #[test]
    fn constants_match_the_data() {
        let lexicon = Lexicon::builtin();
        assert_eq!(lexicon.total_freq(), DICT_TOTAL_FREQ);
        let entries = lexicon.entries();
        assert_eq!(entries.iter().map(|e| e.freq).sum::<u64>(), DICT_TOTAL_FREQ);
        let mut idfs: Vec<f64> = entries.iter().filter_map(|e| e.idf).collect();
        idfs.sort_by(f64::total_cmp);
        let n = idfs.len();
        let median = if n % 2 == 1 {
            idfs[n / 2]
        } else {
            (idfs[n / 2 - 1] + idfs[n / 2]) / 2.0
        };
        assert!(
            (median - MEDIAN_IDF_ZH).abs() <= lexicon.idf_step(),
            "median {median}"
        );
    }

    #[test]
    fn lexicon_is_sorted_and_searchable() {
        let lexicon = Lexicon::builtin();
        assert!(lexicon.len() > 300_000);
        let entries = lexicon.entries();
        assert!(entries
            .windows(2)
            .all(|w| w[0].word.as_bytes() < w[1].word.as_bytes()));
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
        let full = Lexicon::builtin().full_segmenter();
        for text in [
            "我们中出了一个叛徒",
            "上海市徐汇区正在建设人工智能产业集群，吸引了大批科学家和创业者。",
            "南京市长江大桥于1968年建成通车。iPhone和T恤都卖光了！",
            "結巴中文斷詞用於繁體中文也可以。",
            "青溪市圖書館將在明年春天開放夜間閱覽室，對於上班族來說是好消息。",
            "圖書館和图书馆混在一起：後天開放，后天开放。",
            "𠀀𠀁 emoji 😀 和汉字混在一起",
        ] {
            let subset = Lexicon::builtin().segmenter_for(text);
            let article = Lexicon::builtin().for_article(text);
            // What jieba cuts is the text in Simplified characters (the same text for all but the
            // Traditional one).
            let folded = script::fold(text);
            let words = |j: &Jieba| j.cut(&folded, true).iter().map(|t| t.word).collect::<Vec<_>>();
            assert_eq!(words(&subset), words(&full), "{text}");
            assert_eq!(words(article.segmenter()), words(&full), "{text}");
        }
    }

    #[test]
    fn article_lexicon_holds_exactly_the_words_made_of_its_text() {
        // Checks the block walk's skipping against the definition, word by word.
        let entries = Lexicon::builtin().entries();
        for (text, least) in [
            (crate::EXAMPLE_ZH, 100),
            (crate::EXAMPLE_EN, 0),
            ("南京市长江大桥于1968年建成通车。iPhone和T恤都卖光了！𠀀𠀁😀", 10),
            (
                "青溪市圖書館將在明年春天開放夜間閱覽室，對於上班族來說是好消息。",
                10,
            ),
        ] {
            let article = Lexicon::builtin().for_article(text);
            let chars = CharSet::of(text);
            let mut idf_words = Vec::new();
            for entry in &entries {
                let expected = chars.contains_word(&entry.word);
                if entry.freq > 0 {
                    assert_eq!(
                        article.segmenter().has_word(&entry.word),
                        expected,
                        "{}",
                        entry.word
                    );
                }
                if expected && entry.idf.is_some() {
                    idf_words.push(entry.word.as_str());
                }
            }
            let kept: Vec<&str> = (0..article.ends.len()).map(|i| article.word(i)).collect();
            assert_eq!(kept, idf_words);
            assert!(kept.len() >= least, "{} words", kept.len());
        }
    }

    #[test]
    fn article_idf_equals_the_lexicon_idf() {
        let text = "上海市徐汇区正在建设人工智能产业集群。iPhone和T恤都卖光了！";
        let article = Lexicon::builtin().for_article(text);
        assert!(article.covers("人工智能") && !article.covers("叛徒"));
        for word in [
            "人工智能",
            "产业集群",
            "t恤",
            "徐汇区",
            "上海市",
            "卖光",
            "叛徒",
            "了",
            "不存在的词",
        ] {
            assert_eq!(article.idf(word), Lexicon::builtin().idf(word), "{word}");
        }
    }

    #[test]
    fn cache_reuses_a_covering_lexicon() {
        let cache = ArticleCache::default();
        let a = cache.get("人工智能产业", |_| {});
        let b = cache.get("智能产业", |_| {});
        assert!(Arc::ptr_eq(&a, &b));
        let c = cache.get("人工智能产业集群", |_| {});
        assert!(!Arc::ptr_eq(&a, &c));
    }

    #[test]
    fn char_set_iterates_in_order() {
        let set = CharSet::of("b中a😀A中");
        assert_eq!(set.iter().collect::<String>(), "Aab中😀");
        assert!(set.covers("a😀A中") && set.covers("中a") && !set.covers("B") && !set.covers("ab"));
        assert!(set.contains_word("a中") && !set.contains_word("中b"));
    }

    #[test]
    fn an_english_table_split_inside_a_character_is_read_without_panicking() {
        // Two one-byte words whose bytes together make "é": valid UTF-8 as a whole, but neither
        // word ends on a character boundary.
        let mut table = pack::english_bin("a 1.0\nb 2.0\n").unwrap();
        let at = table
            .windows(2)
            .rposition(|w| w == b"ab")
            .expect("the suffix bytes");
        table[at..at + 2].copy_from_slice("é".as_bytes());
        let idf = EnglishIdf::open(&table).expect("a whole-UTF-8 table opens");
        assert_eq!(idf.idf("é"), idf.unknown);
        assert_eq!(idf.idf("zebra"), idf.unknown);
    }

    #[test]
    fn english_idf_ranks_rare_words_higher() {
        let idf = EnglishIdf::builtin();
        assert!(idf.idf("the") < idf.idf("president"));
        assert!(idf.idf("president") < idf.idf("lamb"));
        assert!(idf.idf("zzqxjw") >= idf.idf("lamb"));
    }

    #[test]
    fn other_languages_have_their_own_stop_words() {
        use crate::lang::Lang;
        let fr = StopWords::of_language(Lang::Fr).unwrap();
        assert!(fr.contains("les") && fr.contains("qui") && !fr.contains("bibliothèque"));
        assert!(StopWords::of_language(Lang::De).unwrap().contains("und"));
        assert!(StopWords::of_language(Lang::Pt).unwrap().contains("não"));
        assert!(StopWords::of_language(Lang::En).is_none());
        assert!(
            !StopWords::builtin().contains("die"),
            "German stop words stay out of English"
        );
    }

    #[test]
    fn stop_words_in_either_script_apply_to_both() {
        let mut stop = StopWords::builtin();
        assert!(stop.contains("還是") && stop.contains("对于") && stop.contains("對於"));
        stop.extend(["圖書館", "咖啡馆"]);
        assert!(stop.contains("图书馆") && stop.contains("圖書館"));
        assert!(stop.contains("咖啡館") && stop.contains("咖啡馆"));
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
