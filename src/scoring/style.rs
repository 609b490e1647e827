//! How the text is written, as far as it tells whether its opening states its gist: a report
//! (news, an encyclopedia entry) puts the point first; talk, a blog post, an abstract or an
//! interview ("we propose…", "我觉得…") works towards it.
//!
//! Two cues, both read from the text alone:
//! - **reporting**: words that attribute statements (said, according to, 表示, 指出, 据悉), per
//!   sentence. A text that reports is news, whatever else it holds.
//! - **personal**: first- and second-person words (I, we, you, 我, 你, 您, 咱) per hundred words
//!   (Chinese: per hundred Han characters), outside quotation marks. An impersonal text reads as
//!   a report; a personal one as talk, a post or a paper.
//!
//! On the dev sets, 92–94% of the news rows (LCSTS, CNN/DM) and 5–9% of the meeting and abstract
//! rows (VCSum, SciTLDR) read as reports.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::text::chars::is_han;
use crate::text::sentences::SentenceSpan;

use super::Params;

/// What the text's style says of its opening.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Lead {
    /// How much the lead prior applies, from 0 (content alone decides) to 1 (a report: the
    /// opening is favoured as in inverted-pyramid news).
    pub strength: f64,
    /// Attributing words per sentence.
    pub reporting: f64,
    /// First- and second-person words per hundred words (or Han characters), outside quotes.
    pub personal: f64,
}

impl Lead {
    /// Reads the style of `text`, split into `spans`. An interview is talk, whatever its
    /// introduction reports: its answers, not its opening, carry it.
    pub fn of(text: &str, spans: &[SentenceSpan], interview: bool, params: &Params) -> Lead {
        let mut reporting = 0usize;
        let mut counts = Counts::default();
        for span in spans {
            let sentence = &text[span.bytes.clone()];
            reporting += reporting_cues(sentence);
            counts.add(sentence);
        }
        let reporting = reporting as f64 / spans.len().max(1) as f64;
        let personal = counts.personal_rate();
        let strength = if interview {
            0.0
        } else if reporting >= params.reporting_cues {
            1.0
        } else {
            let (low, high) = params.personal_range;
            ((high - personal) / (high - low)).clamp(0.0, 1.0)
        };
        Lead {
            strength,
            reporting,
            personal,
        }
    }
}

/// Chinese words that attribute a statement or mark a report.
const REPORTING_ZH: &[&str] = &[
    "表示", "指出", "称", "据悉", "报道", "记者", "日电", "消息", "宣布", "发布", "透露", "介绍",
    // The same in Traditional characters.
    "報道", "記者", "日電", "訊息", "宣佈", "發佈", "介紹", "稱",
];
/// Words that hold a cue's characters without attributing anything (名称 is a name, not 称 "says").
#[rustfmt::skip]
const NOT_REPORTING_ZH: &[&str] = &[
    "名称", "简称", "称为", "称号", "职称", "昵称", "统称", "堪称", "对称", "称赞", "称呼", "俗称", "通称",
    "名稱", "簡稱", "稱為", "稱號", "職稱", "暱稱", "統稱", "堪稱", "對稱", "稱讚", "稱呼", "俗稱", "通稱",
];
/// Words that attribute a statement, in English and the other languages read by words
/// (French, German, Spanish, Portuguese, Italian, Dutch).
#[rustfmt::skip]
const REPORTING_WORDS: &[&str] = &[
    "said", "says", "told", "according", "reported", "announced", "added", "claimed",
    "déclaré", "selon", "affirmé", "sagte", "laut", "erklärte", "dijo", "según", "afirmó", "disse",
    "segundo", "afirmou", "detto", "secondo", "dichiarato", "zei", "volgens", "verklaarde",
];
/// First- and second-person words, likewise.
#[rustfmt::skip]
const PERSONAL_WORDS: &[&str] = &[
    "i", "we", "our", "us", "you", "your", "my", "me", "i'm", "we're", "you're",
    "je", "j", "nous", "vous", "tu", "mon", "ma", "mes", "notre", "nos", "votre",
    "ich", "wir", "du", "mein", "meine", "unser", "unsere", "euch", "mich", "mir", "uns",
    "yo", "nosotros", "nosotras", "mi", "mis", "nuestro", "nuestra",
    "eu", "nós", "meu", "minha", "nosso", "nossa", "você", "vocês",
    "io", "noi", "voi", "mio", "mia", "nostro", "nostra",
    "ik", "wij", "jij", "jullie", "mijn", "ons", "onze",
];
/// First- and second-person characters in Chinese (我们, 你们 and 咱们 count once, by their
/// first character).
const PERSONAL_ZH: &[char] = &['我', '你', '您', '咱'];

