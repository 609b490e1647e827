//! Replays the fuzz corpus on stable Rust: every file of `fuzz/seeds/<target>/` (hand-written
//! inputs), `fuzz/corpus/<target>/` (libFuzzer's minimised corpus) and `fuzz/regressions/<target>/`
//! (inputs that once broke an invariant) goes through the same checks as the libFuzzer target.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

fn files(kind: &str, target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(kind)
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("readable directory").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Runs `check` on every file for `target`, and fails naming each file that panicked.
fn replay(target: &str, check: fn(&[u8])) {
    let seeds = files("seeds", target);
    let corpus = files("corpus", target);
    assert!(!seeds.is_empty(), "fuzz/seeds/{target} is empty");
    assert!(!corpus.is_empty(), "fuzz/corpus/{target} is empty");
    let all: Vec<PathBuf> = seeds
        .into_iter()
        .chain(corpus)
        .chain(files("regressions", target))
        .collect();
    // The panic messages of failing inputs still print; the summary below names the files.
    let failures: Vec<String> = all
        .iter()
        .filter_map(|path| {
            let data = std::fs::read(path).expect("readable corpus file");
            catch_unwind(AssertUnwindSafe(|| check(&data)))
                .err()
                .map(|_| path.display().to_string())
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} inputs for `{target}` broke an invariant:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
    eprintln!("{target}: {} inputs replayed", all.len());
}

#[test]
fn split_corpus() {
    replay("split", checks::check_split);
}

#[test]
fn analyze_corpus() {
    replay("analyze", checks::check_analyze);
}

#[test]
fn user_dict_corpus() {
    replay("user_dict", checks::check_user_dict);
}

/// The checks themselves can fail: a replay that cannot fail would prove nothing.
#[test]
fn checks_reject_broken_invariants() {
    use zhaiyao::sentences::split;
    let text = "第一句。Second one. 第三句！";
    let spans = split(text);
    assert_eq!(spans.len(), 3);
    let broken = |edit: fn(&mut Vec<zhaiyao::sentences::SentenceSpan>)| {
        let mut spans = spans.clone();
        edit(&mut spans);
        catch_unwind(AssertUnwindSafe(|| checks::check_spans(text, &spans))).is_err()
    };
    assert!(!broken(|_| {}));
    assert!(broken(|s| s.swap(0, 1)), "order");
    assert!(broken(|s| s[1].utf16.end += 1), "UTF-16 offsets");
    assert!(broken(|s| s[1].chars.start -= 1), "char offsets");
    assert!(broken(|s| s[1].bytes.start -= 1), "untrimmed or overlapping");
    assert!(broken(|s| s.truncate(2)), "lost text");
    assert!(broken(|s| s[2].paragraph = 2), "paragraph skipped");
    assert!(!checks::budget_is_valid(checks::budget(1, 0)), "NaN ratio");
    assert!(!checks::budget_is_valid(checks::budget(0, 0)), "0 sentences");
    assert!(
        checks::budget_is_valid(checks::budget(2, 250)),
        "usize::MAX chars"
    );
}
