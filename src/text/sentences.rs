//! Sentence splitting with byte, char and UTF-16 offsets.
//!
//! [`split`] is the first stage of the pipeline. It cuts an article (Chinese, English or a mix)
//! into [`SentenceSpan`]s in a single linear pass; every span carries its offsets in the three
//! units callers need (Rust byte slices, `char` counts, JavaScript/DOM UTF-16 indices).
//!
//! # Rules
//!
//! **Spans.** Trimmed of surrounding whitespace and invisible format characters (NBSP, U+3000,
//! zero-width spaces/joiners, BOM, bidi controls, other control characters); never empty; in
//! order; non-overlapping. Every non-blank character of the input lands in exactly one span.
//! List markers (`- `, `1. `, `•`, `一、`, `(a)` …) stay part of their item's span.
//!
//! **Paragraphs.** A blank line (only whitespace / invisible characters), U+2029 or a form feed
//! ends the sentence and starts a new paragraph. Paragraph indices count paragraphs that contain
//! at least one span, so they are dense (0, 1, 2 …) whatever the number of blank lines.
//!
//! **Chinese terminators** `。！？；｡` always end a sentence (runs like `？！` stay together).
//! ASCII `! ? ;` end one too when a CJK character comes right before or a Han character comes
//! next (`呢?那么`, `1/3;今年`). ASCII `.` ends one after a CJK character unless a lower-case
//! letter or digit follows directly (`效果.结果`, `很快.It`, but `百度.com`), and before a Han
//! character unless it closes a dotted acronym or Latin shorthand (`研究了X.结果`, `GPT-4.结果`,
//! but `U.S.政府`). `3.5亿` never splits. Nothing ends a sentence when the next non-blank
//! character is a comma-like mark (`，、,;:：`), e.g. `……，`.
//!
//! **English terminators** `. ! ?` end a sentence only when the next non-blank character could
//! start one: anything but a lower-case letter (upper case, digit, quote, bracket, CJK, emoji…).
//! So `e.g. the`, `"Why?" she asked` and `Wait... what` do not split. A single `.` is further
//! checked against the word before it:
//! * titles and Latin shorthands never split: `Mr. Mrs. Dr. Prof. Gen. vs. cf. e.g. i.e. approx.`;
//! * number prefixes split unless a number follows: `No. 5`, `Fig. 3`, `p. 12`, `Vol. 2`;
//! * dotted acronyms (`U.S.`, `Ph.D.`, `a.m.`), single capital initials (`J. K. Rowling`) and
//!   weak abbreviations (`etc. Inc. Ltd. Jr. St. Jan.`–`Dec.`, `et al.`) split only before a
//!   common sentence-opening word (`The`, `It`, `We`, `However`, …) or an opening quote, so
//!   `the U.S. The weather` splits but `the U.S. Army` and `et al. (2019)` do not. At the end
//!   of a line, acronyms and weak abbreviations fall back to the plain rule (`the U.S.⏎Life`
//!   splits) but initials do not (`John F.⏎Kennedy`).
//!
//! A terminator directly followed by an ASCII letter/digit (`3.5`, `example.com`, `let...else`)
//! never splits outside Chinese context. English `;` does not split. Ellipses (`...`, `…`, `……`)
//! follow the plain rule: split before an upper-case/CJK start, not before lower case, and never
//! inside an open quotation (`他说：“这件事……我不知道。”`, `"Wait... What?"`). Scripts
//! without case (Korean, Arabic `؟`, Devanagari `।`) split before any letter.
//!
//! **Closers.** Closing quotes and brackets right after the terminator (`” ’ 」 』 ） 》 】 ) ] "`)
//! stay with their sentence. An ASCII `"` counts as closing when an odd number of `"` precede it
//! in the paragraph (or when nothing but space follows it), so `。"你好"` opens the next sentence.
//!
//! **Line breaks inside a paragraph.** A line starting with a list marker always starts a new
//! sentence. Otherwise, for a line `A` followed by line `B`:
//! * `A` ends with a terminator that did not split (`Mr.`) → same sentence;
//! * Chinese (either side of the break is CJK): the break ends the sentence unless `A` ends with
//!   a comma (`，、,`) or `A` is long (≥ 30 chars) and both sides of the break are letters — a
//!   hard-wrapped Chinese line as copied from PDFs (titles are shorter than that). The cost: a
//!   one-line paragraph of ≥ 30 chars that lacks final punctuation merges with the next line
//!   until its `。`;
//! * English: `A` ending with `:` continues only if `B` starts lower case (a colon before
//!   capitalised lines introduces a list); `A` ending with a comma, dash or opening bracket,
//!   `B` starting lower case, or `A` ending with a function word (`the`, `of`, `and`…) continues;
//!   otherwise `A` continues only if it is long (≥ 40 chars) and not Title Case, so short
//!   unpunctuated lines (titles, captions, list items) are sentences of their own.
//!
//! **Length cap.** Once a sentence reaches 2,000 chars it is cut after the next comma or before
//! the next whitespace; with neither, it is cut at 3,000 chars (not inside a combining sequence
//! where it can tell). Cut sentences have `terminated == false`.
//!
//! `terminated` is `true` when the span ends with sentence punctuation (`。！？；…!?.`, possibly
//! followed by closers, or a `;` that split in Chinese context) and `false` otherwise.

