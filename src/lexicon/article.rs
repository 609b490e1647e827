//! One article's lexicon: the dictionary words made only of its characters, as an exact jieba
//! segmenter and an IDF table ([`ArticleLexicon`]), the text's [`CharSet`] it is built from, and
//! the [`ArticleCache`] that reuses it for the next text of the same characters.

use std::sync::{Arc, Mutex};

use jieba_rs::Jieba;

use super::chinese::{Lexicon, MEDIAN_IDF_ZH};
use super::format::{binary_search, varint};
use rustc_hash::FxHashSet;

use super::pack;
use crate::text::script;

const FILLER_WORD: &str = "\u{E000}";

impl Lexicon {
    /// A segmenter that cuts `text` exactly as one with jieba's full dictionary would (see
    /// [`Lexicon::for_article`]).
    pub fn segmenter_for(&'static self, text: &str) -> Jieba {
        self.build(CharSet::of(text), false).jieba
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
    pub(super) ends: Vec<u32>,
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

    pub(super) fn word(&self, i: usize) -> &str {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

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
}
