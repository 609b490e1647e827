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

use super::chars::{is_cjk, is_han_digit};

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

fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '●'
            | '○'
            | '◦'
            | '▪'
            | '▫'
            | '■'
            | '□'
            | '◆'
            | '◇'
            | '‣'
            | '►'
            | '▶'
            | '▸'
            | '➤'
            | '✓'
            | '✔'
            | '☐'
            | '☑'
            | '·'
            | '・'
            | '\u{2460}'..='\u{249B}' // ① … ⒛, ⑴ …, ⒈ …
            | '\u{2776}'..='\u{2793}' // ❶ …
            | '\u{3220}'..='\u{3229}' // ㈠ …
    )
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{85}' | '\u{2028}')
}

fn is_paragraph_separator(c: char) -> bool {
    matches!(c, '\u{2029}' | '\u{0C}')
}

/// Whitespace and invisible characters, trimmed from span edges.
fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' // zero-width space/joiners, LRM/RLM
                | '\u{2060}'
                | '\u{FEFF}'
                | '\u{061C}'
                | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
                | '\u{2066}'..='\u{2069}' // bidi isolates
        )
}

/// Characters that can end a sentence (ASCII `;` only in Chinese context).
fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | ';'
            | '。'
            | '！'
            | '？'
            | '；'
            | '…'
            | '⋯'
            | '｡'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '؟' // Arabic question mark
            | '।' // Devanagari danda
    )
}

/// Closing quotes and brackets (ASCII `"` and `'` are decided in context).
fn is_closer(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '”'
            | '’'
            | '»'
            | '›'
            | '」'
            | '』'
            | '）'
            | '》'
            | '〉'
            | '】'
            | '〕'
            | '〗'
            | '〙'
            | '〛'
            | '］'
            | '｝'
            | '｣'
            | '〞'
            | '〟'
            | '＂'
            | '＇'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '“'
            | '‘'
            | '«'
            | '‹'
            | '「'
            | '『'
            | '（'
            | '《'
            | '〈'
            | '【'
            | '〔'
            | '〖'
            | '〘'
            | '〚'
            | '［'
            | '｛'
            | '｢'
            | '〝'
    )
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '「' | '『')
}

fn is_content_char(c: char) -> bool {
    !(is_closer(c) || is_opener(c) || c == '"' || c == '\'')
}

fn is_comma_like(c: char) -> bool {
    matches!(c, ',' | '，' | '、' | '､' | '﹐' | '﹑' | ';')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '–' | '—')
}

