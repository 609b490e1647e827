//! Words of a sentence that can carry its topic: jieba's words for Chinese, stemmed lower-case
//! words for English. Numbers, punctuation and stop words are left out. Traditional Chinese is
//! cut and looked up through its Simplified forms ([`crate::text::script`]) and keeps its surface.

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use jieba_rs::Jieba;
use rust_stemmers::{Algorithm, Stemmer};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::lexicon::StopWords;
use crate::text::chars::{
    is_combining_diacritic, is_han, is_han_digit, is_han_numeral, is_latin_letter, is_letter,
};
use crate::text::lang::Lang;
use crate::text::script::{self, Script};

/// One word occurrence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The id of what counts as "the same word" (the word in Simplified characters for Chinese,
    /// its stem for English): see [`Tokenizer::term`].
    pub term: u32,
    /// The word as written, a slice of the text.
    pub surface: &'a str,
    /// Byte offsets of `surface` in the text.
    pub bytes: Range<usize>,
    /// How the word is written.
    pub script: Script,
}

/// Splits the sentences of one text into tokens with the segmenter built for its article.
pub struct Tokenizer<'s, 'a> {
    jieba: &'s Jieba,
    stemmer: Stemmer,
    stop_words: &'s StopWords,
    /// The stop words of the text's language, if it is one read by words other than English.
    language_stop_words: Option<&'static FxHashSet<&'static str>>,
    /// Whether an apostrophe ends a word: French and Italian elide ("l'école", "dell'anno").
    elides: bool,
    /// Each distinct word's term id, or `None` for a word left out: decided once per text, since
    /// an article repeats its words (stop-word lookups and stemming are per word, not per use).
    /// Words are keyed by their bytes packed into integers, which hash and compare much faster
    /// than strings, in tables whose entries are as small as the words allow: up to 7 bytes
    /// (Chinese words of one or two characters, most of a text), up to 15, and longer.
    /// [`LEFT_OUT`] stands for `None`.
    short_words: RefCell<FxHashMap<u64, u32>>,
    medium_words: RefCell<FxHashMap<(u64, u64), u32>>,
    long_words: RefCell<FxHashMap<&'a str, u32>>,
    /// The distinct terms, in order of first use; a term's id is its index.
    terms: RefCell<Vec<Rc<str>>>,
    ids: RefCell<FxHashMap<Rc<str>, u32>>,
}

/// A number with its measure word or unit, such as 三个 or 十二年: a quantity, not a topic.
fn is_quantity(word: &str) -> bool {
    let mut chars = word.chars();
    let last = chars.next_back();
    let digits = chars.as_str();
    !digits.is_empty()
        && digits.chars().all(|c| is_han_digit(c) || c == '两')
        && last.is_some_and(|c| {
            "个年月日天次位名种项家岁件条只度点分秒号倍成批轮届期颗张本台部辆座场首篇份块段层组套双对群类"
                .contains(c)
        })
}

/// "don't", "we'll", "you're": function words, whatever the stop-word list says.
fn is_contraction(word: &str) -> bool {
    let word = if word.contains('’') {
        Cow::Owned(word.replace('’', "'"))
    } else {
        Cow::Borrowed(word)
    };
    ["n't", "'ll", "'re", "'ve", "'d", "'m"]
        .iter()
        .any(|suffix| word.ends_with(suffix))
        || matches!(
            word.as_ref(),
            "it's" | "that's" | "there's" | "here's" | "what's" | "let's" | "he's" | "she's" | "who's"
        )
}

/// The term id of a word left out.
const LEFT_OUT: u32 = u32::MAX;

/// A word's bytes, then its length in the last byte.
fn packed<const N: usize>(word: &[u8]) -> [u8; N] {
    let mut key = [0u8; N];
    key[..word.len()].copy_from_slice(word);
    key[N - 1] = word.len() as u8;
    key
}

impl<'s, 'a> Tokenizer<'s, 'a> {
    /// A tokenizer that cuts with `jieba`, leaves out `stop_words` and stems English words.
    pub fn new(jieba: &'s Jieba, stop_words: &'s StopWords) -> Self {
        Tokenizer {
            jieba,
            stemmer: Stemmer::create(Algorithm::English),
            stop_words,
            language_stop_words: None,
            elides: false,
            short_words: RefCell::default(),
            medium_words: RefCell::default(),
            long_words: RefCell::default(),
            terms: RefCell::default(),
            ids: RefCell::default(),
        }
    }