use std::ops::Range;

use super::chars::{
    is_blank, is_bullet, is_cjk, is_closer, is_comma_like, is_dash, is_extender, is_han_digit, is_line_break,
    is_opener, is_opening_quote, is_paragraph_separator, is_terminal,
};

/// One sentence of the input text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceSpan {
    /// Byte offsets into the original `&str`: `&text[span.bytes.clone()]` is the sentence.
    pub bytes: Range<usize>,
    /// Unicode scalar value (`char`) offsets of the same slice.
    pub chars: Range<usize>,
    /// UTF-16 code-unit offsets of the same slice (what JavaScript and the DOM use).
    pub utf16: Range<usize>,
    /// 0-based index of the paragraph (blank-line separated block) the sentence is in.
    pub paragraph: usize,
    /// `true` if the sentence ended with sentence punctuation; `false` if it ended at a line
    /// break or the end of the text (titles, list items, captions) or was cut by the length cap.
    pub terminated: bool,
}

/// Splits `text` into sentences. Linear time; never panics. See the module docs for the rules.
pub fn split(text: &str) -> Vec<SentenceSpan> {
    Splitter::new(text).run()
}

/// Past this many chars a sentence is cut at the next comma or whitespace.
const SOFT_CAP_CHARS: usize = 2_000;
/// Past this many chars a sentence is cut before the next character.
const HARD_CAP_CHARS: usize = 3_000;
/// An English line at least this long, not in Title Case, is taken as hard-wrapped.
const LONG_LINE_CHARS: usize = 40;
/// A Chinese line at least this long ending mid-word is taken as hard-wrapped.
const LONG_CJK_LINE_CHARS: usize = 30;
/// Longest word looked at for abbreviations and sentence starters.
const MAX_WORD_CHARS: usize = 12;

/// Capitalised words that commonly open an English sentence (compared exactly).
#[rustfmt::skip]
const SENTENCE_STARTERS: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "There", "Their", "They", "Then", "Thus",
    "It", "Its", "He", "She", "His", "Her", "We", "Our", "You", "Your", "My", "I", "In", "On", "At",
    "As", "For", "If", "When", "While", "But", "And", "Or", "So", "Yet", "However", "Although",
    "After", "Before", "Since", "Because", "Meanwhile", "Also", "Many", "Most", "Some", "Each",
    "Every", "All", "Now", "Here", "What", "Why", "How", "Who", "Where", "Which", "Such", "Both",
    "One", "Still", "Even", "Only", "Despite", "Instead", "Today", "Yesterday",
];
/// Words that cannot end an English line that ends a sentence: the line continues.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into", "onto", "over",
    "under", "about", "than", "as", "and", "or", "nor", "but", "that", "which", "who", "whom", "whose", "is",
    "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "should",
    "may", "might", "must", "not", "its", "their", "his", "her", "our", "your", "my", "this", "these",
    "those", "via", "per", "between", "among", "through", "during", "without", "within",
];
/// Lower-case words allowed in a Title Case heading.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "nor", "but",
    "as", "vs", "via", "per", "into",
];

/// A position in the text in all three units.
#[derive(Debug, Clone, Copy, Default)]
struct Pos {
    byte: usize,
    char: usize,
    utf16: usize,
}

