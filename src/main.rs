//! The `zhaiyao` command line: summaries of files, stdin or the built-in example, JSONL batches,
//! and evaluation against gold summaries.

use std::io::{self, BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Deserialize;
use serde_json::json;

use cli::eval::{self, Prf, Rouge};
use zhaiyao::{Budget, Error, Lang, LangChoice, Options, Summarizer, Summary, EXAMPLE_ZH, MAX_INPUT_BYTES};

/// The command line's own modules, which the library does not export.
mod cli {
    pub mod eval;
    pub mod script;
}

#[derive(Parser)]
#[command(
    name = "zhaiyao",
    version,
    about = "摘要: extractive summaries and keywords of Chinese (Simplified and Traditional), English and other articles, on your machine",
    args_conflicts_with_subcommands = true,
    allow_negative_numbers = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The article to summarise: a UTF-8 text file, or - for standard input.
    #[arg(required_unless_present = "example")]
    input: Option<PathBuf>,
    /// Summarise the built-in example article (Chinese) instead.
    #[arg(long, conflicts_with = "input")]
    example: bool,
    #[command(flatten)]
    summary: SummaryArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Summarise JSONL rows {"id", "text"[, "lang"]} from stdin, one JSON row out per row in.
    #[command(allow_negative_numbers = true)]
    Batch(SummaryArgs),
    /// Score zhaiyao and the Lead baseline against gold summaries or keywords (JSONL).
    Eval(EvalArgs),
}

#[derive(Args, Clone)]
struct SummaryArgs {
    /// Summary length in sentences (the default is the library's, 3).
    #[arg(long, value_name = "N", conflicts_with_all = ["ratio", "chars"])]
    sentences: Option<usize>,
    /// Summary length as a share of the article's sentences, above 0 and at most 1.
    #[arg(long, value_name = "R", conflicts_with = "chars")]
    ratio: Option<f64>,
    /// Summary length in characters at most.
    #[arg(long, value_name = "C")]
    chars: Option<usize>,
    /// How many keywords to list (the default is the library's).
    #[arg(long, value_name = "K", default_value_t = Options::default().keywords)]
    keywords: usize,
    /// The article's language: zh (Simplified or Traditional), en, fr, de, es, pt, it, nl, ru, ar or auto.
    #[arg(long, default_value = "auto")]
    lang: String,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Args)]
