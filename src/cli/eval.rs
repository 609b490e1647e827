//! ROUGE and keyword scoring, as ../shared/eval/README.md describes.
//!
//! The figures must agree with the README's table, measured with Google's `rouge-score`
//! package for English, so the English details follow it step by step, tie-breaks included
//! (checked equal to 1e-12 on 1,000 dev cases). The Chinese rule below reproduces the
//! README's Lead row exactly.
//!
//! - Chinese: one token per character, keeping Unicode letters and digits (L*, N*) only;
//!   R-L is the LCS of the whole sequences.
//! - English: lower-cased `[a-z0-9]+` runs, Porter-stemmed when longer than 3 characters,
//!   with NLTK's `PorterStemmer` in its default `NLTK_EXTENSIONS` mode (what `rouge-score`
//!   uses); R-L is summary-level ROUGE-Lsum.
//! - Keywords: exact match after NFKC, whitespace removal and lower-casing.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use serde::Serialize;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// ROUGE F1 scores, ×100. `rl` is the LCS score (zh) or ROUGE-Lsum (en).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Rouge {
    pub r1: f64,
    pub r2: f64,
    pub rl: f64,
}

impl Rouge {
    /// Macro average over documents (zero for an empty slice).
    pub fn mean(scores: &[Rouge]) -> Rouge {
        Rouge {
            r1: mean(scores.iter().map(|s| s.r1)),
            r2: mean(scores.iter().map(|s| s.r2)),
            rl: mean(scores.iter().map(|s| s.rl)),
        }
    }
}

/// Precision, recall and F1, ×100.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

impl Prf {
    /// Macro average over documents (zero for an empty slice): each field is averaged
    /// separately, so `f1` is the mean of per-document F1s, not the F1 of the means.
    pub fn mean(scores: &[Prf]) -> Prf {
        Prf {
            p: mean(scores.iter().map(|s| s.p)),
            r: mean(scores.iter().map(|s| s.r)),
            f1: mean(scores.iter().map(|s| s.f1)),
        }
    }
}

/// A paired bootstrap estimate of `mean(a - b)` with its 95% percentile interval.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Bootstrap {
    pub mean_diff: f64,
    pub low: f64,
    pub high: f64,
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, count) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if count == 0 {
        0.0
    } else {
        sum / count as f64
    }
}

// ---------------------------------------------------------------------------------------
// ROUGE
// ---------------------------------------------------------------------------------------

/// ROUGE-1/2/L of the chosen sentences against a Chinese reference.
///
/// The prediction's sentences are concatenated (bigrams may span two of them).
pub fn rouge_zh(prediction: &[&str], reference: &str) -> Rouge {
    let candidate: Vec<char> = prediction.iter().flat_map(|s| zh_tokens(s)).collect();
    let target = zh_tokens(reference);
    Rouge {
        r1: 100.0 * rouge_n(&target, &candidate, 1),
        r2: 100.0 * rouge_n(&target, &candidate, 2),
        rl: 100.0 * rouge_l(&target, &candidate),
    }
}

/// ROUGE-1/2/Lsum of the chosen sentences against an English reference, as
/// `rouge_score.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)` scores
/// the prediction joined by newlines against the reference split into sentences.
///
/// Each prediction item is one sentence (an item holding newlines counts as several).
/// The reference is split by [`reference_sentences`].
pub fn rouge_en(prediction: &[&str], reference: &str) -> Rouge {
    let candidate: Vec<String> = prediction.iter().flat_map(|s| en_tokens(s)).collect();
    let target = en_tokens(reference);
    let candidate_sentences: Vec<Vec<String>> = prediction
        .iter()
        .flat_map(|item| item.split('\n'))
        .map(en_tokens)
        .collect();
    let target_sentences: Vec<Vec<String>> = reference_sentences(reference)
        .into_iter()
        .map(en_tokens)
        .collect();
    Rouge {
        r1: 100.0 * rouge_n(&target, &candidate, 1),
        r2: 100.0 * rouge_n(&target, &candidate, 2),
        rl: 100.0 * rouge_lsum(&target_sentences, &candidate_sentences),
    }
}

/// The README's Chinese tokens: every character of general category L* or N*.
pub fn zh_tokens(text: &str) -> Vec<char> {
    text.chars().filter(|&c| is_letter_or_digit(c)).collect()
}

/// Whether `c` is in general category L* or N*. `char::is_alphanumeric` is that set plus the
/// Other_Alphabetic characters outside it: combining marks and four blocks of enclosed
/// letters (category So), checked against Python's `unicodedata` over every code point.
fn is_letter_or_digit(c: char) -> bool {
    const ENCLOSED_LETTERS: [(char, char); 4] = [
        ('\u{24B6}', '\u{24E9}'),
        ('\u{1F130}', '\u{1F149}'),
        ('\u{1F150}', '\u{1F169}'),
        ('\u{1F170}', '\u{1F189}'),
    ];
    c.is_alphanumeric()
        && !is_combining_mark(c)
        && !ENCLOSED_LETTERS
            .iter()
            .any(|&(first, last)| (first..=last).contains(&c))
}