impl Pos {
    fn advance(&mut self, c: char) {
        self.byte += c.len_utf8();
        self.char += 1;
        self.utf16 += c.len_utf16();
    }
}

#[derive(Debug, Clone, Copy)]
struct OpenSentence {
    start: Pos,
    /// End of the last non-blank character, so the span is trimmed.
    end: Pos,
    /// Whether it holds anything besides punctuation, quotes and brackets; a terminator before
    /// any content does not end a sentence (`。。。` stays one span).
    has_content: bool,
    paragraph: usize,
}

/// The line being scanned, for deciding what its line break means.
#[derive(Debug, Clone, Copy, Default)]
struct LineState {
    first: Option<Pos>,
    end: Pos,
    last: Option<char>,
    /// The line ends with a terminator run (which then declined to end the sentence).
    ends_with_run: bool,
}

/// What follows a position, skipping blanks.
enum Ahead {
    /// End of text, a blank line, a paragraph separator, or a line starting with a list marker.
    BlockEnd,
    Char {
        c: char,
        byte: usize,
        crossed_line: bool,
    },
}

/// What a terminator run consisted of.
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    dots: usize,
    ellipsis: bool,
    bang_or_question: bool,
    cjk_stop: bool,
    has_non_semicolon: bool,
}

impl Run {
    fn note(&mut self, c: char) {
        match c {
            '.' => self.dots += 1,
            '…' | '⋯' => self.ellipsis = true,
            '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' | '؟' | '।' => self.bang_or_question = true,
            '。' | '！' | '？' | '；' | '｡' => self.cjk_stop = true,
            _ => {}
        }
        self.has_non_semicolon |= c != ';';
    }

    fn is_ellipsis(&self) -> bool {
        self.ellipsis || self.dots >= 2
    }
}

enum Abbreviation {
    None,
    NeverSplit,
    Dotted,
    Initial,
    NumberPrefix,
    Weak,
}

struct Splitter<'a> {
    text: &'a str,
    pos: Pos,
    spans: Vec<SentenceSpan>,
    open: Option<OpenSentence>,
    paragraph: usize,
    paragraph_has_spans: bool,
    /// Parity of ASCII `"` seen in this paragraph.
    double_quote_open: bool,
    /// Nesting depth of `“「『` quotes in this paragraph; an ellipsis inside quotes does not split.
    quote_depth: usize,
    line: LineState,
}

impl<'a> Splitter<'a> {
    fn new(text: &'a str) -> Self {
        Splitter {
            text,
            pos: Pos::default(),
            spans: Vec::with_capacity(text.len() / 64),
            open: None,
            paragraph: 0,
            paragraph_has_spans: false,
            double_quote_open: false,
            quote_depth: 0,
            line: LineState::default(),
        }
    }

    fn run(mut self) -> Vec<SentenceSpan> {
        while let Some(c) = self.peek() {
            if is_paragraph_separator(c) {
                self.bump(c);
                self.close_at_break();
                self.paragraph_break();
                self.line = LineState::default();
            } else if is_line_break(c) {
                self.line_break(c);
            } else if is_blank(c) {
                if c.is_whitespace() && self.open_len() >= SOFT_CAP_CHARS {
                    self.close(false);
                }
                self.bump(c);
            } else {
                if self.line.first.is_none() {
                    self.line.first = Some(self.pos);
                    if let Some(len) = list_marker_len(self.text, self.pos.byte) {
                        self.marker(len);
                        continue;
                    }
                }
                if is_terminal(c) {
                    self.terminal_run();
                } else {
                    self.content(c);
                    self.ideograph_run();
                }
            }
        }
        self.close_at_break();
        self.spans
    }

    fn peek(&self) -> Option<char> {
        self.text[self.pos.byte..].chars().next()
    }

    fn bump(&mut self, c: char) {
        self.pos.advance(c);
    }

    /// Length in chars of the open sentence as it would be cut now (trailing blanks excluded).
    fn open_len(&self) -> usize {
        self.open.map_or(0, |open| open.end.char - open.start.char)
    }