struct EvalArgs {
    /// Gold rows: {"id", "lang", "text", "summary"} or {"id", "lang", "text", "keywords": [..]}.
    #[arg(long, value_name = "FILE.jsonl")]
    gold: PathBuf,
    /// Summary length in sentences, for zhaiyao and Lead alike.
    #[arg(long, value_name = "N", default_value_t = 3)]
    sentences: usize,
    /// Read the data in another script: `traditional` converts text and gold alike, character
    /// by character where a character has one Traditional form (see `zhaiyao::script`).
    #[arg(long, value_enum, default_value_t)]
    script: cli::script::EvalScript,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

impl SummaryArgs {
    fn options(&self) -> Result<Options, Error> {
        let budget = match (self.sentences, self.ratio, self.chars) {
            (Some(n), _, _) => Budget::Sentences(n),
            (_, Some(r), _) => Budget::Ratio(r),
            (_, _, Some(c)) => Budget::Chars(c),
            _ => Budget::default(),
        };
        Ok(Options {
            budget: budget.validate()?,
            keywords: self.keywords,
            lang: self.lang.parse()?,
        })
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(Command::Batch(args)) => batch(args),
        Some(Command::Eval(args)) => evaluate(args),
        None => summarise_one(&cli),
    };
    match result {
        Ok(()) | Err(Failure::ClosedOutput) => ExitCode::SUCCESS,
        Err(Failure::Message(message)) => {
            eprintln!("zhaiyao: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Why a command stopped early.
enum Failure {
    /// Standard output was closed before everything was written, as in `zhaiyao FILE | head -1`:
    /// the reader has all it wants, so zhaiyao ends quietly with exit status 0. The reader
    /// stopping is no failure of zhaiyao's (ripgrep too takes a broken pipe as a graceful end),
    /// and a shell with `set -o pipefail` then sees none.
    ClosedOutput,
    /// Printed after "zhaiyao: " on standard error; exit status 1.
    Message(String),
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure::Message(message)
    }
}

/// A failed write to standard output: quiet if the reader has gone, else "{what}: {error}".
fn write_failure(error: io::Error, what: &str) -> Failure {
    if error.kind() == io::ErrorKind::BrokenPipe {
        Failure::ClosedOutput
    } else {
        Failure::Message(format!("{what}: {error}"))
    }
}

fn summarise_one(cli: &Cli) -> Result<(), Failure> {
    let options = cli.summary.options().map_err(|e| e.to_string())?;
    let text = match &cli.input {
        _ if cli.example => EXAMPLE_ZH.to_string(),
        Some(path) if path.as_os_str() == "-" => read_text(io::stdin().lock(), "standard input")?,
        Some(path) => read_file(path)?,
        None => return Err(String::from("give a FILE, - for standard input, or --example").into()),
    };
    let summary = Summarizer::new()
        .summarize(&text, &options)
        .map_err(|e| e.to_string())?;
    let mut out = io::stdout().lock();
    let written = match cli.summary.format {
        Format::Json => serde_json::to_writer_pretty(&mut out, &summary)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out)),
        Format::Text => write_text(&mut out, &summary),
    };
    written
        .and_then(|()| out.flush())
        .map_err(|e| write_failure(e, "cannot write the summary"))
}

fn write_text(out: &mut impl Write, summary: &Summary) -> io::Result<()> {
    let heading = match summary.lang {
        Lang::Zh => "摘要",
        _ => "Summary",
    };
    writeln!(out, "{heading}:")?;
    for sentence in &summary.sentences {
        writeln!(out, "  {}", terminal_safe(&sentence.text))?;
    }
    if !summary.keywords.is_empty() {
        let heading = match summary.lang {
            Lang::Zh => "关键词",
            _ => "Keywords",
        };
        let words: Vec<String> = summary
            .keywords
            .iter()
            .map(|k| format!("{} ({:.2})", terminal_safe(&k.word), k.weight))
            .collect();
        writeln!(out, "\n{heading}: {}", words.join(", "))?;
    }
    Ok(())
}

/// Article text made safe to print on a terminal, on one line: a line break (`\n`, `\r\n`, `\r`
/// and the rarer ones) becomes a space, and the other control characters (ESC, the rest of C0,
/// DEL, C1) and the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
/// become visible escapes such as `\u{1b}`, so an article can neither recolour nor reorder the
/// terminal. Tabs and all other text (CJK, emoji, combining marks, RTL letters) stay as they are.
fn terminal_safe(text: &str) -> String {
    let mut safe = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => safe.push(' '),
            '\t' => safe.push(c),
            c if c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') => {
                safe.extend(c.escape_unicode())
            }
            c => safe.push(c),
        }
    }
    safe
}

fn read_file(path: &Path) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    read_text(file, &path.display().to_string())
}

/// Reads at most one byte past the limit, so an oversized input is refused without being held.
fn read_text(reader: impl Read, name: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {name}: {e}"))?;
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(format!(
            "{name} is over the {} MiB limit: summarise it in parts",
            MAX_INPUT_BYTES / (1024 * 1024)
        ));
    }
    decode(bytes).map_err(|problem| format!("{name} {problem}"))
}

fn decode(bytes: Vec<u8>) -> Result<String, &'static str> {
    if bytes.contains(&0) {
        return Err("looks binary (it contains NUL bytes): give a UTF-8 text file");
    }
    // A byte-order mark stays: the summarizer skips it like other invisible characters, and the
    // JSON offsets then count it, as they count every character of the input as read.
    String::from_utf8(bytes).map_err(|_| "is not UTF-8 text: convert it to UTF-8 first")
}

#[derive(Deserialize)]
struct BatchRow {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    lang: Option<String>,
}

const BYTE_ORDER_MARK: &str = "\u{FEFF}";