/// `rouge_score.tokenize.tokenize(text, PorterStemmer())`: lower-case, split on anything
/// but `[a-z0-9]`, stem the tokens longer than 3 characters.
pub fn en_tokens(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|token| !token.is_empty())
        .map(|token| {
            if token.len() > 3 {
                porter_stem(token)
            } else {
                token.to_string()
            }
        })
        .collect()
}

/// Splits an English reference into sentences the way NLTK's Punkt (which `rouge-score`'s
/// Lsum sentence splitting uses) splits them; in the tokenised CNN/DailyMail highlights
/// " . " ends a sentence.
///
/// A sentence ends after a whitespace-separated word ending in `.`, `!` or `?` (closing
/// quotes or brackets may follow), except an ellipsis, a one-letter initial (`J.`) or a
/// common abbreviation (`Mr.`, `U.S.`). Against NLTK on the 200 dev references this gives
/// the same tokens per sentence for all 200, and for 194 of the 200 raw articles.
pub fn reference_sentences(text: &str) -> Vec<&str> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let offset = |word: &str| word.as_ptr() as usize - text.as_ptr() as usize;
    let is_closer = |word: &str| word.chars().all(|c| CLOSERS.contains(&c));
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < words.len() {
        if ends_sentence(words[i]) || i + 1 == words.len() {
            // Like Punkt, a detached closing quote goes with the sentence it follows.
            while i + 1 < words.len() && is_closer(words[i + 1]) {
                i += 1;
            }
            let end = offset(words[i]) + words[i].len();
            sentences.push(&text[offset(words[start])..end]);
            start = i + 1;
        }
        i += 1;
    }
    sentences
}

const CLOSERS: &[char] = &['"', '\'', '\u{201D}', '\u{2019}', ')', ']', '}', '\u{BB}'];
const OPENERS: &[char] = &['"', '\'', '\u{201C}', '\u{2018}', '(', '[', '{', '\u{AB}'];

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "sen", "rep", "reps", "gov", "pres", "lt",
    "col", "maj", "capt", "sgt", "adm", "brig", "cmdr", "lieut", "supt", "det", "insp", "rev", "hon",
    "messrs", "mt", "ft", "vs", "v", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "ala", "ariz", "calif", "colo", "conn", "fla", "ga", "ill",
    "kan", "ky", "mass", "mich", "minn", "nev", "okla", "ore", "pa", "tenn", "va", "wash", "u.s", "u.k",
    "u.n", "e.g", "i.e", "etc", "a.m", "p.m", "d.c", "l.a", "n.y", "ph.d",
];

fn ends_sentence(word: &str) -> bool {
    let core = word.trim_end_matches(CLOSERS);
    if core.ends_with("..") || !core.ends_with(['!', '?', '.']) {
        return false;
    }
    let Some(before) = core.strip_suffix('.') else {
        return true;
    };
    let before = before.trim_start_matches(OPENERS).to_lowercase();
    let mut chars = before.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic());
    !initial && !ABBREVIATIONS.contains(&before.as_str())
}

/// F1 of n-gram overlap, as `rouge_score.rouge_scorer._score_ngrams`.
fn rouge_n<T: Eq + Hash>(target: &[T], candidate: &[T], n: usize) -> f64 {
    let target_ngrams = ngram_counts(target, n);
    let candidate_ngrams = ngram_counts(candidate, n);
    let overlap: usize = target_ngrams
        .iter()
        .map(|(ngram, &count)| count.min(candidate_ngrams.get(ngram).copied().unwrap_or(0)))
        .sum();
    let target_total = target.len().saturating_sub(n - 1);
    let candidate_total = candidate.len().saturating_sub(n - 1);
    let precision = overlap as f64 / candidate_total.max(1) as f64;
    let recall = overlap as f64 / target_total.max(1) as f64;
    f_measure(precision, recall)
}

fn ngram_counts<T: Eq + Hash>(tokens: &[T], n: usize) -> HashMap<&[T], usize> {
    let mut counts = HashMap::new();
    if n > 0 {
        for ngram in tokens.windows(n) {
            *counts.entry(ngram).or_insert(0) += 1;
        }
    }
    counts
}