    /// Adds the non-blank `c` at the cursor to the open sentence (opening one if needed).
    fn push_char(&mut self, c: char, is_content: bool) {
        self.paragraph_has_spans = true;
        let start = self.pos;
        let paragraph = self.paragraph;
        let open = self.open.get_or_insert(OpenSentence {
            start,
            end: start,
            has_content: false,
            paragraph,
        });
        open.has_content |= is_content;
        match c {
            '“' | '「' | '『' => self.quote_depth += 1,
            '”' | '」' | '』' => self.quote_depth = self.quote_depth.saturating_sub(1),
            _ => {}
        }
        self.pos.advance(c);
        open.end = self.pos;
        self.line.end = self.pos;
        self.line.last = Some(c);
        self.line.ends_with_run = false;
    }

    fn content(&mut self, c: char) {
        let len = self.open_len();
        if len >= HARD_CAP_CHARS
            && (len >= 2 * HARD_CAP_CHARS || !(is_extender(c) || self.after_zero_width_joiner()))
        {
            self.close(false);
        }
        if c == '"' {
            self.double_quote_open = !self.double_quote_open;
        }
        self.push_char(c, is_content_char(c));
        if is_comma_like(c) && self.open_len() >= SOFT_CAP_CHARS {
            self.close(false);
        }
    }

