//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// A file of ../shared (or of $ZHAIYAO_SHARED), or None with a note saying why the test skips:
/// a user's clone has no ../shared, and the rest of the suite runs without it.
pub fn shared_file(relative: &str) -> Option<PathBuf> {
    let root = std::env::var_os("ZHAIYAO_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let root = if root.is_relative() {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(root)
    } else {
        root
    };
    let path = root.join(relative);
    if path.is_file() {
        Some(path)
    } else {
        eprintln!(
            "skipped: {} is absent (set ZHAIYAO_SHARED to the shared folder)",
            path.display()
        );
        None
    }
}

pub fn shared_text(relative: &str) -> Option<String> {
    shared_file(relative).map(|p| std::fs::read_to_string(p).expect("shared file is UTF-8"))
}

/// Checks that every offset kind of every sentence addresses the sentence's own text.
pub fn assert_offsets(text: &str, analysis: &zhaiyao::Analysis) {
    let chars: Vec<char> = text.chars().collect();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for sentence in analysis.sentences() {
        let span = &sentence.span;
        let by_bytes = &text[span.bytes.clone()];
        assert_eq!(by_bytes, analysis.sentence_text(sentence.index));
        let by_chars: String = chars[span.chars.clone()].iter().collect();
        assert_eq!(by_chars, by_bytes, "char offsets of sentence {}", sentence.index);
        let by_utf16 = String::from_utf16(&utf16[span.utf16.clone()]).expect("whole code points");
        assert_eq!(
            by_utf16, by_bytes,
            "UTF-16 offsets of sentence {}",
            sentence.index
        );
    }
}
