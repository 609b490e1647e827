//! The article's vocabulary: each sentence's bag of terms with their IDF, the runs of words that
//! stand together often enough to be phrases, and cosine similarity between sentences.

use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap;

use crate::text::script::Script;
use crate::tokens::Token;

/// A distinct term of the article.
#[derive(Debug, Clone)]
pub struct Term {
    /// How it reads: as first written, or lower-case once the text writes it so.
    pub display: String,
    /// How the term is written.
    pub script: Script,
    /// Its inverse document frequency, from the lexicon (or the fallback for unknown words).
    pub idf: f64,
    /// Occurrences in the whole article.
    pub count: u32,
    /// Indices of the sentences that contain it, ascending, each once.
    pub sentences: Vec<u32>,
}

impl Term {
    /// The article-level weight: term frequency × IDF.
    pub fn weight(&self) -> f64 {
        f64::from(self.count) * self.idf
    }
}

/// Two or three terms that stand side by side more than once, such as 集体 + 领导力 or 磁悬浮 +
/// 反作用 + 飞轮: a candidate compound keyword (集体领导力) that the dictionary cuts apart.
#[derive(Debug, Clone)]
pub struct Phrase {
    /// The first term's index in [`Bag::terms`].
    pub first: u32,
    /// The second term's index in [`Bag::terms`].
    pub second: u32,
    /// The third term's index, for a phrase of three words.
    pub third: Option<u32>,
    /// As written (at its second occurrence, or in lower case once the text writes it so): the
    /// words, with a space between English words.
    pub display: String,
    /// Its occurrences, counted as a term's are (at least 2).
    pub count: u32,
    /// Indices of the sentences where they do, ascending, each once.
    pub sentences: Vec<u32>,
}

/// The article's vocabulary and each sentence's bag of terms.
#[derive(Debug, Clone, Default)]
pub struct Bag {
    /// The distinct terms; a term's id is its index here.
    pub terms: Vec<Term>,
    /// Per sentence: (term id, occurrences in the sentence), sorted by term id.
    pub sentence_terms: Vec<Vec<(u32, u32)>>,
    /// Runs of two or three adjacent terms seen at least twice, in the order of their second
    /// occurrence.
    pub phrases: Vec<Phrase>,
    /// Per sentence: the length of its TF-IDF vector, for cosine similarities.
    pub norms: Vec<f64>,
}

