//! The binary word tables and the encoder that writes them from the committed text sources.
//!
//! `examples/pack_lexicon.rs` runs [`lexicon_bin`] and [`english_bin`] over `data/lexicon.txt`
//! and `data/idf-en.txt` and writes `data/lexicon.bin` and `data/idf-en.bin`; a test checks that
//! the committed binaries equal a fresh encoding, so the text and the binary never drift apart.
//!
//! # `lexicon.bin` (all integers little-endian; varints are LEB128)
//!
//! The words of `lexicon.txt`, sorted by code point (= UTF-8 byte order), are grouped into
//! blocks by their first character. Within a block each word drops that first character and is
//! front-coded against the previous word of the block, counting in characters. Characters after
//! the first are stored as their rank in an alphabet ordered by how often they occur (one byte
//! for the 192 most frequent, two bytes otherwise), which brotli compresses better than UTF-8.
//! Everything is stored as separate streams of like values, for the same reason:
//!
//! | section | content |
//! |---|---|
//! | header | `ZYLX`, version u32, entry count u32, block count u32, idf min f32, idf max f32, Σ freq u64 |
//! | alphabet | u32 byte length, then the characters (UTF-8) in rank order |
//! | block chars | varint per block: code point delta from the previous block's character |
//! | block counts | varint per block: its number of entries |
//! | block suffix bytes | varint per block: the byte length of its rank codes |
//! | block long freqs | varint per block: Σ (bytes − 1) over its frequency varints |
//! | lengths | u8 per entry: characters shared with the previous word of the block (high 4 bits), characters that follow (low 4 bits) |
//! | suffixes | the following characters' rank codes |
//! | values | per entry: idf u8 (0 if the word has no IDF, else `1 + round((idf − min) / (max − min) · 254)`), then jieba's exact dictionary frequency as a varint (0 if only in `idf.txt`) |
//!
//! A block's byte ranges follow from the directory alone, so opening reads only the directory and
//! the alphabet;
//! interleaving each
//! word's IDF with its frequency lets brotli use one to predict the other.
//! Each section after the header is preceded by its byte length (u32). jieba's part-of-speech
//! tags are not kept: nothing here reads them and segmentation does not depend on them.
//!
//! # `idf-en.bin`
//!
//! Header `ZYEN`, version u32, word count u32, idf min f32, idf max f32; then, each preceded by
//! its byte length (u32): lengths (2 u8 per word: bytes shared with the previous word, bytes
//! that follow), suffix bytes, quantised idfs (u8, as above but without the 0 code).

use std::collections::HashMap;

/// The first four bytes of `lexicon.bin`.
pub const LEXICON_MAGIC: &[u8; 4] = b"ZYLX";
/// The first four bytes of `idf-en.bin`.
pub const ENGLISH_MAGIC: &[u8; 4] = b"ZYEN";
/// The format version both tables carry after their magic; a reader refuses any other.
pub const VERSION: u32 = 3;
/// Ranks below this take one byte in the suffix stream; the rest take two.
pub const ONE_BYTE_RANKS: usize = 192;
/// Quantised IDF codes run from 1 to `IDF_STEPS + 1`.
pub const IDF_STEPS: f64 = 254.0;

/// Appends `n` as an unsigned LEB128 varint (7 bits a byte, low bits first).
pub fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// A table's magic bytes and the format version.
fn header(magic: &[u8; 4]) -> Vec<u8> {
    let mut out = magic.to_vec();
    out.extend_from_slice(&VERSION.to_le_bytes());
    out
}

fn put_section(out: &mut Vec<u8>, section: &[u8]) {
    out.extend_from_slice(&(section.len() as u32).to_le_bytes());
    out.extend_from_slice(section);
}

/// The byte code of `idf` on the table's scale from `min` to `max`: 1 to `IDF_STEPS + 1`
/// (0 is left for "no IDF"); values outside the range are clamped.
pub fn quantise(idf: f64, min: f32, max: f32) -> u8 {
    let (min, max) = (min as f64, max as f64);
    let step = ((idf - min) / (max - min) * IDF_STEPS)
        .round()
        .clamp(0.0, IDF_STEPS);
    1 + step as u8
}