fn batch(args: &SummaryArgs) -> Result<(), Failure> {
    let options = args.options().map_err(|e| e.to_string())?;
    let summarizer = Summarizer::new();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut input = io::stdin().lock();
    let mut line = Vec::new();
    let mut number = 0;
    loop {
        line.clear();
        if input
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("cannot read standard input: {e}"))?
            == 0
        {
            break;
        }
        number += 1;
        // A byte-order mark before the first row, as some editors write, is no part of it.
        let row_bytes = match line.strip_prefix(BYTE_ORDER_MARK.as_bytes()) {
            Some(rest) if number == 1 => rest,
            _ => &line[..],
        };
        if row_bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let row = batch_row(&summarizer, &options, row_bytes)
            .unwrap_or_else(|(id, error)| json!({ "id": id, "error": format!("line {number}: {error}") }));
        serde_json::to_writer(&mut out, &row)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
            .map_err(|e| write_failure(e, "cannot write"))?;
    }
    out.flush().map_err(|e| write_failure(e, "cannot write"))
}

type RowError = (serde_json::Value, String);

fn batch_row(summarizer: &Summarizer, options: &Options, line: &[u8]) -> Result<serde_json::Value, RowError> {
    if std::str::from_utf8(line).is_err() {
        let problem = "the row is not UTF-8 text: convert it to UTF-8 first";
        return Err((id_despite_bad_utf8(line), problem.into()));
    }
    let row: BatchRow = serde_json::from_slice(line).map_err(|e| {
        let id = serde_json::from_slice::<serde_json::Value>(line)
            .ok()
            .and_then(|v| v.get("id").cloned())
            .unwrap_or(serde_json::Value::Null);
        (id, format!("not a row {{\"id\", \"text\"[, \"lang\"]}}: {e}"))
    })?;
    let fail = |e: Error| (row.id.clone(), e.to_string());
    let mut options = *options;
    if let Some(lang) = &row.lang {
        options.lang = lang.parse().map_err(fail)?;
    }
    let summary = summarizer.summarize(&row.text, &options).map_err(fail)?;
    let sentences: Vec<&str> = summary.sentences.iter().map(|s| s.text.as_str()).collect();
    let keywords: Vec<&str> = summary.keywords.iter().map(|k| k.word.as_str()).collect();
    Ok(json!({ "id": row.id, "summary": sentences, "keywords": keywords }))
}

/// The id of a row that is not valid UTF-8, so that its error row can still be matched to it.
/// The row is read twice, each time with a different stand-in for every bad byte sequence; the
/// two ids agree only when the bad bytes lie outside the id (in the text, say), and then they
/// are the row's id. If they don't, or the row is not JSON even so, the id is null.
fn id_despite_bad_utf8(line: &[u8]) -> serde_json::Value {
    let id = |stand_in: char| {
        let mut text = String::with_capacity(line.len() + 3);
        for chunk in line.utf8_chunks() {
            text.push_str(chunk.valid());
            if !chunk.invalid().is_empty() {
                text.push(stand_in);
            }
        }
        serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|row| row.get("id").cloned())
    };
    match (id('\u{FFFD}'), id('?')) {
        (Some(first), Some(second)) if first == second => first,
        _ => serde_json::Value::Null,
    }
}

#[derive(Deserialize)]
struct GoldRow {
    id: serde_json::Value,
    lang: String,
    text: String,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    keywords: Option<Vec<String>>,
}

/// jieba.analyse.extract_tags on the CSL dev set, as ../shared/eval/README.md reports it.
const JIEBA_CSL_F1: (f64, f64) = (14.57, 12.85);
const BOOTSTRAP_RESAMPLES: usize = 2000;