/// Combining marks and emoji modifiers that must not be separated from the preceding char.
fn is_extender(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{0483}'..='\u{0489}'
            | '\u{0591}'..='\u{05BD}'
            | '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0900}'..='\u{0903}'
            | '\u{093A}'..='\u{094F}'
            | '\u{0E31}'..='\u{0E3A}'
            | '\u{0E47}'..='\u{0E4E}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{3099}'..='\u{309A}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FE20}'..='\u{FE2F}'
            | '\u{1F3FB}'..='\u{1F3FF}'
            | '\u{E0020}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| &text[s.bytes.clone()]).collect()
    }

    /// Sentences with `~` appended to those that are not terminated.
    fn marked(text: &str) -> Vec<String> {
        split(text)
            .iter()
            .map(|s| {
                let slice = &text[s.bytes.clone()];
                if s.terminated {
                    slice.to_string()
                } else {
                    format!("{slice}~")
                }
            })
            .collect()
    }

    #[track_caller]
    fn assert_sentences(text: &str, expected: &[&str]) {
        assert_eq!(sentences(text), expected, "input: {text:?}");
        check_invariants(text);
    }

    /// Offsets agree in all three units; spans are ordered, non-empty, trimmed; every non-blank
    /// character is covered; paragraphs never decrease.
    #[track_caller]
    fn check_invariants(text: &str) -> Vec<SentenceSpan> {
        let spans = split(text);
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let chars: Vec<char> = text.chars().collect();
        let mut previous: Option<&SentenceSpan> = None;
        for span in &spans {
            assert!(text.is_char_boundary(span.bytes.start) && text.is_char_boundary(span.bytes.end));
            let slice = &text[span.bytes.clone()];
            assert!(!slice.is_empty(), "empty span {span:?} in {text:?}");
            assert!(
                !slice.starts_with(is_blank) && !slice.ends_with(is_blank),
                "untrimmed {slice:?}"
            );
            let by_chars: String = chars[span.chars.clone()].iter().collect();
            assert_eq!(by_chars, slice, "char offsets of {span:?} in {text:?}");
            let expected_utf16: Vec<u16> = slice.encode_utf16().collect();
            assert_eq!(
                utf16[span.utf16.clone()],
                expected_utf16[..],
                "utf16 offsets of {span:?}"
            );
            let gap_start = previous.map_or(0, |p| p.bytes.end);
            assert!(gap_start <= span.bytes.start, "overlap at {span:?} in {text:?}");
            assert!(
                text[gap_start..span.bytes.start].chars().all(is_blank),
                "uncovered text in {text:?}"
            );
            if let Some(p) = previous {
                assert!(p.paragraph <= span.paragraph);
            } else {
                assert_eq!(span.paragraph, 0);
            }
            previous = Some(span);
        }
        let tail = previous.map_or(0, |p| p.bytes.end);
        assert!(text[tail..].chars().all(is_blank), "uncovered tail in {text:?}");
        spans
    }

    #[test]
    fn chinese_terminators() {
        assert_sentences(
            "今天天气很好。我们去公园吧！你去吗？好的；走吧",
            &["今天天气很好。", "我们去公园吧！", "你去吗？", "好的；", "走吧"],
        );
        assert_sentences(
            "真的吗？！太好了！！！还有呢。。。",
            &["真的吗？！", "太好了！！！", "还有呢。。。"],
        );
        assert_eq!(marked("标题\n正文。"), ["标题~", "正文。"]);
    }

    #[test]
    fn chinese_ellipses() {
        assert_sentences("他犹豫了……最后还是走了。", &["他犹豫了……", "最后还是走了。"]);
        assert_sentences("他犹豫了…最后走了。", &["他犹豫了…", "最后走了。"]);
        // An ellipsis before a comma continues the sentence.
        assert_sentences("苹果、香蕉……，都很好吃。", &["苹果、香蕉……，都很好吃。"]);
        // Inside a quotation an ellipsis is a pause; at its end the quote closes the sentence.
        assert_sentences(
            "他说：“这件事……我不知道。”她说：「好吧……」然后走了。",
            &["他说：“这件事……我不知道。”", "她说：「好吧……」", "然后走了。"],
        );
        assert_sentences(
            "“走吧。”他说……大家都走了。",
            &["“走吧。”", "他说……", "大家都走了。"],
        );
    }

    #[test]
    fn chinese_closing_quotes_and_brackets() {
        assert_sentences(
            "他说：“我们走吧。”然后离开了。",
            &["他说：“我们走吧。”", "然后离开了。"],
        );
        assert_sentences(
            "「你是谁？」他问。『我不知道！』（真的。）《书名》很好。【注意！】结束",
            &[
                "「你是谁？」",
                "他问。",
                "『我不知道！』",
                "（真的。）",
                "《书名》很好。",
                "【注意！】",
                "结束",
            ],
        );
        assert_sentences("他说：‘好。’走了。", &["他说：‘好。’", "走了。"]);
        // ASCII quotes: closing or opening by parity.
        assert_sentences(
            "他说:\"走吧。\"然后离开了。\"你好\"是问候。",
            &["他说:\"走吧。\"", "然后离开了。", "\"你好\"是问候。"],
        );
    }

    #[test]
    fn ascii_punctuation_in_chinese() {
        assert_sentences("研究了X.结果表明Y.", &["研究了X.", "结果表明Y."]);
        assert_sentences(
            "本文研究了新方法.结果表明方法有效!为什么?因为数据好;证毕",
            &[
                "本文研究了新方法.",
                "结果表明方法有效!",
                "为什么?",
                "因为数据好;",
                "证毕",
            ],
        );
        assert_sentences(
            "收入达到3.5亿元,同比增长30.5%.占全市的1/3;今年上半年增长.",
            &[
                "收入达到3.5亿元,同比增长30.5%.",
                "占全市的1/3;",
                "今年上半年增长.",
            ],
        );
        assert_sentences("使用GPT-4.结果很好。", &["使用GPT-4.", "结果很好。"]);
        assert_sentences("美国U.S.政府发布了报告。", &["美国U.S.政府发布了报告。"]);
        assert_sentences(
            "访问www.example.com了解详情。",
            &["访问www.example.com了解详情。"],
        );
    }

    #[test]
    fn english_basics() {
        assert_sentences(
            "Rust is fast. It is safe! Is it fun? Yes.",
            &["Rust is fast.", "It is safe!", "Is it fun?", "Yes."],
        );
        assert_sentences("Wow!! Really?! Yes.", &["Wow!!", "Really?!", "Yes."]);
        // English `;` does not split.
        assert_sentences("I came; I saw. I won.", &["I came; I saw.", "I won."]);
        // A lower-case start is not a sentence start.
        assert_sentences("It went fine. then we left.", &["It went fine. then we left."]);
        assert_sentences("It cost 42. 7 people paid.", &["It cost 42.", "7 people paid."]);
    }

    #[test]
    fn english_abbreviations() {
        assert_sentences(
            "Mr. Smith met Dr. Jones and Prof. Snape at 5 p.m. on Friday. They talked.",
            &[
                "Mr. Smith met Dr. Jones and Prof. Snape at 5 p.m. on Friday.",
                "They talked.",
            ],
        );
        assert_sentences(
            "Use tools, e.g. the compiler, i.e. rustc. Try Rust vs. Go. Done.",
            &[
                "Use tools, e.g. the compiler, i.e. rustc.",
                "Try Rust vs. Go.",
                "Done.",
            ],
        );
        assert_sentences(
            "Use a tool, e.g. Cargo. It helps.",
            &["Use a tool, e.g. Cargo.", "It helps."],
        );
        assert_sentences(
            "J. K. Rowling wrote it. Mrs. Dalloway did not.",
            &["J. K. Rowling wrote it.", "Mrs. Dalloway did not."],
        );
        assert_sentences(
            "On Jan. 5 we met. See No. 5 and Fig. 3 for details.",
            &["On Jan. 5 we met.", "See No. 5 and Fig. 3 for details."],
        );
        assert_sentences(
            "He said no. No. That is final.",
            &["He said no.", "No.", "That is final."],
        );
        assert_sentences(
            "Smith et al. (2019) showed it. Case closed.",
            &["Smith et al. (2019) showed it.", "Case closed."],
        );
        assert_sentences(
            "Apples, pears, etc. are fruit. Bananas etc. The end.",
            &["Apples, pears, etc. are fruit.", "Bananas etc.", "The end."],
        );
        assert_sentences(
            "He works at Apple Inc. The firm is big.",
            &["He works at Apple Inc.", "The firm is big."],
        );
        assert_sentences(
            "She lives on Main St. Louis lives there too.",
            &["She lives on Main St. Louis lives there too."],
        );
    }

    #[test]
    fn dotted_acronyms_split_only_before_sentence_openers() {
        assert_sentences(
            "I live in the U.S. The weather is nice.",
            &["I live in the U.S.", "The weather is nice."],
        );
        assert_sentences(
            "The U.S. Army is large. It is old.",
            &["The U.S. Army is large.", "It is old."],
        );
        assert_sentences("He has a Ph.D. in physics.", &["He has a Ph.D. in physics."]);
        assert_sentences("Plan B. The rest failed.", &["Plan B.", "The rest failed."]);
        assert_sentences(
            "He moved to the U.K. \"Great,\" he said.",
            &["He moved to the U.K.", "\"Great,\" he said."],
        );
        // Across a line break the plain upper-case rule applies.
        assert_sentences(
            "He moved to the U.S.\nLife was good.",
            &["He moved to the U.S.", "Life was good."],
        );
        assert_sentences("Ask Mr.\nSmith about it.", &["Ask Mr.\nSmith about it."]);
        assert_sentences(
            "The speech was given by President John F.\nKennedy in Berlin.",
            &["The speech was given by President John F.\nKennedy in Berlin."],
        );
    }

    #[test]
    fn decimals_urls_and_versions() {
        assert_sentences(
            "It cost 3.5 dollars. Visit example.com. Version 1.2.3 is out. Node.js works.",
            &[
                "It cost 3.5 dollars.",
                "Visit example.com.",
                "Version 1.2.3 is out.",
                "Node.js works.",
            ],
        );
        assert_sentences(
            "Pi is approx. 3.14159. Nice.",
            &["Pi is approx. 3.14159.", "Nice."],
        );
    }

    #[test]
    fn english_ellipses() {
        assert_sentences(
            "He paused... then spoke. Wait... What? Use let...else here. Hmm… fine. Oh… Right.",
            &[
                "He paused... then spoke.",
                "Wait...",
                "What?",
                "Use let...else here.",
                "Hmm… fine.",
                "Oh…",
                "Right.",
            ],
        );
        assert_sentences(
            "He said \"Wait... What?\" and left.",
            &["He said \"Wait... What?\" and left."],
        );
    }

    #[test]
    fn english_quotes_and_brackets() {
        assert_sentences(
            "He said \"Go.\" Then he left.",
            &["He said \"Go.\"", "Then he left."],
        );
        assert_sentences(
            "\"Why?\" she asked. \"Because.\"",
            &["\"Why?\" she asked.", "\"Because.\""],
        );
        assert_sentences(
            "Text here (like this.) And more.",
            &["Text here (like this.)", "And more."],
        );
        assert_sentences("It said “Stop!” Nobody did.", &["It said “Stop!”", "Nobody did."]);
        assert_sentences("He said 'go.' Then he went.", &["He said 'go.'", "Then he went."]);
        assert_sentences("See [the docs.] Read them.", &["See [the docs.]", "Read them."]);
        assert_sentences("“Hello!” he said.", &["“Hello!” he said."]);
    }

    #[test]
    fn hard_wrapped_english_paragraphs() {
        let text = "This is a long sentence that has been hard wrapped\nat some column and continues here. The next one\nstarts on this line and ends here.";
        assert_sentences(
            text,
            &[
                "This is a long sentence that has been hard wrapped\nat some column and continues here.",
                "The next one\nstarts on this line and ends here.",
            ],
        );
        // A long line ending mid-sentence before a capitalised word.
        assert_sentences(
            "The quick brown fox jumped over the lazy dog and then met\nAlice in the garden.",
            &["The quick brown fox jumped over the lazy dog and then met\nAlice in the garden."],
        );
        // Function words and commas cannot end a sentence.
        assert_sentences("Written by the\nRust Team.", &["Written by the\nRust Team."]);
        assert_sentences("First, second,\nThird.", &["First, second,\nThird."]);
        // A terminator at the end of a line splits like anywhere else.
        assert_sentences("One line.\nAnother line.", &["One line.", "Another line."]);
        assert_sentences("Email etc.\nand more.", &["Email etc.\nand more."]);
    }

    #[test]
    fn titles_and_list_items() {
        assert_eq!(
            marked("Introduction\nWelcome to the book. It is great."),
            ["Introduction~", "Welcome to the book.", "It is great."]
        );
        assert_eq!(
            marked("Tools include:\n- cargo\n- rustfmt formats code.\n* star item\n+ plus item\n• bullet item\n1. first item\n2) second item\n(3) third\na. letter\niv. roman"),
            [
                "Tools include:~",
                "- cargo~",
                "- rustfmt formats code.",
                "* star item~",
                "+ plus item~",
                "• bullet item~",
                "1. first item~",
                "2) second item~",
                "(3) third~",
                "a. letter~",
                "iv. roman~",
            ]
        );
        // A Title Case line is a heading even when long.
        assert_eq!(
            marked("A Very Long Title About Rust Programming and Other Things\nThe body starts here."),
            [
                "A Very Long Title About Rust Programming and Other Things~",
                "The body starts here."
            ]
        );
        // A colon followed by capitalised lines introduces a list.
        assert_eq!(
            marked("Rust also brings contemporary developer tools to the world:\nCargo builds.\nRustfmt formats."),
            ["Rust also brings contemporary developer tools to the world:~", "Cargo builds.", "Rustfmt formats."]
        );
        assert_sentences("We need:\nmilk and eggs.", &["We need:\nmilk and eggs."]);
        // Numbered items keep their numbers; `1.` is not a sentence.
        assert_sentences(
            "1. Open it. Then close it.\n2. Done",
            &["1. Open it.", "Then close it.", "2. Done"],
        );
        assert_sentences(
            "# Heading\n## Sub heading\nText.",
            &["# Heading", "## Sub heading", "Text."],
        );
    }

    #[test]
    fn chinese_lines_and_lists() {
        assert_eq!(
            marked("徐汇区区长方世忠：打造AI产业需要三颗心\n在2019年世界人工智能大会期间，他接受了采访。"),
            [
                "徐汇区区长方世忠：打造AI产业需要三颗心~",
                "在2019年世界人工智能大会期间，他接受了采访。"
            ]
        );
        assert_eq!(
            marked("具体有三点：\n一、加强合作\n二、推进发展。\n（三）培养人才\n①第一项\n1.引言\n2、方法"),
            [
                "具体有三点：~",
                "一、加强合作~",
                "二、推进发展。",
                "（三）培养人才~",
                "①第一项~",
                "1.引言~",
                "2、方法~"
            ]
        );
        // Hard-wrapped Chinese (e.g. copied from a PDF): a long line ending mid-sentence continues.
        let wrapped =
            "这是一段从PDF文件中复制出来的很长的中文文本它在行尾被硬换行了但是句子\n还没有结束。下一句。";
        assert_sentences(
            wrapped,
            &[
                "这是一段从PDF文件中复制出来的很长的中文文本它在行尾被硬换行了但是句子\n还没有结束。",
                "下一句。",
            ],
        );
        // A line ending with a comma continues.
        assert_sentences("我们认为，\n这是对的。", &["我们认为，\n这是对的。"]);
        assert_sentences("我们认为,\n这是对的。", &["我们认为,\n这是对的。"]);
        // A short unpunctuated line ends at the line break.
        assert_sentences(
            "上海西海岸国际人工智能中心效果图\n其次，引入了新的载体。",
            &["上海西海岸国际人工智能中心效果图", "其次，引入了新的载体。"],
        );
    }

    #[test]
    fn mixed_chinese_and_english() {
        assert_sentences(
            "我们使用Rust语言。It is fast. 它很安全！Mr. Wang说：“Good.”然后走了。",
            &[
                "我们使用Rust语言。",
                "It is fast.",
                "它很安全！",
                "Mr. Wang说：“Good.”",
                "然后走了。",
            ],
        );
        assert_sentences("Rust很快.It is safe.", &["Rust很快.", "It is safe."]);
        assert_sentences("访问百度.com了解。", &["访问百度.com了解。"]);
        assert_sentences("This is English. 这是中文。", &["This is English.", "这是中文。"]);
        // Caseless scripts: any letter can start a sentence.
        assert_sentences(
            "안녕하세요. 반갑습니다. Привет. Как дела? هل أنت بخير؟ نعم.",
            &[
                "안녕하세요.",
                "반갑습니다.",
                "Привет.",
                "Как дела?",
                "هل أنت بخير؟",
                "نعم.",
            ],
        );
        assert_sentences(
            "これはペンです。「はい」と言った。",
            &["これはペンです。", "「はい」と言った。"],
        );
    }

    #[test]
    fn paragraphs() {
        let text = "\n\n  \nFirst. Second.\n\n\n\nThird\n \t\nFourth.\u{2029}Fifth.\u{0C}Sixth.";
        let spans = check_invariants(text);
        let got: Vec<(&str, usize)> = spans
            .iter()
            .map(|s| (&text[s.bytes.clone()], s.paragraph))
            .collect();
        assert_eq!(
            got,
            [
                ("First.", 0),
                ("Second.", 0),
                ("Third", 1),
                ("Fourth.", 2),
                ("Fifth.", 3),
                ("Sixth.", 4)
            ]
        );
        // A line of invisible characters is blank.
        let text = "A.\n\u{200B}\u{3000}\nB.";
        assert_eq!(split(text)[1].paragraph, 1);
    }

    #[test]
    fn crlf_and_other_line_breaks() {
        let text = "Title\r\nLine one.\r\n\r\nPara two.\r\nsame para\rNew line\u{2028}Last";
        let spans = check_invariants(text);
        let got: Vec<(&str, usize, bool)> = spans
            .iter()
            .map(|s| (&text[s.bytes.clone()], s.paragraph, s.terminated))
            .collect();
        assert_eq!(
            got,
            [
                ("Title", 0, false),
                ("Line one.", 0, true),
                ("Para two.\r\nsame para", 1, false),
                ("New line", 1, false),
                ("Last", 1, false),
            ]
        );
        assert_sentences("你好。\r\n\r\n世界。", &["你好。", "世界。"]);
    }

    #[test]
    fn astral_characters_shift_utf16_offsets() {
        let text = "I love 🦀! Rust 🚀 rocks. 𠮷野家好吃。";
        let spans = check_invariants(text);
        assert_eq!(sentences(text), ["I love 🦀!", "Rust 🚀 rocks.", "𠮷野家好吃。"]);
        assert_eq!(spans[0].bytes, 0..12);
        assert_eq!(spans[0].chars, 0..9);
        assert_eq!(spans[0].utf16, 0..10);
        assert_eq!(spans[1].bytes, 13..29);
        assert_eq!(spans[1].chars, 10..23);
        assert_eq!(spans[1].utf16, 11..25);
        assert_eq!(spans[2].chars, 24..30);
        assert_eq!(spans[2].utf16, 26..33);
        // ZWJ sequences and modifiers stay whole.
        assert_sentences("Family 👨‍👩‍👧 here. 👍🏽 Yes!", &["Family 👨‍👩‍👧 here.", "👍🏽 Yes!"]);
    }

    #[test]
    fn trims_whitespace_and_invisible_characters() {
        let text = "\u{FEFF}\u{3000}\u{3000}你好。\u{00A0} Hello. \u{200B}\t";
        assert_sentences(text, &["你好。", "Hello."]);
        assert_eq!(split(text)[0].bytes, 9..18);
        // Zero-width characters inside a sentence are kept.
        assert_sentences("a\u{200B}b. c\u{200D}d.", &["a\u{200B}b. c\u{200D}d."]);
        assert_sentences("\u{202B}שלום עולם.\u{202C} Hello.", &["שלום עולם.", "Hello."]);
    }

    #[test]
    fn degenerate_inputs() {
        assert!(split("").is_empty());
        assert!(split(" \n\t\r\n\u{3000}\u{200B}\u{FEFF}\u{2029}").is_empty());
        assert_eq!(marked("。。。"), ["。。。"]);
        assert_eq!(marked("..."), ["..."]);
        assert_eq!(marked("!!! Hello."), ["!!! Hello."]);
        assert_eq!(marked("\u{301}\u{301}"), ["\u{301}\u{301}~"]);
        assert_eq!(marked("“”"), ["“”~"]);
        assert_sentences("\u{0}\u{7}abc. Def\u{7f}.", &["abc.", "Def\u{7f}."]);
        assert_sentences(
            "e\u{301}te\u{301}. Cafe\u{301}!",
            &["e\u{301}te\u{301}.", "Cafe\u{301}!"],
        );
        // Bare `-`/`*` are not list markers (they need a space), and a line-final dash continues.
        assert_sentences("-\n*\n1.\n•", &["-\n*", "1.", "•"]);
        assert_sentences("- \n* \n1.\n•", &["-", "*", "1.", "•"]);
        assert_sentences("\"", &["\""]);
        assert_sentences(".a", &[".a"]);
        assert_sentences("a.", &["a."]);
    }

    #[test]
    fn terminated_flag() {
        assert_eq!(
            marked("Done.\nTitle\nAsk?\n你好\n好。\n(Note.)\n引用」\n结束；\nEnd;"),
            [
                "Done.",
                "Title~",
                "Ask?",
                "你好~",
                "好。",
                "(Note.)",
                "引用」~",
                "结束；",
                "End;~"
            ]
        );
    }

    #[test]
    fn long_sentences_are_capped() {
        let words = "word ".repeat(1_000);
        let spans = check_invariants(&words);
        let lengths: Vec<usize> = spans.iter().map(|s| s.chars.len()).collect();
        assert_eq!(lengths, [2_004, 2_004, 989]);
        assert!(spans.iter().all(|s| !s.terminated));

        let commas = "汉字,".repeat(1_000);
        let lengths: Vec<usize> = check_invariants(&commas).iter().map(|s| s.chars.len()).collect();
        assert_eq!(lengths, [2_001, 999]);

        let han = "汉".repeat(7_000);
        let lengths: Vec<usize> = check_invariants(&han).iter().map(|s| s.chars.len()).collect();
        assert_eq!(lengths, [3_000, 3_000, 1_000]);

        // The hard cut does not separate a combining mark from its base.
        let accented = format!("{}e\u{301}\u{301}xyz", "a".repeat(2_999));
        let lengths: Vec<usize> = check_invariants(&accented)
            .iter()
            .map(|s| s.chars.len())
            .collect();
        assert_eq!(lengths, [3_002, 3]);
    }

    /// Deterministic pseudo-random strings built from tricky fragments.
    #[test]
    fn invariants_hold_on_varied_inputs() {
        const FRAGMENTS: &[&str] = &[
            "Mr.",
            " ",
            "  ",
            "\n",
            "\r\n",
            "\r",
            "\n\n",
            "\u{2029}",
            "\u{0C}",
            "。",
            "！",
            "？",
            "；",
            "……",
            "…",
            "...",
            ".",
            "!",
            "?",
            ";",
            ",",
            "，",
            "你好",
            "世界",
            "Hello",
            "world",
            "U.S.",
            "e.g.",
            "3.5",
            "1.",
            "- ",
            "• ",
            "一、",
            "(1)",
            "\"",
            "'",
            "“",
            "”",
            "」",
            "）",
            ")",
            "🦀",
            "👨\u{200D}👩",
            "\u{301}",
            "\u{200B}",
            "\u{FEFF}",
            "\u{202E}",
            "\u{3000}",
            "\u{A0}",
            "\u{0}",
            "𠮷",
            "The",
            "and",
            "J.",
            "etc.",
            ":",
            "：",
            "a",
            "Z",
            "42",
            "\t",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..3_000 {
            let len = (next() % 40) as usize;
            let text: String = (0..len)
                .map(|_| FRAGMENTS[(next() % FRAGMENTS.len() as u64) as usize])
                .collect();
            check_invariants(&text);
        }
        for text in [
            "",
            " ",
            "。",
            "\u{301}",
            "\r\n\r\n",
            "a\u{2029}\u{2029}b",
            "1.\n2.\n",
            "\"\"\"",
            "''''",
            "?!?!",
            "…\n…",
            "((((",
            "Mr.Mr.Mr. Mr.",
        ] {
            check_invariants(text);
        }
    }

    #[test]
    fn list_markers() {
        fn marker(s: &str) -> Option<&str> {
            list_marker_len(s, 0).map(|len| &s[..len])
        }
        assert_eq!(marker("- item"), Some("-"));
        assert_eq!(marker("-5 degrees"), None);
        assert_eq!(marker("12. item"), Some("12."));
        assert_eq!(marker("2019. The"), None);
        assert_eq!(marker("3.5 million"), None);
        assert_eq!(marker("1.引言"), Some("1."));
        assert_eq!(marker("十一、总结"), Some("十一、"));
        assert_eq!(marker("一是坚持"), None);
        assert_eq!(marker("（十）其他"), Some("（十）"));
        assert_eq!(marker("(b) item"), Some("(b)"));
        assert_eq!(marker("ii) item"), Some("ii)"));
        assert_eq!(marker("e.g. this"), None);
        assert_eq!(marker("### Title"), Some("###"));
        assert_eq!(marker("#hashtag"), None);
        assert_eq!(marker("⑫ item"), Some("⑫"));
    }
}
