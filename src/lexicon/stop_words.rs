//! The stop words: the built-in Chinese and English lists, the user's own, and the lists of the
//! other languages read by words.

use std::sync::{Arc, OnceLock};

use crate::text::script;
use rustc_hash::FxHashSet;

const STOP_WORDS_ZH_TXT: &str = include_str!("../../data/stopwords-zh.txt");
const STOP_WORDS_EN_TXT: &str = include_str!("../../data/stopwords-en.txt");
/// The stop words of the other languages read by words, in the order of
/// [`crate::text::lang::OTHER_WORD_LANGUAGES`].
const STOP_WORDS_OTHER: [&str; 8] = [
    include_str!("../../data/stopwords-fr.txt"),
    include_str!("../../data/stopwords-de.txt"),
    include_str!("../../data/stopwords-es.txt"),
    include_str!("../../data/stopwords-pt.txt"),
    include_str!("../../data/stopwords-it.txt"),
    include_str!("../../data/stopwords-nl.txt"),
    include_str!("../../data/stopwords-ru.txt"),
    include_str!("../../data/stopwords-ar.txt"),
];

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
    pub fn of_language(lang: crate::text::lang::Lang) -> Option<&'static FxHashSet<&'static str>> {
        static LISTS: OnceLock<Vec<FxHashSet<&'static str>>> = OnceLock::new();
        let i = crate::text::lang::OTHER_WORD_LANGUAGES
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

    #[test]
    fn other_languages_have_their_own_stop_words() {
        use crate::text::lang::Lang;
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