impl Bag {
    /// Builds the bag from each sentence's tokens, all from one [`crate::tokens::Tokenizer`]
    /// (whose term ids count up from 0): `tokens_of(i, out)` puts sentence `i`'s tokens in
    /// `out`, and `idf` looks up a surface word's IDF. A sentence that `repeated` marks as
    /// repeating an earlier one word for word (a headline or footer printed again) is indexed
    /// but not counted again, so boilerplate cannot outweigh the article.
    pub fn build<'a>(
        repeated: &[bool],
        mut tokens_of: impl FnMut(usize, &mut Vec<Token<'a>>),
        mut idf: impl FnMut(&Token<'a>) -> f64,
    ) -> Bag {
        // The tokenizer's term ids to the bag's: ids in order of first occurrence here.
        let mut ids: Vec<u32> = Vec::new();
        // Counts and sentence lists are gathered in flat arrays and handed out at the end: one
        // allocation per term instead of a growing list each, and nothing for a phrase seen once.
        let mut term_counts: Vec<u32> = Vec::new();
        let mut term_last_sentence: Vec<u32> = Vec::new();
        let mut term_sentences: Vec<(u32, u32)> = Vec::new();
        let mut phrases = PhraseTally::default();
        let mut bag = Bag::default();
        let mut tokens = Vec::new();
        for (index, &repeated) in repeated.iter().enumerate() {
            tokens.clear();
            tokens_of(index, &mut tokens);
            let index = index as u32;
            let counted = u32::from(!repeated);
            let mut counts: Vec<(u32, u32)> = Vec::with_capacity(tokens.len());
            let mut previous: Option<(u32, &Token)> = None;
            // The word before the previous one, when the two touch.
            let mut before: Option<(u32, &Token)> = None;
            for token in &tokens {
                let slot = token.term as usize;
                if slot >= ids.len() {
                    ids.resize(slot + 1, u32::MAX);
                }
                let id = match ids[slot] {
                    id if id != u32::MAX => id,
                    _ => {
                        let id = bag.terms.len() as u32;
                        ids[slot] = id;
                        bag.terms.push(Term {
                            display: without_possessive(token.surface).to_string(),
                            script: token.script,
                            idf: idf(token),
                            count: 0,
                            sentences: Vec::new(),
                        });
                        term_counts.push(0);
                        term_last_sentence.push(u32::MAX);
                        id
                    }
                };
                if token.script == Script::Latin {
                    prefer_lower_case(
                        &mut bag.terms[id as usize].display,
                        without_possessive(token.surface),
                    );
                }
                term_counts[id as usize] += counted;
                if term_last_sentence[id as usize] != index {
                    term_last_sentence[id as usize] = index;
                    term_sentences.push((id, index));
                }
                counts.push((id, 1));
                let mut next_before = None;
                if let Some((previous_id, previous_token)) = previous.filter(|(_, p)| touching(p, token)) {
                    next_before = previous;
                    let script = token.script;
                    let words = (previous_token.surface, token.surface, None);
                    phrases.note((previous_id, id, None), words, script, counted, index);
                    if let Some((before_id, before_token)) = before {
                        let words = (before_token.surface, previous_token.surface, Some(token.surface));
                        phrases.note((before_id, previous_id, Some(id)), words, script, counted, index);
                    }
                }
                before = next_before;
                previous = Some((id, token));
            }
            counts.sort_unstable();
            counts.dedup_by(|later, first| {
                if later.0 == first.0 {
                    first.1 += later.1;
                    true
                } else {
                    false
                }
            });
            bag.sentence_terms.push(counts);
        }
        let mut sentence_counts = vec![0u32; bag.terms.len()];
        for &(id, _) in &term_sentences {
            sentence_counts[id as usize] += 1;
        }
        for ((term, count), sentences) in bag.terms.iter_mut().zip(term_counts).zip(sentence_counts) {
            term.count = count;
            term.sentences.reserve_exact(sentences as usize);
        }
        for (id, sentence) in term_sentences {
            bag.terms[id as usize].sentences.push(sentence);
        }
        // Phrases seen at least twice, in order of first occurrence, with their sentences.
        let mut kept = vec![u32::MAX; phrases.seen.len()];
        for (id, seen) in phrases.seen.iter().enumerate() {
            if seen.count >= 2 {
                kept[id] = bag.phrases.len() as u32;
                bag.phrases.push(Phrase {
                    first: seen.terms.0,
                    second: seen.terms.1,
                    third: seen.terms.2,
                    display: phrase(seen.script, seen.words),
                    count: seen.count,
                    sentences: Vec::new(),
                });
            }
        }
        for (id, sentence) in phrases.sentences {
            if let Some(phrase) = bag.phrases.get_mut(kept[id as usize] as usize) {
                phrase.sentences.push(sentence);
            }
        }
        bag.norms = bag.sentence_norms();
        bag
    }

    /// The length of each sentence's TF-IDF vector.
    pub(crate) fn sentence_norms(&self) -> Vec<f64> {
        self.sentence_terms
            .iter()
            .map(|terms| terms.iter().map(|t| self.weight(t).powi(2)).sum::<f64>().sqrt())
            .collect()
    }

    /// A sentence's term weight in its TF-IDF vector: occurrences × IDF.
    pub(crate) fn weight(&self, &(id, count): &(u32, u32)) -> f64 {
        f64::from(count) * self.terms[id as usize].idf
    }
}

/// The terms of a phrase: two, or three.
type PhraseTerms = (u32, u32, Option<u32>);
/// The words of a phrase as written.
type PhraseWords<'a> = (&'a str, &'a str, Option<&'a str>);

/// A phrase while the bag is built, with its words as it will be shown.
struct PhraseSeen<'a> {
    terms: PhraseTerms,
    words: PhraseWords<'a>,
    script: Script,
    count: u32,
    last_sentence: Option<u32>,
}

