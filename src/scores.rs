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

/// Two terms that stand side by side more than once, such as 集体 + 领导力: a candidate
/// compound keyword (集体领导力) that the dictionary cuts in two.
#[derive(Debug, Clone)]
pub struct Pair {
    pub first: u32,
    pub second: u32,
    /// As first written: the two words, with a space between English words.
    pub display: String,
    pub count: u32,
    pub sentences: Vec<u32>,
}

/// The article's vocabulary and each sentence's bag of terms.
#[derive(Debug, Clone, Default)]
pub struct Bag {
    pub terms: Vec<Term>,
    /// Per sentence: (term id, occurrences in the sentence), sorted by term id.
    pub sentence_terms: Vec<Vec<(u32, u32)>>,
    /// Adjacent pairs seen at least twice, in order of first occurrence.
    pub pairs: Vec<Pair>,
}

impl Bag {
    /// Builds the bag from each sentence's tokens; `idf` looks up a surface word's IDF. A
    /// sentence that repeats an earlier one word for word (a headline or footer printed again)
    /// is indexed but not counted again, so boilerplate cannot outweigh the article.
    pub fn build<'a>(
        sentence_tokens: impl IntoIterator<Item = (Vec<Token<'a>>, bool)>,
        mut idf: impl FnMut(&Token<'a>) -> f64,
    ) -> Bag {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut pair_ids: HashMap<(u32, u32), usize> = HashMap::new();
        let mut bag = Bag::default();
        for (index, (tokens, repeated)) in sentence_tokens.into_iter().enumerate() {
            let counted = u32::from(!repeated);
            let mut counts: Vec<(u32, u32)> = Vec::with_capacity(tokens.len());
            let mut previous: Option<(u32, &Token)> = None;
            for (position, token) in tokens.iter().enumerate() {
                let id = match ids.get(token.term.as_ref()) {
                    Some(&id) => id,
                    None => {
                        let id = bag.terms.len() as u32;
                        ids.insert(token.term.to_string(), id);
                        let display = match token.script {
                            Script::Latin if position == 0 || !starts_upper(token.surface) => {
                                token.surface.to_lowercase()
                            }
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
                term.count += counted;
                if term.sentences.last() != Some(&(index as u32)) {
                    term.sentences.push(index as u32);
                }
                counts.push((id, 1));
                if let Some((previous_id, previous_token)) = previous {
                    if let Some(display) = adjacent(previous_token, token) {
                        let pair_id = *pair_ids.entry((previous_id, id)).or_insert_with(|| {
                            bag.pairs.push(Pair {
                                first: previous_id,
                                second: id,
                                display,
                                count: 0,
                                sentences: Vec::new(),
                            });
                            bag.pairs.len() - 1
                        });
                        let pair = &mut bag.pairs[pair_id];
                        pair.count += counted;
                        if pair.sentences.last() != Some(&(index as u32)) {
                            pair.sentences.push(index as u32);
                        }
                    }
                }
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
        bag.pairs.retain(|pair| pair.count >= 2);
        bag
    }
}

/// How two neighbouring tokens read as one phrase, if they touch: Chinese words with nothing
/// between them, English words with one space.
fn adjacent(first: &Token, second: &Token) -> Option<String> {
    match (first.script, second.script) {
        (Script::Han, Script::Han) if first.bytes.end == second.bytes.start => {
            Some(format!("{}{}", first.surface, second.surface))
        }
        (Script::Latin, Script::Latin) if first.bytes.end + 1 == second.bytes.start => {
            Some(format!("{} {}", first.surface, second.surface).to_lowercase())
        }
        _ => None,
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
        Params {
            lead_bonus: 3.0,
            min_terms: 6.0,
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
    let centroid_norm = centroid
        .iter()
        .map(|w| w * w)
        .sum::<f64>()
        .sqrt()
        .max(f64::MIN_POSITIVE);
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
            let scale = if norm > 0.0 {
                position_prior / (norm * centroid_norm)
            } else {
                0.0
            };
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