/// How many reporting cues a sentence holds: the occurrences of each Chinese cue (as
/// `matches(cue).count()` summed over the cues would count them, in one pass over the sentence:
/// no cue can overlap itself) and the attributing words.
fn reporting_cues(sentence: &str) -> usize {
    // The cues by their first character: one look-up per character of the text.
    static BY_FIRST: OnceLock<FxHashMap<char, Vec<&'static str>>> = OnceLock::new();
    let by_first = BY_FIRST.get_or_init(|| {
        let mut map = FxHashMap::<char, Vec<&'static str>>::default();
        for cue in REPORTING_ZH {
            if let Some(first) = cue.chars().next() {
                map.entry(first).or_default().push(cue);
            }
        }
        map
    });
    let zh = sentence
        .char_indices()
        .filter_map(|(at, c)| Some((at, by_first.get(&c)?)))
        .map(|(at, cues)| {
            cues.iter()
                .filter(|cue| sentence[at..].starts_with(**cue) && !inside_other_word(sentence, at))
                .count()
        })
        .sum::<usize>();
    let en = words(sentence)
        .filter(|word| is_in(REPORTING_WORDS, word))
        .count();
    zh + en
}

/// Whether the cue at byte `at` is part of a word that attributes nothing (名称, 称为).
fn inside_other_word(sentence: &str, at: usize) -> bool {
    NOT_REPORTING_ZH.iter().any(|word| {
        word.char_indices()
            .filter(|&(_, c)| sentence[at..].starts_with(c))
            .any(|(offset, _)| {
                at.checked_sub(offset)
                    .and_then(|start| sentence.get(start..))
                    .is_some_and(|from| from.starts_with(word))
            })
    })
}

/// Runs of letters other than Han with inner apostrophes (`we're`, `según`), as the cues are read.
fn words(text: &str) -> impl Iterator<Item = &str> {
    // Han first: Unicode's letter table is slow for the ideographs a Chinese text is made of.
    text.split(|c: char| !((!is_han(c) && c.is_alphabetic()) || c == '\''))
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
}

/// Whether `word` is one of `list` (lower-case), whatever its case; lower-cases (and allocates)
/// only a word that has capitals.
pub(crate) fn is_in(list: &[&str], word: &str) -> bool {
    if word.chars().any(char::is_uppercase) {
        let lower = word.to_lowercase();
        list.contains(&lower.as_str())
    } else {
        list.contains(&word)
    }
}

/// Characters and words of the whole text, outside quotation marks.
#[derive(Default)]
struct Counts {
    chars: usize,
    han: usize,
    personal_han: usize,
    words: usize,
    personal_words: usize,
}

