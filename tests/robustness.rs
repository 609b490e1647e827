//! Limits and errors: degenerate texts get sensible results or a clear `Error`, invalid options
//! are refused, and one `Summarizer` keeps working after every error.

#[path = "../fuzz/checks.rs"]
mod checks;

use zhaiyao::lexicon::DICT_TOTAL_FREQ;
use zhaiyao::sentences::split;
use zhaiyao::{Budget, Error, Lang, LangChoice, Options, Summarizer, Summary, MAX_INPUT_BYTES};

const ARTICLE: &str = "江澜市今年试点社区工具图书馆。居民可以免费借用电钻和梯子。\
    工具图书馆还开设了周末修理咖啡馆，志愿者帮居民修理小家电。试点一年，社区的大件垃圾减少了一成。";

fn options(budget: Budget) -> Options {
    Options {
        budget,
        keywords: 10,
        lang: LangChoice::Auto,
    }
}

/// Summarises `text` and runs the fuzz targets' checks on the analysis and the summary.
fn checked(summarizer: &Summarizer, text: &str, budget: Budget) -> Summary {
    let analysis = summarizer.analyze(text, LangChoice::Auto).expect("analysable");
    checks::check_analysis(text, &analysis);
    checks::check_budget(&analysis, budget, 10);
    let summary = summarizer.summarize(text, &options(budget)).unwrap();
    assert_eq!(summary, analysis.summary(budget, 10).unwrap());
    summary
}

fn texts(summary: &Summary) -> Vec<&str> {
    summary.sentences.iter().map(|s| s.text.as_str()).collect()
}

#[test]
fn texts_without_sentences_are_refused() {
    let summarizer = Summarizer::new();
    for text in [
        "",
        " ",
        "\n\n\r\n\t",
        "\u{3000}\u{A0}\u{2029}\u{0C}",
        // Invisible only: zero-width, BOM, bidi controls, NUL and other control characters.
        "\u{200B}\u{200D}\u{FEFF}\u{202E}\u{202C}\u{2066}\u{2069}\u{200F}",
        "\u{0}\u{1}\u{7}\u{1B}\u{7F}\u{85}",
    ] {
        assert_eq!(
            summarizer.analyze(text, LangChoice::Auto).err(),
            Some(Error::EmptyText),
            "{text:?}"
        );
        let error = summarizer.summarize(text, &Options::default()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the text is empty: there is nothing to summarise"
        );
    }
}

#[test]
fn text_without_sentence_punctuation() {
    let summarizer = Summarizer::new();
    let text = "这是一段没有任何标点符号的中文文字 它一直写下去 没有句号也没有问号";
    let summary = checked(&summarizer, text, Budget::Sentences(3));
    assert_eq!(texts(&summary), [text]);
    assert!(!summary.keywords.is_empty());
    let english = "no punctuation at all just words running on and on about the library";
    assert_eq!(
        texts(&checked(&summarizer, english, Budget::Sentences(1))),
        [english]
    );
}

#[test]
fn only_emoji_or_only_numbers() {
    let summarizer = Summarizer::new();
    for text in [
        "😀😀😀 🎉🎉 👍🏽\n👨\u{200D}👩\u{200D}👧 🇨🇳",
        "1234 5678. 3.14159! 2024年。１２３",
        "。。。！！！？？？",
    ] {
        let summary = checked(&summarizer, text, Budget::Sentences(2));
        assert!(!summary.sentences.is_empty(), "{text:?}");
        // Nothing to score: no keyword, and every chosen sentence is a slice of the text.
        assert_eq!(summary.keywords, [], "{text:?}");
        for sentence in &summary.sentences {
            assert!(text.contains(&sentence.text));
        }
    }
}

/// Invisible characters at a sentence's edges are trimmed, those inside are kept (so a sentence
/// can hold an unpaired bidi control: whoever renders it should isolate it, e.g. with `<bdi>`).
#[test]
fn bidi_and_zero_width_characters_stay_inside_or_are_trimmed() {
    let summarizer = Summarizer::new();
    let text = "\u{202E}反向文字\u{202C}和零宽\u{200B}字符。\u{2066}隔离\u{2069}的句子！\u{200F}\u{FEFF}";
    let summary = checked(&summarizer, text, Budget::Sentences(5));
    assert_eq!(
        texts(&summary),
        ["反向文字\u{202C}和零宽\u{200B}字符。", "隔离\u{2069}的句子！"]
    );
}

