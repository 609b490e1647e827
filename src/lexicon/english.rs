//! The English IDF table ([`EnglishIdf`]): built in with the `embed-english` feature, or installed
//! once at run time (the wasm build fetches it), else one IDF for every word.

use std::sync::OnceLock;

use super::format::{binary_search, Reader};
use super::pack;

#[cfg(any(test, feature = "embed-english"))]
pub(super) const IDF_EN_BIN: &[u8] = include_bytes!("../../data/idf-en.bin");

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
    pub(super) idf_min: f32,
    pub(super) idf_max: f32,
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