    /// Reads the words of a text read by words as words of `lang`: its stemmer and stop words
    /// (the built-in and the user's stop words apply as well).
    pub fn for_lang(mut self, lang: Lang) -> Self {
        let algorithm = match lang {
            Lang::Fr => Algorithm::French,
            Lang::De => Algorithm::German,
            Lang::Es => Algorithm::Spanish,
            Lang::Pt => Algorithm::Portuguese,
            Lang::It => Algorithm::Italian,
            Lang::Nl => Algorithm::Dutch,
            Lang::Ru => Algorithm::Russian,
            Lang::Ar => Algorithm::Arabic,
            Lang::Zh | Lang::En => Algorithm::English,
        };
        self.stemmer = Stemmer::create(algorithm);
        self.language_stop_words = StopWords::of_language(lang);
        self.elides = matches!(lang, Lang::Fr | Lang::It);
        self
    }

    /// The term a token's id stands for.
    pub fn term(&self, id: u32) -> Rc<str> {
        Rc::clone(&self.terms.borrow()[id as usize])
    }

    /// The term id of `word`, decided by `decide` the first time it is met.
    fn term_of(&self, word: &'a str, decide: impl FnOnce(&str) -> Option<String>) -> Option<u32> {
        let bytes = word.as_bytes();
        let id = if bytes.len() < 8 {
            let key = u64::from_le_bytes(packed(bytes));
            self.remembered(&self.short_words, key, || self.decide_id(word, decide))
        } else if bytes.len() < 16 {
            let key: [u8; 16] = packed(bytes);
            let key = (
                u64::from_le_bytes(key[..8].try_into().unwrap()),
                u64::from_le_bytes(key[8..].try_into().unwrap()),
            );
            self.remembered(&self.medium_words, key, || self.decide_id(word, decide))
        } else {
            self.remembered(&self.long_words, word, || self.decide_id(word, decide))
        };
        (id != LEFT_OUT).then_some(id)
    }

    fn remembered<K: std::hash::Hash + Eq>(
        &self,
        words: &RefCell<FxHashMap<K, u32>>,
        key: K,
        decide: impl FnOnce() -> u32,
    ) -> u32 {
        if let Some(&id) = words.borrow().get(&key) {
            return id;
        }
        let id = decide();
        words.borrow_mut().insert(key, id);
        id
    }

    fn decide_id(&self, word: &str, decide: impl FnOnce(&str) -> Option<String>) -> u32 {
        decide(word).map_or(LEFT_OUT, |term| self.intern(term))
    }

    fn intern(&self, term: String) -> u32 {
        let mut ids = self.ids.borrow_mut();
        if let Some(&id) = ids.get(term.as_str()) {
            return id;
        }
        let mut terms = self.terms.borrow_mut();
        let id = terms.len() as u32;
        let term: Rc<str> = Rc::from(term);
        terms.push(Rc::clone(&term));
        ids.insert(term, id);
        id
    }

    /// The topic-bearing words of `text[range]`, offsets into `text`.
    pub fn tokens(&self, text: &'a str, range: Range<usize>, out: &mut Vec<Token<'a>>) {
        let sentence = &text[range.clone()];
        if !sentence.chars().any(is_han) {
            self.latin_words(text, range, out);
            return;
        }
        // Runs of non-Chinese tokens are re-read as Latin words, so that "café" or "don't",
        // which jieba cuts into pieces, stay whole. jieba cuts the Simplified copy, which has the
        // sentence's offsets: the words are sliced from the text as written.
        let mut latin_run: Option<Range<usize>> = None;
        let folded = script::fold(sentence);
        for token in self.jieba.cut(&folded, true) {
            let bytes = range.start + token.byte_start..range.start + token.byte_end;
            if token.word.chars().any(is_han) {
                if let Some(run) = latin_run.take() {
                    self.latin_words(text, run, out);
                }
                self.chinese_word(text, bytes, out);
            } else {
                latin_run = Some(match latin_run {
                    Some(run) => run.start..bytes.end,
                    None => bytes,
                });
            }
        }
        if let Some(run) = latin_run {
            self.latin_words(text, run, out);
        }
    }

    fn chinese_word(&self, text: &'a str, bytes: Range<usize>, out: &mut Vec<Token<'a>>) {
        let word = &text[bytes.clone()];
        let Some(term) = self.term_of(word, |word| self.chinese_term(word)) else {
            return;
        };
        out.push(Token {
            term,
            surface: word,
            bytes,
            script: Script::Han,
        });
    }