/// The phrases seen while the bag is built: each once, with its occurrences and sentences.
///
/// Most runs of words occur once and can never be a phrase (which takes two occurrences): a run
/// seen once costs one map entry, its first sentence; its record is made at its second
/// occurrence. (Every run of three is tallied, so the entries stay small on long texts.)
#[derive(Default)]
struct PhraseTally<'a> {
    /// By the phrase's terms (`NO_TERM` for the third of two): [`PROMOTED`] | its id in `seen`,
    /// or, seen once, its sentence, with [`COUNTED`] set unless that sentence was a repeat.
    ids: FxHashMap<(u32, u32, u32), u32>,
    seen: Vec<PhraseSeen<'a>>,
    /// (phrase id, sentence), each sentence once per phrase.
    sentences: Vec<(u32, u32)>,
}

const NO_TERM: u32 = u32::MAX;
/// In [`PhraseTally::ids`]: the value is an id in `seen`.
const PROMOTED: u32 = 1 << 31;
/// In [`PhraseTally::ids`], for a phrase seen once: its occurrence counted. (Sentence indices stay
/// below it: a text of the size limit has fewer than 2^24 sentences.)
const COUNTED: u32 = 1 << 30;

impl<'a> PhraseTally<'a> {
    /// Counts an occurrence (`counted` is 0 in a repeated sentence) in sentence `index`.
    fn note(&mut self, terms: PhraseTerms, words: PhraseWords<'a>, script: Script, counted: u32, index: u32) {
        let key = (terms.0, terms.1, terms.2.unwrap_or(NO_TERM));
        let mut slot = match self.ids.entry(key) {
            Entry::Vacant(vacant) => {
                vacant.insert(index | COUNTED * counted);
                return;
            }
            Entry::Occupied(occupied) => occupied,
        };
        let value = *slot.get();
        let id = if value & PROMOTED != 0 {
            value & !PROMOTED
        } else {
            // The second occurrence: the phrase gets its record, with the first one counted in.
            let id = self.seen.len() as u32;
            slot.insert(PROMOTED | id);
            let first_sentence = value & !COUNTED;
            self.seen.push(PhraseSeen {
                terms,
                words,
                script,
                count: u32::from(value & COUNTED != 0),
                last_sentence: Some(first_sentence),
            });
            self.sentences.push((id, first_sentence));
            id
        };
        let phrase = &mut self.seen[id as usize];
        // As for a term's display: one occurrence in lower case settles it.
        let capitals =
            |(a, b, c): PhraseWords| has_capitals(a) || has_capitals(b) || c.is_some_and(has_capitals);
        if script == Script::Latin && capitals(phrase.words) && !capitals(words) {
            phrase.words = words;
        }
        phrase.count += counted;
        if phrase.last_sentence != Some(index) {
            phrase.last_sentence = Some(index);
            self.sentences.push((id, index));
        }
    }
}

fn has_capitals(word: &str) -> bool {
    word.chars().any(char::is_uppercase)
}

/// Whether two neighbouring tokens read as one phrase: Chinese words with nothing between them,
/// English words with one space.
fn touching(first: &Token, second: &Token) -> bool {
    match (first.script, second.script) {
        (Script::Han, Script::Han) => first.bytes.end == second.bytes.start,
        (Script::Latin, Script::Latin) => first.bytes.end + 1 == second.bytes.start,
        _ => false,
    }
}

/// A word as its keyword shows it: without a possessive ending ("Trump's", "DPP’s" → "Trump",
/// "DPP"), which the stemmer already takes as the same word.
fn without_possessive(word: &str) -> &str {
    ["'s", "’s", "'S", "’S"]
        .iter()
        .find_map(|ending| word.strip_suffix(ending))
        .filter(|base| !base.is_empty())
        .unwrap_or(word)
}

/// The phrase touching words make, as written.
fn phrase(script: Script, (first, second, third): PhraseWords) -> String {
    match (script, third) {
        (Script::Han, None) => format!("{first}{second}"),
        (Script::Han, Some(third)) => format!("{first}{second}{third}"),
        (Script::Latin, None) => format!("{first} {}", without_possessive(second)),
        (Script::Latin, Some(third)) => format!("{first} {second} {}", without_possessive(third)),
    }
}

