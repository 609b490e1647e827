//! The Chinese lexicon: jieba's dictionary and IDF table, opened from `data/lexicon.bin` by its
//! block directory, with word lookups and the full segmenter.

use std::sync::OnceLock;

use jieba_rs::Jieba;

use super::format::{varint, Reader};
use super::pack;

pub(super) const LEXICON_BIN: &[u8] = include_bytes!("../../data/lexicon.bin");

/// Σ freq over jieba's full dictionary. A per-article dictionary keeps this total (through one
/// filler entry) so that every word's log-probability, and so the segmentation, is unchanged.
pub const DICT_TOTAL_FREQ: u64 = 60_101_964;
/// The median of jieba's IDF table: jieba's own default for a word the table lacks.
pub const MEDIAN_IDF_ZH: f64 = 11.9548;

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

/// The words starting with one character: where they are in each stream.
#[derive(Debug, Clone, Copy)]
pub(super) struct Block {
    pub(super) first: char,
    pub(super) entry: u32,
    pub(super) suffix: u32,
    pub(super) freq: u32,
}

/// Chinese words: segmentation dictionary and IDF.
pub struct Lexicon {
    pub(super) alphabet: Vec<char>,
    /// Sorted by `first`, with a sentinel after the last block holding the streams' ends.
    pub(super) blocks: Vec<Block>,
    /// Per entry: characters shared with the previous word (high 4 bits), characters that follow.
    pub(super) lens: &'static [u8],
    pub(super) suffixes: &'static [u8],
    /// Per entry: IDF code, frequency varint.
    pub(super) values: &'static [u8],
    pub(super) idf_min: f32,
    pub(super) idf_max: f32,
    pub(super) total: u64,
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
    pub(super) fn rank_char(&self, rank: u16) -> char {
        self.alphabet
            .get(rank as usize)
            .copied()
            .unwrap_or(char::REPLACEMENT_CHARACTER)
    }

    pub(super) fn block_of(&self, first: char) -> Option<usize> {
        let blocks = &self.blocks[..self.blocks.len() - 1];
        blocks.binary_search_by(|b| b.first.cmp(&first)).ok()
    }

    /// Entry `entry`'s counts of characters shared with the previous word and of its own.
    #[inline]
    pub(super) fn lengths(&self, entry: usize) -> (usize, usize) {
        let lengths = self.lens.get(entry).copied().unwrap_or(0) as usize;
        (lengths >> 4, lengths & 15)
    }

    /// The rank code at `*at`, advancing it. A malformed table yields wrong characters, not a
    /// panic: `rank_char` and the `get`s bound every read (the built-in table is checked by the
    /// tests).
    #[inline]
    pub(super) fn rank_at(&self, at: &mut usize) -> usize {
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
    /// does). For many words of one text, [`ArticleLexicon::idf`](super::ArticleLexicon::idf) is much faster.
    pub fn idf(&self, word: &str) -> f64 {
        self.entry(word).and_then(|e| e.idf).unwrap_or(MEDIAN_IDF_ZH)
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