/// The IDF a code of 1 or more stands for, on the table's scale from `min` to `max`.
pub fn dequantise(code: u8, min: f32, max: f32) -> f64 {
    let (min, max) = (min as f64, max as f64);
    min + f64::from(code - 1) * (max - min) / IDF_STEPS
}

struct Row<'a> {
    word: &'a str,
    freq: u64,
    idf: Option<f64>,
}

fn bad(line: usize, what: &str) -> String {
    format!("line {}: {what}", line + 1)
}

/// Encodes `lexicon.txt` (`word freq tag idf` per line, sorted by UTF-8 bytes).
pub fn lexicon_bin(text: &str) -> Result<Vec<u8>, String> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(' ').collect();
        let [word, freq, _tag, idf] = fields[..] else {
            return Err(bad(i, "expected `word freq tag idf`"));
        };
        let freq = freq.parse().map_err(|_| bad(i, "bad freq"))?;
        let idf = match idf {
            "-" => None,
            idf => Some(idf.parse::<f64>().map_err(|_| bad(i, "bad idf"))?),
        };
        if let Some(prev) = rows.last().map(|r: &Row| r.word) {
            if prev.as_bytes() >= word.as_bytes() {
                return Err(bad(i, "words are not sorted and distinct"));
            }
        }
        rows.push(Row { word, freq, idf });
    }
    // The alphabet of the characters after the first, most frequent first (ties by code point).
    let mut counts: HashMap<char, u64> = HashMap::new();
    for row in &rows {
        for c in row.word.chars().skip(1) {
            *counts.entry(c).or_default() += 1;
        }
    }
    let mut alphabet: Vec<(char, u64)> = counts.into_iter().collect();
    alphabet.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let max_rank = ONE_BYTE_RANKS + (256 - ONE_BYTE_RANKS) * 256;
    if alphabet.len() > max_rank {
        return Err(format!("{} characters: more than {max_rank}", alphabet.len()));
    }
    let rank: HashMap<char, usize> = alphabet.iter().enumerate().map(|(r, &(c, _))| (c, r)).collect();

    let idfs: Vec<f64> = rows.iter().filter_map(|r| r.idf).collect();
    let idf_min = idfs.iter().copied().fold(f64::INFINITY, f64::min) as f32;
    let idf_max = idfs.iter().copied().fold(f64::NEG_INFINITY, f64::max) as f32;

    let (mut block_chars, mut block_counts) = (Vec::new(), Vec::new());
    let (mut block_suffix_bytes, mut block_long_freqs) = (Vec::new(), Vec::new());
    let mut lens = Vec::new();
    let (mut suffixes, mut values) = (Vec::new(), Vec::new());
    let mut previous_block_char = 0u32;
    // (char, entries, suffix bytes, extra varint bytes)
    let mut block: Option<(char, u64, u64, u64)> = None;
    let mut previous: Vec<char> = Vec::new();
    let mut total = 0u64;
    let close =
        |block: (char, u64, u64, u64), counts: &mut Vec<u8>, codes: &mut Vec<u8>, freqs: &mut Vec<u8>| {
            put_varint(counts, block.1);
            put_varint(codes, block.2);
            put_varint(freqs, block.3);
        };
    for row in &rows {
        let mut chars = row.word.chars();
        let first = chars.next().ok_or("empty word")?;
        let rest: Vec<char> = chars.collect();
        if block.map(|b| b.0) != Some(first) {
            if let Some(b) = block.take() {
                close(
                    b,
                    &mut block_counts,
                    &mut block_suffix_bytes,
                    &mut block_long_freqs,
                );
            }
            put_varint(&mut block_chars, u64::from(first as u32 - previous_block_char));
            previous_block_char = first as u32;
            block = Some((first, 0, 0, 0));
            previous.clear();
        }
        let b = block.as_mut().ok_or("no block")?;
        b.1 += 1;
        let shared = previous.iter().zip(&rest).take_while(|(a, b)| a == b).count();
        let suffix_start = suffixes.len();
        for c in &rest[shared..] {
            let r = rank[c];
            if r < ONE_BYTE_RANKS {
                suffixes.push(r as u8);
            } else {
                let r = r - ONE_BYTE_RANKS;
                suffixes.push((ONE_BYTE_RANKS + (r >> 8)) as u8);
                suffixes.push((r & 0xFF) as u8);
            }
        }
        b.2 += (suffixes.len() - suffix_start) as u64;
        let own = rest.len() - shared;
        if shared > 15 || own > 15 {
            return Err(format!("{}: word too long (at most 16 characters)", row.word));
        }
        lens.push((shared << 4 | own) as u8);
        values.push(row.idf.map_or(0, |idf| quantise(idf, idf_min, idf_max)));
        let before = values.len();
        put_varint(&mut values, row.freq);
        b.3 += (values.len() - before - 1) as u64;
        total += row.freq;
        previous = rest;
    }
    if let Some(b) = block.take() {
        close(
            b,
            &mut block_counts,
            &mut block_suffix_bytes,
            &mut block_long_freqs,
        );
    }
    let blocks = block_chars.iter().filter(|&&b| b < 0x80).count() as u32; // one per varint

    let mut out = header(LEXICON_MAGIC);
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    out.extend_from_slice(&blocks.to_le_bytes());
    out.extend_from_slice(&idf_min.to_le_bytes());
    out.extend_from_slice(&idf_max.to_le_bytes());
    out.extend_from_slice(&total.to_le_bytes());
    let alphabet: String = alphabet.iter().map(|&(c, _)| c).collect();
    for section in [
        alphabet.as_bytes(),
        &block_chars,
        &block_counts,
        &block_suffix_bytes,
        &block_long_freqs,
        &lens,
        &suffixes,
        &values,
    ] {
        put_section(&mut out, section);
    }
    Ok(out)
}

