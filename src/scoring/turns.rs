//! Speaker turns: in an interview or a transcript ("CBN: …?" / "方世忠: …", "问：…" / "答：…",
//! "Q: …" / "A: …"), the questions raise topics and the answers carry the content.
//!
//! A line that starts with a short label and a colon opens a turn, which runs to the end of its
//! line. A label is the interviewer's when it opens at least two turns and most of them ask
//! something (or when it is a label that always asks: 问, Q, 记者, 主持人, Host, Interviewer).

use crate::text::chars::is_han;
use crate::text::sentences::SentenceSpan;
use rustc_hash::{FxHashMap, FxHashSet};

use super::params::{MAX_LABEL_CHARS, MAX_LABEL_WORDS};

/// Labels that ask, wherever they stand.
const ASKING_LABELS: &[&str] = &[
    "问",
    "提问",
    "记者",
    "主持人",
    "主持",
    "q",
    "question",
    "host",
    "interviewer",
    "moderator",
];

/// The turns of a text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Turns {
    /// Per sentence: whether it stands in an interviewer's turn.
    pub asked: Vec<bool>,
    /// Whether the text is an interview or transcript: an interviewer asked at least twice.
    pub interview: bool,
}

impl Turns {
    /// Finds the interviewer's turns among the sentences `spans` of `text`.
    pub fn of(text: &str, spans: &[SentenceSpan]) -> Turns {
        // Per sentence, the label of the turn it opens, if it opens one; and per sentence,
        // the sentence that opened the turn it stands in.
        let mut labels: Vec<Option<String>> = Vec::with_capacity(spans.len());
        let mut opener: Vec<Option<usize>> = Vec::with_capacity(spans.len());
        let mut current = None;
        for (index, span) in spans.iter().enumerate() {
            let starts_line = super::metadata::starts_line(text, spans, index);
            let label = if starts_line {
                label_of(&text[span.bytes.clone()])
            } else {
                None
            };
            if starts_line {
                current = label.as_ref().map(|_| index);
            }
            labels.push(label);
            opener.push(current);
        }
        // Per label: turns, and turns that ask.
        // (A glossary of thousands of different "term: definition" lines stays linear.)
        let mut tally: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
        for (index, label) in labels.iter().enumerate() {
            let Some(label) = label else { continue };
            let asks = (index..spans.len())
                .take_while(|&i| opener[i] == Some(index))
                .any(|i| super::is_question(&text[spans[i].bytes.clone()]));
            let entry = tally.entry(label.as_str()).or_default();
            entry.0 += 1;
            entry.1 += usize::from(asks);
        }
        let asking: FxHashSet<&str> = tally
            .iter()
            .filter(|(label, (turns, asks))| {
                *turns >= 2 && (2 * asks > *turns || ASKING_LABELS.contains(label))
            })
            .map(|(label, _)| *label)
            .collect();
        let asked = opener
            .iter()
            .map(|opened| opened.is_some_and(|i| labels[i].as_deref().is_some_and(|l| asking.contains(&l))))
            .collect();
        Turns {
            asked,
            interview: !asking.is_empty(),
        }
    }
}

/// The speaker label a line opens with ("CBN", "方世忠", "q"), lower-cased; `None` if the line
/// does not open with a short label and a colon.
fn label_of(line: &str) -> Option<String> {
    let colon = line.find([':', '：'])?;
    let label = line[..colon].trim();
    let rest = line[colon..].trim_start_matches([':', '：']).trim();
    let chars = label.chars().count();
    let words = label.split_whitespace().count();
    let name_like = label
        .chars()
        .all(|c| is_han(c) || c.is_alphanumeric() || c == ' ' || c == '.' || c == '·');
    (chars > 0 && chars <= MAX_LABEL_CHARS && words <= MAX_LABEL_WORDS && name_like && !rest.is_empty())
        .then(|| label.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sentences::split;

    #[test]
    fn the_interviewer_s_turns_are_asked_and_the_answers_are_not() {
        let text = "江澜市的工具图书馆开门一年了。本报记者采访了馆长林澄。\n\n\
                    记者：工具图书馆为什么受欢迎？很多人好奇。\n\n\
                    林澄：因为居民不必再买只用一次的电钻。我们一年借出了三万件工具。\n\n\
                    记者：明年有什么打算？\n\n\
                    林澄：我们想开设修理课程。";
        let spans = split(text);
        let turns = Turns::of(text, &spans);
        assert!(turns.interview);
        let asked: Vec<&str> = spans
            .iter()
            .zip(&turns.asked)
            .filter(|(_, &asked)| asked)
            .map(|(s, _)| &text[s.bytes.clone()])
            .collect();
        assert_eq!(
            asked,
            [
                "记者：工具图书馆为什么受欢迎？",
                "很多人好奇。",
                "记者：明年有什么打算？"
            ]
        );
    }

    #[test]
    fn a_colon_in_prose_or_a_single_label_is_no_interview() {
        let text = "来源：江澜日报\n\n居民说：这很方便。\n\n结果：垃圾减少了一成。";
        let turns = Turns::of(text, &split(text));
        assert!(!turns.interview && turns.asked.iter().all(|a| !a));
    }
}
