//! The invariants the fuzz targets check, shared by the libFuzzer targets (`fuzz/fuzz_targets/`,
//! nightly) and the corpus replay test (`tests/fuzz_corpus.rs`, stable), which both include this
//! file with `#[path]`. Each `check_*` takes a fuzzer input (raw bytes) and panics when an
//! invariant breaks. Errors returned by zhaiyao are fine as long as they are the documented ones.
//!
//! Inputs are decoded by hand (no `arbitrary` crate) so that a corpus file means the same thing
//! on both sides. Bytes that are not UTF-8 become U+FFFD, which is also what a lone surrogate of
//! a JavaScript string becomes on its way into wasm.

#![allow(dead_code)]

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

use zhaiyao::sentences::{split, SentenceSpan};
use zhaiyao::{Analysis, Budget, Error, Lang, LangChoice, Options, Summarizer, Summary};

/// Whitespace and invisible characters, which the splitter trims from span edges and which are
/// the only characters allowed outside spans (the rule in `src/text/sentences.rs`' module docs).
pub fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}'
                | '\u{2060}'
                | '\u{FEFF}'
                | '\u{061C}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
        )
}

fn text_of(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

// ---------------------------------------------------------------------------------------------
// split

/// Fuzz target `split`: the whole input is the text.
pub fn check_split(data: &[u8]) {
    let text = text_of(data);
    check_spans(&text, &split(&text));
}

/// Spans are in order, non-overlapping, non-empty and trimmed; their byte, char and UTF-16
/// offsets address the same slice; only blank characters lie outside them; paragraph indices
/// start at 0, never decrease and never skip.
pub fn check_spans(text: &str, spans: &[SentenceSpan]) {
    let chars: Vec<char> = text.chars().collect();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let mut previous: Option<&SentenceSpan> = None;
    for span in spans {
        let (b, c, u) = (&span.bytes, &span.chars, &span.utf16);
        assert!(b.start < b.end, "empty span {span:?} in {text:?}");
        assert!(b.end <= text.len() && c.end <= chars.len() && u.end <= utf16.len());
        assert!(
            text.is_char_boundary(b.start) && text.is_char_boundary(b.end),
            "span {span:?} cuts a character in {text:?}"
        );
        let slice = &text[b.clone()];
        assert!(
            !slice.starts_with(is_blank) && !slice.ends_with(is_blank),
            "untrimmed span {slice:?} in {text:?}"
        );
        let by_chars: String = chars[c.clone()].iter().collect();
        assert_eq!(by_chars, slice, "char offsets of {span:?} in {text:?}");
        assert_eq!(
            String::from_utf16(&utf16[u.clone()]).ok().as_deref(),
            Some(slice),
            "UTF-16 offsets of {span:?} in {text:?}"
        );
        let gap_start = previous.map_or(0, |p| p.bytes.end);
        assert!(gap_start <= b.start, "{span:?} overlaps {previous:?} in {text:?}");
        let gap = &text[gap_start..b.start];
        assert!(
            gap.chars().all(is_blank),
            "text between spans is lost before {span:?} in {text:?}"
        );
        // The three kinds of offset agree about where the span starts: the previous span's end
        // plus the gap, counted in chars and in UTF-16 units.
        let (char_end, utf16_end) = previous.map_or((0, 0), |p| (p.chars.end, p.utf16.end));
        assert_eq!(char_end + gap.chars().count(), c.start, "{span:?} in {text:?}");
        assert_eq!(
            utf16_end + gap.encode_utf16().count(),
            u.start,
            "{span:?} in {text:?}"
        );
        match previous {
            None => assert_eq!(span.paragraph, 0, "first paragraph of {text:?}"),
            Some(p) => assert!(
                span.paragraph == p.paragraph || span.paragraph == p.paragraph + 1,
                "paragraph {} after {} in {text:?}",
                span.paragraph,
                p.paragraph
            ),
        }
        previous = Some(span);
    }
    let tail = previous.map_or(0, |p| p.bytes.end);
    assert!(
        text[tail..].chars().all(is_blank),
        "text after the last span is lost in {text:?}"
    );
    assert_eq!(
        spans.is_empty(),
        text.chars().all(is_blank),
        "a text has sentences exactly when it has a non-blank character: {text:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// analyze

/// A decoded `analyze` input: an 8-byte header, then the text.
#[derive(Debug)]
pub struct AnalyzeInput {
    pub lang: LangChoice,
    pub keywords: usize,
    pub budgets: [Budget; 3],
    pub text: String,
}

/// Byte 0 picks the language, byte 1 the keyword count, bytes 2–7 three budgets as
/// (kind, value) pairs. See [`budget`] for the values, weird ones included.
pub const ANALYZE_HEADER: usize = 8;

impl AnalyzeInput {
    pub fn decode(data: &[u8]) -> Option<AnalyzeInput> {
        if data.len() < ANALYZE_HEADER {
            return None;
        }
        let (h, text) = data.split_at(ANALYZE_HEADER);
        let lang = match h[0] % 3 {
            0 => LangChoice::Auto,
            1 => LangChoice::Fixed(Lang::Zh),
            _ => LangChoice::Fixed(Lang::En),
        };
        let keywords = match h[1] {
            255 => usize::MAX,
            254 => u32::MAX as usize,
            k => usize::from(k % 40),
        };
        Some(AnalyzeInput {
            lang,
            keywords,
            budgets: [budget(h[2], h[3]), budget(h[4], h[5]), budget(h[6], h[7])],
            text: text_of(text).into_owned(),
        })
    }
}

/// Ratios worth trying besides `value / 200`.
const SPECIAL_RATIOS: [f64; 16] = [
    f64::NAN,
    0.0,
    -0.0,
    -1.0,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::MIN_POSITIVE,
    5e-324,
    1e-300,
    1.0,
    1.0 + f64::EPSILON,
    1.0 - f64::EPSILON / 2.0,
    0.5,
    1e300,
    f64::MAX,
    -f64::NAN,
];

/// A budget from two bytes: `kind % 3` picks sentences, ratio or chars, `value` the amount,
/// including 0, huge values (`usize::MAX`), NaN, infinities, negatives and ratios above 1.
pub fn budget(kind: u8, value: u8) -> Budget {
    let huge = |v: u8| match v {
        250 => Some(usize::MAX),
        251 => Some(usize::MAX - 1),
        252 => Some(u32::MAX as usize),
        253 => Some(1 << 31),
        254 => Some(usize::MAX / 2),
        255 => Some(1 << 20),
        _ => None,
    };
    match kind % 3 {
        0 => Budget::Sentences(huge(value).unwrap_or(usize::from(value))),
        1 => Budget::Ratio(match value {
            0..=15 => SPECIAL_RATIOS[usize::from(value)],
            v => f64::from(v) / 200.0,
        }),
        _ => Budget::Chars(huge(value).unwrap_or(usize::from(value) * 4)),
    }
}

/// Whether a budget is one the README accepts.
pub fn budget_is_valid(budget: Budget) -> bool {
    match budget {
        Budget::Sentences(n) => n >= 1,
        Budget::Chars(n) => n >= 1,
        Budget::Ratio(r) => r > 0.0 && r <= 1.0,
    }
}

/// Fuzz target `analyze`: analysis of arbitrary text, then selection with three budgets.
pub fn check_analyze(data: &[u8]) {
    let Some(input) = AnalyzeInput::decode(data) else {
        return;
    };
    let summarizer = Summarizer::new();
    match summarizer.analyze(&input.text, input.lang) {
        Ok(analysis) => {
            check_analysis(&input.text, &analysis);
            for budget in input.budgets {
                check_budget(&analysis, budget, input.keywords);
            }
        }
        Err(error) => check_analyze_error(&input.text, input.lang, &error),
    }
}

/// `analyze` refuses a text only for the documented reasons.
pub fn check_analyze_error(text: &str, lang: LangChoice, error: &Error) {
    assert!(!error.to_string().is_empty());
    match error {
        Error::EmptyText => assert!(
            split(text).is_empty(),
            "EmptyText for a text with sentences: {text:?}"
        ),
        Error::TooLarge { bytes, limit } => {
            assert!(bytes > limit && *bytes == text.len())
        }
        Error::UnsupportedLanguage(_) => assert_eq!(lang, LangChoice::Auto, "{text:?}"),
        other => panic!("unexpected error {other:?} from analyze({text:?})"),
    }
}

/// An analysis: its sentences are the splitter's, checked; scores are finite.
pub fn check_analysis(text: &str, analysis: &Analysis) {
    assert_eq!(analysis.text(), text);
    let spans: Vec<SentenceSpan> = analysis.sentences().iter().map(|s| s.span.clone()).collect();
    assert!(!spans.is_empty(), "an analysis has sentences");
    assert_eq!(spans, split(text), "the analysis' sentences are the splitter's");
    check_spans(text, &spans);
    for (i, sentence) in analysis.sentences().iter().enumerate() {
        assert_eq!(sentence.index, i);
        assert!(sentence.score.is_finite(), "score {} of {i}", sentence.score);
        assert_eq!(analysis.sentence_text(i), &text[sentence.span.bytes.clone()]);
    }
}

/// The indices chosen for `budget` are strictly increasing (document order, each once), valid,
/// and within the budget as the README defines it; then the summary for it is checked.
pub fn check_budget(analysis: &Analysis, budget: Budget, keywords: usize) {
    let total = analysis.sentences().len();
    let chosen = match analysis.select(budget) {
        Ok(chosen) => {
            assert!(budget_is_valid(budget), "{budget:?} was accepted");
            chosen
        }
        Err(error) => {
            assert!(!budget_is_valid(budget), "{budget:?} was refused: {error}");
            assert!(matches!(error, Error::InvalidOption(_)), "{error:?}");
            assert!(analysis.summary(budget, keywords).is_err());
            return;
        }
    };
    assert!(
        chosen.windows(2).all(|w| w[0] < w[1]),
        "not in document order: {chosen:?}"
    );
    assert!(chosen.iter().all(|&i| i < total), "{chosen:?} of {total}");
    let lengths = |indices: &[usize]| -> usize {
        indices
            .iter()
            .map(|&i| analysis.sentence_text(i).chars().count())
            .sum()
    };
    // Everything the ranking holds: no sentence budget can give more.
    let all = analysis.select(Budget::Sentences(usize::MAX)).unwrap();
    assert!(!all.is_empty(), "a text with sentences has a summary");
    match budget {
        Budget::Sentences(n) => {
            assert_eq!(chosen.len(), n.min(all.len()), "{budget:?}");
            if n < usize::MAX {
                let more = analysis.select(Budget::Sentences(n + 1)).unwrap();
                assert!(
                    chosen.iter().all(|i| more.contains(i)),
                    "{n} sentences {chosen:?} are not among {} sentences {more:?}",
                    n + 1
                );
            }
        }
        Budget::Ratio(r) => {
            let n = ((total as f64 * r).round() as usize).max(1);
            assert!(!chosen.is_empty() && chosen.len() <= n, "{budget:?}");
            assert_eq!(chosen, analysis.select(Budget::Sentences(n)).unwrap());
        }
        Budget::Chars(limit) => {
            assert!(lengths(&chosen) <= limit, "{budget:?}: {chosen:?}");
            if lengths(&all) <= limit {
                assert_eq!(chosen, all, "everything fits in {budget:?}");
            }
        }
    }
    let summary = analysis.summary(budget, keywords).expect("a valid budget");
    assert_eq!(
        summary.sentences.iter().map(|s| s.index).collect::<Vec<_>>(),
        chosen
    );
    check_summary(analysis.text(), total, &summary, keywords);
}

/// A summary's sentences are slices of the text at their UTF-16 offsets; terms explain at most
/// the score; keywords are weighted from 1 down and list valid sentence indices, each once.
pub fn check_summary(text: &str, total: usize, summary: &Summary, keywords: usize) {
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for sentence in &summary.sentences {
        assert!(sentence.start < sentence.end && sentence.end <= utf16.len());
        assert_eq!(
            String::from_utf16(&utf16[sentence.start..sentence.end]).ok(),
            Some(sentence.text.clone()),
            "UTF-16 offsets of sentence {}",
            sentence.index
        );
        assert!(sentence.score.is_finite());
        let mut explained = 0.0;
        for term in &sentence.terms {
            assert!(
                term.weight.is_finite() && term.weight >= 0.0,
                "{term:?} of {sentence:?}"
            );
            assert!(!term.term.is_empty());
            explained += term.weight;
        }
        assert!(explained <= sentence.score + 1e-9, "{sentence:?}");
    }
    assert!(summary.keywords.len() <= keywords);
    let mut words = HashSet::new();
    for (rank, keyword) in summary.keywords.iter().enumerate() {
        assert!(!keyword.word.is_empty());
        assert!(words.insert(&keyword.word), "keyword {:?} twice", keyword.word);
        assert!(
            keyword.weight.is_finite() && (0.0..=1.0 + 1e-12).contains(&keyword.weight),
            "{keyword:?}"
        );
        if rank == 0 {
            assert!(keyword.weight == 1.0 || keyword.weight == 0.0, "{keyword:?}");
        } else {
            assert!(keyword.weight <= summary.keywords[rank - 1].weight);
        }
        assert!(!keyword.sentences.is_empty(), "{keyword:?}");
        assert!(keyword.sentences.windows(2).all(|w| w[0] < w[1]), "{keyword:?}");
        assert!(
            keyword.sentences.iter().all(|&i| i < total),
            "{keyword:?} of {total} sentences"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// user_dict

/// The text analysed after a user dictionary is added.
pub const SAMPLE: &str = "江澜市今年试点社区工具图书馆。居民可以免费借用电钻和梯子。\
    工具图书馆还开设了周末修理咖啡馆，志愿者帮居民修理小家电。\
    Volunteers fix toasters on Saturdays.";

fn sample_options() -> Options {
    Options {
        budget: Budget::Sentences(2),
        keywords: 5,
        lang: LangChoice::Auto,
    }
}

/// The summary of [`SAMPLE`] by a summariser without user words.
fn baseline() -> &'static Summary {
    static BASELINE: OnceLock<Summary> = OnceLock::new();
    BASELINE.get_or_init(|| {
        Summarizer::new()
            .summarize(SAMPLE, &sample_options())
            .expect("the sample summarises")
    })
}

/// Fuzz target `user_dict`: the whole input is a user dictionary. A bad dictionary is refused
/// with the number of a line it has, adds nothing, and leaves the summariser working; a good one
/// can be added again, and texts made of its words are analysed.
pub fn check_user_dict(data: &[u8]) {
    let dict = text_of(data);
    let mut summarizer = Summarizer::new();
    match summarizer.add_user_dict(&dict) {
        Err(error) => {
            let Error::InvalidDictionary { line, .. } = error else {
                panic!("unexpected error {error:?} for dictionary {dict:?}");
            };
            assert!(line >= 1 && line <= dict.lines().count(), "{error:?}");
            assert!(!error.to_string().is_empty());
            let after = summarizer
                .summarize(SAMPLE, &sample_options())
                .expect("the summariser works after a bad dictionary");
            assert_eq!(&after, baseline(), "a refused dictionary changed the summary");
        }
        Ok(()) => {
            summarizer
                .add_user_dict(&dict)
                .expect("a dictionary accepted once is accepted again");
            let words: Vec<&str> = dict
                .lines()
                .filter_map(|line| line.split_whitespace().next())
                .collect();
            for text in [SAMPLE.to_string(), words.join("，") + "。", words.join("")] {
                for lang in [LangChoice::Auto, LangChoice::Fixed(Lang::Zh)] {
                    match summarizer.analyze(&text, lang) {
                        Ok(analysis) => {
                            check_analysis(&text, &analysis);
                            check_budget(&analysis, Budget::Sentences(2), 10);
                        }
                        Err(error) => check_analyze_error(&text, lang, &error),
                    }
                }
            }
        }
    }
}