fn f_measure(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

/// Sentence-level LCS F1 over the whole sequences.
fn rouge_l<T: Eq>(target: &[T], candidate: &[T]) -> f64 {
    if target.is_empty() || candidate.is_empty() {
        return 0.0;
    }
    let lcs = lcs_length(target, candidate) as f64;
    f_measure(lcs / candidate.len() as f64, lcs / target.len() as f64)
}

fn lcs_length<T: Eq>(a: &[T], b: &[T]) -> usize {
    let mut previous = vec![0usize; b.len() + 1];
    let mut current = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            current[j + 1] = if x == y {
                previous[j] + 1
            } else {
                previous[j + 1].max(current[j])
            };
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// Summary-level LCS F1 (ROUGE-Lsum), as `rouge_score.rouge_scorer._summary_level_lcs`:
/// for each reference sentence the union of its LCS positions with every candidate
/// sentence, with hits capped by token counts so that no token is counted twice.
fn rouge_lsum(target: &[Vec<String>], candidate: &[Vec<String>]) -> f64 {
    let target_total: usize = target.iter().map(Vec::len).sum();
    let candidate_total: usize = candidate.iter().map(Vec::len).sum();
    if target_total == 0 || candidate_total == 0 {
        return 0.0;
    }
    let mut target_left = token_counts(target);
    let mut candidate_left = token_counts(candidate);
    let mut hits = 0usize;
    for sentence in target {
        let mut union: Vec<usize> = candidate
            .iter()
            .flat_map(|other| lcs_positions(sentence, other))
            .collect();
        union.sort_unstable();
        union.dedup();
        for token in union.into_iter().map(|i| sentence[i].as_str()) {
            let (Some(t), Some(c)) = (target_left.get_mut(token), candidate_left.get_mut(token)) else {
                continue;
            };
            if *t > 0 && *c > 0 {
                hits += 1;
                *t -= 1;
                *c -= 1;
            }
        }
    }
    let precision = hits as f64 / candidate_total as f64;
    let recall = hits as f64 / target_total as f64;
    f_measure(precision, recall)
}

fn token_counts(sentences: &[Vec<String>]) -> HashMap<&str, usize> {
    let mut counts = HashMap::new();
    for token in sentences.iter().flatten() {
        *counts.entry(token.as_str()).or_insert(0) += 1;
    }
    counts
}

/// Positions in `reference` of one LCS with `candidate`, chosen by the same backtracking
/// tie-break as `rouge_score.rouge_scorer._backtrack_norec` (the union depends on it).
fn lcs_positions<T: Eq>(reference: &[T], candidate: &[T]) -> Vec<usize> {
    let columns = candidate.len() + 1;
    let mut table = vec![0usize; (reference.len() + 1) * columns];
    for i in 1..=reference.len() {
        for j in 1..=candidate.len() {
            table[i * columns + j] = if reference[i - 1] == candidate[j - 1] {
                table[(i - 1) * columns + j - 1] + 1
            } else {
                table[(i - 1) * columns + j].max(table[i * columns + j - 1])
            };
        }
    }
    let mut positions = Vec::new();
    let (mut i, mut j) = (reference.len(), candidate.len());
    while i > 0 && j > 0 {
        if reference[i - 1] == candidate[j - 1] {
            positions.push(i - 1);
            i -= 1;
            j -= 1;
        } else if table[i * columns + j - 1] > table[(i - 1) * columns + j] {
            j -= 1;
        } else {
            i -= 1;
        }
    }
    positions.reverse();
    positions
}

// ---------------------------------------------------------------------------------------
// Keywords
// ---------------------------------------------------------------------------------------

/// Precision, recall and F1 (×100) of the first `k` predicted keywords against the gold
/// ones, matched exactly after [`normalize_keyword`].
///
/// P = hits / k even when fewer than `k` keywords are predicted (the F1@k convention of
/// keyphrase evaluation, which pads short lists with wrong answers); R = hits / distinct
/// gold keywords. Duplicates after normalisation count once. Macro-averaging these per
/// document with [`Prf::mean`] reproduces the README's jieba figures (14.57 / 12.85).
pub fn keywords_at(predicted: &[&str], gold: &[&str], k: usize) -> Prf {
    let gold: HashSet<String> = gold
        .iter()
        .map(|g| normalize_keyword(g))
        .filter(|g| !g.is_empty())
        .collect();
    if k == 0 || gold.is_empty() {
        return Prf::default();
    }
    let top: HashSet<String> = predicted.iter().take(k).map(|p| normalize_keyword(p)).collect();
    let hits = top.intersection(&gold).count() as f64;
    let precision = hits / k as f64;
    let recall = hits / gold.len() as f64;
    Prf {
        p: 100.0 * precision,
        r: 100.0 * recall,
        f1: 100.0 * f_measure(precision, recall),
    }
}

/// NFKC, then whitespace removed (Python's `str.split()` set), then lower-cased.
pub fn normalize_keyword(keyword: &str) -> String {
    let is_python_space = |c: char| c.is_whitespace() || ('\u{1C}'..='\u{1F}').contains(&c);
    keyword
        .nfkc()
        .filter(|&c| !is_python_space(c))
        .collect::<String>()
        .to_lowercase()
}

// ---------------------------------------------------------------------------------------
// Paired bootstrap
// ---------------------------------------------------------------------------------------

/// Paired bootstrap of `mean(a - b)` over documents: `resamples` resamples of the
/// per-document differences, 2.5th and 97.5th percentiles (linearly interpolated, as
/// numpy's default). Deterministic for a given `seed`. Empty input gives all zeros; with
/// no resamples the interval collapses to the mean.
///
/// # Panics
/// If `a` and `b` differ in length: they must score the same documents.
pub fn paired_bootstrap(a: &[f64], b: &[f64], resamples: usize, seed: u64) -> Bootstrap {
    assert_eq!(
        a.len(),
        b.len(),
        "paired bootstrap needs one score per document in each"
    );
    let diffs: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    if diffs.is_empty() {
        return Bootstrap::default();
    }
    let mean_diff = mean(diffs.iter().copied());
    if resamples == 0 {
        return Bootstrap {
            mean_diff,
            low: mean_diff,
            high: mean_diff,
        };
    }
    let mut rng = SplitMix64(seed);
    let mut means: Vec<f64> = (0..resamples)
        .map(|_| mean((0..diffs.len()).map(|_| diffs[rng.below(diffs.len())])))
        .collect();
    means.sort_by(f64::total_cmp);
    Bootstrap {
        mean_diff,
        low: percentile(&means, 2.5),
        high: percentile(&means, 97.5),
    }
}

fn percentile(sorted: &[f64], pct: f64) -> f64 {
    let rank = pct / 100.0 * (sorted.len() - 1) as f64;
    let below = rank.floor() as usize;
    let above = rank.ceil() as usize;
    sorted[below] + (sorted[above] - sorted[below]) * (rank - below as f64)
}

/// splitmix64 (Steele, Lea & Flood 2014): tiny, and good enough for resampling indices.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` by Lemire's multiply-shift (bias below 2^-40 for any document
    /// count here).
    fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }
}