fn evaluate(args: &EvalArgs) -> Result<(), Failure> {
    let file =
        std::fs::File::open(&args.gold).map_err(|e| format!("cannot read {}: {e}", args.gold.display()))?;
    let mut rows = Vec::new();
    for (number, line) in io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| format!("{}: {e}", args.gold.display()))?;
        let line = match line.strip_prefix(BYTE_ORDER_MARK) {
            Some(rest) if number == 0 => rest,
            _ => &line,
        };
        if line.trim().is_empty() {
            continue;
        }
        let row: GoldRow = serde_json::from_str(line)
            .map_err(|e| format!("{} line {}: {e}", args.gold.display(), number + 1))?;
        rows.push(row);
    }
    for r in &mut rows {
        let fields = [&mut r.text].into_iter().chain(&mut r.summary);
        args.script.convert(fields.chain(r.keywords.iter_mut().flatten()));
    }
    if rows.is_empty() {
        return Err(Failure::Message(format!("{} has no rows", args.gold.display())));
    }
    let budget = Budget::Sentences(args.sentences)
        .validate()
        .map_err(|e| e.to_string())?;
    let summarizer = Summarizer::new();
    let name = args
        .gold
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let report = if rows.iter().all(|r| r.keywords.is_some()) {
        evaluate_keywords(&summarizer, &rows, &name)?
    } else {
        evaluate_summaries(&summarizer, &rows, budget, &name)?
    };
    let mut out = io::stdout().lock();
    out.write_all(report.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| write_failure(e, "cannot write the scores"))
}

