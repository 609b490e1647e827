//! Choosing sentences: rank once (best first, near-duplicates dropped), then cut the ranking to
//! any budget without touching the text again.

use std::hash::{Hash, Hasher};

use crate::text::chars::is_alphanumeric;
use rustc_hash::FxHashSet;

use crate::error::Error;
use crate::scoring::{similarity, Bag, Params, SentenceScore};

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
    /// The budget itself if it is in range (at least 1 sentence or character, a ratio above 0
    /// and at most 1), else [`Error::InvalidOption`] naming it.
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

/// How many of the best sentences are ranked with their overlap taken into account (each
/// candidate against each sentence ranked before it); the rest follow by score, without
/// near-duplicates. No summary needs more, and it keeps ranking linear on very long texts.
const MAX_COMPARED: usize = 200;

/// Sentence indices from best to worst. The best `MAX_COMPARED` (200) are ranked greedily: each
/// next one is the candidate whose score, lowered by its overlap with those ranked before it
/// (`× (1 − redundancy · largest cosine)`), is highest, so a summary says several things rather
/// than one thing several times. Exact repeats and near-duplicates (cosine ≥
/// `duplicate_similarity`) of better sentences are dropped.
pub fn rank(scores: &[SentenceScore], bag: &Bag, texts: &[&str], params: &Params) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].score.total_cmp(&scores[a].score).then(a.cmp(&b)));
    // Sentences that read the same once punctuation and spaces are gone, by a 64-bit hash of
    // their letters: no string per sentence.
    let mut seen_texts: FxHashSet<u64> = FxHashSet::default();
    let mut distinct = order.into_iter().filter(|&index| {
        let mut hasher = rustc_hash::FxHasher::default();
        texts[index]
            .chars()
            .filter(|&c| is_alphanumeric(c))
            .for_each(|c| c.hash(&mut hasher));
        seen_texts.insert(hasher.finish())
    });
    // The pool: the best distinct sentences, each with its largest cosine with those ranked.
    let mut pool: Vec<(usize, f64)> = distinct.by_ref().take(MAX_COMPARED).map(|i| (i, 0.0)).collect();
    let mut compared = KeptIndex::default();
    let mut ranking = Vec::with_capacity(scores.len());
    while !pool.is_empty() {
        let mut best: Option<(usize, f64)> = None;
        for (slot, &(index, overlap)) in pool.iter().enumerate() {
            let value = scores[index].score * (1.0 - params.redundancy * overlap).max(0.0);
            if best.is_none_or(|(_, b)| value > b) {
                best = Some((slot, value));
            }
        }
        let Some((slot, _)) = best else { break };
        let (chosen, _) = pool.remove(slot);
        ranking.push(chosen);
        compared.add(bag, chosen);
        pool.retain_mut(|(index, overlap)| {
            *overlap = overlap.max(similarity(bag, chosen, *index));
            *overlap < params.duplicate_similarity
        });
    }
    for index in distinct {
        if ranking.len() >= MAX_COMPARED * 4
            || !compared.has_near_duplicate(bag, index, params.duplicate_similarity)
        {
            ranking.push(index);
        }
    }
    ranking
}

/// The first kept sentences, indexed by term, so that a candidate is compared only with the
/// kept sentences it shares a term with: the same cosine as [`crate::scoring::similarity`], summed in the same
/// order, without walking every pair of term lists.
#[derive(Default)]
struct KeptIndex {
    kept: Vec<usize>,
    /// Per term id: (position in `kept`, the term's weight in that sentence).
    postings: rustc_hash::FxHashMap<u32, Vec<(u32, f64)>>,
    dots: Vec<f64>,
    touched: Vec<u32>,
}

impl KeptIndex {
    fn add(&mut self, bag: &Bag, index: usize) {
        let slot = self.kept.len() as u32;
        self.kept.push(index);
        self.dots.push(0.0);
        for term in &bag.sentence_terms[index] {
            self.postings
                .entry(term.0)
                .or_default()
                .push((slot, bag.weight(term)));
        }
    }

