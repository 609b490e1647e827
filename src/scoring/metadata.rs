//! What the text itself says a sentence is besides its words: a heading, a question, a filler
//! of speech (see `speech.rs`), or page metadata (bylines, captions, sources, URLs, reading-time notes, page
//! furniture).

use std::borrow::Cow;

use crate::text::chars::{is_closer, is_question_mark};
use crate::text::sentences::SentenceSpan;

use super::speech::is_filler;

use super::params::{
    MAX_BYLINE_CHARS, MAX_CAPTION_PARAGRAPHS, MAX_CAPTION_WORDS, MAX_HEADING_CHARS, MAX_LINK_LINE_CHARS,
    MAX_READING_NOTE_CHARS, MAX_TITLE_CHARS,
};

/// What the signals need to know of a sentence besides its terms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shape {
    /// A title or heading: see [`is_heading`].
    pub heading: bool,
    /// A byline, caption, source or other page metadata: see [`is_metadata`].
    pub metadata: bool,
    /// A question: see [`is_question`].
    pub question: bool,
    /// Fillers, backchannels and greetings only: see [`is_filler`].
    pub filler: bool,
    /// The page's title: the text's first line when it stands alone as a headline. It is
    /// context (sentences that restate it gain), never a summary sentence of its own.
    pub title: bool,
    /// A caption or standfirst above the article's first paragraph of prose: no lead.
    pub caption: bool,
}

impl Shape {
    /// The shape of one sentence, `text` being its text and `span` its place; `title` and `caption` start false,
    /// since they depend on the sentences around it.
    pub fn of(text: &str, span: &SentenceSpan) -> Shape {
        Shape {
            heading: is_heading(span),
            metadata: is_metadata(text, span.terminated),
            question: is_question(text),
            filler: is_filler(text),
            title: false,
            caption: false,
        }
    }
}

/// The shapes of all the sentences of `text`, read with what the whole text tells: which line
/// is its title, which questions are subheads, and whether its lines are its sentences.
pub fn shapes(text: &str, spans: &[SentenceSpan]) -> Vec<Shape> {
    let mut shapes: Vec<Shape> = spans
        .iter()
        .map(|span| Shape::of(&text[span.bytes.clone()], span))
        .collect();
    let mut paragraph_sizes: Vec<usize> = Vec::new();
    for span in spans {
        if paragraph_sizes.len() <= span.paragraph {
            paragraph_sizes.resize(span.paragraph + 1, 0);
        }
        paragraph_sizes[span.paragraph] += 1;
    }
    let alone = |span: &SentenceSpan| paragraph_sizes[span.paragraph] == 1;
    // Text written in lines without sentence punctuation (a blog, a poem, notes): its lines are
    // its sentences, not headings (but for its first line, its title). Metadata lines (sources,
    // links) do not count either way.
    let lines = spans.iter().zip(&shapes).filter(|(_, shape)| !shape.metadata);
    let (lines, unterminated) = lines.fold((0, 0), |(n, u), (span, _)| {
        (n + 1, u + usize::from(!span.terminated))
    });
    if lines >= 4 && unterminated * 2 > lines {
        for shape in shapes.iter_mut().skip(1) {
            shape.heading = false;
        }
    }
    // The title: the first line that is not metadata, alone in its paragraph, with more
    // paragraphs after it, not ending as a statement does (a headline has no full stop; it may
    // ask or exclaim).
    let paragraphs = paragraph_sizes.len();
    if let Some(first) = shapes.iter().position(|shape| !shape.metadata) {
        let span = &spans[first];
        let sentence = &text[span.bytes.clone()];
        if alone(span)
            && span.paragraph + 1 < paragraphs
            && span.chars.len() <= MAX_TITLE_CHARS
            && !ends_as_statement(sentence)
        {
            shapes[first].title = true;
            shapes[first].heading = true;
        }
    }
    // Short lines alone in their paragraphs before the first paragraph of prose, within the
    // first few paragraphs (a photo's caption, a standfirst), are not the lead. A text whose
    // every paragraph is one short line has no such prose to stand before: no captions there.
    if paragraphs >= 3 {
        let prose = spans.iter().position(|span| {
            let sentence = &text[span.bytes.clone()];
            !alone(span) || word_count(sentence) >= MAX_CAPTION_WORDS
        });
        if let Some(prose) = prose.filter(|&p| spans[p].paragraph < MAX_CAPTION_PARAGRAPHS) {
            for shape in &mut shapes[..prose] {
                shape.caption = !shape.title && !shape.metadata;
            }
        }
    }
    // Entries of a reference list ("[1] …", "^ …") are metadata when they open a line.
    for (index, (shape, span)) in shapes.iter_mut().zip(spans).enumerate() {
        if starts_line(text, spans, index) && is_reference_entry(&text[span.bytes.clone()]) {
            shape.metadata = true;
        }
    }
    // A question alone in its paragraph, in a text of several, is a subhead
    // (出国前：政治科目会出啥考题？): it raises what the next paragraphs answer.
    if paragraphs >= 3 {
        for (shape, span) in shapes.iter_mut().zip(spans) {
            if shape.question && alone(span) && span.chars.len() <= MAX_HEADING_CHARS {
                shape.heading = true;
            }
        }
    }
    shapes
}