/// The library reads NUL and control characters as blanks at sentence edges (refusing binary
/// files is the command line's job).
#[test]
fn nul_and_control_characters() {
    let summarizer = Summarizer::new();
    let text = "\u{0}\u{1}第一句有控制字符\u{7}。\u{1B}[31m红色\u{1B}[0m的第二句。\u{7F}";
    let summary = checked(&summarizer, text, Budget::Sentences(5));
    assert_eq!(
        texts(&summary),
        ["第一句有控制字符\u{7}。", "[31m红色\u{1B}[0m的第二句。"]
    );
}

/// A JavaScript string with lone surrogates reaches Rust with each one replaced by U+FFFD,
/// which is also one UTF-16 unit: offsets still index the caller's own string.
#[test]
fn lone_surrogates_from_javascript() {
    let summarizer = Summarizer::new();
    let js: Vec<u16> = [0xD800]
        .into_iter()
        .chain("第一句话。".encode_utf16())
        .chain([0xDC00, 0xDBFF])
        .chain("第二句话在这里！Emoji 😀 too. ".encode_utf16())
        .chain([0xDFFF])
        .collect();
    let text = String::from_utf16_lossy(&js);
    assert_eq!(text.encode_utf16().count(), js.len());
    let summary = checked(&summarizer, &text, Budget::Sentences(5));
    assert_eq!(
        texts(&summary),
        [
            "\u{FFFD}第一句话。",
            "\u{FFFD}\u{FFFD}第二句话在这里！",
            "Emoji 😀 too.",
            "\u{FFFD}"
        ]
    );
    for sentence in &summary.sentences {
        let slice = &js[sentence.start..sentence.end];
        assert_eq!(String::from_utf16_lossy(slice), sentence.text);
    }
    // Only replacement characters: one sentence, kept as is.
    assert_eq!(
        texts(&checked(&summarizer, "\u{FFFD}\u{FFFD}", Budget::Sentences(1))),
        ["\u{FFFD}\u{FFFD}"]
    );
}

#[test]
fn invalid_options_are_refused_with_a_message_naming_them() {
    let analysis = Summarizer::new().analyze(ARTICLE, LangChoice::Auto).unwrap();
    for (budget, name) in [
        (Budget::Sentences(0), "sentences"),
        (Budget::Chars(0), "chars"),
        (Budget::Ratio(0.0), "ratio"),
        (Budget::Ratio(-0.0), "ratio"),
        (Budget::Ratio(-0.5), "ratio"),
        (Budget::Ratio(1.0 + f64::EPSILON), "ratio"),
        (Budget::Ratio(1.5), "ratio"),
        (Budget::Ratio(f64::NAN), "ratio"),
        (Budget::Ratio(-f64::NAN), "ratio"),
        (Budget::Ratio(f64::INFINITY), "ratio"),
        (Budget::Ratio(f64::NEG_INFINITY), "ratio"),
        (Budget::Ratio(f64::MAX), "ratio"),
    ] {
        match analysis.select(budget) {
            Err(error @ Error::InvalidOption(_)) => {
                assert!(error.to_string().contains(name), "{error} for {budget:?}")
            }
            other => panic!("{budget:?} gave {other:?}"),
        }
        assert!(analysis.summary(budget, 5).is_err());
        assert!(Summarizer::new().summarize(ARTICLE, &options(budget)).is_err());
    }
}

