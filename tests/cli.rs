//! The `zhaiyao` binary: inputs, options, formats, batch, eval and its error messages.

mod common;

use std::io::Write;
use std::process::{Child, Command, Output, Stdio};
use std::thread::JoinHandle;

use serde_json::Value;

/// Starts the binary with its three streams piped and `stdin` written to it by a thread. The
/// binary may stop reading early (or its output be closed), so a failed write is no error here.
fn spawn(args: &[&str], stdin: Vec<u8>) -> (Child, JoinHandle<()>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhaiyao"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    (child, writer)
}

fn zhaiyao(args: &[&str], stdin: &[u8]) -> Output {
    let (child, writer) = spawn(args, stdin.to_vec());
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn temp_file(name: &str, contents: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("zhaiyao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn example_prints_a_summary_and_keywords() {
    let output = zhaiyao(&["--example", "--sentences", "2", "--keywords", "8"], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("摘要:"), "{text}");
    let summary_lines = text.lines().skip(1).take_while(|l| !l.is_empty()).count();
    assert_eq!(summary_lines, 2, "{text}");
    let keywords = text
        .lines()
        .find(|l| l.starts_with("关键词:"))
        .expect("a keyword line");
    assert_eq!(keywords.matches(", ").count(), 7, "{keywords}");
}

#[test]
fn lengths_left_out_are_the_librarys_defaults() {
    let output = zhaiyao(&["-", "--format", "json"], zhaiyao::EXAMPLE_ZH.as_bytes());
    assert!(output.status.success(), "{}", stderr(&output));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let defaults = zhaiyao::Options::default();
    let sentences = json["sentences"].as_array().unwrap().len();
    assert_eq!(zhaiyao::Budget::Sentences(sentences), defaults.budget);
    assert_eq!(json["keywords"].as_array().unwrap().len(), defaults.keywords);
}

#[test]
fn json_has_the_documented_shape() {
    let output = zhaiyao(
        &["-", "--format", "json", "--sentences", "2", "--keywords", "5"],
        zhaiyao::EXAMPLE_EN.as_bytes(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["lang"], "en");
    let sentences = json["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 2);
    let utf16: Vec<u16> = zhaiyao::EXAMPLE_EN.encode_utf16().collect();
    for sentence in sentences {
        let (start, end) = (
            sentence["start"].as_u64().unwrap() as usize,
            sentence["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            String::from_utf16(&utf16[start..end]).unwrap(),
            sentence["text"].as_str().unwrap()
        );
        assert!(sentence["index"].is_u64() && sentence["score"].is_f64());
        let term = &sentence["terms"][0];
        assert!(term["term"].is_string() && term["weight"].is_f64());
    }
    let keywords = json["keywords"].as_array().unwrap();
    assert_eq!(keywords.len(), 5);
    for keyword in keywords {
        assert!(keyword["word"].is_string() && keyword["weight"].is_f64());
        assert!(!keyword["sentences"].as_array().unwrap().is_empty());
    }
}

#[test]
fn reads_files_and_budgets_by_chars_and_ratio() {
    let path = temp_file("article.txt", zhaiyao::EXAMPLE_ZH.as_bytes());
    let path = path.to_str().unwrap();
    for budget in [["--chars", "150"], ["--ratio", "0.1"]] {
        let output = zhaiyao(&[path, budget[0], budget[1], "--format", "json"], b"");
        assert!(output.status.success(), "{}", stderr(&output));
        let json: Value = serde_json::from_slice(&output.stdout).unwrap();
        let sentences = json["sentences"].as_array().unwrap();
        assert!(!sentences.is_empty());
        if budget[0] == "--chars" {
            let chars: usize = sentences
                .iter()
                .map(|s| s["text"].as_str().unwrap().chars().count())
                .sum();
            assert!(chars <= 150);
        }
    }
}

#[test]
fn bad_input_fails_with_a_message_and_no_panic() {
    let cases: Vec<(Vec<&str>, Vec<u8>, &str)> = vec![
        (vec!["-"], b"".to_vec(), "empty"),
        (vec!["-"], b"   \n\n ".to_vec(), "empty"),
        (vec!["-"], vec![0u8, 159, 146, 150, 0, 1, 2, 255], "binary"),
        (vec!["-"], vec![0xC3, 0x28, b'a', b'b'], "UTF-8"),
        (vec!["/nonexistent/article.txt"], Vec::new(), "cannot read"),
        (vec!["--example", "--sentences", "0"], Vec::new(), "sentences"),
        (vec!["--example", "--ratio", "1.5"], Vec::new(), "ratio"),
        (vec!["--example", "--ratio", "NaN"], Vec::new(), "ratio"),
        (vec!["--example", "--chars", "0"], Vec::new(), "chars"),
        (vec!["--example", "--lang", "ja"], Vec::new(), "lang"),
        (vec!["--example", "--sentences", "-3"], Vec::new(), "sentences"),
    ];
    for (args, input, expected) in cases {
        let output = zhaiyao(&args, &input);
        assert!(!output.status.success(), "{args:?} succeeded");
        let message = stderr(&output);
        assert!(message.contains(expected), "{args:?}: {message}");
        assert!(!message.contains("panicked"), "{args:?}: {message}");
    }
}

#[test]
fn input_over_the_limit_is_refused() {
    let big = vec![b'a'; zhaiyao::MAX_INPUT_BYTES + 10];
    let output = zhaiyao(&["-"], &big);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("limit"), "{}", stderr(&output));
}

#[test]
fn a_ten_megabyte_article_is_summarised() {
    let paragraph = format!("{}\n\n{}\n\n", zhaiyao::EXAMPLE_ZH, zhaiyao::EXAMPLE_EN);
    let mut text = String::new();
    let mut part = 0;
    while text.len() < 10 * 1024 * 1024 {
        // Numbered copies, so that the article is not one paragraph repeated verbatim.
        text.push_str(&format!("第{part}部分 Part {part}\n\n"));
        text.push_str(&paragraph);
        part += 1;
    }
    let path = temp_file("ten-megabytes.txt", text.as_bytes());
    let output = zhaiyao(&[path.to_str().unwrap(), "--format", "json"], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["sentences"].as_array().unwrap().len(), 3);
}

#[test]
fn batch_answers_every_row_in_order_and_goes_on_after_a_bad_one() {
    let input = [
        serde_json::json!({"id": 1, "text": zhaiyao::EXAMPLE_ZH}).to_string(),
        "{not json".to_string(),
        serde_json::json!({"id": "empty", "text": ""}).to_string(),
        serde_json::json!({"id": "ja", "text": "Bonjour.", "lang": "ja"}).to_string(),
        serde_json::json!({"id": 4, "text": zhaiyao::EXAMPLE_EN, "lang": "en"}).to_string(),
    ]
    .join("\n");
    let output = zhaiyao(
        &["batch", "--sentences", "2", "--keywords", "3"],
        input.as_bytes(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let rows: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[0]["id"], 1);
    assert_eq!(rows[0]["summary"].as_array().unwrap().len(), 2);
    assert_eq!(rows[0]["keywords"].as_array().unwrap().len(), 3);
    assert!(rows[1]["error"].as_str().unwrap().contains("line 2"));
    assert_eq!(rows[2]["id"], "empty");
    assert!(rows[2]["error"].as_str().unwrap().contains("empty"));
    assert!(rows[3]["error"].as_str().unwrap().contains("lang"));
    assert_eq!(rows[4]["id"], 4);
    assert!(rows[4]["summary"].is_array());
}

#[test]
fn eval_scores_zhaiyao_and_lead_on_a_gold_file() {
    let gold = [
        serde_json::json!({"id": "a", "lang": "zh", "text": zhaiyao::EXAMPLE_ZH, "summary": "江澜市试点社区工具图书馆和修理咖啡馆，推动垃圾减量。"}),
        serde_json::json!({"id": "b", "lang": "en", "text": zhaiyao::EXAMPLE_EN, "summary": "A town library lends tools. Volunteers repair things."}),
    ]
    .map(|r| r.to_string())
    .join("\n");
    let path = temp_file("gold.jsonl", gold.as_bytes());
    let output = zhaiyao(
        &["eval", "--gold", path.to_str().unwrap(), "--sentences", "2"],
        b"",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let report = stdout(&output);
    for expected in ["zhaiyao", "Lead", "R-1", "R-2", "95% CI"] {
        assert!(report.contains(expected), "{report}");
    }

    let keywords = serde_json::json!({"id": "k", "lang": "zh", "text": zhaiyao::EXAMPLE_ZH, "keywords": ["修理咖啡馆", "社区", "工具"]}).to_string();
    let path = temp_file("keywords.jsonl", keywords.as_bytes());
    let output = zhaiyao(&["eval", "--gold", path.to_str().unwrap()], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    let report = stdout(&output);
    assert!(report.contains("F1@5") && report.contains("jieba"), "{report}");
}

/// Runs the binary with its standard output piped, reads the first line and closes the pipe, as
/// `zhaiyao … | head -1` does, then waits for it.
fn zhaiyao_into_head(args: &[&str], stdin: Vec<u8>) -> Output {
    use std::io::BufRead;
    let (mut child, writer) = spawn(args, stdin);
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(!first.is_empty(), "{args:?} printed nothing");
    // The read end is closed here; what the binary writes from now on meets a closed pipe.
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

#[test]
fn a_closed_output_ends_the_program_quietly() {
    // Each output is far larger than a pipe's buffer (64 KiB on Linux), so the binary is still
    // writing when the pipe closes: an article of 4,000 sentences of pseudo-random characters,
    // every one chosen (a summary leaves out sentences that repeat one chosen before, so they
    // must not share their words), and a batch of 20,000 rows that each fail at once with a
    // short error.
    let mut chars: Vec<char> = zhaiyao::EXAMPLE_ZH
        .chars()
        .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
        .collect();
    chars.sort_unstable();
    chars.dedup();
    let mut seed = 12345u64;
    let mut article = String::new();
    for _ in 0..4000 {
        for _ in 0..12 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            article.push(chars[(seed >> 33) as usize % chars.len()]);
        }
        article.push_str("。\n");
    }
    let path = temp_file("long-article.txt", article.as_bytes());
    let path = path.to_str().unwrap();
    let rows: String = (0..20_000)
        .map(|id| format!("{{\"id\": {id}, \"text\": \"\"}}\n"))
        .collect();
    let cases: [(&[&str], Vec<u8>); 3] = [
        (&[path, "--ratio", "1"], Vec::new()),
        (&[path, "--ratio", "1", "--format", "json"], Vec::new()),
        (&["batch"], rows.into_bytes()),
    ];
    for (args, stdin) in cases {
        let whole = zhaiyao(args, &stdin);
        assert!(
            whole.stdout.len() > 2 * 64 * 1024,
            "{args:?}: {} bytes fit in a pipe",
            whole.stdout.len()
        );
        let output = zhaiyao_into_head(args, stdin);
        let message = stderr(&output);
        assert!(message.is_empty(), "{args:?}: {message}");
        assert_eq!(output.status.code(), Some(0), "{args:?}");
    }
}

#[test]
fn text_output_escapes_terminal_controls_and_bidi_overrides() {
    let article = "The \u{1b}[31mred\u{1b}[0m library lends tools to residents of the town.\n\
        It opens on \u{202E}Saturday\u{202C} mornings and \u{2067}Sunday\u{2069} evenings.\n\
        Volunteers repair lamps,\r\nchairs and bikes\rfor free \u{7}at the cafe\u{301} 咖啡 🚲.\n\
        The council says that waste fell by a tenth \u{9b}2J in the first year.\n";
    let output = zhaiyao(&["-", "--ratio", "1", "--lang", "en"], article.as_bytes());
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    assert!(!text.chars().any(unsafe_char), "{text:?}");
    for expected in [
        "  The \\u{1b}[31mred\\u{1b}[0m library lends tools to residents of the town.\n",
        "  It opens on \\u{202e}Saturday\\u{202c} mornings and \\u{2067}Sunday\\u{2069} evenings.\n",
        // Line breaks inside a sentence are one space each; other text is left as it is.
        "  Volunteers repair lamps, chairs and bikes for free \\u{7}at the cafe\u{301} 咖啡 🚲.\n",
        "  The council says that waste fell by a tenth \\u{9b}2J in the first year.\n",
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text:?}");
    }

    // JSON escapes what it must and keeps the text as it is in the article.
    let output = zhaiyao(
        &["-", "--ratio", "1", "--lang", "en", "--format", "json"],
        article.as_bytes(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("The \\u001b[31mred"));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        json["sentences"][1]["text"],
        "It opens on \u{202E}Saturday\u{202C} mornings and \u{2067}Sunday\u{2069} evenings."
    );
    assert_eq!(
        json["sentences"][2]["text"],
        "Volunteers repair lamps,\r\nchairs and bikes\rfor free \u{7}at the cafe\u{301} 咖啡 🚲."
    );
}

#[test]
fn offsets_count_a_byte_order_mark_like_any_other_character_of_the_input() {
    let plain = zhaiyao::EXAMPLE_EN;
    let with_bom = format!("\u{FEFF}{plain}");
    let path = temp_file("bom.txt", with_bom.as_bytes());
    let path = path.to_str().unwrap();
    let args = |input| [input, "--format", "json", "--ratio", "1", "--keywords", "5"];
    let output = zhaiyao(&args(path), b"");
    assert!(output.status.success(), "{}", stderr(&output));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    // The offsets index the file as read, byte-order mark included.
    let raw = String::from_utf8(std::fs::read(path).unwrap()).unwrap();
    let utf16: Vec<u16> = raw.encode_utf16().collect();
    let sentences = json["sentences"].as_array().unwrap();
    assert_eq!(sentences[0]["start"], 1);
    for sentence in sentences {
        let (start, end) = (
            sentence["start"].as_u64().unwrap() as usize,
            sentence["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            String::from_utf16(&utf16[start..end]).unwrap(),
            sentence["text"].as_str().unwrap()
        );
    }
    // Otherwise the mark changes nothing: the same summary, one unit further on.
    let output = zhaiyao(&args("-"), plain.as_bytes());
    let mut expected: Value = serde_json::from_slice(&output.stdout).unwrap();
    for sentence in expected["sentences"].as_array_mut().unwrap() {
        for key in ["start", "end"] {
            sentence[key] = (sentence[key].as_u64().unwrap() + 1).into();
        }
    }
    assert_eq!(json, expected);
    let text = |input: &[u8]| stdout(&zhaiyao(&["-"], input));
    assert_eq!(text(with_bom.as_bytes()), text(plain.as_bytes()));
    // A file of nothing but the mark is empty.
    let output = zhaiyao(&["-"], "\u{FEFF}".as_bytes());
    assert!(stderr(&output).contains("empty"), "{}", stderr(&output));
}

#[test]
fn batch_keeps_the_id_of_a_row_that_is_not_utf8() {
    let rows: [&[u8]; 5] = [
        // Bad bytes in the text: the id is read all the same.
        b"{\"id\": \"caf\xc3\xa9-1\", \"text\": \"caf\xe9 au lait. Bonjour.\"}\n",
        b"{\"id\": 7, \"text\": \"\xef\xbf\xbd is fine, \xff is not.\"}\n",
        // Bad bytes in the id itself, or outside any string: no id can be trusted.
        b"{\"id\": \"b\xff\", \"text\": \"Hello there.\"}\n",
        b"{\"id\": 8,\xff \"text\": \"Hello there.\"}\n",
        b"{\"id\": \"ok\", \"text\": \"Hello there. The next row is fine.\"}\n",
    ];
    let output = zhaiyao(&["batch"], &rows.concat());
    assert!(output.status.success(), "{}", stderr(&output));
    let rows: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 5);
    let ids = rows.iter().map(|r| r["id"].clone()).collect::<Vec<_>>();
    assert_eq!(
        ids,
        [
            Value::from("café-1"),
            Value::from(7),
            Value::Null,
            Value::Null,
            Value::from("ok")
        ]
    );
    for (number, row) in rows[..4].iter().enumerate() {
        let error = row["error"].as_str().unwrap();
        assert!(error.starts_with(&format!("line {}: ", number + 1)), "{error}");
        assert!(error.contains("not UTF-8"), "{error}");
    }
    assert!(rows[4]["summary"].is_array());
}

#[test]
fn a_byte_order_mark_before_the_first_row_of_batch_or_eval_input_is_skipped() {
    let rows = "\u{FEFF}{\"id\": 1, \"text\": \"The library lends tools. Volunteers fix lamps.\"}\n\
                \u{FEFF}{\"id\": 2, \"text\": \"A mark before a later row is not skipped.\"}\n";
    let output = zhaiyao(&["batch"], rows.as_bytes());
    assert!(output.status.success(), "{}", stderr(&output));
    let rows: Vec<Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows[0]["id"], 1);
    assert!(rows[0]["summary"].is_array(), "{}", rows[0]);
    assert!(rows[1]["error"].is_string(), "{}", rows[1]);

    let gold = serde_json::json!({"id": "a", "lang": "zh", "text": zhaiyao::EXAMPLE_ZH, "summary": "江澜市试点社区工具图书馆。"});
    let path = temp_file("gold-with-bom.jsonl", format!("\u{FEFF}{gold}\n").as_bytes());
    let output = zhaiyao(
        &["eval", "--gold", path.to_str().unwrap(), "--sentences", "1"],
        b"",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("R-1"), "{}", stdout(&output));
}