// ---------------------------------------------------------------------------------------
// Porter stemmer, NLTK flavour
// ---------------------------------------------------------------------------------------
//
// A port of `nltk.stem.porter.PorterStemmer` in its default `NLTK_EXTENSIONS` mode, which
// `rouge-score` uses. Neither rust-stemmers (Snowball English, i.e. Porter2) nor the
// `porter-stemmer` crate (the original algorithm) stems like it: on the 11,188 distinct
// tokens longer than 3 characters of the CNN/DM dev file they differ from NLTK on 178 and
// 259 words, this port on none (nor on 300,000 generated suffix-heavy words). Rule order
// and "first matching suffix decides" follow NLTK's `_apply_rule_list` exactly.

/// Stems one token the way NLTK's `PorterStemmer().stem` does. Expects the ASCII
/// `[a-z0-9]` tokens of [`en_tokens`]; anything else non-ASCII is returned lower-cased but
/// otherwise unchanged.
pub fn porter_stem(word: &str) -> String {
    let word = word.to_lowercase();
    if !word.is_ascii() {
        return word;
    }
    if let Some(irregular) = irregular_stem(&word) {
        return irregular.to_string();
    }
    if word.len() <= 2 {
        return word;
    }
    let mut w = word.into_bytes();
    w = step1a(w);
    w = step1b(w);
    w = step1c(w);
    w = step2(w);
    w = step3(w);
    w = step4(w);
    w = step5a(w);
    w = step5b(w);
    String::from_utf8(w).expect("the stemmer only removes and adds ASCII")
}

fn irregular_stem(word: &str) -> Option<&'static str> {
    Some(match word {
        "sky" | "skies" => "sky",
        "dying" => "die",
        "lying" => "lie",
        "tying" => "tie",
        "news" => "news",
        "innings" | "inning" => "inning",
        "outings" | "outing" => "outing",
        "cannings" | "canning" => "canning",
        "howe" => "howe",
        "proceed" => "proceed",
        "exceed" => "exceed",
        "succeed" => "succeed",
        _ => return None,
    })
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// A `y` is a consonant at the start or after a vowel, else a vowel; walked back
/// iteratively over runs of `y`.
fn is_consonant(w: &[u8], mut i: usize) -> bool {
    let mut flipped = false;
    while i > 0 && w[i] == b'y' {
        flipped = !flipped;
        i -= 1;
    }
    // A consonant is a non-vowel, with the answer flipped once per `y` walked over.
    is_vowel(w[i]) == flipped
}

fn consonant_flags(w: &[u8]) -> Vec<bool> {
    let mut flags: Vec<bool> = Vec::with_capacity(w.len());
    for (i, &c) in w.iter().enumerate() {
        let consonant = if is_vowel(c) {
            false
        } else if c == b'y' {
            i == 0 || !flags[i - 1]
        } else {
            true
        };
        flags.push(consonant);
    }
    flags
}

/// Porter's m: the number of vowel-consonant transitions.
fn measure(w: &[u8]) -> usize {
    consonant_flags(w)
        .windows(2)
        .filter(|pair| !pair[0] && pair[1])
        .count()
}

fn contains_vowel(w: &[u8]) -> bool {
    consonant_flags(w).iter().any(|&consonant| !consonant)
}

fn ends_double_consonant(w: &[u8]) -> bool {
    let n = w.len();
    n >= 2 && w[n - 1] == w[n - 2] && is_consonant(w, n - 1)
}

