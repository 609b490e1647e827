//! Keywords: the article's terms by TF-IDF weight, each with the sentences it occurs in.

use serde::Serialize;

use crate::lexicon::{FxHashSet, StopWords};
use crate::scoring::{Bag, Pair, Params, Term};
use crate::tokens::Script;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Keyword {
    pub word: String,
    /// Relative to the top keyword, which has weight 1.
    pub weight: f64,
    /// Indices of the sentences containing the word, over all sentences of the text.
    pub sentences: Vec<usize>,
}

/// A word a reader would accept as a keyword: Chinese words of two characters or more, English
/// words of three letters or more (single characters and fragments carry nothing alone).
fn is_keyword_candidate(term: &Term) -> bool {
    match term.script {
        Script::Han => term.display.chars().count() >= 2,
        Script::Latin => term.display.chars().filter(|c| c.is_alphabetic()).count() >= 3,
    }
}

/// Every candidate keyword as (term id, weight relative to the best), best first; ties go to
/// the earlier first occurrence. `headings[i]` tells whether sentence `i` is a title or heading.
/// A phrase that is itself a stop word (the user's 修理咖啡馆, made of 修理 and 咖啡馆) is no
/// candidate, and its words count on their own again.
pub fn rank(bag: &Bag, headings: &[bool], stop_words: &StopWords, params: &Params) -> Vec<(Candidate, f64)> {
    let heading_factor = |sentences: &[u32]| {
        if sentences.iter().any(|&s| headings[s as usize]) {
            1.0 + params.heading_boost
        } else {
            1.0
        }
    };
    let phrases: Vec<(usize, &Pair)> = bag
        .pairs
        .iter()
        .enumerate()
        .filter(|(_, pair)| {
            let display = &pair.display;
            match display.chars().any(char::is_uppercase) {
                true => !stop_words.contains(&display.to_lowercase()),
                false => !stop_words.contains(display),
            }
        })
        .collect();
    // Occurrences inside a kept phrase do not count again for its parts.
    let mut counts: Vec<f64> = bag.terms.iter().map(|t| f64::from(t.count)).collect();
    for (_, pair) in &phrases {
        counts[pair.first as usize] -= f64::from(pair.count);
        counts[pair.second as usize] -= f64::from(pair.count);
    }
    let mut candidates: Vec<(Candidate, f64)> = bag
        .terms
        .iter()
        .enumerate()
        .filter(|(_, term)| is_keyword_candidate(term))
        .map(|(id, term)| {
            (
                Candidate::Term(id as u32),
                counts[id].max(0.0) * term.idf * heading_factor(&term.sentences),
            )
        })
        .chain(phrases.iter().map(|&(id, pair)| {
            let idf = bag.terms[pair.first as usize].idf + bag.terms[pair.second as usize].idf;
            (
                Candidate::Pair(id as u32),
                params.phrase_factor * f64::from(pair.count) * idf * heading_factor(&pair.sentences),
            )
        }))
        .collect();
    candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    // A phrase can read like a word when jieba cut the same characters two ways (馆+江澜 in two
    // sentences, 馆江澜 in a third): a keyword is listed once, as its better candidate.
    let mut shown = FxHashSet::default();
    candidates.retain(|&(candidate, _)| shown.insert(display(bag, candidate)));
    let top = candidates.first().map_or(1.0, |c| c.1).max(f64::MIN_POSITIVE);
    for candidate in &mut candidates {
        candidate.1 /= top;
    }
    candidates
}

/// A keyword is a term of the article or a phrase of two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Candidate {
    Term(u32),
    Pair(u32),
}

fn display(bag: &Bag, candidate: Candidate) -> &str {
    match candidate {
        Candidate::Term(id) => &bag.terms[id as usize].display,
        Candidate::Pair(id) => &bag.pairs[id as usize].display,
    }
}

pub fn keyword(bag: &Bag, (candidate, weight): (Candidate, f64)) -> Keyword {
    let (word, sentences) = match candidate {
        Candidate::Term(id) => {
            let term = &bag.terms[id as usize];
            (&term.display, &term.sentences)
        }
        Candidate::Pair(id) => {
            let pair = &bag.pairs[id as usize];
            (&pair.display, &pair.sentences)
        }
    };
    Keyword {
        word: word.clone(),
        weight,
        sentences: sentences.iter().map(|&s| s as usize).collect(),
    }
}