#[test]
fn huge_and_tiny_valid_options() {
    let summarizer = Summarizer::new();
    let analysis = summarizer.analyze(ARTICLE, LangChoice::Auto).unwrap();
    let total = analysis.sentences().len();
    assert_eq!(total, 4);
    let everything: Vec<usize> = (0..total).collect();
    for budget in [
        Budget::Sentences(usize::MAX),
        Budget::Chars(usize::MAX),
        Budget::Ratio(1.0),
    ] {
        assert_eq!(analysis.select(budget).unwrap(), everything, "{budget:?}");
        checks::check_budget(&analysis, budget, usize::MAX);
    }
    // The smallest ratio still gives one sentence; one char gives none of these sentences.
    assert_eq!(
        analysis.select(Budget::Ratio(f64::MIN_POSITIVE)).unwrap().len(),
        1
    );
    assert_eq!(analysis.select(Budget::Ratio(5e-324)).unwrap().len(), 1);
    assert_eq!(analysis.select(Budget::Chars(1)).unwrap(), []);
    let all_keywords = analysis.keywords(usize::MAX);
    assert!(!all_keywords.is_empty());
    assert_eq!(analysis.keywords(0), []);
    let summary = summarizer
        .summarize(
            ARTICLE,
            &Options {
                budget: Budget::Sentences(usize::MAX),
                keywords: usize::MAX,
                lang: LangChoice::Fixed(Lang::En),
            },
        )
        .unwrap();
    assert_eq!(summary.sentences.len(), total);
}

#[test]
fn input_size_limit() {
    let summarizer = Summarizer::new();
    // At the limit the text is read (blank, so refused as empty, not as too large) ...
    let at_limit = " ".repeat(MAX_INPUT_BYTES);
    assert_eq!(
        summarizer.analyze(&at_limit, LangChoice::Auto).err(),
        Some(Error::EmptyText)
    );
    // ... one byte more is refused before any work, with the sizes in the message.
    let over = " ".repeat(MAX_INPUT_BYTES + 1);
    let error = summarizer.analyze(&over, LangChoice::Auto).err().unwrap();
    assert_eq!(
        error,
        Error::TooLarge {
            bytes: MAX_INPUT_BYTES + 1,
            limit: MAX_INPUT_BYTES
        }
    );
    assert_eq!(
        error.to_string(),
        "the text is 16.0 MiB, over the 16 MiB limit: summarise it in parts"
    );
    assert!(summarizer.summarize(&over, &Options::default()).is_err());
}

#[test]
fn bad_user_dictionaries_are_refused_by_line() {
    for (dict, line) in [
        ("好词 18446744073709551616 n\n", 1),
        ("好词 1\n大词 16777217\n", 2),
        ("负数 -5 n\n", 1),
        ("小数 3.5\n", 1),
        ("十六进制 0x10\n", 1),
        ("# comment\n\n多 1 n extra\n", 3),
        ("控制\u{7}字 3\n", 1),
    ] {
        match Summarizer::new().add_user_dict(dict) {
            Err(error @ Error::InvalidDictionary { .. }) => {
                assert!(
                    error
                        .to_string()
                        .starts_with(&format!("user dictionary, line {line}: ")),
                    "{error} for {dict:?}"
                );
            }
            other => panic!("{dict:?} gave {other:?}"),
        }
    }
    // Accepted: the largest frequency, zero, a missing one, a tag without a frequency, a
    // leading `+`, BOM and CRLF, emoji and U+FFFD words.
    let mut summarizer = Summarizer::new();
    summarizer
        .add_user_dict(
            "\u{FEFF}最大 16777216 n\r\n零 0\r\n工具图书馆\r\n咖啡馆 nz\r\n加号 +7\n🦀 3\n\u{FFFD} 1\n",
        )
        .unwrap();
    checked(&summarizer, ARTICLE, Budget::Sentences(2));
}

/// Found by the `user_dict` fuzz target (fuzz/regressions/user_dict/duplicate-keyword): jieba
/// cut 馆江澜 as one word in one sentence and as 馆+江澜 in two others, and the phrase and the
/// word were both listed as keyword "馆江澜".
#[test]
fn a_keyword_is_listed_once() {
    let summarizer = Summarizer::new();
    for text in ["镡馆江澜。馆江澜。啡馆江澜。", ARTICLE] {
        let analysis = summarizer.analyze(text, LangChoice::Auto).unwrap();
        let words: Vec<String> = analysis
            .keywords(usize::MAX)
            .into_iter()
            .map(|k| k.word)
            .collect();
        let mut unique = words.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), words.len(), "{words:?}");
        checks::check_summary(
            text,
            analysis.sentences().len(),
            &analysis.summary(Budget::Sentences(1), usize::MAX).unwrap(),
            usize::MAX,
        );
    }
}