fn evaluate_summaries(
    summarizer: &Summarizer,
    rows: &[GoldRow],
    budget: Budget,
    name: &str,
) -> Result<String, String> {
    let mut ours: Vec<Rouge> = Vec::new();
    let mut lead: Vec<Rouge> = Vec::new();
    // Output lengths in scored tokens (zh: characters, en: words), as the eval README counts them.
    let (mut our_length, mut lead_length, mut reference_length) = (0usize, 0usize, 0usize);
    let mut overlaps = Vec::new();
    let mut english = false;
    for row in rows {
        let reference = row
            .summary
            .as_deref()
            .ok_or_else(|| format!("row {} has neither summary nor keywords", row.id))?;
        let lang: LangChoice = row
            .lang
            .parse()
            .map_err(|e: Error| format!("row {}: {e}", row.id))?;
        english = matches!(lang, LangChoice::Fixed(Lang::En));
        let score = |sentences: &[&str]| match lang {
            LangChoice::Fixed(Lang::En) => eval::rouge_en(sentences, reference),
            _ => eval::rouge_zh(sentences, reference),
        };
        let length = |sentences: &[&str]| -> usize {
            sentences
                .iter()
                .map(|s| match lang {
                    LangChoice::Fixed(Lang::En) => eval::en_tokens(s).len(),
                    _ => eval::zh_tokens(s).len(),
                })
                .sum()
        };
        let analysis = summarizer
            .analyze(&row.text, lang)
            .map_err(|e| format!("row {}: {e}", row.id))?;
        let chosen = analysis.select(budget).map_err(|e| e.to_string())?;
        let texts: Vec<&str> = chosen.iter().map(|&i| analysis.sentence_text(i)).collect();
        ours.push(score(&texts));
        our_length += length(&texts);
        let n = match budget {
            Budget::Sentences(n) => n,
            _ => 1,
        };
        let first: Vec<&str> = (0..analysis.sentences().len().min(n))
            .map(|i| analysis.sentence_text(i))
            .collect();
        lead.push(score(&first));
        lead_length += length(&first);
        reference_length += length(&[reference]);
        overlaps.push(keyword_overlap(&analysis.keywords(EVAL_CLOUD)));
    }
    type Metric = (&'static str, fn(&Rouge) -> f64);
    let metrics: [Metric; 3] = [
        ("R-1", |r| r.r1),
        ("R-2", |r| r.r2),
        (if english { "R-Lsum" } else { "R-L" }, |r| r.rl),
    ];
    let unit = if english { "words" } else { "chars" };
    let rows_n = rows.len() as f64;
    let mut report = format!("{name}: {} rows, {budget:?}\n", rows.len());
    report += &format!(
        "{:<10} {:>8} {:>8} {:>8} {:>8}\n",
        "system", metrics[0].0, metrics[1].0, metrics[2].0, unit
    );
    for (system, scores, length) in [("zhaiyao", &ours, our_length), ("Lead", &lead, lead_length)] {
        let mean = Rouge::mean(scores);
        report += &format!(
            "{:<10} {:>8.2} {:>8.2} {:>8.2} {:>8.0}\n",
            system,
            mean.r1,
            mean.r2,
            mean.rl,
            length as f64 / rows_n
        );
    }
    report += &format!(
        "{:<10} {:>8} {:>8} {:>8} {:>8.0}\n",
        "reference",
        "",
        "",
        "",
        reference_length as f64 / rows_n
    );
    for (label, pick) in metrics {
        let a: Vec<f64> = ours.iter().map(pick).collect();
        let b: Vec<f64> = lead.iter().map(pick).collect();
        let diff = eval::paired_bootstrap(&a, &b, BOOTSTRAP_RESAMPLES, 7);
        report += &format!(
            "zhaiyao − Lead {label}: {:+.2} (95% CI {:+.2} … {:+.2})\n",
            diff.mean_diff, diff.low, diff.high
        );
    }
    report += &overlap_line(&overlaps);
    Ok(report)
}

/// How many keywords a cloud shows, for the overlap figure.
const EVAL_CLOUD: usize = 20;

/// The share of a cloud's keywords that contain, or are contained in, another of its keywords
/// (人工智能 beside 人工智能发展): echoes that crowd the cloud.
fn keyword_overlap(keywords: &[zhaiyao::Keyword]) -> f64 {
    if keywords.is_empty() {
        return 0.0;
    }
    let words: Vec<String> = keywords.iter().map(|k| k.word.to_lowercase()).collect();
    let echoes = words
        .iter()
        .enumerate()
        .filter(|&(i, a)| {
            words
                .iter()
                .enumerate()
                .any(|(j, b)| i != j && (a.contains(b.as_str()) || b.contains(a.as_str())))
        })
        .count();
    echoes as f64 / words.len() as f64
}

fn overlap_line(overlaps: &[f64]) -> String {
    let mean = overlaps.iter().sum::<f64>() / overlaps.len().max(1) as f64;
    format!(
        "keywords: {:.1}% of the top {EVAL_CLOUD} contain or are contained in another\n",
        100.0 * mean
    )
}

fn evaluate_keywords(summarizer: &Summarizer, rows: &[GoldRow], name: &str) -> Result<String, String> {
    let mut at5 = Vec::new();
    let mut at10 = Vec::new();
    let mut overlaps = Vec::new();
    for row in rows {
        let gold: Vec<&str> = row.keywords.iter().flatten().map(String::as_str).collect();
        let lang: LangChoice = row
            .lang
            .parse()
            .map_err(|e: Error| format!("row {}: {e}", row.id))?;
        let analysis = summarizer
            .analyze(&row.text, lang)
            .map_err(|e| format!("row {}: {e}", row.id))?;
        overlaps.push(keyword_overlap(&analysis.keywords(EVAL_CLOUD)));
        let keywords = analysis.keywords(10);
        let words: Vec<&str> = keywords.iter().map(|k| k.word.as_str()).collect();
        at5.push(eval::keywords_at(&words, &gold, 5));
        at10.push(eval::keywords_at(&words, &gold, 10));
    }
    let (at5, at10) = (Prf::mean(&at5), Prf::mean(&at10));
    let mut report = format!("{name}: {} rows, keywords\n", rows.len());
    report += &format!(
        "{:<10} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}\n",
        "system", "P@5", "R@5", "F1@5", "P@10", "R@10", "F1@10"
    );
    report += &format!(
        "{:<10} {:>7.2} {:>7.2} {:>7.2} {:>7.2} {:>7.2} {:>7.2}\n",
        "zhaiyao", at5.p, at5.r, at5.f1, at10.p, at10.r, at10.f1
    );
    report += &format!(
        "{:<10} {:>7} {:>7} {:>7.2} {:>7} {:>7} {:>7.2}   (fixed figures: jieba.analyse.extract_tags)\n",
        "jieba", "", "", JIEBA_CSL_F1.0, "", "", JIEBA_CSL_F1.1
    );
    report += &overlap_line(&overlaps);
    Ok(report)
}
