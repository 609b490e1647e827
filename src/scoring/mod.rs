//! How a sentence is scored: its **centrality** (how much of what it says the rest of the
//! article says too: the sum of its TF-IDF cosine with every other sentence, as LexRank's graph
//! degree), made compact by **density** (IDF mass per character) and **brevity**, times named
//! signals: a **position** prior that only a report's style earns ([`Lead`]), similarity with the
//! **title**, and damping of fragments, questions, headings, fillers and page metadata. Every
//! score comes with the terms that made it and the value and factor of every signal.

mod bag;
mod metadata;
mod params;
mod speech;
mod style;
mod turns;

pub use bag::{similarity, Bag, Phrase, Term};
pub use metadata::{is_heading, is_metadata, is_question, shapes, Shape};
use params::TITLE_WITHIN;
pub use params::{Params, MAX_HEADING_CHARS};
pub use speech::is_filler;
pub(crate) use speech::FILLERS;
pub(crate) use style::is_in;
pub use style::Lead;
pub use turns::Turns;

use serde::Serialize;

/// A named factor a sentence's content score was multiplied by, with what it measured.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Signal {
    /// One of [`SIGNALS`].
    pub name: &'static str,
    /// What the content score was multiplied by (1 when neutral).
    pub factor: f64,
    /// What the signal read: position: the text's lead strength (0–1); title: cosine with the
    /// title; length: scoring terms; brevity: characters; density: IDF per character (brevity and
    /// density count relative to the article's median sentence); the
    /// flags (question, heading, metadata, filler, asked): 1 when the sentence is one, else 0.
    pub value: f64,
}

/// The names of the signals, in the order every [`SentenceScore::signals`] lists them.
pub const SIGNALS: [&str; 10] = [
    "position", "title", "length", "brevity", "density", "question", "heading", "metadata", "filler", "asked",
];

/// A sentence's score and its explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceScore {
    /// The sentence's score: its centrality times every signal's factor; higher is better.
    pub score: f64,
    /// Every factor the content was multiplied by, named as in [`SIGNALS`]; 1 when neutral.
    pub signals: Vec<Signal>,
    /// (term id, share of the score), largest first; the shares add up to `score`.
    pub contributions: Vec<(u32, f64)>,
}

