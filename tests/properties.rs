//! Property tests (proptest) over generated mixed Chinese/English text with punctuation,
//! whitespace, emoji, digits and invisible characters. The invariant checks are the fuzz
//! targets' own (`fuzz/checks.rs`); the properties that need two runs are here.

#[path = "../fuzz/checks.rs"]
mod checks;

use proptest::prelude::*;
use zhaiyao::sentences::split;
use zhaiyao::{Budget, LangChoice, Options, Summarizer, Summary};

const ZH_WORDS: &[&str] = &[
    "人工智能",
    "上海",
    "徐汇区",
    "产业",
    "发展",
    "我们",
    "工具图书馆",
    "居民",
    "志愿者",
    "修理",
    "咖啡馆",
    "今年",
    "试点",
    "社区",
    "政府",
    "表示",
    "的",
    "了",
    "是",
    "在",
    "和",
    "也",
    "很",
    "他说",
    "经济",
    "增长",
    "科学家",
    "创业者",
    "𠮷野家",
    "结巴",
    "分词",
    "中文",
    "模型",
    "数据",
    "三个",
    "十二年",
    "第一",
    "百度",
    "北京",
    "会议",
    "研究",
    "结果",
];
const EN_WORDS: &[&str] = &[
    "the",
    "The",
    "Rust",
    "is",
    "fast",
    "and",
    "safe",
    "Mr.",
    "Dr.",
    "U.S.",
    "e.g.",
    "i.e.",
    "city",
    "library",
    "tools",
    "volunteers",
    "repair",
    "toasters",
    "It",
    "We",
    "However",
    "model",
    "data",
    "growth",
    "Shanghai",
    "AI",
    "GPT-4",
    "etc.",
    "No.",
    "running",
    "runs",
];
const PUNCT: &[&str] = &[
    "。", "！", "？", "；", "…", "……", ".", "!", "?", ";", "...", "，", "、", ",", ":", "：", "\"", "“", "”",
    "「", "」", "（", "）", "(", ")", "'", "’", "-", "- ", "• ", "1. ", "一、",
];
const SPACE: &[&str] = &[
    " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u{3000}", "\u{A0}", "\u{2029}",
];
const EMOJI: &[&str] = &["😀", "🦀", "🚀", "👍🏽", "👨\u{200D}👩\u{200D}👧", "🇨🇳", "❤️", "🎉"];
const ODD: &[&str] = &[
    "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{202E}", "\u{202C}", "\u{2066}", "\u{2069}", "\u{200F}",
    "\u{301}", "\u{FFFD}", "\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{85}", "\u{2028}",
];
const TERMINATORS: &[&str] = &[
    "。", "！", "？", "；", "……", ".", "!", "?", "...", "。”", ".\"", "？！",
];

fn pick(words: &'static [&'static str]) -> BoxedStrategy<String> {
    prop::sample::select(words).prop_map(str::to_string).boxed()
}

/// One piece of text: a word, a number, punctuation, whitespace, an emoji or an odd character.
fn fragment() -> BoxedStrategy<String> {
    prop_oneof![
        6 => pick(ZH_WORDS),
        4 => pick(EN_WORDS).prop_map(|w| format!(" {w}")),
        3 => pick(PUNCT),
        2 => pick(SPACE),
        1 => pick(EMOJI),
        1 => (0u32..100_000).prop_map(|n| n.to_string()),
        1 => (0u32..1000, 0u32..100).prop_map(|(a, b)| format!("{a}.{b}")),
        1 => pick(ODD),
        1 => any::<char>().prop_map(String::from),
    ]
    .boxed()
}

/// Anything at all made of fragments: most are not well-formed prose.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..80).prop_map(|parts| parts.concat())
}

/// A sentence: words (and the odd fragment) ending with a terminator.
fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(
            prop_oneof![8 => pick(ZH_WORDS), 4 => pick(EN_WORDS).prop_map(|w| format!(" {w}")), 1 => fragment()],
            2..14,
        ),
        pick(TERMINATORS),
    )
        .prop_map(|(words, end)| format!("{}{end}", words.concat().trim()))
}

/// An article: sentences separated by nothing, spaces, line breaks or blank lines.
fn article() -> impl Strategy<Value = String> {
    prop::collection::vec((sentence(), pick(&["", " ", "\n", "\n\n", ""])), 1..16)
        .prop_map(|parts| parts.into_iter().map(|(s, sep)| s + &sep).collect())
}

fn budget() -> impl Strategy<Value = Budget> {
    prop_oneof![
        (1usize..8).prop_map(Budget::Sentences),
        (0.01f64..=1.0).prop_map(Budget::Ratio),
        (1usize..400).prop_map(Budget::Chars),
    ]
}

