//! Sentence scores: how close a sentence's TF-IDF vector is to the whole article's (its
//! centroid), times named signals: a steep lead prior over body sentences, similarity with the
//! title, and damping of fragments, questions, headings and metadata (bylines, captions,
//! sources, URLs, reading-time notes). Every score comes with the terms that made it and the
//! factors of every signal.

mod bag;
mod metadata;
mod params;

pub use bag::{similarity, Bag, Pair, Term};
pub use metadata::{is_heading, is_metadata, is_question, Shape, MAX_HEADING_CHARS};
pub use params::Params;

use serde::Serialize;

/// A named factor a sentence's content score was multiplied by.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Signal {
    pub name: &'static str,
    pub factor: f64,
}

/// The names of the signals, in the order every [`SentenceScore::signals`] lists them.
pub const SIGNALS: [&str; 6] = ["position", "title", "length", "question", "heading", "metadata"];

/// A sentence's score and its explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceScore {
    pub score: f64,
    /// Every factor the content was multiplied by, named as in [`SIGNALS`]; 1 when neutral.
    pub signals: Vec<Signal>,
    /// (term id, share of the score), largest first; the shares add up to `score`.
    pub contributions: Vec<(u32, f64)>,
}

/// Scores every sentence: content (cosine with the article) times the signals' factors.
pub fn score(shapes: &[Shape], bag: &Bag, params: &Params) -> Vec<SentenceScore> {
    let centroid: Vec<f64> = bag.terms.iter().map(Term::weight).collect();
    let centroid_norm = centroid
        .iter()
        .map(|w| w * w)
        .sum::<f64>()
        .sqrt()
        .max(f64::MIN_POSITIVE);
    let title = title_of(shapes, bag);
    let mut body_before = 0usize;
    shapes
        .iter()
        .zip(&bag.sentence_terms)
        .enumerate()
        .map(|(index, (shape, terms))| {
            let occurrences: f64 = terms.iter().map(|&(_, c)| f64::from(c)).sum();
            let mut norm = bag.norms[index];
            if occurrences > 0.0 && occurrences < params.min_terms {
                norm *= (params.min_terms / occurrences).sqrt();
            }
            let body = !shape.heading && !shape.metadata;
            // Only body sentences have a lead to be in: a title or a source line at the top
            // is not the lead.
            let position = if body {
                1.0 + params.lead_bonus * (-(body_before as f64) / params.lead_decay).exp()
            } else {
                1.0
            };
            if body {
                body_before += 1;
            }
            let title_factor = match title {
                Some(t) if t != index => 1.0 + params.title_weight * similarity(bag, t, index),
                _ => 1.0,
            };
            let length = (occurrences / params.fragment_terms).min(1.0).powi(2);
            let flag = |on: bool, factor: f64| if on { factor } else { 1.0 };
            let signals = vec![
                Signal {
                    name: SIGNALS[0],
                    factor: position,
                },
                Signal {
                    name: SIGNALS[1],
                    factor: title_factor,
                },
                Signal {
                    name: SIGNALS[2],
                    factor: length,
                },
                Signal {
                    name: SIGNALS[3],
                    factor: flag(shape.question, params.question),
                },
                Signal {
                    name: SIGNALS[4],
                    factor: flag(shape.heading, params.heading),
                },
                Signal {
                    name: SIGNALS[5],
                    factor: flag(shape.metadata, params.metadata),
                },
            ];
            let product: f64 = signals.iter().map(|s| s.factor).product();
            let scale = if norm > 0.0 {
                1.0 / (norm * centroid_norm)
            } else {
                0.0
            };
            let mut contributions: Vec<(u32, f64)> = terms
                .iter()
                .map(|t| (t.0, bag.weight(t) * centroid[t.0 as usize] * scale * product))
                .collect();
            contributions.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            // A fold from +0 rather than `sum()`, which starts from −0: a sentence without
            // terms scores 0, not "-0".
            let score = contributions.iter().fold(0.0, |score, (_, c)| score + c);
            SentenceScore {
                score,
                signals,
                contributions,
            }
        })
        .collect()
}

/// A title must be a heading among this many first sentences that are not metadata (a news
/// page may open with a lead paragraph or two before its headline).
const TITLE_WITHIN: usize = 3;

/// The title: the first heading with terms among the first sentences that are not metadata.
fn title_of(shapes: &[Shape], bag: &Bag) -> Option<usize> {
    shapes
        .iter()
        .enumerate()
        .filter(|(_, shape)| !shape.metadata)
        .take(TITLE_WITHIN)
        .find(|&(index, shape)| shape.heading && !bag.sentence_terms[index].is_empty())
        .map(|(index, _)| index)
}
