//! Summary quality on long articles: no repeated headline, no byline, caption or metadata
//! junk among the chosen sentences, and every scoring signal visible in the explanation.

mod common;

use std::collections::HashSet;

use zhaiyao::scoring::SIGNALS;
use zhaiyao::{Analysis, Budget, LangChoice, Options, Summarizer};

fn analyze(text: &str) -> Analysis {
    Summarizer::new().analyze(text, LangChoice::Auto).unwrap()
}

/// Junk as a reader sees it, checked independently of the library's own rules.
fn junk_reason(sentence: &str) -> Option<&'static str> {
    let s = sentence.trim();
    let lower = s.to_lowercase();
    let label = |l: &str| lower.starts_with(&format!("{l}:")) || lower.starts_with(&format!("{l}："));
    if [
        "来源",
        "描述",
        "地址",
        "标题",
        "原标题",
        "责任编辑",
        "编辑",
        "note",
        "source",
        "photo",
    ]
    .iter()
    .any(|l| label(l))
    {
        return Some("label: value metadata");
    }
    if lower.contains("http://") || lower.contains("https://") || lower.contains("www.") {
        return Some("URL");
    }
    if lower.contains("读完约") || lower.contains("本篇文章") || lower.contains("min read") {
        return Some("reading-time note");
    }
    if lower.starts_with("by .") || lower.contains("daily mail reporter") {
        return Some("byline");
    }
    if lower.starts_with("scroll down for") || lower.starts_with("点击") {
        return Some("call to action");
    }
    if lower.contains("(pictured") || lower.contains("作者：") {
        return Some("caption or credit");
    }
    None
}