    /// Consumes the common ideographs (U+4E00–U+9FFF) that follow content: most of a Chinese
    /// text. Each is plain content, which cannot end a sentence or open a quote, so of
    /// `content`'s checks only the length cap applies; one byte test each instead of the full
    /// per-character dispatch.
    fn ideograph_run(&mut self) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        let bytes = self.text.as_bytes();
        let mut pos = self.pos;
        while pos.char - open.start.char < HARD_CAP_CHARS {
            match bytes.get(pos.byte..pos.byte + 3) {
                Some(&[lead, second, _])
                    if matches!(lead, 0xE5..=0xE9) || (lead == 0xE4 && second >= 0xB8) =>
                {
                    pos.byte += 3;
                    pos.char += 1;
                    pos.utf16 += 1;
                }
                _ => break,
            }
        }
        if pos.byte == self.pos.byte {
            return;
        }
        open.has_content = true;
        open.end = pos;
        self.pos = pos;
        self.line.end = pos;
        self.line.last = self.text[..pos.byte].chars().next_back();
        self.line.ends_with_run = false;
    }

    fn after_zero_width_joiner(&self) -> bool {
        self.text[..self.pos.byte].ends_with('\u{200D}')
    }

    fn marker(&mut self, len: usize) {
        let end = self.pos.byte + len;
        while self.pos.byte < end {
            let Some(c) = self.peek() else { break };
            self.push_char(c, true);
        }
    }

    /// Consumes a run of terminators and closers, then decides whether it ends the sentence.
    fn terminal_run(&mut self) {
        if self.open_len() >= HARD_CAP_CHARS {
            self.close(false);
        }
        let run_start = self.pos;
        let prev = self.text[..run_start.byte].chars().next_back();
        let mut run = Run::default();
        while let Some(c) = self.peek() {
            if is_terminal(c) {
                run.note(c);
            } else if !self.closes_here(c) {
                break;
            } else if c == '"' {
                self.double_quote_open = !self.double_quote_open;
            }
            self.push_char(c, false);
            if self.open_len() >= HARD_CAP_CHARS {
                break;
            }
        }
        self.line.ends_with_run = true;
        if !self.open.is_some_and(|open| open.has_content) {
            return;
        }
        if let Some(terminated) = self.decide(run, run_start, prev) {
            self.close(terminated);
        }
    }

    /// Whether `c`, met right after a terminator, closes the sentence (a closing quote/bracket).
    fn closes_here(&self, c: char) -> bool {
        let after = || self.text[self.pos.byte + c.len_utf8()..].chars().next();
        match c {
            '"' => self.double_quote_open || after().is_none_or(|n| is_blank(n) || is_closer(n)),
            '\'' => after().is_none_or(|n| !n.is_alphanumeric()),
            _ => is_closer(c),
        }
    }

    /// Returns `Some(terminated)` if the terminator run just consumed ends the sentence.
    fn decide(&self, run: Run, run_start: Pos, prev: Option<char>) -> Option<bool> {
        let after = self.pos.byte;
        let cjk_before = prev.is_some_and(is_cjk);
        let (next, next_byte, crossed_line) = match self.look_ahead(after, false) {
            Ahead::BlockEnd => return Some(run.has_non_semicolon || cjk_before),
            Ahead::Char {
                c,
                byte,
                crossed_line,
            } => (c, byte, crossed_line),
        };
        if is_comma_like(next) || matches!(next, ':' | '：') {
            return None;
        }
        if run.cjk_stop {
            return Some(true);
        }
        let immediate_alnum = self.text[after..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        let starts_sentence = !next.is_lowercase();
        let splits = if run.bang_or_question {
            cjk_before || is_cjk(next) || (starts_sentence && !immediate_alnum)
        } else if run.is_ellipsis() {
            // `他说：“这件事……我不知道。”` is one sentence: a quoted ellipsis is a pause.
            starts_sentence && !immediate_alnum && self.quote_depth == 0 && !self.double_quote_open
        } else if run.dots == 1 {
            let immediate_lower_or_digit = self.text[after..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
            if cjk_before {
                // `很快.It` splits; `百度.com` does not.
                !immediate_lower_or_digit
            } else if immediate_alnum {
                false
            } else {
                self.period_splits(run_start.byte, next, next_byte, crossed_line)
            }
        } else {
            // Only semicolons: they end a sentence in Chinese context only.
            cjk_before || is_cjk(next)
        };
        splits.then_some(true)
    }

    /// Whether a single `.` ending the word before `dot` ends the sentence, given what follows.
    fn period_splits(&self, dot: usize, next: char, next_byte: usize, crossed_line: bool) -> bool {
        let starts_sentence = !next.is_lowercase();
        let opens_sentence =
            || is_opening_quote(next) || SENTENCE_STARTERS.contains(&word_at(self.text, next_byte));
        match classify_abbreviation(word_before(self.text, dot)) {
            Abbreviation::NeverSplit => false,
            Abbreviation::Dotted if is_cjk(next) => false,
            _ if is_cjk(next) => true,
            Abbreviation::None => starts_sentence,
            Abbreviation::NumberPrefix => starts_sentence && !next.is_numeric() && next != '#',
            Abbreviation::Initial => opens_sentence(),
            Abbreviation::Dotted | Abbreviation::Weak => {
                if crossed_line {
                    starts_sentence
                } else {
                    opens_sentence()
                }
            }
        }
    }

    /// Finds the next non-blank character after `from`. With `crossed_line`, `from` is already
    /// at the start of a new line.
    fn look_ahead(&self, from: usize, mut crossed_line: bool) -> Ahead {
        let rest = &self.text[from..];
        let mut chars = rest.char_indices().peekable();
        while let Some((offset, c)) = chars.next() {
            if is_paragraph_separator(c) {
                return Ahead::BlockEnd;
            }
            if is_line_break(c) {
                if crossed_line {
                    return Ahead::BlockEnd;
                }
                crossed_line = true;
                if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                    chars.next();
                }
                continue;
            }
            if is_blank(c) {
                continue;
            }
            let byte = from + offset;
            if crossed_line && list_marker_len(self.text, byte).is_some() {
                return Ahead::BlockEnd;
            }
            return Ahead::Char {
                c,
                byte,
                crossed_line,
            };
        }
        Ahead::BlockEnd
    }

    fn line_break(&mut self, c: char) {
        self.bump(c);
        if c == '\r' && self.peek() == Some('\n') {
            self.bump('\n');
        }
        let line = std::mem::take(&mut self.line);
        if line.first.is_none() {
            self.close_at_break();
            self.paragraph_break();
            return;
        }
        let Some(open) = self.open else { return };
        let joins = match self.look_ahead(self.pos.byte, true) {
            Ahead::BlockEnd => false,
            Ahead::Char { c: next, .. } => self.line_continues(&line, open.has_content, next),
        };
        if !joins {
            self.close_at_break();
        } else if self.open_len() >= SOFT_CAP_CHARS {
            self.close(false);
        }
    }

    /// Whether the open sentence continues past the end of `line` onto a line starting `next`.
    fn line_continues(&self, line: &LineState, has_content: bool, next: char) -> bool {
        let (Some(first), Some(last)) = (line.first, line.last) else {
            return false;
        };
        if line.ends_with_run && has_content {
            // The terminator already looked past the line break and kept the sentence open.
            return true;
        }
        let len = line.end.char - first.char;
        if is_cjk(last) || is_cjk(next) {
            return is_comma_like(last)
                || (len >= LONG_CJK_LINE_CHARS && last.is_alphanumeric() && next.is_alphanumeric());
        }
        if matches!(last, ':' | '：') {
            return next.is_lowercase();
        }
        if is_comma_like(last) || is_dash(last) || is_opener(last) || next.is_lowercase() {
            return true;
        }
        let text = &self.text[first.byte..line.end.byte];
        ends_with_function_word(text) || (len >= LONG_LINE_CHARS && !is_title_case(text))
    }

    fn paragraph_break(&mut self) {
        if self.paragraph_has_spans {
            self.paragraph += 1;
            self.paragraph_has_spans = false;
        }
        self.double_quote_open = false;
        self.quote_depth = 0;
    }

    /// Closes the open sentence at a line/paragraph break or the end of the text.
    fn close_at_break(&mut self) {
        if let Some(open) = self.open {
            let terminated = ends_with_terminal(&self.text[open.start.byte..open.end.byte]);
            self.close(terminated);
        }
    }

    fn close(&mut self, terminated: bool) {
        let Some(open) = self.open.take() else { return };
        if open.end.byte > open.start.byte {
            self.spans.push(SentenceSpan {
                bytes: open.start.byte..open.end.byte,
                chars: open.start.char..open.end.char,
                utf16: open.start.utf16..open.end.utf16,
                paragraph: open.paragraph,
                terminated,
            });
        }
    }
}