/// A word is shown as the text writes it. Capitals may only mean that it starts a sentence or
/// stands in a title, so one lower-case occurrence settles it: "Loan" and "loan" show as "loan",
/// while "Wrenford" or "NASA", never written otherwise, keep their capitals.
fn prefer_lower_case(display: &mut String, surface: &str) {
    if has_capitals(display) && !has_capitals(surface) {
        surface.clone_into(display);
    }
}

/// Cosine similarity of two sentences' TF-IDF vectors.
pub fn similarity(bag: &Bag, a: usize, b: usize) -> f64 {
    let (x, y) = (&bag.sentence_terms[a], &bag.sentence_terms[b]);
    let (nx, ny) = (bag.norms[a], bag.norms[b]);
    if nx == 0.0 || ny == 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < x.len() && j < y.len() {
        match x[i].0.cmp(&y[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += bag.weight(&x[i]) * bag.weight(&y[j]);
                i += 1;
                j += 1;
            }
        }
    }
    dot / (nx * ny)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{Lexicon, StopWords};
    use crate::tokens::Tokenizer;

    fn bag_of(sentences: &[&str], repeated: &[bool]) -> Bag {
        let text = sentences.concat();
        let mut spans = Vec::new();
        let mut start = 0;
        for s in sentences {
            spans.push(start..start + s.len());
            start += s.len();
        }
        let stop = StopWords::builtin();
        let jieba = Lexicon::builtin().segmenter_for(&text);
        let tokenizer = Tokenizer::new(&jieba, &stop);
        Bag::build(
            repeated,
            |i, out| tokenizer.tokens(&text, spans[i].clone(), out),
            |_| 1.0,
        )
    }

    #[test]
    fn a_possessive_shows_as_its_word() {
        let bag = bag_of(
            &[
                "Trump's plan failed. ",
                "The plan of Don McLean's band. ",
                "Don McLean's song. ",
            ],
            &[false, false, false],
        );
        let shown: Vec<&str> = bag.terms.iter().map(|t| t.display.as_str()).collect();
        assert!(shown.contains(&"Trump") && shown.contains(&"McLean"), "{shown:?}");
        assert!(shown.iter().all(|w| !w.ends_with("'s")), "{shown:?}");
        assert_eq!(bag.phrases[0].display, "Don McLean");
    }

    /// Each phrase as (display, count, sentences).
    fn phrases_of(bag: &Bag) -> Vec<(&str, u32, &[u32])> {
        bag.phrases
            .iter()
            .map(|p| (p.display.as_str(), p.count, p.sentences.as_slice()))
            .collect()
    }

    #[test]
    fn a_run_seen_twice_in_one_sentence_is_a_phrase_of_that_sentence_and_runs_seen_once_are_none() {
        let bag = bag_of(
            &[
                "Open source software and open source software again. ",
                "Nothing repeats here. ",
            ],
            &[false, false],
        );
        let shown = phrases_of(&bag);
        assert_eq!(
            shown,
            [
                ("open source", 2, &[0][..]),
                ("source software", 2, &[0][..]),
                ("open source software", 2, &[0][..])
            ]
        );
    }

    #[test]
    fn pairs_seen_twice_are_kept_with_their_sentences_and_lower_case_display() {
        let bag = bag_of(
            &[
                "Machine Learning wins. ",
                "集体领导力很重要。",
                "Quiet machine learning helps. ",
                "Rare pair here. ",
                "他们讨论集体领导力。",
                "他们讨论集体领导力。",
            ],
            &[false, false, false, false, false, true],
        );
        let shown = phrases_of(&bag);
        assert_eq!(
            shown,
            [
                ("machine learning", 2, &[0, 2][..]),
                ("集体领导力", 2, &[1, 4, 5][..])
            ]
        );
        let pair = &bag.phrases[0];
        assert_eq!(bag.terms[pair.first as usize].display, "machine");
        assert_eq!(bag.terms[pair.second as usize].display, "learning");
        // The repeated sentence is indexed but not counted.
        let term = bag.terms.iter().find(|t| t.display == "讨论").unwrap();
        assert_eq!((term.count, term.sentences.as_slice()), (1, &[4, 5][..]));
        assert_eq!(bag.sentence_terms.len(), 6);
    }
}
