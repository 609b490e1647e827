//! The compact lexicon and its per-article dictionaries against jieba's full tables, over real
//! text: every evaluation document of ../shared/eval, the shared examples and the built-in ones.
//! Tokens must be identical to jieba-rs with the full dictionary (built by jieba-rs' own parser
//! from `data/lexicon.txt`, whose first three fields are jieba's `dict.txt` lines), and IDF values
//! equal to jieba's `idf.txt` values within half a quantisation step.

mod common;

use std::collections::HashMap;

use jieba_rs::Jieba;
use zhaiyao::lexicon::{Lexicon, MEDIAN_IDF_ZH};

struct Full {
    jieba: Jieba,
    idf: HashMap<String, f64>,
}

fn full() -> Full {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicon.txt");
    let text = std::fs::read_to_string(path).expect("data/lexicon.txt");
    let mut dict = String::new();
    let mut idf = HashMap::new();
    for line in text.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        if fields[1] != "0" {
            dict.push_str(&fields[..3].join(" "));
            dict.push('\n');
        }
        if fields[3] != "-" {
            idf.insert(fields[0].to_string(), fields[3].parse().unwrap());
        }
    }
    Full {
        jieba: Jieba::with_dict(&mut dict.as_bytes()).unwrap(),
        idf,
    }
}

fn documents() -> Vec<(String, String)> {
    let mut docs = vec![
        ("data/example.zh.txt".to_string(), zhaiyao::EXAMPLE_ZH.to_string()),
        ("data/example.en.txt".to_string(), zhaiyao::EXAMPLE_EN.to_string()),
    ];
    for example in ["xuhui-ai-interview.zh.txt", "rust-book-intro.en.txt"] {
        if let Some(text) = common::shared_text(&format!("examples/{example}")) {
            docs.push((example.to_string(), text));
        }
    }
    for set in ["zh_lcsts_dev", "zh_clts_smoke", "zh_csl_kw_dev", "en_cnndm_dev"] {
        let Some(rows) = common::shared_text(&format!("eval/{set}.jsonl")) else {
            continue;
        };
        let mut all = String::new();
        for line in rows.lines().filter(|l| !l.trim().is_empty()) {
            let row: serde_json::Value = serde_json::from_str(line).unwrap();
            let id = row["id"].as_str().unwrap_or("?").to_string();
            let text = row["text"].as_str().unwrap().to_string();
            all.push_str(&text);
            all.push('\n');
            docs.push((id, text));
        }
        // The whole set as one article: many more distinct characters.
        docs.push((format!("{set} (all rows)"), all));
    }
    docs
}

#[test]
fn per_article_lexicon_agrees_with_the_full_tables() {
    let full = full();
    let lexicon = Lexicon::builtin();
    let half_step = lexicon.idf_step() / 2.0 + 1e-9;
    let docs = documents();
    let (mut tokens, mut words_checked, mut max_idf_error) = (0usize, 0usize, 0f64);
    for (id, text) in &docs {
        let article = lexicon.for_article(text);
        for hmm in [true, false] {
            let ours: Vec<&str> = article
                .segmenter()
                .cut(text, hmm)
                .iter()
                .map(|t| t.word)
                .collect();
            let theirs: Vec<&str> = full.jieba.cut(text, hmm).iter().map(|t| t.word).collect();
            assert!(
                ours == theirs,
                "{id}: tokens differ from the full dictionary's (hmm {hmm})"
            );
            if hmm {
                tokens += ours.len();
            }
        }
        let mut seen = std::collections::HashSet::new();
        for token in full.jieba.cut(text, true) {
            let word = token.word.to_ascii_lowercase();
            if !seen.insert(word.clone()) {
                continue;
            }
            let expected = full.idf.get(&word).copied().unwrap_or(MEDIAN_IDF_ZH);
            let got = article.idf(&word);
            let error = (got - expected).abs();
            assert!(
                error <= half_step,
                "{id}: idf({word}) = {got}, jieba's {expected}"
            );
            max_idf_error = max_idf_error.max(error);
            words_checked += 1;
        }
    }
    eprintln!(
        "agreement: {n}/{n} documents, {tokens} tokens identical to jieba's full dictionary; \
         {words_checked} distinct words' IDF within {max_idf_error:.4} of idf.txt (half step {half_step:.4})",
        n = docs.len()
    );
}