/// Whether sentence `index` opens a line: the first, or one after a line break.
pub(crate) fn starts_line(text: &str, spans: &[SentenceSpan], index: usize) -> bool {
    index == 0 || {
        let gap = &text[spans[index - 1].bytes.end..spans[index].bytes.start];
        gap.contains(['\n', '\r', '\u{2028}', '\u{2029}'])
    }
}

/// A line's length in words, counting two Han characters as one word.
fn word_count(line: &str) -> usize {
    let han = line.chars().filter(|&c| crate::text::chars::is_han(c)).count();
    line.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric) && !w.chars().any(crate::text::chars::is_han))
        .count()
        + han / 2
}

/// Whether a line ends with a full stop (。 . ；), as a statement does and a headline does not.
fn ends_as_statement(line: &str) -> bool {
    line.trim_end_matches(is_closing)
        .ends_with(['。', '.', '；', ';', '｡'])
        && !line.ends_with("...")
}

/// A title or heading: a short line that does not end like a sentence.
pub fn is_heading(span: &SentenceSpan) -> bool {
    !span.terminated && span.chars.len() <= MAX_HEADING_CHARS
}

/// A question, which raises a topic rather than summing it up.
pub fn is_question(text: &str) -> bool {
    text.trim_end_matches(is_closing).ends_with(is_question_mark)
}

/// What may follow a sentence's last mark: closing quotes and brackets, and spaces.
fn is_closing(c: char) -> bool {
    is_closer(c) || matches!(c, '"' | '\'' | ' ')
}

/// Labels that introduce metadata rather than content when a line starts with them and a colon
/// and holds no full sentence (besides the strong ones below, which always do).
const WEAK_LABELS: &[&str] = &[
    "描述",
    "标题",
    "链接",
    "编辑",
    "主编",
    "编审",
    "审核",
    "审校",
    "校对",
    "监制",
    "出品",
    "策划",
    "制作",
    "作者",
    "文",
    "记者",
    "通讯员",
    "摄影",
    "摄",
    "图",
    "图片",
    "图片来源",
    "图源",
    "视频",
    "配图",
    "声明",
    "转载",
    "注",
    "发布时间",
    "时间",
    "日期",
    "关键词",
    "关键字",
    "标签",
    "阅读",
    "微信",
    "公众号",
    "微博",
    "邮箱",
    "电话",
    "photograph",
    "image",
    "images",
    "picture",
    "pictures",
    "editor",
    "editing",
    "reporting",
    "tags",
    "related",
    "read more",
    "see also",
    "watch",
    "video",
    "email",
    "contact",
    "url",
    "link",
    "address",
];

/// Labels that mark metadata even before a full sentence.
const STRONG_LABELS: &[&str] = &[
    "来源",
    "本文来源",
    "消息来源",
    "文章来源",
    "稿源",
    "出处",
    "原标题",
    "地址",
    "网址",
    "原文链接",
    "原文地址",
    "责任编辑",
    "责编",
    "免责声明",
    "版权声明",
    "编者按",
    "source",
    "sources",
    "note",
    "photo",
    "photos",
    "caption",
    "credit",
    "credits",
    "published",
    "updated",
    "last updated",
    "copyright",
];

/// Words that make "X said: …" speech rather than a caption label.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "explained",
    "wrote",
    "writes",
    "insisted",
    "revealed",
    "claimed",
    "asked",
    "warned",
    "tweeted",
    "posted",
    "reads",
    "read",
    "stated",
    "admitted",
    "continued",
    "replied",
    "declared",
    "announced",
    "commented",
    "joked",
    "noted",
    "recalled",
];

