//! Keywords: the article's terms by TF-IDF weight, each with the sentences it occurs in.

use serde::Serialize;

use crate::scores::{Bag, Term};
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

/// A word of the title or a heading weighs this much more: authors put their topic there.
pub const HEADING_BOOST: f64 = 1.0;

/// Every candidate keyword as (term id, weight relative to the best), best first; ties go to
/// the earlier first occurrence. `headings[i]` tells whether sentence `i` is a title or heading.
pub fn rank(bag: &Bag, headings: &[bool]) -> Vec<(u32, f64)> {
    let boost = std::env::var("ZY_HB").ok().and_then(|v| v.parse().ok()).unwrap_or(HEADING_BOOST); // TUNING
    let mut candidates: Vec<(u32, f64)> = bag
        .terms
        .iter()
        .enumerate()
        .filter(|(_, term)| is_keyword_candidate(term))
        .map(|(id, term)| {
            let in_heading = term.sentences.iter().any(|&s| headings[s as usize]);
            (id as u32, term.weight() * if in_heading { 1.0 + boost } else { 1.0 })
        })
        .collect();
    candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let top = candidates.first().map_or(1.0, |c| c.1).max(f64::MIN_POSITIVE);
    for candidate in &mut candidates {
        candidate.1 /= top;
    }
    candidates
}

pub fn keyword(bag: &Bag, (id, weight): (u32, f64)) -> Keyword {
    let term = &bag.terms[id as usize];
    Keyword {
        word: term.display.clone(),
        weight,
        sentences: term.sentences.iter().map(|&s| s as usize).collect(),
    }
}
