//! The scoring API as the `eval` command uses it: per-document scores, macro averages,
//! JSON field names and a paired comparison of two systems.

use zhaiyao::eval::{keywords_at, paired_bootstrap, rouge_en, rouge_zh, Prf, Rouge};

#[test]
fn macro_average_and_json_fields() {
    let documents = [
        (vec!["北京今天天气晴朗。"], "北京今天天气晴朗"),
        (vec!["完全无关的句子。"], "北京今天天气晴朗"),
    ];
    let scores: Vec<Rouge> = documents
        .iter()
        .map(|(prediction, reference)| rouge_zh(prediction, reference))
        .collect();
    assert_eq!(
        scores[0],
        Rouge {
            r1: 100.0,
            r2: 100.0,
            rl: 100.0
        }
    );
    assert_eq!(scores[1], Rouge::default());
    assert_eq!(
        Rouge::mean(&scores),
        Rouge {
            r1: 50.0,
            r2: 50.0,
            rl: 50.0
        }
    );

    let json = serde_json::to_value(Rouge::mean(&scores)).unwrap();
    assert_eq!(json, serde_json::json!({"r1": 50.0, "r2": 50.0, "rl": 50.0}));
    let json = serde_json::to_value(Prf::default()).unwrap();
    assert_eq!(json, serde_json::json!({"p": 0.0, "r": 0.0, "f1": 0.0}));
}

#[test]
fn english_prediction_sentences_are_items() {
    let reference = "The council approved the plan . Work starts in May .";
    let as_items = rouge_en(
        &["The council approved the plan.", "Work starts in May."],
        reference,
    );
    assert_eq!(
        as_items,
        Rouge {
            r1: 100.0,
            r2: 100.0,
            rl: 100.0
        }
    );
    // One item holding two lines is two sentences, as rouge-score reads newlines.
    let as_lines = rouge_en(
        &["The council approved the plan.\nWork starts in May."],
        reference,
    );
    assert_eq!(as_lines, as_items);
}

#[test]
fn keyword_figures_average_per_document() {
    let gold = ["摘要", "关键词"];
    let per_document = [
        keywords_at(&["摘要", "关键词"], &gold, 5),
        keywords_at(&["无关"], &gold, 5),
    ];
    let mean = Prf::mean(&per_document);
    assert!((mean.p - 20.0).abs() < 1e-9);
    assert!((mean.r - 50.0).abs() < 1e-9);
}

#[test]
fn bootstrap_compares_two_systems_on_the_same_documents() {
    let better: Vec<f64> = (0..100).map(|i| 30.0 + (i % 7) as f64).collect();
    let worse: Vec<f64> = (0..100).map(|i| 20.0 + (i % 5) as f64).collect();
    let result = paired_bootstrap(&better, &worse, 2000, 2024);
    assert!(result.low > 0.0, "{result:?}");
    assert!(result.low <= result.mean_diff && result.mean_diff <= result.high);
}
