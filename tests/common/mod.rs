//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The shared folder: $ZHAIYAO_SHARED (relative to the crate), else ../shared.
fn shared_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    match std::env::var_os("ZHAIYAO_SHARED") {
        Some(root) => manifest.join(root),
        None => manifest.join("../shared"),
    }
}

/// A file of ../shared (or of $ZHAIYAO_SHARED), or None with a note saying why the test skips:
/// a user's clone has no ../shared, and the rest of the suite runs without it. When the folder is
/// there, a missing file is a broken test, not a skip: it panics.
pub fn shared_file(relative: &str) -> Option<PathBuf> {
    shared_file_in(&shared_root(), relative)
}

fn shared_file_in(root: &Path, relative: &str) -> Option<PathBuf> {
    let found = locate(root, relative);
    if found.is_none() {
        eprintln!(
            "skipped: {} is absent (set ZHAIYAO_SHARED to the shared folder)",
            root.display()
        );
    }
    found
}

/// The file, None when the whole folder is absent; a panic when the folder is there without it.
fn locate(root: &Path, relative: &str) -> Option<PathBuf> {
    let path = root.join(relative);
    if path.is_file() {
        Some(path)
    } else if root.is_dir() {
        panic!(
            "{} is missing although the shared folder {} is there: the test asks for a file that is not there",
            path.display(),
            root.display()
        );
    } else {
        None
    }
}

pub fn shared_text(relative: &str) -> Option<String> {
    shared_file(relative).map(|p| std::fs::read_to_string(p).expect("shared file is UTF-8"))
}

#[test]
fn a_missing_shared_folder_skips_but_a_missing_file_in_it_fails() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let absent = crate_dir.join("target/no-such-shared-folder");
    assert_eq!(locate(&absent, "examples/a.txt"), None);
    assert_eq!(
        locate(crate_dir, "Cargo.toml"),
        Some(crate_dir.join("Cargo.toml"))
    );
    let missing = std::panic::catch_unwind(|| locate(crate_dir, "no-such-file.txt"));
    assert!(
        missing.is_err(),
        "a file missing from a present folder fails the test"
    );
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