impl Counts {
    /// Adds a sentence, leaving out what stands between quotation marks (“…”, 「…」, "…"):
    /// quoted speech is the people reported on, not the writer.
    fn add(&mut self, sentence: &str) {
        let mut outside = String::new();
        let mut quoted = false;
        let mut kept = 0;
        for (at, c) in sentence.char_indices() {
            match c {
                '“' | '「' | '『' | '”' | '」' | '』' | '"' => {
                    // A text without quotation marks is read as it is, with no copy.
                    if !quoted {
                        outside.push_str(&sentence[kept..at]);
                    }
                    quoted = match c {
                        '"' => !quoted,
                        '“' | '「' | '『' => true,
                        _ => false,
                    };
                    kept = at + c.len_utf8();
                }
                _ => {}
            }
        }
        let outside = if kept == 0 {
            sentence
        } else {
            if !quoted {
                outside.push_str(&sentence[kept..]);
            }
            outside.as_str()
        };
        for c in outside.chars() {
            self.chars += 1;
            if is_han(c) {
                self.han += 1;
                if PERSONAL_ZH.contains(&c) {
                    self.personal_han += 1;
                }
            }
        }
        for word in words(outside) {
            self.words += 1;
            // An acronym (US, EU) is no pronoun, though it lower-cases to one.
            if word.chars().count() > 1 && !word.chars().any(char::is_lowercase) {
                continue;
            }
            // "j'ai", "we're": the pronoun before the apostrophe counts too.
            let pronoun = word.split(['\'', '’']).next().unwrap_or(word);
            if is_in(PERSONAL_WORDS, word) || is_in(PERSONAL_WORDS, pronoun) {
                self.personal_words += 1;
            }
        }
    }

    /// Per hundred Han characters when the text is mostly Chinese, else per hundred words.
    fn personal_rate(&self) -> f64 {
        if self.han * 10 > self.chars * 3 {
            100.0 * self.personal_han as f64 / self.han.max(1) as f64
        } else {
            100.0 * self.personal_words as f64 / self.words.max(1) as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sentences::split;

    fn lead(text: &str) -> Lead {
        Lead::of(text, &split(text), false, &Params::default())
    }

    #[test]
    fn a_report_earns_the_lead_and_talk_does_not() {
        let news = "江澜市政府昨日宣布，社区工具图书馆将扩大到十个街道。市民政局负责人表示，试点一年来借出工具三万件。\
                    据悉，明年还将增加修理服务。";
        assert_eq!(lead(news).strength, 1.0);
        let talk = "我觉得这个问题大家都很关心。你们看，我们去年做了一个小小的试点。\
                    我想跟大家分享一下我们的一些体会。";
        assert_eq!(lead(talk).strength, 0.0);
        let abstract_ = "Neural networks are widely used. We propose a new method. \
                         We show that our method works on three benchmarks.";
        assert_eq!(lead(abstract_).strength, 0.0);
        let encyclopedia = "The tool library is a lending library for tools. It was founded in 1976. \
                            Members borrow drills and ladders for a week.";
        assert_eq!(lead(encyclopedia).strength, 1.0);
    }

    #[test]
    fn a_cue_inside_a_word_that_attributes_nothing_is_no_cue() {
        assert_eq!(reporting_cues("该工具的名称为共享工具箱，简称工具箱。"), 0);
        assert_eq!(reporting_cues("該工具的名稱稱為共享工具箱。"), 0);
        assert_eq!(reporting_cues("负责人称，名称将在下月公布。"), 1);
        assert_eq!(reporting_cues("他称：“名称已定。”又称将发布。"), 3);
    }

    #[test]
    fn other_languages_read_by_words_have_their_cues() {
        let blog = "Nous sommes partis tôt. J'ai voulu voir la bibliothèque d'outils avec vous. \
                    Nous avons emprunté une perceuse.";
        assert_eq!(lead(blog).strength, 0.0);
        let news = "La mairie a ouvert une bibliothèque d'outils. Selon la mairie, elle a prêté \
                    mille outils. Le maire a déclaré qu'elle resterait ouverte.";
        assert_eq!(lead(news).strength, 1.0);
    }

    #[test]
    fn quoted_speech_is_not_the_writer_talking() {
        let text = "The mayor opened the library on Monday. \"We are proud of it, and you will love it,\" \
                    the mayor said. \"I hope we can open more,\" she added.";
        let lead = lead(text);
        assert_eq!(lead.personal, 0.0);
        assert!(lead.reporting > 0.5, "{lead:?}");
    }
}