/// Porter's *o, plus NLTK's two-letter vowel-consonant case.
fn ends_cvc(w: &[u8]) -> bool {
    let n = w.len();
    (n >= 3
        && is_consonant(w, n - 3)
        && !is_consonant(w, n - 2)
        && is_consonant(w, n - 1)
        && !matches!(w[n - 1], b'w' | b'x' | b'y'))
        || (n == 2 && !is_consonant(w, 0) && is_consonant(w, 1))
}

type Condition = fn(&[u8]) -> bool;

fn always(_: &[u8]) -> bool {
    true
}

fn m_gt0(stem: &[u8]) -> bool {
    measure(stem) > 0
}

fn m_gt1(stem: &[u8]) -> bool {
    measure(stem) > 1
}

fn replaced(stem: &[u8], replacement: &str) -> Vec<u8> {
    [stem, replacement.as_bytes()].concat()
}

/// NLTK's `_apply_rule_list`: the first rule whose suffix matches decides; if its
/// condition on the stem fails, the word is left as it is.
fn apply_rules(w: Vec<u8>, rules: &[(&str, &str, Condition)]) -> Vec<u8> {
    for &(suffix, replacement, condition) in rules {
        if let Some(stem) = w.strip_suffix(suffix.as_bytes()) {
            return if condition(stem) {
                replaced(stem, replacement)
            } else {
                w
            };
        }
    }
    w
}

fn step1a(w: Vec<u8>) -> Vec<u8> {
    if w.len() == 4 && w.ends_with(b"ies") {
        return replaced(&w[..1], "ie");
    }
    apply_rules(
        w,
        &[
            ("sses", "ss", always),
            ("ies", "i", always),
            ("ss", "ss", always),
            ("s", "", always),
        ],
    )
}

fn step1b(w: Vec<u8>) -> Vec<u8> {
    if let Some(stem) = w.strip_suffix(b"ied") {
        return replaced(stem, if w.len() == 4 { "ie" } else { "i" });
    }
    if let Some(stem) = w.strip_suffix(b"eed") {
        return if measure(stem) > 0 {
            replaced(stem, "ee")
        } else {
            w
        };
    }
    let Some(stem) = [&b"ed"[..], b"ing"]
        .iter()
        .filter_map(|suffix| w.strip_suffix(*suffix))
        .find(|stem| contains_vowel(stem))
    else {
        return w;
    };
    let stem = stem.to_vec();
    for (suffix, replacement) in [("at", "ate"), ("bl", "ble"), ("iz", "ize")] {
        if stem.ends_with(suffix.as_bytes()) {
            return replaced(&stem[..stem.len() - 2], replacement);
        }
    }
    if ends_double_consonant(&stem) {
        let last = stem[stem.len() - 1];
        return if matches!(last, b'l' | b's' | b'z') {
            stem
        } else {
            stem[..stem.len() - 1].to_vec()
        };
    }
    if measure(&stem) == 1 && ends_cvc(&stem) {
        replaced(&stem, "e")
    } else {
        stem
    }
}

fn step1c(w: Vec<u8>) -> Vec<u8> {
    apply_rules(
        w,
        &[("y", "i", |stem| {
            stem.len() > 1 && is_consonant(stem, stem.len() - 1)
        })],
    )
}

fn step2(w: Vec<u8>) -> Vec<u8> {
    if let Some(stem) = w.strip_suffix(b"alli") {
        if measure(stem) > 0 {
            return step2(replaced(stem, "al"));
        }
    }
    apply_rules(
        w,
        &[
            ("ational", "ate", m_gt0),
            ("tional", "tion", m_gt0),
            ("enci", "ence", m_gt0),
            ("anci", "ance", m_gt0),
            ("izer", "ize", m_gt0),
            ("bli", "ble", m_gt0),
            ("alli", "al", m_gt0),
            ("entli", "ent", m_gt0),
            ("eli", "e", m_gt0),
            ("ousli", "ous", m_gt0),
            ("ization", "ize", m_gt0),
            ("ation", "ate", m_gt0),
            ("ator", "ate", m_gt0),
            ("alism", "al", m_gt0),
            ("iveness", "ive", m_gt0),
            ("fulness", "ful", m_gt0),
            ("ousness", "ous", m_gt0),
            ("aliti", "al", m_gt0),
            ("iviti", "ive", m_gt0),
            ("biliti", "ble", m_gt0),
            ("fulli", "ful", m_gt0),
            // NLTK keeps the `l` with the stem here, so that `geo` + `logi` qualifies.
            ("logi", "log", |stem| measure(&replaced(stem, "l")) > 0),
        ],
    )
}

fn step3(w: Vec<u8>) -> Vec<u8> {
    apply_rules(
        w,
        &[
            ("icate", "ic", m_gt0),
            ("ative", "", m_gt0),
            ("alize", "al", m_gt0),
            ("iciti", "ic", m_gt0),
            ("ical", "ic", m_gt0),
            ("ful", "", m_gt0),
            ("ness", "", m_gt0),
        ],
    )
}