fn normalised(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The checks every long article must pass for budgets 3 and 5; `headline` is a line the
/// article repeats that must not be chosen more than once.
fn assert_clean_summaries(name: &str, analysis: &Analysis, headline: Option<&str>) {
    for n in [3, 5] {
        let chosen = analysis.select(Budget::Sentences(n)).unwrap();
        assert_eq!(
            chosen.len(),
            n.min(analysis.sentences().len()),
            "{name}: budget {n}"
        );
        let mut seen = HashSet::new();
        for &index in &chosen {
            let text = analysis.sentence_text(index);
            if let Some(reason) = junk_reason(text) {
                panic!("{name}, budget {n}: chose {reason} {text:?}");
            }
            assert!(
                seen.insert(normalised(text)),
                "{name}, budget {n}: {text:?} chosen twice"
            );
        }
        if let Some(headline) = headline {
            let picked = chosen
                .iter()
                .filter(|&&i| analysis.sentence_text(i) == headline)
                .count();
            assert!(picked <= 1, "{name}, budget {n}: headline picked {picked} times");
        }
    }
}

/// An article of our own with the junk news pages carry, for runs without ../shared.
const JUNK_ZH: &str = "本篇文章1860字,读完约5分钟

江澜市试点社区工具图书馆：居民免费借工具

江澜市今年在十个社区试点工具图书馆，居民凭借书证可以免费借用电钻、梯子和缝纫机。
市民政局介绍，工具图书馆由社区志愿者管理，每件工具都有借用记录和保养记录。

江澜市试点社区工具图书馆：居民免费借工具

描述:社区工具图书馆的志愿者在整理电钻

试点一年来，工具图书馆共借出工具一万两千多次，社区的大件垃圾减少了一成。
工具图书馆还开设了周末修理咖啡馆，志愿者帮助居民修理小家电和自行车。

江澜市试点社区工具图书馆：居民免费借工具

点击下方链接，了解更多社区工具图书馆的借用规则。
市民政局表示，明年将在全市推广社区工具图书馆，并为志愿者提供维修培训。
居民可以通过社区服务中心预约借用工具，借期最长两周。

来源:江澜日报社区工具图书馆专题

标题:江澜市试点社区工具图书馆：居民免费借工具

地址:http://www.example.com/jianglan/tool-library.html
";

const JUNK_EN: &str = "By . Daily Mail Reporter .

A city library that lends power drills, ladders and sewing machines has cut bulky waste in \
its neighbourhoods by a tenth, council figures show. The tool library opened in ten \
neighbourhoods last spring and has lent tools more than twelve thousand times. Scroll down \
for video . Volunteers (pictured) repair toasters and bicycles at the library's weekend repair \
cafe. Council officials said the tool library would open in every neighbourhood next year. \
Residents can borrow a tool for up to two weeks with a library card. The volunteers keep a \
record of every loan and service every tool after it comes back. Who would have thought? \
Source: City Council. Demand for ladders and drills peaks in spring, the volunteers said.";

#[test]
fn own_junk_articles_get_clean_summaries() {
    let zh = analyze(JUNK_ZH);
    assert_clean_summaries("JUNK_ZH", &zh, Some("江澜市试点社区工具图书馆：居民免费借工具"));
    // Neither the reading-time note nor the headline is the lead: the first body sentence is.
    let chosen = zh.select(Budget::Sentences(1)).unwrap();
    assert!(
        zh.sentence_text(chosen[0])
            .starts_with("江澜市今年在十个社区试点"),
        "{:?}",
        zh.sentence_text(chosen[0])
    );
    let en = analyze(JUNK_EN);
    assert_clean_summaries("JUNK_EN", &en, None);
    let chosen = en.select(Budget::Sentences(1)).unwrap();
    assert!(
        en.sentence_text(chosen[0]).starts_with("A city library"),
        "the byline is not the lead: {:?}",
        en.sentence_text(chosen[0])
    );
}

#[test]
fn example_articles_get_clean_summaries() {
    if let Some(text) = common::shared_text("examples/xuhui-ai-interview.zh.txt") {
        let analysis = analyze(&text);
        assert_clean_summaries("xuhui", &analysis, Some("徐汇区区长方世忠:打造AI产业需要三颗心"));
    }
    if let Some(text) = common::shared_text("examples/rust-book-intro.en.txt") {
        let analysis = analyze(&text);
        assert_clean_summaries("rust book", &analysis, None);
        // Headings ("Introduction", "Who Rust Is For") are not summary sentences.
        for index in analysis.select(Budget::Sentences(5)).unwrap() {
            let span = &analysis.sentences()[index].span;
            assert!(
                span.terminated,
                "heading chosen: {:?}",
                analysis.sentence_text(index)
            );
        }
    }
}

#[test]
fn clts_smoke_articles_get_clean_summaries() {
    let Some(rows) = common::shared_text("eval/zh_clts_smoke.jsonl") else {
        return;
    };
    let mut count = 0;
    for line in rows.lines().filter(|l| !l.trim().is_empty()) {
        let row: serde_json::Value = serde_json::from_str(line).expect("JSONL row");
        let text = row["text"].as_str().expect("row has a text");
        let id = row["id"].to_string();
        let analysis = analyze(text);
        // A line the article prints more than once (a running headline) is picked at most once.
        let mut lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        lines.sort_unstable();
        let repeated = lines.windows(2).find(|w| w[0] == w[1]).map(|w| w[0]);
        assert_clean_summaries(&format!("CLTS row {id}"), &analysis, repeated);
        count += 1;
    }
    assert!(count > 0, "the smoke set has rows");
}

#[test]
fn every_signal_shows_in_the_explanation() {
    let analysis = analyze(JUNK_ZH);
    let names: Vec<&str> = SIGNALS.to_vec();
    let mut positions = Vec::new();
    for sentence in analysis.sentences() {
        let index = sentence.index;
        let signals = analysis.signals(index);
        let listed: Vec<&str> = signals.iter().map(|s| s.name).collect();
        assert_eq!(listed, names, "sentence {index} lists every signal in order");
        let factor = |name: &str| signals.iter().find(|s| s.name == name).unwrap().factor;
        let text = analysis.sentence_text(index);
        // The score is explained: its term shares add up to it.
        let shares: f64 = analysis.explain(index).iter().map(|t| t.weight).sum();
        assert!(shares <= sentence.score + 1e-9);
        if junk_reason(text).is_some() {
            assert!(factor("metadata") < 0.1, "{text:?} is flagged as metadata");
            assert_eq!(factor("position"), 1.0, "metadata is not the lead: {text:?}");
        } else if !sentence.span.terminated {
            assert!(factor("heading") < 1.0, "{text:?} is a heading");
        } else {
            assert_eq!(factor("metadata"), 1.0, "{text:?} is content");
            assert_eq!(factor("heading"), 1.0, "{text:?} is not a heading");
            positions.push(factor("position"));
        }
    }
    // The lead prior falls from one body sentence to the next.
    assert!(positions.len() > 5);
    assert!(positions.windows(2).all(|w| w[0] > w[1]), "{positions:?}");
    assert!(positions[0] > 10.0 * positions[2], "{positions:?}");

    // Sentences that share words with the title gain; questions lose; fragments lose.
    let en = analyze(
        "Tool libraries cut waste\n\nTool libraries lend drills and ladders to residents for free. \
         The council opened one in every district of the city last spring. \
         Tool libraries cut bulky waste by a tenth in their first year. Why? \
         Would residents borrow tools rather than buy them?",
    );
    let by_start = |start: &str| {
        let index = (0..en.sentences().len())
            .find(|&i| en.sentence_text(i).starts_with(start))
            .unwrap();
        en.signals(index)
    };
    let factor = |signals: &[zhaiyao::scoring::Signal], name: &str| {
        signals.iter().find(|s| s.name == name).unwrap().factor
    };
    assert!(factor(&by_start("Tool libraries cut bulky"), "title") > 1.2);
    assert_eq!(factor(&by_start("The council opened"), "title"), 1.0);
    assert!(factor(&by_start("Would residents"), "question") < 1.0);
    assert_eq!(factor(&by_start("The council opened"), "question"), 1.0);
    assert!(factor(&by_start("Why?"), "length") < 0.5);
    assert_eq!(factor(&by_start("The council opened"), "length"), 1.0);

    // The JSON of a summary carries the signals beside the unchanged fields.
    let summary = Summarizer::new()
        .summarize(
            JUNK_ZH,
            &Options {
                budget: Budget::Sentences(2),
                ..Options::default()
            },
        )
        .unwrap();
    let json = serde_json::to_value(&summary).unwrap();
    for sentence in json["sentences"].as_array().unwrap() {
        for field in ["index", "text", "score", "start", "end", "terms"] {
            assert!(sentence.get(field).is_some(), "{field} kept");
        }
        let signals = sentence["signals"].as_array().unwrap();
        assert_eq!(signals.len(), SIGNALS.len());
        assert!(signals
            .iter()
            .all(|s| s["name"].is_string() && s["factor"].is_number()));
    }
}