/// Scores every sentence: centrality times the signals' factors. `chars[i]` is sentence `i`'s
/// length in characters; `lead` is what the text's style earns its opening; `turns` tells the
/// sentences an interviewer asked; `repeated[i]` whether sentence `i` repeats an earlier one
/// word for word.
pub fn score(
    shapes: &[Shape],
    chars: &[usize],
    bag: &Bag,
    lead: &Lead,
    turns: &Turns,
    repeated: &[bool],
    params: &Params,
) -> Vec<SentenceScore> {
    // The sum of every sentence's unit TF-IDF vector: a sentence's dot product with it, less its
    // own 1, is the sum of its cosines with all the others, in linear time.
    let mut sum = vec![0.0; bag.terms.len()];
    // A sentence that repeats an earlier one word for word (a footer after every post) adds
    // nothing: else each copy would make every other copy central.
    for ((terms, &norm), &repeated) in bag.sentence_terms.iter().zip(&bag.norms).zip(repeated) {
        if norm > 0.0 && !repeated {
            for term in terms {
                sum[term.0 as usize] += bag.weight(term) / norm;
            }
        }
    }
    let title = title_of(shapes, bag);
    // Density and brevity are read against the article's typical sentence, so that they show
    // (and count) as the sentence's difference from it: a constant factor per article, which
    // changes no ranking.
    let density_of = |index: usize| {
        let idf_mass: f64 = bag.sentence_terms[index]
            .iter()
            .map(|&(id, count)| f64::from(count) * bag.terms[id as usize].idf)
            .sum();
        idf_mass / (chars[index] as f64).max(1.0)
    };
    let brevity_of =
        |index: usize| (1.0 + chars[index] as f64 / params.brevity_chars).powf(-params.brevity_power);
    let with_terms: Vec<usize> = (0..shapes.len())
        .filter(|&i| !bag.sentence_terms[i].is_empty())
        .collect();
    let typical_density = median(with_terms.iter().map(|&i| density_of(i))).max(f64::MIN_POSITIVE);
    let typical_brevity = median(with_terms.iter().map(|&i| brevity_of(i))).max(f64::MIN_POSITIVE);
    let mut body_before = 0usize;
    shapes
        .iter()
        .zip(&bag.sentence_terms)
        .enumerate()
        .map(|(index, (shape, terms))| {
            let occurrences: f64 = terms.iter().map(|&(_, c)| f64::from(c)).sum();
            let norm = bag.norms[index];
            let body =
                !shape.heading && !shape.metadata && !shape.filler && !shape.caption && !turns.asked[index];
            // Only body sentences have a lead to be in: a title or a source line at the top
            // is not the lead.
            let position = if body {
                let bonus = 1.0 + params.lead_bonus * (-(body_before as f64) / params.lead_decay).exp();
                body_before += 1;
                bonus.powf(lead.strength)
            } else {
                1.0
            };
            let (title_similarity, title_factor) = match title {
                Some(t) if t == index && shape.title => (1.0, params.own_title),
                Some(t) if t != index => {
                    let similarity = similarity(bag, t, index);
                    (similarity, 1.0 + params.title_weight * similarity)
                }
                _ => (0.0, 1.0),
            };
            let length = (occurrences / params.fragment_terms).min(1.0).powi(2);
            let chars = chars[index] as f64;
            let brevity = brevity_of(index) / typical_brevity;
            let density = density_of(index);
            let flag = |name, on: bool, factor: f64| Signal {
                name,
                factor: if on { factor } else { 1.0 },
                value: f64::from(u8::from(on)),
            };
            let signals = vec![
                Signal {
                    name: SIGNALS[0],
                    factor: position,
                    value: lead.strength,
                },
                Signal {
                    name: SIGNALS[1],
                    factor: title_factor,
                    value: title_similarity,
                },
                Signal {
                    name: SIGNALS[2],
                    factor: length,
                    value: occurrences,
                },
                Signal {
                    name: SIGNALS[3],
                    factor: brevity,
                    value: chars,
                },
                Signal {
                    name: SIGNALS[4],
                    factor: (density / typical_density).powf(params.density_power),
                    value: density,
                },
                flag(SIGNALS[5], shape.question, params.question),
                flag(SIGNALS[6], shape.heading, params.heading),
                flag(SIGNALS[7], shape.metadata, params.metadata),
                flag(SIGNALS[8], shape.filler, params.filler),
                flag(SIGNALS[9], turns.asked[index], params.asked),
            ];
            let product: f64 = signals.iter().map(|s| s.factor).product();
            // Term t's part of the centrality: its unit weight here times its unit weight in
            // all the other sentences.
            let mut contributions: Vec<(u32, f64)> = if norm > 0.0 {
                terms
                    .iter()
                    .map(|t| {
                        let here = bag.weight(t) / norm;
                        // A repeat is not in the sum, so there is no own weight to take out.
                        let own = if repeated[index] { 0.0 } else { here };
                        (t.0, here * (sum[t.0 as usize] - own).max(0.0) * product)
                    })
                    .collect()
            } else {
                Vec::new()
            };
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

/// The median of some values (0 for none).
fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut values: Vec<f64> = values.collect();
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// The title: the line [`shapes`] took for the page's title, or else the first heading with
/// terms among the first sentences that are not metadata.
fn title_of(shapes: &[Shape], bag: &Bag) -> Option<usize> {
    if let Some(title) = shapes.iter().position(|shape| shape.title) {
        return Some(title);
    }
    shapes
        .iter()
        .enumerate()
        .filter(|(_, shape)| !shape.metadata)
        .take(TITLE_WITHIN)
        .find(|&(index, shape)| shape.heading && !bag.sentence_terms[index].is_empty())
        .map(|(index, _)| index)
}