/// The ASCII word (letters and inner dots) ending at byte `end`: `Mr`, `e.g`, `U.S`.
fn word_before(text: &str, end: usize) -> &str {
    let before = &text[..end];
    let mut start = end;
    for (count, (i, c)) in before.char_indices().rev().enumerate() {
        if !(c.is_ascii_alphabetic() || c == '.') {
            break;
        }
        if count == MAX_WORD_CHARS {
            return ""; // too long to be an abbreviation
        }
        start = i;
    }
    before[start..].trim_start_matches('.')
}

/// The ASCII-letter word starting at byte `start`.
fn word_at(text: &str, start: usize) -> &str {
    let rest = &text[start..];
    let len = rest
        .bytes()
        .take(MAX_WORD_CHARS + 1)
        .take_while(u8::is_ascii_alphabetic)
        .count();
    &rest[..len]
}

fn classify_abbreviation(word: &str) -> Abbreviation {
    if word.is_empty() || word.len() > MAX_WORD_CHARS {
        return Abbreviation::None;
    }
    if word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase() {
        return Abbreviation::Initial;
    }
    let mut buffer = [0u8; MAX_WORD_CHARS];
    let lower = &mut buffer[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    match std::str::from_utf8(lower).unwrap_or_default() {
        // Titles and Latin shorthands: a `.` after them never ends a sentence.
        "mr" | "mrs" | "ms" | "mx" | "dr" | "prof" | "rev" | "hon" | "messrs" | "mme" | "mlle" | "gen"
        | "col" | "capt" | "lt" | "sgt" | "cmdr" | "adm" | "gov" | "pres" | "sen" | "rep" | "supt" | "vs"
        | "cf" | "viz" | "approx" | "ca" | "eg" | "ie" | "e.g" | "i.e" | "c.f" | "v.s" => {
            Abbreviation::NeverSplit
        }
        // Usually followed by a number: `No. 5`, `Fig. 3`.
        "no" | "nos" | "nr" | "vol" | "vols" | "fig" | "figs" | "eq" | "eqs" | "p" | "pp" | "ch" | "chap"
        | "sec" | "art" | "op" | "pt" | "para" | "ref" | "refs" | "tab" => Abbreviation::NumberPrefix,
        // May also end a sentence.
        "etc" | "al" | "inc" | "ltd" | "co" | "corp" | "bros" | "esq" | "jr" | "sr" | "st" | "mt" | "ft"
        | "dept" | "est" | "univ" | "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep"
        | "sept" | "oct" | "nov" | "dec" => Abbreviation::Weak,
        // `U.S`, `Ph.D`, `a.m`; longer dotted words are domains or file names (`example.com`).
        dotted if dotted.contains('.') && dotted.split('.').all(|part| part.len() <= 2) => {
            Abbreviation::Dotted
        }
        _ => Abbreviation::None,
    }
}

fn ends_with_function_word(line: &str) -> bool {
    let last = line.rsplit(char::is_whitespace).next().unwrap_or("");
    FUNCTION_WORDS.contains(&last)
}

/// Whether every word of `line` starts upper case, except small words: `Who Rust Is For`.
fn is_title_case(line: &str) -> bool {
    let mut capitalised = 0;
    for word in line.split_whitespace() {
        let Some(first) = word.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        if first.is_uppercase() {
            capitalised += 1;
        } else if first.is_lowercase() {
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            if !TITLE_SMALL_WORDS.contains(&bare) {
                return false;
            }
        }
    }
    capitalised > 0
}

/// Whether the span's last character, ignoring closers, is sentence punctuation.
fn ends_with_terminal(span: &str) -> bool {
    span.trim_end_matches(|c| is_closer(c) || c == '"' || c == '\'')
        .chars()
        .next_back()
        .is_some_and(|c| is_terminal(c) && c != ';')
}

/// Byte length of a list marker (`- `, `1. `, `•`, `(a)`, `一、`, `①`, `## `) starting at
/// `start`, not counting the space after it.
fn list_marker_len(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    let first = rest.chars().next()?;
    let followed_by_space = |len: usize| {
        rest[len..]
            .chars()
            .next()
            .is_some_and(|c| c.is_whitespace() && !is_line_break(c))
    };
    if is_bullet(first) {
        return Some(first.len_utf8());
    }
    if matches!(first, '-' | '*' | '+' | '–' | '—' | '#') {
        let len = rest
            .char_indices()
            .take_while(|&(i, c)| c == first && i < 6)
            .map(|(i, c)| i + c.len_utf8())
            .last()?;
        return followed_by_space(len).then_some(len);
    }
    if matches!(first, '(' | '（') {
        let (_, len) = enumerator(&rest[first.len_utf8()..])?;
        let after = first.len_utf8() + len;
        let close = rest[after..].chars().next()?;
        return matches!(close, ')' | '）').then_some(after + close.len_utf8());
    }
    let (kind, len) = enumerator(rest)?;
    let delimiter = rest[len..].chars().next()?;
    let end = len + delimiter.len_utf8();
    let then = rest[end..].chars().next();
    let spaced_or_cjk = then.is_some_and(|c| (c.is_whitespace() && !is_line_break(c)) || is_cjk(c));
    let ok = match (delimiter, kind) {
        ('、', Enumerator::Digits | Enumerator::Cjk) => true,
        ('.' | '．' | ')' | '）', Enumerator::Cjk) => true,
        ('.' | '．' | ')' | '）', _) => spaced_or_cjk,
        _ => false,
    };
    ok.then_some(end)
}

#[derive(Debug, Clone, Copy)]
enum Enumerator {
    Digits,
    Letter,
    Roman,
    Cjk,
}

/// A list enumerator at the start of `s`: `12`, `a`, `iv`, `十一`; returns its kind and length.
fn enumerator(s: &str) -> Option<(Enumerator, usize)> {
    // (chars, bytes) of the longest prefix of `s` whose chars satisfy `pred`.
    let prefix = |pred: fn(char) -> bool| {
        s.chars()
            .take(5)
            .take_while(|&c| pred(c))
            .fold((0, 0), |(count, len), c| (count + 1, len + c.len_utf8()))
    };
    let first = s.chars().next()?;
    if first.is_ascii_digit() || matches!(first, '０'..='９') {
        let (count, len) = prefix(|c| c.is_ascii_digit() || matches!(c, '０'..='９'));
        return (count <= 3).then_some((Enumerator::Digits, len));
    }
    if is_han_digit(first) {
        let (count, len) = prefix(is_han_digit);
        return (count <= 3).then_some((Enumerator::Cjk, len));
    }
    if first.is_ascii_alphabetic() {
        let (count, len) = prefix(|c| c.is_ascii_alphabetic());
        if count == 1 {
            return Some((Enumerator::Letter, 1));
        }
        let word = &s[..len];
        let roman_lower = word.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'));
        let roman_upper = word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
        return (count <= 4 && (roman_lower || roman_upper)).then_some((Enumerator::Roman, len));
    }
    None
}

fn is_content_char(c: char) -> bool {
    !(is_closer(c) || is_opener(c) || c == '"' || c == '\'')
}

// The unit tables are long: they live in sentences/tests.rs.
#[cfg(test)]
mod tests;