fn summarize(summarizer: &Summarizer, text: &str, budget: Budget, lang: LangChoice) -> Summary {
    summarizer
        .summarize(
            text,
            &Options {
                budget,
                keywords: 10,
                lang,
            },
        )
        .expect("an article with sentences summarises")
}

fn texts(summary: &Summary) -> Vec<&str> {
    summary.sentences.iter().map(|s| s.text.as_str()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every sentence is the exact slice of the input at its byte, char and UTF-16 offsets;
    /// sentences are in order, trimmed, non-empty and do not overlap; nothing but blanks is lost.
    #[test]
    fn sentences_are_slices_in_order(text in text()) {
        checks::check_spans(&text, &split(&text));
    }

    /// The same for any Unicode at all.
    #[test]
    fn sentences_of_any_string_are_slices_in_order(text in any::<String>()) {
        checks::check_spans(&text, &split(&text));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Any text analyses or is refused for a documented reason, and every budget is respected.
    #[test]
    fn budgets_are_respected(text in text(), budgets in prop::collection::vec(budget(), 3)) {
        let summarizer = Summarizer::new();
        match summarizer.analyze(&text, LangChoice::Auto) {
            Ok(analysis) => {
                checks::check_analysis(&text, &analysis);
                for budget in budgets {
                    checks::check_budget(&analysis, budget, 10);
                }
            }
            Err(error) => checks::check_analyze_error(&text, LangChoice::Auto, &error),
        }
    }

    /// Same input, same output, whether the summariser is new or has been used before.
    #[test]
    fn results_are_deterministic(text in article(), other in article(), budget in budget()) {
        let json = |summary: &Summary| serde_json::to_string(summary).unwrap();
        let fresh = |text: &str| summarize(&Summarizer::new(), text, budget, LangChoice::Auto);
        let used = Summarizer::new();
        let first = json(&fresh(&text));
        summarize(&used, &other, budget, LangChoice::Auto);
        prop_assert_eq!(&first, &json(&summarize(&used, &text, budget, LangChoice::Auto)));
        prop_assert_eq!(&first, &json(&fresh(&text)));
    }

    /// Summarising a summary: its chosen sentences, one paragraph each, summarised again in the
    /// first summary's language. Every sentence of the second round lies inside a sentence of the
    /// first summary. When each chosen sentence is one sentence again on its own (not always:
    /// `……。上海⏎上海。` is one sentence after a long line, two after a short one), the summary is
    /// a fixed point for a sentence or character budget, since it fits its own budget; a ratio
    /// shrinks it again, choosing among the first summary's sentences.
    #[test]
    fn summarising_a_summary_is_stable(text in article(), budget in budget()) {
        let summarizer = Summarizer::new();
        let first = summarize(&summarizer, &text, budget, LangChoice::Auto);
        prop_assume!(!first.sentences.is_empty());
        let joined = texts(&first).join("\n\n");
        let lang = LangChoice::Fixed(first.lang);
        let second = summarize(&summarizer, &joined, budget, lang);
        for sentence in &second.sentences {
            prop_assert!(
                texts(&first).iter().any(|s| s.contains(&sentence.text)),
                "{:?} is not part of the first summary {:?}", sentence.text, texts(&first)
            );
        }
        let pieces: Vec<&str> = split(&joined).iter().map(|s| &joined[s.bytes.clone()]).collect();
        if pieces == texts(&first) {
            match budget {
                Budget::Sentences(_) | Budget::Chars(_) => {
                    prop_assert_eq!(texts(&second), texts(&first));
                }
                Budget::Ratio(_) => {
                    prop_assert!(!second.sentences.is_empty());
                    let whole = summarize(&summarizer, &joined, Budget::Ratio(1.0), lang);
                    prop_assert_eq!(texts(&whole), texts(&first));
                }
            }
        }
    }

    /// Keywords list valid sentence indices, ascending, and a Chinese keyword occurs in each
    /// sentence it lists.
    #[test]
    fn keywords_point_at_their_sentences(text in article()) {
        let analysis = Summarizer::new().analyze(&text, LangChoice::Auto).unwrap();
        let total = analysis.sentences().len();
        let summary = analysis.summary(Budget::Sentences(3), 30).unwrap();
        checks::check_summary(&text, total, &summary, 30);
        for keyword in &summary.keywords {
            if keyword.word.chars().all(zhaiyao::lang::is_han) {
                for &i in &keyword.sentences {
                    prop_assert!(
                        analysis.sentence_text(i).contains(&keyword.word),
                        "{:?} is not in sentence {}: {:?}", keyword.word, i, analysis.sentence_text(i)
                    );
                }
            }
        }
    }
}
