//! Choosing sentences: rank once (best first, near-duplicates dropped), then cut the ranking to
//! any budget without touching the text again.

use std::hash::{Hash, Hasher};

use crate::lexicon::FxHashSet;

use crate::scores::{similarity, Bag, SentenceScore};
use crate::Error;

/// How long the summary may be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Budget {
    /// At most this many sentences (at least 1).
    Sentences(usize),
    /// This share of the article's sentences, rounded, at least one sentence; in (0, 1].
    Ratio(f64),
    /// At most this many characters (Unicode scalar values) of sentence text, at least 1.
    /// Sentences that do not fit are skipped for shorter ones further down the ranking.
    Chars(usize),
}

impl Default for Budget {
    fn default() -> Self {
        Budget::Sentences(3)
    }
}

impl Budget {
    pub fn validate(self) -> Result<Budget, Error> {
        match self {
            Budget::Sentences(0) => Err(Error::InvalidOption("sentences must be at least 1".into())),
            Budget::Chars(0) => Err(Error::InvalidOption("chars must be at least 1".into())),
            Budget::Ratio(r) if !(r > 0.0 && r <= 1.0) => Err(Error::InvalidOption(format!(
                "ratio must be a number above 0 and at most 1, not {r}"
            ))),
            ok => Ok(ok),
        }
    }
}

/// Two sentences at least this similar say the same thing; only the better one is kept.
pub const DUPLICATE_SIMILARITY: f64 = 0.7;
/// Near-duplicate checks compare a candidate with at most this many kept sentences: no summary
/// needs more, and it keeps ranking linear on very long texts.
const MAX_COMPARED: usize = 200;

/// Sentence indices from best to worst, without near-duplicates of better sentences.
pub fn rank(scores: &[SentenceScore], bag: &Bag, texts: &[&str]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].score.total_cmp(&scores[a].score).then(a.cmp(&b)));
    // Sentences that read the same once punctuation and spaces are gone, by a 64-bit hash of
    // their letters: no string per sentence.
    let mut seen_texts: FxHashSet<u64> = FxHashSet::default();
    let mut ranking = Vec::with_capacity(order.len());
    for index in order {
        let mut hasher = rustc_hash::FxHasher::default();
        texts[index]
            .chars()
            .filter(|c| c.is_alphanumeric())
            .for_each(|c| c.hash(&mut hasher));
        if !seen_texts.insert(hasher.finish()) {
            continue;
        }
        let duplicate = ranking.len() < MAX_COMPARED * 4
            && ranking
                .iter()
                .take(MAX_COMPARED)
                .any(|&kept| similarity(bag, kept, index) >= DUPLICATE_SIMILARITY);
        if !duplicate {
            ranking.push(index);
        }
    }
    ranking
}

/// The chosen sentence indices in document order. `lengths` are the sentences' char counts.
pub fn select(ranking: &[usize], lengths: &[usize], budget: Budget) -> Result<Vec<usize>, Error> {
    let total = lengths.len();
    let mut chosen: Vec<usize> = match budget.validate()? {
        Budget::Sentences(n) => ranking.iter().copied().take(n).collect(),
        Budget::Ratio(r) => {
            let n = ((total as f64 * r).round() as usize).max(1);
            ranking.iter().copied().take(n).collect()
        }
        Budget::Chars(limit) => {
            let mut used = 0;
            let mut chosen = Vec::new();
            for &index in ranking {
                if used + lengths[index] <= limit {
                    used += lengths[index];
                    chosen.push(index);
                }
            }
            chosen
        }
    };
    chosen.sort_unstable();
    Ok(chosen)
}