/// A photo caption in the style of British news sites: "Sleepy kid: Brock Guzman, 8, was last
/// seen…", "Devastated : Dawn, who…". One to three words, the first capitalised and none a
/// speech verb, then a colon and a capitalised word.
/// `colon` is the byte offset of the first ASCII colon.
fn is_caption_label(text: &str, colon: usize) -> bool {
    let (label, rest) = (text[..colon].trim(), text[colon + 1..].trim_start());
    let words: Vec<&str> = label.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words[0].starts_with(|c: char| c.is_ascii_uppercase())
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_ascii_alphabetic() || c == '-' || c == '\'')
        })
        && !words
            .iter()
            .any(|w| SPEECH_VERBS.contains(&w.to_ascii_lowercase().as_str()))
        && rest.starts_with(|c: char| c.is_ascii_uppercase())
}

/// Openings of calls to action and page furniture.
const FURNITURE_OPENINGS: &[&str] = &[
    "点击",
    "扫码",
    "扫描二维码",
    "长按",
    "关注我们",
    "欢迎关注",
    "阅读原文",
    "scroll down for",
    "click here",
    "follow us",
    "sign up",
    "subscribe",
    "read more",
    "watch the video",
    "retrieved ",
    "archived from",
    "isbn",
    "doi:",
];

/// Notes that a caption or photo is meant, wherever they stand.
const CAPTION_CUES: Cues = Cues(&[
    "(pictured",
    "( pictured",
    "(photo",
    "(file photo",
    "(图片",
    "（图片",
    "(图)",
    "（图）",
    "图为",
]);

/// Marks of a byline or credit line anywhere in a short sentence ("《…》作者：嵇秉容，…").
const BYLINE_CUES: Cues = Cues(&[
    "作者：",
    "作者:",
    "文/",
    "文／",
    "图/",
    "图／",
    "摄/",
    "摄／",
    "编辑/",
    "编辑／",
    "撰文：",
    "摄影：",
    "daily mail reporter",
    "for mailonline",
    "for dailymail.com",
    "associated press reporter",
]);

/// Metadata rather than content: a byline, dateline, caption, source, URL, reading-time note
/// or call to action ("来源:…", "描述:…", "地址:http…", "By . Daily Mail Reporter .",
/// "本篇文章3641字,读完约9分钟", "Scroll down for video").
pub fn is_metadata(text: &str, terminated: bool) -> bool {
    let trimmed = text.trim();
    let scan = LineScan::of(trimmed);
    // Every cue and label is ASCII or Chinese, and the only other character that lower-cases
    // into ASCII is the Kelvin sign: lower-casing ASCII and it is enough, and much cheaper.
    let lower = if scan.kelvin {
        Cow::Owned(trimmed.to_ascii_lowercase().replace('\u{212A}', "k"))
    } else if scan.capitals {
        Cow::Owned(trimmed.to_ascii_lowercase())
    } else {
        Cow::Borrowed(trimmed)
    };
    // The caption check reads `trimmed`; the other checks read `lower`, where the scan's offsets
    // hold unless a Kelvin sign (3 bytes) became a k (1 byte).
    let ascii_colon = scan.ascii_colon;
    let scan = if scan.kelvin { LineScan::of(&lower) } else { scan };
    // "Label: value" with a known label: always for the labels of sources, editors and notes,
    // for the others only on a line of its own ("记者：为什么…？" is an interview).
    if let Some(colon) = scan.colon {
        let label = lower[..colon].trim();
        if STRONG_LABELS.contains(&label) || (!terminated && WEAK_LABELS.contains(&label)) {
            return true;
        }
    }
    if ascii_colon.is_some_and(|colon| is_caption_label(trimmed, colon)) {
        return true;
    }
    if FURNITURE_OPENINGS.iter().any(|o| lower.starts_with(o)) {
        return true;
    }
    if let Some(start) = scan.cue_start {
        let (chars, tail) = (scan.chars, &lower[start..]);
        if CAPTION_CUES.found_in(tail)
            || (chars <= MAX_BYLINE_CHARS && BYLINE_CUES.found_in(tail))
            // A link with little else around it.
            || ((!terminated || chars <= MAX_LINK_LINE_CHARS) && URL_CUES.found_in(tail))
            // Reading-time notes: 本篇文章3641字,读完约9分钟 / 5 min read.
            || (chars <= MAX_READING_NOTE_CHARS
                && ((lower.contains('字') && READING_CUES.found_in(tail)) || READING_TIME_CUES.found_in(tail)))
        {
            return true;
        }
    }
    is_byline(trimmed)
}