/// Encodes `idf-en.txt` (`word idf` per line, sorted by UTF-8 bytes).
pub fn english_bin(text: &str) -> Result<Vec<u8>, String> {
    let mut rows: Vec<(&str, f64)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let (word, idf) = line
            .split_once(' ')
            .ok_or_else(|| bad(i, "expected `word idf`"))?;
        let idf: f64 = idf.parse().map_err(|_| bad(i, "bad idf"))?;
        if rows.last().is_some_and(|r| r.0.as_bytes() >= word.as_bytes()) {
            return Err(bad(i, "words are not sorted and distinct"));
        }
        rows.push((word, idf));
    }
    let idf_min = rows.iter().map(|r| r.1).fold(f64::INFINITY, f64::min) as f32;
    let idf_max = rows.iter().map(|r| r.1).fold(f64::NEG_INFINITY, f64::max) as f32;
    let (mut lens, mut suffixes, mut idfs) = (vec![], vec![], vec![]);
    let mut previous: &[u8] = &[];
    for &(word, idf) in &rows {
        let word = word.as_bytes();
        let shared = previous.iter().zip(word).take_while(|(a, b)| a == b).count();
        let (Ok(shared_u8), Ok(suffix_u8)) = (u8::try_from(shared), u8::try_from(word.len() - shared)) else {
            return Err("word too long".into());
        };
        lens.push(shared_u8);
        lens.push(suffix_u8);
        suffixes.extend_from_slice(&word[shared..]);
        idfs.push(quantise(idf, idf_min, idf_max));
        previous = word;
    }
    let mut out = header(ENGLISH_MAGIC);
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    out.extend_from_slice(&idf_min.to_le_bytes());
    out.extend_from_slice(&idf_max.to_le_bytes());
    for section in [&lens, &suffixes, &idfs] {
        put_section(&mut out, section);
    }
    Ok(out)
}
