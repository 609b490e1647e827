//! Integration checks for `zhaiyao::sentences` on real articles and large inputs.
//!
//! The example articles come from the shared folder (`../shared/examples`, or under
//! `ZHAIYAO_SHARED`) through `common::shared_text`; their tests skip with a message when the
//! folder is absent. Run with `-- --nocapture` to see the sentences.

mod common;

use zhaiyao::sentences::{split, SentenceSpan};

fn example(name: &str) -> Option<String> {
    common::shared_text(&format!("examples/{name}"))
}

/// Offsets agree in all three units, spans are ordered, non-empty and trimmed, and every
/// non-blank character is covered.
fn check_invariants(text: &str, spans: &[SentenceSpan]) {
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let chars: Vec<char> = text.chars().collect();
    let mut previous_end = 0;
    let mut previous_paragraph = 0;
    for span in spans {
        let slice = &text[span.bytes.clone()];
        assert!(!slice.is_empty());
        assert!(span.bytes.start >= previous_end, "overlap at {span:?}");
        assert!(span.paragraph >= previous_paragraph);
        assert_eq!(slice.trim(), slice, "untrimmed {span:?}");
        let by_chars: String = chars[span.chars.clone()].iter().collect();
        assert_eq!(by_chars, slice);
        assert_eq!(
            utf16[span.utf16.clone()],
            slice.encode_utf16().collect::<Vec<_>>()[..]
        );
        assert!(text[previous_end..span.bytes.start].trim().is_empty());
        previous_end = span.bytes.end;
        previous_paragraph = span.paragraph;
    }
    assert!(text[previous_end..].trim().is_empty());
}

fn print(spans: &[SentenceSpan], text: &str) {
    for span in spans {
        let mark = if span.terminated { ' ' } else { '~' };
        println!(
            "[p{:>2}{mark}] {}",
            span.paragraph,
            text[span.bytes.clone()].replace('\n', "⏎")
        );
    }
}

#[test]
fn chinese_article() {
    let Some(text) = example("xuhui-ai-interview.zh.txt") else {
        return;
    };
    let spans = split(&text);
    print(&spans, &text);
    check_invariants(&text, &spans);
    let sentences: Vec<&str> = spans.iter().map(|s| &text[s.bytes.clone()]).collect();
    // Title lines are their own unterminated sentences.
    let title = "徐汇区区长方世忠:打造AI产业需要三颗心";
    assert!(spans
        .iter()
        .any(|s| &text[s.bytes.clone()] == title && !s.terminated));
    // ASCII `?` after Han ends the question; decimals and URLs stay whole.
    assert!(sentences.contains(&"那么徐汇为什么选择人工智能产业作为创新和发展的重要载体呢?"));
    assert!(sentences
        .iter()
        .any(|s| s.contains("同比增长30.5%。") && s.starts_with("今年上半年")));
    assert!(sentences.contains(&"地址:http://www.shcafe.org/shzxxw/32668.html"));
    assert!(spans.iter().all(|s| s.chars.len() < 400));
}

#[test]
fn english_article() {
    let Some(text) = example("rust-book-intro.en.txt") else {
        return;
    };
    let spans = split(&text);
    print(&spans, &text);
    check_invariants(&text, &spans);
    let sentences: Vec<&str> = spans.iter().map(|s| &text[s.bytes.clone()]).collect();
    assert_eq!(sentences[0], "Introduction");
    assert!(!spans[0].terminated);
    assert!(sentences.contains(&"Who Rust Is For"));
    assert!(sentences.contains(
        &"Chapter 6 covers enums, match expressions, and the if let and let...else control flow constructs."
    ));
    assert!(sentences.contains(
        &"Chapter 1 explains how to install Rust, how to write a “Hello, world!” program, and how to use Cargo, Rust’s package manager and build tool."
    ));
    assert!(
        sentences.contains(&"There is no wrong way to read this book: If you want to skip ahead, go for it!")
    );
}

#[test]
fn ten_megabytes_mixed_text() {
    let paragraph =
        "徐汇在人工智能生态地图中的布局,体现了什么样的战略价值?方世忠:蓝图绘制完成后,关键在于实施。\
                     Mr. Smith paid $3.5 million for it, e.g. the U.S. branch. Wait... What?!\n\
                     A hard-wrapped line of English text that keeps going until\n\
                     it wraps here. 🦀 Emoji 👨‍👩‍👧 and “quotes.” Done\n\n";
    let text = paragraph.repeat(10 * 1024 * 1024 / paragraph.len() + 1);
    let spans = split(&text);
    let per_paragraph = split(paragraph).len();
    assert_eq!(per_paragraph, 8);
    assert_eq!(spans.len(), per_paragraph * (text.len() / paragraph.len()));
    check_invariants(&text, &spans);
}

#[test]
fn huge_unpunctuated_inputs_are_capped_linearly() {
    let han = "汉".repeat(2_000_000);
    let spans = split(&han);
    assert_eq!(spans.len(), 2_000_000 / 3_000 + 1);
    assert!(spans.iter().all(|s| s.chars.len() <= 3_000 && !s.terminated));
    check_invariants(&han, &spans);

    let words = "word ".repeat(1_000_000);
    let spans = split(&words);
    // Cut at the first space after 2,000 chars, so a 4-letter word may straddle the mark.
    assert!(spans
        .iter()
        .all(|s| (2_000..=2_004).contains(&s.chars.len()) || s.bytes.end == words.trim_end().len()));
    assert_eq!(spans.len(), words.len() / 2_005 + 1);
    check_invariants(&words, &spans);

    let dots = "。".repeat(1_000_000);
    check_invariants(&dots, &split(&dots));
    let spaces = format!("a.{}b", " ".repeat(5_000_000));
    assert_eq!(split(&spaces).len(), 1);
}