/// An entry of a reference list, as wiki pages print them: "[1] …", "^ …", "1. ^ …".
/// Only a line is read so: "[2] He studied law." after "born in 1950." on the same line is a
/// citation marker before a sentence (see [`shapes`]).
fn is_reference_entry(line: &str) -> bool {
    // A numbered entry: "1. ^ …".
    let unnumbered = line.trim_start_matches(|c: char| c.is_ascii_digit());
    let line = match unnumbered.strip_prefix(". ") {
        Some(rest) if unnumbered.len() < line.len() => rest.trim_start(),
        _ => line,
    };
    if line.starts_with('^') || line.starts_with('↑') {
        return true;
    }
    line.strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
        .is_some_and(|(inside, _)| {
            !inside.is_empty() && inside.len() <= 4 && inside.bytes().all(|b| b.is_ascii_digit())
        })
}

/// What one pass over a line's bytes tells the metadata checks, so that most lines need no
/// other pass: few hold a colon, a capital or the start of a cue.
#[derive(Default)]
struct LineScan {
    chars: usize,
    capitals: bool,
    kelvin: bool,
    /// Byte offset of the first colon, ASCII or fullwidth.
    colon: Option<usize>,
    ascii_colon: Option<usize>,
    /// The first byte where a cue of any list can start, as the line reads lower-cased.
    cue_start: Option<usize>,
}

impl LineScan {
    fn of(line: &str) -> LineScan {
        let bytes = line.as_bytes();
        let mut scan = LineScan::default();
        for (i, &byte) in bytes.iter().enumerate() {
            // A byte that continues a character starts nothing.
            if byte & 0xC0 == 0x80 {
                continue;
            }
            scan.chars += 1;
            let rest = &bytes[i + 1..];
            match byte {
                b'A'..=b'Z' => scan.capitals = true,
                b':' => {
                    scan.colon.get_or_insert(i);
                    scan.ascii_colon.get_or_insert(i);
                }
                0xEF if rest.starts_with(&[0xBC, 0x9A]) => _ = scan.colon.get_or_insert(i),
                0xE2 if rest.starts_with(&[0x84, 0xAA]) => scan.kelvin = true,
                _ => {}
            }
            if scan.cue_start.is_none() && CUE_STARTS.at(&bytes[i..]) {
                scan.cue_start = Some(i);
            }
        }
        scan
    }
}

/// Where a cue of any list can start.
const CUE_STARTS: CueStarts = CueStarts::new(&[
    CAPTION_CUES.0,
    BYLINE_CUES.0,
    URL_CUES.0,
    READING_CUES.0,
    READING_TIME_CUES.0,
]);

/// Words of a reading-time note that counts characters (字).
const READING_CUES: Cues = Cues(&["读完", "阅读"]);
/// A reading-time note on its own.
const READING_TIME_CUES: Cues = Cues(&["阅读时间", "min read", "minute read"]);

/// Beginnings of links.
const URL_CUES: Cues = Cues(&["http://", "https://", "www."]);

/// A list of cues: marks of metadata wherever they stand in a line.
struct Cues(&'static [&'static str]);

/// Where the cues can start, as bit sets: every cue starts with an ASCII byte and one more
/// byte, or with a character of three bytes (all Chinese cues do).
struct CueStarts {
    /// Bit `b0 << 8 | b1` for a cue starting with the bytes `b0 b1`, `b0` ASCII.
    ascii: [u64; 512],
    /// Bit `c` for a cue starting with the character `c` (U+0800–U+FFFF).
    chars: [u64; 1024],
}

impl CueStarts {
    const fn new(lists: &[&[&str]]) -> CueStarts {
        let mut starts = CueStarts {
            ascii: [0; 512],
            chars: [0; 1024],
        };
        let mut l = 0;
        while l < lists.len() {
            let cues = lists[l];
            let mut i = 0;
            while i < cues.len() {
                let bytes = cues[i].as_bytes();
                assert!(bytes.len() >= 2);
                if bytes[0] < 0x80 {
                    set_bit(&mut starts.ascii, ascii_key(bytes[0], bytes[1]));
                } else {
                    assert!(
                        bytes[0] >> 4 == 0xE,
                        "a cue starts with ASCII or a three-byte character"
                    );
                    set_bit(&mut starts.chars, char_key(bytes[0], bytes[1], bytes[2]));
                }
                i += 1;
            }
            l += 1;
        }
        starts
    }

