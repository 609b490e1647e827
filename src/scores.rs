//! Sentence scores: how close a sentence's TF-IDF vector is to the whole article's (its
//! centroid), times a prior for where it stands. Every score comes with the terms that made it.

use std::collections::HashMap;

use crate::sentences::SentenceSpan;
use crate::tokens::{Script, Token};

/// A distinct term of the article.
#[derive(Debug, Clone)]
pub struct Term {
    /// The normalised key (Chinese word, or English stem).
    pub key: String,
    /// How it reads: its first occurrence, lower-cased unless written capitalised mid-sentence.
    pub display: String,
    pub script: Script,
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

/// The article's vocabulary and each sentence's bag of terms.
#[derive(Debug, Clone, Default)]
pub struct Bag {
    pub terms: Vec<Term>,
    /// Per sentence: (term id, occurrences in the sentence), sorted by term id.
    pub sentence_terms: Vec<Vec<(u32, u32)>>,
}

impl Bag {
    /// Builds the bag from each sentence's tokens; `idf` looks up a surface word's IDF.
    pub fn build<'a>(
        sentence_tokens: impl IntoIterator<Item = Vec<Token<'a>>>,
        mut idf: impl FnMut(&Token<'a>) -> f64,
    ) -> Bag {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut bag = Bag::default();
        for (index, tokens) in sentence_tokens.into_iter().enumerate() {
            let mut counts: Vec<(u32, u32)> = Vec::with_capacity(tokens.len());
            for (position, token) in tokens.iter().enumerate() {
                let id = match ids.get(token.term.as_ref()) {
                    Some(&id) => id,
                    None => {
                        let id = bag.terms.len() as u32;
                        ids.insert(token.term.to_string(), id);
                        let display = match token.script {
                            Script::Latin if position == 0 || !starts_upper(token.surface) => token.surface.to_lowercase(),
                            _ => token.surface.to_string(),
                        };
                        bag.terms.push(Term {
                            key: token.term.to_string(),
                            display,
                            script: token.script,
                            idf: idf(token),
                            count: 0,
                            sentences: Vec::new(),
                        });
                        id
                    }
                };
                let term = &mut bag.terms[id as usize];
                term.count += 1;
                if term.sentences.last() != Some(&(index as u32)) {
                    term.sentences.push(index as u32);
                }
                counts.push((id, 1));
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
        bag
    }
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The knobs of the score, with the values `make eval` was tuned on.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// How much the first sentence is favoured over a sentence far down the article: the prior
    /// is `1 + lead_bonus / (1 + position)`.
    pub lead_bonus: f64,
    /// Sentences of fewer scoring terms than this are scored as if they had this many, so a
    /// three-word fragment cannot outscore a full sentence by being all keyword.
    pub min_terms: f64,
}

impl Default for Params {
    fn default() -> Self {
        let env = |k: &str, d: f64| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d); // TUNING
        Params {
            lead_bonus: env("ZY_LEAD", 1.0),
            min_terms: env("ZY_MIN", 6.0),
        }
    }
}

/// A sentence's score and its explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceScore {
    pub score: f64,
    /// The position prior the content score was multiplied by.
    pub position_prior: f64,
    /// (term id, share of the score), largest first; the shares add up to `score`.
    pub contributions: Vec<(u32, f64)>,
}

/// Scores every sentence.
pub fn score(spans: &[SentenceSpan], bag: &Bag, params: &Params) -> Vec<SentenceScore> {
    let centroid: Vec<f64> = bag.terms.iter().map(Term::weight).collect();
    let centroid_norm = centroid.iter().map(|w| w * w).sum::<f64>().sqrt().max(f64::MIN_POSITIVE);
    spans
        .iter()
        .zip(&bag.sentence_terms)
        .enumerate()
        .map(|(position, (_span, terms))| {
            let vector: Vec<(u32, f64)> = terms
                .iter()
                .map(|&(id, count)| (id, f64::from(count) * bag.terms[id as usize].idf))
                .collect();
            let occurrences: f64 = terms.iter().map(|&(_, c)| f64::from(c)).sum();
            let mut norm = vector.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if occurrences > 0.0 && occurrences < params.min_terms {
                norm *= (params.min_terms / occurrences).sqrt();
            }
            let position_prior = 1.0 + params.lead_bonus / (1.0 + position as f64);
            let scale = if norm > 0.0 { position_prior / (norm * centroid_norm) } else { 0.0 };
            let mut contributions: Vec<(u32, f64)> = vector
                .iter()
                .map(|&(id, w)| (id, w * centroid[id as usize] * scale))
                .collect();
            contributions.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let content: f64 = contributions.iter().map(|(_, c)| c).sum();
            SentenceScore {
                score: content,
                position_prior,
                contributions,
            }
        })
        .collect()
}

/// Cosine similarity of two sentences' TF-IDF vectors.
pub fn similarity(bag: &Bag, a: usize, b: usize) -> f64 {
    let (x, y) = (&bag.sentence_terms[a], &bag.sentence_terms[b]);
    let weight = |&(id, count): &(u32, u32)| f64::from(count) * bag.terms[id as usize].idf;
    let norm = |v: &[(u32, u32)]| v.iter().map(|t| weight(t).powi(2)).sum::<f64>().sqrt();
    let (nx, ny) = (norm(x), norm(y));
    if nx == 0.0 || ny == 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < x.len() && j < y.len() {
        match x[i].0.cmp(&y[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += weight(&x[i]) * weight(&y[j]);
                i += 1;
                j += 1;
            }
        }
    }
    dot / (nx * ny)
}