    fn chinese_term(&self, word: &str) -> Option<String> {
        // The stop-word lists are lower case: "AI芯片" is left out by "ai芯片". (jieba keeps only
        // ASCII letters in a word with Chinese, so ASCII lower case is the whole story.) A
        // Traditional word is the same term as its Simplified twin.
        let mut term = script::fold(word).into_owned();
        term.make_ascii_lowercase();
        let word = term.as_str();
        if word.chars().all(|c| is_han_numeral(c) || !is_letter(c))
            || is_quantity(word)
            || self.stop_words.contains(&term)
        {
            return None;
        }
        Some(term)
    }

    fn latin_words(&self, text: &'a str, range: Range<usize>, out: &mut Vec<Token<'a>>) {
        let run = &text[range.clone()];
        let mut chars = run.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if !is_latin_letter(c) {
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(i, c)) = chars.peek() {
                // A combining mark belongs to the letter before it: "café" written as e + U+0301.
                if is_latin_letter(c) || is_combining_diacritic(c) {
                    end = i + c.len_utf8();
                    chars.next();
                } else if matches!(c, '\'' | '’')
                    && !self.elides
                    && run[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(is_latin_letter)
                {
                    // An apostrophe inside a word: "don't", "O'Neill".
                    chars.next();
                } else {
                    break;
                }
            }
            let surface = &run[start..end];
            self.latin_word(surface, range.start + start..range.start + end, out);
        }
    }

    fn latin_word(&self, surface: &'a str, bytes: Range<usize>, out: &mut Vec<Token<'a>>) {
        let Some(term) = self.term_of(surface, |surface| self.latin_term(surface)) else {
            return;
        };
        out.push(Token {
            term,
            surface,
            bytes,
            script: Script::Latin,
        });
    }

    fn latin_term(&self, surface: &str) -> Option<String> {
        if !surface.chars().any(char::is_alphabetic) || surface.chars().count() < 2 {
            return None;
        }
        let lower = surface.to_lowercase();
        // The possessive "'s" is not part of the word: "Obama's" counts as "obama".
        let base = lower
            .strip_suffix("'s")
            .or_else(|| lower.strip_suffix("’s"))
            .unwrap_or(&lower);
        let language_stop = self
            .language_stop_words
            .is_some_and(|words| words.contains(lower.as_str()));
        if language_stop
            || self.stop_words.contains(base)
            || self.stop_words.contains(&lower)
            || is_contraction(&lower)
        {
            return None;
        }
        Some(self.stemmer.stem(base).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn terms(text: &str) -> Vec<String> {
        let stop = StopWords::builtin();
        let jieba = Lexicon::builtin().segmenter_for(text);
        let tokenizer = Tokenizer::new(&jieba, &stop);
        let mut out = Vec::new();
        tokenizer.tokens(text, 0..text.len(), &mut out);
        for t in &out {
            assert_eq!(&text[t.bytes.clone()], t.surface);
        }
        out.into_iter()
            .map(|t| tokenizer.term(t.term).to_string())
            .collect()
    }

    #[test]
    fn chinese_words_without_stop_words_or_numbers() {
        assert_eq!(
            terms("我们在2024年研究了人工智能的三个问题。"),
            ["研究", "人工智能", "问题"]
        );
    }

    #[test]
    fn english_words_lower_cased_and_stemmed() {
        assert_eq!(
            terms("The Lambs' farmers don't sell 20 lambs at Obama's café!"),
            ["lamb", "farmer", "sell", "lamb", "obama", "café"]
        );
    }

    #[test]
    fn combining_marks_stay_in_their_words() {
        let text = "The cafe\u{301} and the Z\u{336}a\u{338}lgo sign.";
        let stop = StopWords::builtin();
        let jieba = Lexicon::builtin().segmenter_for(text);
        let tokenizer = Tokenizer::new(&jieba, &stop);
        let mut out = Vec::new();
        tokenizer.tokens(text, 0..text.len(), &mut out);
        let surfaces: Vec<&str> = out.iter().map(|t| t.surface).collect();
        assert_eq!(surfaces, ["cafe\u{301}", "Z\u{336}a\u{338}lgo", "sign"]);
    }

    #[test]
    fn mixed_text_keeps_both() {
        assert_eq!(
            terms("苹果发布了iPhone和MacBook。"),
            ["苹果", "发布", "iphon", "macbook"]
        );
    }
}