fn step4(w: Vec<u8>) -> Vec<u8> {
    apply_rules(
        w,
        &[
            ("al", "", m_gt1),
            ("ance", "", m_gt1),
            ("ence", "", m_gt1),
            ("er", "", m_gt1),
            ("ic", "", m_gt1),
            ("able", "", m_gt1),
            ("ible", "", m_gt1),
            ("ant", "", m_gt1),
            ("ement", "", m_gt1),
            ("ment", "", m_gt1),
            ("ent", "", m_gt1),
            ("ion", "", |stem| {
                measure(stem) > 1 && matches!(stem.last(), Some(b's' | b't'))
            }),
            ("ou", "", m_gt1),
            ("ism", "", m_gt1),
            ("ate", "", m_gt1),
            ("iti", "", m_gt1),
            ("ous", "", m_gt1),
            ("ive", "", m_gt1),
            ("ize", "", m_gt1),
        ],
    )
}

fn step5a(w: Vec<u8>) -> Vec<u8> {
    if let Some(stem) = w.strip_suffix(b"e") {
        let m = measure(stem);
        if m > 1 || (m == 1 && !ends_cvc(stem)) {
            return stem.to_vec();
        }
    }
    w
}

fn step5b(w: Vec<u8>) -> Vec<u8> {
    if w.ends_with(b"ll") && measure(&w[..w.len() - 1]) > 1 {
        return w[..w.len() - 1].to_vec();
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    // English oracles: rouge-score 0.1.2 (nltk 3.10.4), RougeScorer(["rouge1", "rouge2",
    // "rougeLsum"], use_stemmer=True), target = NLTK's sentences of the reference joined by
    // "\n", prediction = the items joined by "\n". Chinese oracles: a literal Python reading
    // of the README (characters with unicodedata.category L*/N*, Counter n-grams, LCS).

    fn assert_rouge(got: Rouge, want: [f64; 3]) {
        let got_array = [got.r1, got.r2, got.rl];
        for (g, w) in got_array.iter().zip(want) {
            assert!((g - w).abs() < 1e-9, "got {got:?}, want {want:?}");
        }
    }

    #[test]
    fn rouge_en_matches_rouge_score() {
        let cases: [(&[&str], &str, [f64; 3]); 6] = [
            (
                &["The cat sat on the mat.", "It was happy."],
                "A cat was sitting on the mat . The cat seemed happy !",
                [70.0, 33.33333333333333, 70.0],
            ),
            (
                &["Running runners ran quickly through the relational databases."],
                "The runner runs through a relational database .",
                [80.0, 15.384615384615383, 53.333333333333336],
            ),
            (
                &[
                    "the police said the man was arrested",
                    "the man was later released",
                ],
                "police arrested a man . the man was released later . police said nothing more .",
                [71.99999999999999, 26.08695652173913, 64.0],
            ),
            (
                &["Café owners in São Paulo protested on Monday."],
                "Cafe owners protest in Sao Paulo . Police watched .",
                [47.05882352941176, 0.0, 35.294117647058826],
            ),
            (
                &["Mr. Smith met the U.S. president.", "They talked for an hour."],
                "Mr. Smith went to Washington . He met the U.S. president and talked .",
                [64.0, 43.47826086956522, 64.0],
            ),
            // Found by search: with another LCS tie-break, Lsum here is 92.3076923076923.
            (
                &["b b c c", "a b a"],
                "b a . b c c b .",
                [92.3076923076923, 72.72727272727272, 76.92307692307692],
            ),
        ];
        for (prediction, reference, want) in cases {
            assert_rouge(rouge_en(prediction, reference), want);
        }
    }

    #[test]
    fn rouge_zh_matches_literal_reading() {
        let cases: [(&[&str], &str, [f64; 3]); 3] = [
            (
                &["今天北京天气很好，阳光明媚。"],
                "北京今天天气晴朗",
                [60.0, 33.33333333333333, 40.0],
            ),
            (
                &["苹果发布iPhone 15，售价５９９９元。", "消费者反应热烈！"],
                "苹果发布新款iPhone15 售价5999元",
                [63.829787234042556, 53.33333333333332, 63.829787234042556],
            ),
            // ⓐ is So (dropped); ② is No (kept, and not the same token as 2).
            (
                &["ⓐ计划", "第②期"],
                "第2期计划",
                [80.00000000000001, 25.0, 40.00000000000001],
            ),
        ];
        for (prediction, reference, want) in cases {
            assert_rouge(rouge_zh(prediction, reference), want);
        }
    }

    #[test]
    fn zh_tokens_keep_letters_and_digits_only() {
        assert_eq!(
            zh_tokens("Ａ股 3.5亿，涨停！\u{301}ⓐ"),
            vec!['Ａ', '股', '3', '5', '亿', '涨', '停']
        );
    }

    #[test]
    fn en_tokens_follow_rouge_score() {
        assert_eq!(
            en_tokens("The runners' U.S.-based café, in 2015!"),
            ["the", "runner", "u", "s", "base", "caf", "in", "2015"]
        );
    }

    #[test]
    fn reference_sentences_split_like_punkt() {
        assert_eq!(
            reference_sentences(
                "Mr. Smith left . He said 'no . ' Then J. Doe came ! B.B. King sang ... well ."
            ),
            [
                "Mr. Smith left .",
                "He said 'no . '",
                "Then J. Doe came !",
                "B.B.",
                "King sang ... well ."
            ]
        );
        assert!(reference_sentences(" \n ").is_empty());
    }

    #[test]
    fn empty_inputs_score_zero() {
        let punctuation = "。，！ . , !";
        for (prediction, reference) in [
            (&[][..], "some reference ."),
            (&["a prediction"][..], ""),
            (&[][..], ""),
            (&[punctuation][..], punctuation),
            (&["", ""][..], "x"),
        ] {
            assert_eq!(rouge_en(prediction, reference), Rouge::default());
            assert_eq!(rouge_zh(prediction, reference), Rouge::default());
        }
        assert_eq!(Rouge::mean(&[]), Rouge::default());
    }

    #[test]
    fn porter_matches_nltk() {
        // nltk 3.10.4 PorterStemmer() (NLTK_EXTENSIONS): the paper's examples plus NLTK's
        // irregular forms and extensions.
        let words = [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "tie"),
            ("caress", "caress"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("bled", "bled"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("troubled", "troubl"),
            ("sized", "size"),
            ("hopping", "hop"),
            ("tanned", "tan"),
            ("falling", "fall"),
            ("hissing", "hiss"),
            ("fizzed", "fizz"),
            ("failing", "fail"),
            ("filing", "file"),
            ("happy", "happi"),
            ("sky", "sky"),
            ("skies", "sky"),
            ("dying", "die"),
            ("lying", "lie"),
            ("news", "news"),
            ("innings", "inning"),
            ("enjoy", "enjoy"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("rational", "ration"),
            ("valenci", "valenc"),
            ("digitizer", "digit"),
            ("conformabli", "conform"),
            ("radicalli", "radic"),
            ("differentli", "differ"),
            ("vileli", "vile"),
            ("analogousli", "analog"),
            ("vietnamization", "vietnam"),
            ("predication", "predic"),
            ("operator", "oper"),
            ("feudalism", "feudal"),
            ("decisiveness", "decis"),
            ("hopefulness", "hope"),
            ("callousness", "callous"),
            ("formaliti", "formal"),
            ("sensitiviti", "sensit"),
            ("sensibiliti", "sensibl"),
            ("triplicate", "triplic"),
            ("formative", "form"),
            ("formalize", "formal"),
            ("electriciti", "electr"),
            ("electrical", "electr"),
            ("hopeful", "hope"),
            ("goodness", "good"),
            ("revival", "reviv"),
            ("allowance", "allow"),
            ("inference", "infer"),
            ("airliner", "airlin"),
            ("gyroscopic", "gyroscop"),
            ("adjustable", "adjust"),
            ("defensible", "defens"),
            ("irritant", "irrit"),
            ("replacement", "replac"),
            ("adjustment", "adjust"),
            ("dependent", "depend"),
            ("adoption", "adopt"),
            ("homologou", "homolog"),
            ("communism", "commun"),
            ("activate", "activ"),
            ("angulariti", "angular"),
            ("homologous", "homolog"),
            ("effective", "effect"),
            ("bowdlerize", "bowdler"),
            ("probate", "probat"),
            ("rate", "rate"),
            ("cease", "ceas"),
            ("controll", "control"),
            ("roll", "roll"),
            ("generously", "gener"),
            ("geology", "geolog"),
            ("theology", "theolog"),
            ("fully", "fulli"),
            ("dies", "die"),
            ("died", "die"),
            ("spied", "spi"),
            ("yyyy", "yyyi"),
            ("syzygy", "syzygi"),
            ("2015s", "2015"),
            ("abc1ing", "abc1"),
        ];
        for (word, stem) in words {
            assert_eq!(porter_stem(word), stem, "{word}");
        }
    }

    #[test]
    fn keywords_are_normalised() {
        assert_eq!(normalize_keyword("ＡＩ 模型"), "ai模型");
        assert_eq!(normalize_keyword(" Deep\u{3000}Learning\t"), "deeplearning");
        assert_eq!(normalize_keyword("①号"), "1号");
    }

    #[test]
    fn keywords_at_k() {
        let predicted = ["深度学习", "ＡＩ", "机器 学习", "数据", "模型", "extra"];
        let gold = ["深度学习", "ai", "机器学习", "知识图谱"];
        let at5 = keywords_at(&predicted, &gold, 5);
        assert!((at5.p - 60.0).abs() < 1e-9 && (at5.r - 75.0).abs() < 1e-9);
        assert!((at5.f1 - 200.0 / 3.0).abs() < 1e-9);
        // Six predictions at k = 10 still divide by 10.
        let at10 = keywords_at(&predicted, &gold, 10);
        assert!((at10.p - 30.0).abs() < 1e-9 && (at10.r - 75.0).abs() < 1e-9);
        assert!((at10.f1 - 300.0 / 7.0).abs() < 1e-9);
        // A keyword repeated after normalisation is one hit.
        let repeated = keywords_at(&["AI", "ａｉ"], &["ai"], 2);
        assert_eq!(repeated.p, 50.0);
        assert_eq!(keywords_at(&[], &gold, 5), Prf::default());
        assert_eq!(keywords_at(&predicted, &[], 5), Prf::default());
        assert_eq!(keywords_at(&predicted, &gold, 0), Prf::default());
    }

    #[test]
    fn bootstrap_is_deterministic_and_brackets_the_mean() {
        let a: Vec<f64> = (0..200).map(|i| ((i * 37) % 101) as f64 / 2.0).collect();
        let b: Vec<f64> = (0..200).map(|i| ((i * 53) % 97) as f64 / 2.0).collect();
        let first = paired_bootstrap(&a, &b, 1000, 42);
        assert_eq!(first, paired_bootstrap(&a, &b, 1000, 42));
        assert_ne!(first, paired_bootstrap(&a, &b, 1000, 43));
        let expected_mean = a.iter().zip(&b).map(|(x, y)| x - y).sum::<f64>() / 200.0;
        assert!((first.mean_diff - expected_mean).abs() < 1e-9);
        assert!(first.low < first.mean_diff && first.mean_diff < first.high);
    }

    #[test]
    fn bootstrap_degenerate_inputs() {
        assert_eq!(paired_bootstrap(&[], &[], 1000, 1), Bootstrap::default());
        let constant = paired_bootstrap(&[3.0, 4.0, 5.0], &[1.0, 2.0, 3.0], 500, 7);
        assert_eq!(
            constant,
            Bootstrap {
                mean_diff: 2.0,
                low: 2.0,
                high: 2.0
            }
        );
        let none = paired_bootstrap(&[1.0, 3.0], &[0.0, 0.0], 0, 7);
        assert_eq!((none.low, none.high), (2.0, 2.0));
    }

    // The scoring API as the `eval` command uses it: per-document scores, macro averages,
    // JSON field names and a paired comparison of two systems.

    #[test]
    fn macro_average_and_json_fields() {
        let documents = [
            (vec!["北京今天天气晴朗。"], "北京今天天气晴朗"),
            (vec!["完全无关的句子。"], "北京今天天气晴朗"),
        ];
        let scores: Vec<Rouge> = documents
            .iter()
            .map(|(prediction, reference)| rouge_zh(prediction, reference))
            .collect();
        assert_eq!(
            scores[0],
            Rouge {
                r1: 100.0,
                r2: 100.0,
                rl: 100.0
            }
        );
        assert_eq!(scores[1], Rouge::default());
        assert_eq!(
            Rouge::mean(&scores),
            Rouge {
                r1: 50.0,
                r2: 50.0,
                rl: 50.0
            }
        );

        let json = serde_json::to_value(Rouge::mean(&scores)).unwrap();
        assert_eq!(json, serde_json::json!({"r1": 50.0, "r2": 50.0, "rl": 50.0}));
        let json = serde_json::to_value(Prf::default()).unwrap();
        assert_eq!(json, serde_json::json!({"p": 0.0, "r": 0.0, "f1": 0.0}));
    }

    #[test]
    fn english_prediction_sentences_are_items() {
        let reference = "The council approved the plan . Work starts in May .";
        let as_items = rouge_en(
            &["The council approved the plan.", "Work starts in May."],
            reference,
        );
        assert_eq!(
            as_items,
            Rouge {
                r1: 100.0,
                r2: 100.0,
                rl: 100.0
            }
        );
        // One item holding two lines is two sentences, as rouge-score reads newlines.
        let as_lines = rouge_en(
            &["The council approved the plan.\nWork starts in May."],
            reference,
        );
        assert_eq!(as_lines, as_items);
    }

    #[test]
    fn keyword_figures_average_per_document() {
        let gold = ["摘要", "关键词"];
        let per_document = [
            keywords_at(&["摘要", "关键词"], &gold, 5),
            keywords_at(&["无关"], &gold, 5),
        ];
        let mean = Prf::mean(&per_document);
        assert!((mean.p - 20.0).abs() < 1e-9);
        assert!((mean.r - 50.0).abs() < 1e-9);
    }

    #[test]
    fn bootstrap_compares_two_systems_on_the_same_documents() {
        let better: Vec<f64> = (0..100).map(|i| 30.0 + (i % 7) as f64).collect();
        let worse: Vec<f64> = (0..100).map(|i| 20.0 + (i % 5) as f64).collect();
        let result = paired_bootstrap(&better, &worse, 2000, 2024);
        assert!(result.low > 0.0, "{result:?}");
        assert!(result.low <= result.mean_diff && result.mean_diff <= result.high);
    }
}