    /// Whether a cue can start at `bytes[0]`, comparing ASCII letters as lower case.
    #[inline]
    fn at(&self, bytes: &[u8]) -> bool {
        match *bytes {
            [b0, b1, ..] if b0 < 0x80 => has_bit(
                &self.ascii,
                ascii_key(b0.to_ascii_lowercase(), b1.to_ascii_lowercase()),
            ),
            [b0, b1, b2, ..] if b0 >> 4 == 0xE => has_bit(&self.chars, char_key(b0, b1, b2)),
            _ => false,
        }
    }
}

const fn set_bit(bits: &mut [u64], key: usize) {
    bits[key >> 6] |= 1 << (key & 63);
}

fn has_bit(bits: &[u64], key: usize) -> bool {
    bits[key >> 6] & (1 << (key & 63)) != 0
}

/// The key of a cue's first two bytes when the first is ASCII.
const fn ascii_key(b0: u8, b1: u8) -> usize {
    (b0 as usize) << 8 | b1 as usize
}

/// The code point of a three-byte UTF-8 character.
const fn char_key(b0: u8, b1: u8, b2: u8) -> usize {
    ((b0 & 0x0F) as usize) << 12 | ((b1 & 0x3F) as usize) << 6 | (b2 & 0x3F) as usize
}

impl Cues {
    /// Whether lower-case `text` contains one of the cues, in one pass over its bytes: a cue can
    /// start only where its first character (or first two bytes) is, and a cue's first byte
    /// never continues a character, so every match found is at a character boundary. (A
    /// substring search per cue costs several times as much, especially in wasm.)
    fn found_in(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        (0..bytes.len()).any(|i| {
            CUE_STARTS.at(&bytes[i..]) && self.0.iter().any(|cue| bytes[i..].starts_with(cue.as_bytes()))
        })
    }
}

/// "By . Daily Mail Reporter .", "By John Smith and Jane Doe for MailOnline": "By" and then
/// only names and connecting words (so "By the end of the week…" is a sentence).
fn is_byline(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("By ") else {
        return false;
    };
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == '.' || c == '|' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= 10
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                || matches!(*w, "and" | "for" | "in" | "of" | "de" | "van" | "von" | "-")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_and_statements_are_told_by_their_last_mark_inside_any_closer() {
        for question in [
            "出国前：政治科目会出啥考题？",
            "“Why now?”",
            "《谁来修理？》",
            "هل المكتبة مفتوحة؟",
            "Really⁇ ",
        ] {
            assert!(is_question(question), "{question}");
        }
        for statement in ["他说：“明天开门。”", "(It opens today.)", "什么时候开门"] {
            assert!(!is_question(statement), "{statement}");
        }
        assert!(ends_as_statement("〔社区工具图书馆今天开门。〕"));
        assert!(!ends_as_statement("社区工具图书馆今天开门"));
    }

    #[test]
    fn metadata_cues_match_whatever_the_case() {
        assert!(is_metadata("CLICK HERE to subscribe", true));
        // The Kelvin sign lower-cases to an ASCII k.
        assert!(is_metadata("CLIC\u{212A} HERE", true));
        // Offsets into the line survive its lower-casing, where a Kelvin sign becomes one byte.
        assert!(!is_metadata("\u{212A}: X", true));
        assert!(!is_metadata("Dar\u{212A}: Brock Guzman was last seen.", true));
        assert!(is_metadata("Photo: AP", true));
        assert!(is_metadata("来源：新华社", true));
        assert!(is_metadata("Source: Reuters", true));
        assert!(is_metadata("本篇文章3641字,读完约9分钟", true));
        assert!(is_metadata("阅读时间：5分钟", true));
        assert!(is_metadata("5 MIN READ", true));
        assert!(is_metadata("会场一角(图片由主办方提供)。", true));
        assert!(is_metadata("本报记者 文/张三 摄/李四", true));
        assert!(is_metadata("详见 HTTPS://example.com/news", true));
        assert!(is_metadata("他说，作者：王五。", true));
        assert!(!is_metadata(
            "国际文化交流中心的工作人员介绍了新的阅读计划。",
            true
        ));
        assert!(!is_metadata("这篇文章读完让人深思。", true));
        assert!(is_metadata("他在会上发言（图片由本人提供）。", true));
        assert!(!is_metadata("他在会上发言，提出了三点建议。", true));
        assert!(!is_metadata("Click beetles are common in gardens.", true));
    }
}
