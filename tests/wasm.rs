//! The JavaScript seam, run in headless Chromium by `wasm-pack test` (see the Makefile).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use zhaiyao::wasm::{Failure, Summarizer};

wasm_bindgen_test_configure!(run_in_browser);

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test options are JSON")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).expect("an object")
}

fn error_message(error: Failure) -> String {
    let value: JsValue = error.into();
    value
        .dyn_into::<js_sys::Error>()
        .expect("an Error")
        .message()
        .into()
}

/// The thrown Error, as JavaScript sees it.
fn thrown(error: Failure) -> JsValue {
    let value: JsValue = error.into();
    assert!(value.is_instance_of::<js_sys::Error>(), "an Error");
    value
}

#[wasm_bindgen_test]
async fn summarizes_with_utf16_offsets_of_the_callers_string() {
    let summarizer = Summarizer::load(JsValue::UNDEFINED).await.unwrap();
    // A lone surrogate reaches Rust as U+FFFD: offsets and texts must still be the caller's.
    let text: JsString = JsString::from_char_code(&[0xD800])
        .concat(&JsString::from(format!("开头。{}", zhaiyao::EXAMPLE_ZH)).into());
    let summary = summarizer
        .summarize(&text, options(r#"{"sentences": 3, "keywords": 12}"#))
        .unwrap();
    assert_eq!(get(&summary, "lang"), "zh");
    let sentences: Array = get(&summary, "sentences").into();
    assert_eq!(sentences.length(), 3);
    for sentence in sentences.iter() {
        let start = get(&sentence, "start").as_f64().unwrap() as u32;
        let end = get(&sentence, "end").as_f64().unwrap() as u32;
        assert_eq!(JsValue::from(text.slice(start, end)), get(&sentence, "text"));
    }
    let keywords: Array = get(&summary, "keywords").into();
    assert_eq!(keywords.length(), 12);
}

#[wasm_bindgen_test]
async fn analysis_reselects_without_reanalysing() {
    let summarizer = Summarizer::load(JsValue::UNDEFINED).await.unwrap();
    let analysis = summarizer
        .analyze(&JsString::from(zhaiyao::EXAMPLE_EN), JsValue::UNDEFINED)
        .unwrap();
    assert_eq!(analysis.lang(), "en");
    let all: Array = analysis.sentences().unwrap().into();
    assert!(all.length() > 20);
    let offsets = analysis.offsets();
    let scores = analysis.scores();
    assert_eq!(offsets.len(), 2 * all.length() as usize);
    assert_eq!(scores.len(), all.length() as usize);
    for (i, sentence) in all.iter().enumerate() {
        assert_eq!(get(&sentence, "start").as_f64(), Some(f64::from(offsets[2 * i])));
        assert_eq!(
            get(&sentence, "end").as_f64(),
            Some(f64::from(offsets[2 * i + 1]))
        );
        assert_eq!(get(&sentence, "score").as_f64(), Some(scores[i]));
    }
    let short: Array = get(
        &analysis.select(options(r#"{"sentences": 1}"#)).unwrap(),
        "sentences",
    )
    .into();
    let long: Array = get(
        &analysis.select(options(r#"{"ratio": 0.5}"#)).unwrap(),
        "sentences",
    )
    .into();
    assert_eq!(short.length(), 1);
    assert!(long.length() > 5);
    let chars: Array = get(
        &analysis.select(options(r#"{"chars": 200}"#)).unwrap(),
        "sentences",
    )
    .into();
    let used: u32 = chars
        .iter()
        .map(|s| JsString::from(get(&s, "text")).length())
        .sum();
    assert!(
        used <= 200,
        "{used} UTF-16 units for a budget of 200 chars (ASCII text)"
    );
}

#[wasm_bindgen_test]
async fn errors_are_thrown_and_the_instance_keeps_working() {
    let summarizer = Summarizer::load(JsValue::UNDEFINED).await.unwrap();
    let text = JsString::from(zhaiyao::EXAMPLE_ZH);
    for (bad, expected) in [
        (r#"{"sentences": 0}"#, "sentences"),
        (r#"{"sentences": -1}"#, "sentences"),
        (r#"{"sentences": 2.5}"#, "sentences"),
        (r#"{"ratio": 7}"#, "ratio"),
        (r#"{"chars": 1e300}"#, "chars"),
        (r#"{"sentences": 2, "chars": 100}"#, "one of"),
        (r#"{"lang": "ja"}"#, "lang"),
        (r#"{"sentense": 3}"#, "unknown option"),
        (r#"3"#, "object"),
    ] {
        let message = error_message(summarizer.summarize(&text, options(bad)).unwrap_err());
        assert!(message.contains(expected), "{bad}: {message}");
    }
    let nan = options("{}");
    Reflect::set(&nan, &"ratio".into(), &f64::NAN.into()).unwrap();
    assert!(error_message(summarizer.summarize(&text, nan).unwrap_err()).contains("ratio"));
    let analysis = summarizer.analyze(&text, JsValue::UNDEFINED).unwrap();
    let message = error_message(analysis.select(options(r#"{"lang": "en"}"#)).unwrap_err());
    assert!(message.contains("unknown option"), "{message}");
    let empty = error_message(
        summarizer
            .summarize(&JsString::from(""), JsValue::UNDEFINED)
            .unwrap_err(),
    );
    assert!(empty.contains("empty"), "{empty}");
    // Still alive and well.
    let summary = summarizer.summarize(&text, JsValue::UNDEFINED).unwrap();
    assert_eq!(Array::from(&get(&summary, "sentences")).length(), 3);
}

#[wasm_bindgen_test]
async fn user_dictionary_and_stop_words_load() {
    let summarizer = Summarizer::load(options(
        r#"{"userDict": "修理咖啡馆网络 10 n\n", "stopWords": ["志愿者"]}"#,
    ))
    .await
    .unwrap();
    let summary = summarizer
        .summarize(
            &JsString::from(zhaiyao::EXAMPLE_ZH),
            options(r#"{"keywords": 30}"#),
        )
        .unwrap();
    let words: Vec<String> = Array::from(&get(&summary, "keywords"))
        .iter()
        .map(|k| get(&k, "word").as_string().unwrap())
        .collect();
    assert!(!words.contains(&"志愿者".to_string()), "{words:?}");

    let bad = Summarizer::load(options(r#"{"userDict": "好词 1\n坏词 not-a-number x y\n"}"#)).await;
    let message = error_message(bad.err().expect("a malformed dictionary is refused"));
    assert!(message.contains("line 2"), "{message}");
}

#[wasm_bindgen_test]
async fn inputs_of_the_wrong_type_are_refused_clearly() {
    let summarizer = Summarizer::load(JsValue::UNDEFINED).await.unwrap();
    for (text, kind) in [
        (JsValue::from(12345), "number"),
        (JsValue::UNDEFINED, "undefined"),
        (JsValue::NULL, "null"),
        (js_sys::Object::new().into(), "object"),
    ] {
        let error = summarizer
            .summarize(&text, JsValue::UNDEFINED)
            .expect_err("not a string");
        assert_eq!(
            error_message(error),
            format!("the text must be a string, not {kind}")
        );
        let error = summarizer
            .analyze(&text, JsValue::UNDEFINED)
            .err()
            .expect("not a string");
        assert_eq!(
            error_message(error),
            format!("the text must be a string, not {kind}")
        );
    }
    let summary = summarizer
        .summarize(&JsString::from(zhaiyao::EXAMPLE_ZH), JsValue::UNDEFINED)
        .unwrap();
    assert_eq!(get(&summary, "lang"), "zh");
    for stop_words in [r#""社区""#, "12", r#"{"a": 1}"#] {
        let bad = Summarizer::load(options(&format!(r#"{{"stopWords": {stop_words}}}"#))).await;
        let message = error_message(bad.err().expect("stopWords must be an array"));
        assert_eq!(
            message,
            "invalid load options: stopWords must be an array of strings"
        );
    }
    let bad = Summarizer::load(options(r#"{"stopWords": ["社区", 12]}"#)).await;
    let message = error_message(bad.err().expect("stop words must be strings"));
    assert!(message.starts_with("invalid load options:"), "{message}");
}

#[wasm_bindgen_test]
async fn the_english_table_installs_at_run_time() {
    let bad = thrown(zhaiyao::wasm::install_english(b"not a table").expect_err("junk is refused"));
    let message = get(&bad, "message").as_string().unwrap();
    assert!(message.contains("idf-en.bin"), "{message}");
    assert_eq!(get(&bad, "code"), "invalid_table");
    assert!(!zhaiyao::wasm::english_installed());
    zhaiyao::wasm::install_english(include_bytes!("../data/idf-en.bin")).unwrap();
    assert!(zhaiyao::wasm::english_installed());
    let summarizer = Summarizer::load(JsValue::UNDEFINED).await.unwrap();
    let summary = summarizer
        .summarize(&JsString::from(zhaiyao::EXAMPLE_EN), JsValue::UNDEFINED)
        .unwrap();
    assert_eq!(get(&summary, "lang"), "en");
}

/// The UIs translate by `code` and the fields, never by the English message: each kind of failure
/// keeps its code (whatever its wording), and `errorCodes()` lists every code thrown.
#[wasm_bindgen_test]
async fn every_error_carries_its_stable_code_and_fields() {
    let summarizer = Summarizer::load(JsValue::UNDEFINED).await.unwrap();
    let text = JsString::from(zhaiyao::EXAMPLE_ZH);
    let mut seen = Vec::new();
    let mut check = |error: Failure, code: &str, fields: &[(&str, JsValue)]| {
        let error = thrown(error);
        assert_eq!(get(&error, "code"), code, "{:?}", get(&error, "message"));
        for (name, value) in fields {
            assert_eq!(&get(&error, name), value, "{code}.{name}");
        }
        seen.push(code.to_string());
    };

    let empty = summarizer.summarize(&JsString::from(" \n "), JsValue::UNDEFINED);
    check(empty.unwrap_err(), "empty_text", &[]);

    let limit = zhaiyao::MAX_INPUT_BYTES;
    let huge = JsString::from("长").repeat(limit as i32 + 1);
    let too_large = summarizer.analyze(&huge, JsValue::UNDEFINED).err().unwrap();
    let sizes = [
        ("bytes", ((limit + 1) as f64).into()),
        ("limit", (limit as f64).into()),
    ];
    check(too_large, "too_large", &sizes);

    let japanese = JsString::from("きょうはとてもいいてんきですね。あしたもはれるでしょう。");
    let unsupported = summarizer.summarize(&japanese, JsValue::UNDEFINED).unwrap_err();
    check(unsupported, "unsupported_language", &[("language", "ja".into())]);

    let zero = summarizer
        .summarize(&text, options(r#"{"sentences": 0}"#))
        .unwrap_err();
    let detail = JsValue::from("sentences must be a whole number from 1 to 1000000000, not 0");
    check(zero, "invalid_option", &[("detail", detail)]);
    for bad in [r#"{"sentense": 3}"#, "3", r#"{"lang": "ja"}"#] {
        check(
            summarizer.summarize(&text, options(bad)).unwrap_err(),
            "invalid_option",
            &[],
        );
    }
    let stop_words = Summarizer::load(options(r#"{"stopWords": "社区"}"#)).await;
    check(stop_words.err().unwrap(), "invalid_option", &[]);

    let dict = Summarizer::load(options(r#"{"userDict": "好词 1\n坏词 not-a-number x y\n"}"#)).await;
    check(dict.err().unwrap(), "invalid_dictionary", &[("line", 2.into())]);

    let number = summarizer.summarize(&JsValue::from(12), JsValue::UNDEFINED);
    check(number.unwrap_err(), "invalid_text", &[]);

    // Checked by the_english_table_installs_at_run_time, before the table is installed (once it
    // is, another install is not read); "internal" is a bug's: nothing here can make one.
    seen.extend(["invalid_table".into(), "internal".into()]);
    seen.dedup();
    let codes: Vec<String> = zhaiyao::wasm::error_codes()
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(seen, codes);
}

/// The defaults JavaScript reads are the library's own (`Options::default()`).
#[wasm_bindgen_test]
fn the_defaults_are_the_librarys() {
    let defaults = zhaiyao::wasm::defaults().unwrap();
    let options = zhaiyao::Options::default();
    assert_eq!(
        zhaiyao::Budget::Sentences(get(&defaults, "sentences").as_f64().unwrap() as usize),
        options.budget
    );
    assert_eq!(get(&defaults, "keywords").as_f64(), Some(options.keywords as f64));
    assert_eq!(
        get(&defaults, "explainedTerms").as_f64(),
        Some(zhaiyao::summarizer::EXPLAINED_TERMS as f64)
    );
}

/// A summary without a length or keyword count has the defaults' numbers of each.
#[wasm_bindgen_test]
async fn options_left_out_take_the_defaults() {
    let defaults = zhaiyao::wasm::defaults().unwrap();
    let summarizer = Summarizer::load(JsValue::UNDEFINED).await.unwrap();
    let summary = summarizer
        .summarize(&JsString::from(zhaiyao::EXAMPLE_ZH), JsValue::UNDEFINED)
        .unwrap();
    let sentences = Array::from(&get(&summary, "sentences"));
    assert_eq!(
        Some(sentences.length() as f64),
        get(&defaults, "sentences").as_f64()
    );
    let keywords = Array::from(&get(&summary, "keywords")).length();
    assert_eq!(Some(keywords as f64), get(&defaults, "keywords").as_f64());
    let terms = Array::from(&get(&sentences.get(0), "terms")).length();
    assert_eq!(Some(terms as f64), get(&defaults, "explainedTerms").as_f64());
}