/// jieba adds the user words' frequencies to a total that must stay below 2^32 in wasm (where
/// `usize` is 32 bits; an overflow there panics or silently corrupts segmentation), so their sum
/// is limited too. A word added again replaces its frequency: it does not count twice.
#[test]
fn user_frequencies_cannot_overflow_a_32_bit_total() {
    use zhaiyao::summarizer::{MAX_USER_FREQ, MAX_USER_TOTAL_FREQ};
    let lines = |range: std::ops::Range<usize>| -> String {
        range.map(|i| format!("词{i} {MAX_USER_FREQ} n\n")).collect()
    };
    let at_limit = MAX_USER_TOTAL_FREQ / MAX_USER_FREQ;
    assert!(
        (DICT_TOTAL_FREQ as usize)
            .checked_add(MAX_USER_TOTAL_FREQ)
            .unwrap()
            < u32::MAX as usize
    );
    let mut summarizer = Summarizer::new();
    summarizer.add_user_dict(&lines(0..at_limit - 1)).unwrap();
    // Adding the same words again replaces them.
    summarizer.add_user_dict(&lines(0..at_limit - 1)).unwrap();
    match summarizer.add_user_dict(&format!("好词 1\n{}", lines(at_limit - 1..at_limit + 1))) {
        Err(error @ Error::InvalidDictionary { line: 2, .. }) => {
            assert!(error.to_string().contains("add up to more than"), "{error}")
        }
        other => panic!("{other:?}"),
    }
    // The refused dictionary added nothing; the last word that fits still does.
    summarizer.add_user_dict(&lines(at_limit - 1..at_limit)).unwrap();
    assert!(summarizer.add_user_dict("再多一个词 1\n").is_err());
    checked(&summarizer, ARTICLE, Budget::Sentences(2));
}

/// One summariser, one error of every kind after another, and after each a summary that is
/// exactly what a fresh summariser gives.
#[test]
fn a_summarizer_keeps_working_after_every_error() {
    let mut summarizer = Summarizer::new();
    let expected = Summarizer::new()
        .summarize(ARTICLE, &options(Budget::Sentences(2)))
        .unwrap();
    let too_large = "好".repeat(MAX_INPUT_BYTES / 3 + 1);
    let japanese = "今日は東京で会議がありました。とても楽しかったです。また来週も行きます。";
    type Failure<'a> = Box<dyn Fn(&mut Summarizer) -> Result<(), Error> + 'a>;
    let failures: Vec<Failure> = vec![
        Box::new(|s| s.summarize("", &Options::default()).map(drop)),
        Box::new(|s| s.summarize("\u{200B}\u{202E}", &Options::default()).map(drop)),
        Box::new(|s| s.summarize(japanese, &Options::default()).map(drop)),
        Box::new(|s| s.summarize(&too_large, &Options::default()).map(drop)),
        Box::new(|s| s.summarize(ARTICLE, &options(Budget::Sentences(0))).map(drop)),
        Box::new(|s| s.summarize(ARTICLE, &options(Budget::Ratio(f64::NAN))).map(drop)),
        Box::new(|s| s.summarize(ARTICLE, &options(Budget::Ratio(-1.0))).map(drop)),
        Box::new(|s| s.summarize(ARTICLE, &options(Budget::Chars(0))).map(drop)),
        Box::new(|s| {
            s.analyze(ARTICLE, LangChoice::Auto)?
                .select(Budget::Ratio(2.0))
                .map(drop)
        }),
        Box::new(|s| s.add_user_dict("工具图书馆 1\n坏词 -1\n")),
        Box::new(|s| s.add_user_dict("词 99999999999999999999999\n")),
    ];
    for (i, fail) in failures.iter().enumerate() {
        assert!(fail(&mut summarizer).is_err(), "case {i} failed to fail");
        let after = summarizer.summarize(ARTICLE, &options(Budget::Sentences(2)));
        assert_eq!(after.as_ref(), Ok(&expected), "after case {i}");
    }
    // A refused dictionary added nothing, not even its good first line: a good one still can.
    summarizer.add_user_dict("工具图书馆 1000000 n\n").unwrap();
    let with_word = summarizer.analyze(ARTICLE, LangChoice::Auto).unwrap();
    assert_eq!(with_word.keywords(1)[0].word, "工具图书馆");
    assert!(split(ARTICLE).len() == with_word.sentences().len());
}