    fn has_near_duplicate(&mut self, bag: &Bag, index: usize, threshold: f64) -> bool {
        let norm = bag.norms[index];
        if norm == 0.0 {
            return false;
        }
        for term in &bag.sentence_terms[index] {
            let Some(postings) = self.postings.get(&term.0) else {
                continue;
            };
            let weight = bag.weight(term);
            for &(slot, kept_weight) in postings {
                let dot = &mut self.dots[slot as usize];
                if *dot == 0.0 {
                    self.touched.push(slot);
                }
                *dot += kept_weight * weight;
            }
        }
        let mut duplicate = false;
        for slot in self.touched.drain(..) {
            let dot = std::mem::take(&mut self.dots[slot as usize]);
            let kept_norm = bag.norms[self.kept[slot as usize]];
            duplicate |= kept_norm != 0.0 && dot / (kept_norm * norm) >= threshold;
        }
        duplicate
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::Term;
    use crate::text::script::Script;

    /// `rank` as defined: the best distinct sentences ranked greedily by their score lowered by
    /// their overlap, each compared with every sentence ranked; then the rest by score, without
    /// near-duplicates of those.
    fn rank_by_definition(
        scores: &[SentenceScore],
        bag: &Bag,
        texts: &[&str],
        params: &Params,
    ) -> Vec<usize> {
        let mut order: Vec<usize> = (0..scores.len()).collect();
        order.sort_by(|&a, &b| scores[b].score.total_cmp(&scores[a].score).then(a.cmp(&b)));
        let mut seen = std::collections::HashSet::new();
        order.retain(|&index| {
            seen.insert(
                texts[index]
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>(),
            )
        });
        let rest = order.split_off(order.len().min(MAX_COMPARED));
        let mut pool = order;
        let mut ranking: Vec<usize> = Vec::new();
        let overlap = |ranking: &[usize], index: usize| {
            ranking
                .iter()
                .map(|&kept| similarity(bag, kept, index))
                .fold(0.0, f64::max)
        };
        loop {
            pool.retain(|&index| overlap(&ranking, index) < params.duplicate_similarity);
            let Some(&best) = pool.iter().rev().max_by(|&&a, &&b| {
                let value =
                    |i: usize| scores[i].score * (1.0 - params.redundancy * overlap(&ranking, i)).max(0.0);
                value(a).total_cmp(&value(b))
            }) else {
                break;
            };
            pool.retain(|&index| index != best);
            ranking.push(best);
        }
        let pooled = ranking.len();
        for index in rest {
            if ranking.len() >= MAX_COMPARED * 4
                || overlap(&ranking[..pooled], index) < params.duplicate_similarity
            {
                ranking.push(index);
            }
        }
        ranking
    }

    #[test]
    fn the_term_index_ranks_as_the_definition_does() {
        // Pseudo-random sentences over a small vocabulary, a third of them near copies of an
        // earlier one, and more sentences than MAX_COMPARED so that the limits are reached.
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let terms: Vec<Term> = (0..60)
            .map(|i| Term {
                display: format!("t{i}"),
                script: Script::Latin,
                idf: 1.0 + (i % 7) as f64,
                count: 1,
                sentences: Vec::new(),
            })
            .collect();
        let mut sentence_terms: Vec<Vec<(u32, u32)>> = Vec::new();
        for i in 0..1200 {
            let mut bag_of: Vec<(u32, u32)> = if i > 0 && next(3) == 0 {
                let mut copy = sentence_terms[next(i) as usize].clone();
                copy.push((next(60) as u32, 1));
                copy
            } else {
                (0..1 + next(8))
                    .map(|_| (next(60) as u32, 1 + next(2) as u32))
                    .collect()
            };
            bag_of.sort_unstable();
            bag_of.dedup_by_key(|t| t.0);
            sentence_terms.push(bag_of);
        }
        let mut bag = Bag {
            terms,
            sentence_terms,
            ..Bag::default()
        };
        bag.norms = bag.sentence_norms();
        let scores: Vec<SentenceScore> = (0..bag.sentence_terms.len())
            .map(|_| SentenceScore {
                score: next(1000) as f64,
                signals: Vec::new(),
                contributions: Vec::new(),
            })
            .collect();
        let texts: Vec<String> = (0..scores.len()).map(|i| format!("sentence {i}")).collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let params = Params::default();
        let ranking = rank(&scores, &bag, &texts, &params);
        assert_eq!(ranking, rank_by_definition(&scores, &bag, &texts, &params));
        assert!(
            ranking.len() < scores.len() && ranking.len() > MAX_COMPARED,
            "{}",
            ranking.len()
        );
    }
}

#[cfg(test)]
mod repeats {
    use crate::selection::Budget;
    use crate::summarizer::Summarizer;
    use crate::text::lang::LangChoice;

    #[test]
    fn sentences_differing_only_in_unassigned_code_points_repeat() {
        let analysis = Summarizer::new()
            .analyze("一二三\u{FADA}。一二三。", LangChoice::Auto)
            .unwrap();
        assert_eq!(analysis.select(Budget::Sentences(2)).unwrap(), [0]);
    }
}
