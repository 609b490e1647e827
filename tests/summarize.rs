//! The summariser as a library: sentences and offsets, budgets, keywords, determinism, errors.

mod common;

use zhaiyao::{
    Budget, Error, Lang, LangChoice, Options, Summarizer, EXAMPLE_EN, EXAMPLE_ZH, MAX_INPUT_BYTES,
};

fn analyze(text: &str) -> zhaiyao::Analysis {
    Summarizer::new()
        .analyze(text, LangChoice::Auto)
        .expect("analysable text")
}

#[test]
fn offsets_address_every_sentence_in_every_unit() {
    let texts = [
        EXAMPLE_ZH,
        EXAMPLE_EN,
        "😀表情符号在前面。𠮷野家的牛丼很好吃！Emoji 👍🏽 work too. Right?",
        "第一行没有标点\n第二行也没有\r\n\r\nA title line\n\nBody text here.",
    ];
    for text in texts {
        common::assert_offsets(text, &analyze(text));
    }
}

#[test]
fn summary_sentences_are_slices_of_the_text_in_document_order() {
    let summary = Summarizer::new()
        .summarize(
            EXAMPLE_ZH,
            &Options {
                budget: Budget::Sentences(4),
                ..Options::default()
            },
        )
        .unwrap();
    assert_eq!(summary.lang, Lang::Zh);
    assert_eq!(summary.sentences.len(), 4);
    let utf16: Vec<u16> = EXAMPLE_ZH.encode_utf16().collect();
    for pair in summary.sentences.windows(2) {
        assert!(pair[0].index < pair[1].index && pair[0].end <= pair[1].start);
    }
    for sentence in &summary.sentences {
        assert_eq!(
            String::from_utf16(&utf16[sentence.start..sentence.end]).unwrap(),
            sentence.text
        );
        assert!(!sentence.terms.is_empty(), "every chosen sentence is explained");
        let explained: f64 = sentence.terms.iter().map(|t| t.weight).sum();
        assert!(explained > 0.0 && explained <= sentence.score + 1e-9);
    }
}

#[test]
fn each_budget_kind_is_respected() {
    let analysis = analyze(EXAMPLE_ZH);
    let total = analysis.sentences().len();
    assert!(total > 20);
    for n in [1, 2, 5] {
        let chosen = analysis.select(Budget::Sentences(n)).unwrap();
        assert_eq!(chosen.len(), n);
        assert!(chosen.windows(2).all(|w| w[0] < w[1]), "document order");
    }
    assert!(analysis.select(Budget::Sentences(10_000)).unwrap().len() <= total);

    let ratio = analysis.select(Budget::Ratio(0.2)).unwrap();
    assert_eq!(
        ratio.len(),
        ((total as f64 * 0.2).round() as usize).min(analysis.select(Budget::Sentences(total)).unwrap().len())
    );
    assert_eq!(analysis.select(Budget::Ratio(0.0001)).unwrap().len(), 1);

    for limit in [30, 120, 400] {
        let chosen = analysis.select(Budget::Chars(limit)).unwrap();
        let used: usize = chosen
            .iter()
            .map(|&i| analysis.sentences()[i].span.chars.len())
            .sum();
        assert!(used <= limit, "{used} chars for a budget of {limit}");
        assert!(!chosen.is_empty());
    }
    assert!(
        analysis.select(Budget::Chars(1)).unwrap().is_empty(),
        "no sentence fits in one char"
    );
}

#[test]
fn invalid_budgets_are_refused_with_a_message() {
    let analysis = analyze(EXAMPLE_EN);
    for budget in [
        Budget::Sentences(0),
        Budget::Chars(0),
        Budget::Ratio(0.0),
        Budget::Ratio(1.5),
        Budget::Ratio(f64::NAN),
        Budget::Ratio(-0.5),
    ] {
        match analysis.select(budget) {
            Err(Error::InvalidOption(message)) => assert!(!message.is_empty()),
            other => panic!("{budget:?} gave {other:?}"),
        }
    }
}

#[test]
fn results_are_deterministic() {
    let options = Options {
        budget: Budget::Sentences(3),
        keywords: 15,
        lang: LangChoice::Auto,
    };
    for text in [EXAMPLE_ZH, EXAMPLE_EN] {
        let first = serde_json::to_string(&Summarizer::new().summarize(text, &options).unwrap()).unwrap();
        for _ in 0..3 {
            let again = serde_json::to_string(&Summarizer::new().summarize(text, &options).unwrap()).unwrap();
            assert_eq!(first, again);
        }
    }
}

#[test]
fn keywords_list_the_sentences_that_contain_them() {
    let analysis = analyze(EXAMPLE_ZH);
    let keywords = analysis.keywords(20);
    assert_eq!(keywords.len(), 20);
    assert!((keywords[0].weight - 1.0).abs() < 1e-12);
    assert!(keywords.windows(2).all(|w| w[0].weight >= w[1].weight));
    let words: Vec<&str> = keywords.iter().map(|k| k.word.as_str()).collect();
    assert!(
        words
            .iter()
            .take(5)
            .any(|w| w.contains("社区") || w.contains("修理")),
        "{words:?}"
    );
    for keyword in &keywords {
        assert!(keyword.word.chars().count() >= 2);
        assert!(!keyword.sentences.is_empty());
        for &index in &keyword.sentences {
            assert!(
                analysis
                    .sentence_text(index)
                    .to_lowercase()
                    .contains(&keyword.word.to_lowercase()),
                "{} in {index}",
                keyword.word
            );
        }
    }
}

#[test]
fn xuhui_interview_keywords_and_headline() {
    let Some(text) = common::shared_text("examples/xuhui-ai-interview.zh.txt") else {
        return;
    };
    let analysis = analyze(&text);
    let top5: Vec<String> = analysis.keywords(5).into_iter().map(|k| k.word).collect();
    assert!(top5.iter().any(|w| w == "人工智能"), "{top5:?}");
    assert!(top5.iter().any(|w| w == "徐汇"), "{top5:?}");

    let headline = "徐汇区区长方世忠:打造AI产业需要三颗心";
    let repeats = analysis
        .sentences()
        .iter()
        .filter(|s| analysis.sentence_text(s.index) == headline)
        .count();
    assert!(
        repeats > 10,
        "the article repeats its headline as a sentence ({repeats} times)"
    );
    for budget in [
        Budget::Sentences(3),
        Budget::Sentences(8),
        Budget::Ratio(0.3),
        Budget::Chars(600),
    ] {
        let chosen = analysis.select(budget).unwrap();
        let picked = chosen
            .iter()
            .filter(|&&i| analysis.sentence_text(i) == headline)
            .count();
        assert!(picked <= 1, "{budget:?} picked the headline {picked} times");
    }
}

#[test]
fn english_article_keywords_and_summary() {
    let Some(text) = common::shared_text("examples/rust-book-intro.en.txt") else {
        return;
    };
    let analysis = analyze(&text);
    assert_eq!(analysis.lang(), Lang::En);
    let top: Vec<String> = analysis
        .keywords(5)
        .into_iter()
        .map(|k| k.word.to_lowercase())
        .collect();
    assert!(top.iter().any(|w| w == "rust"), "{top:?}");
    common::assert_offsets(&text, &analysis);
}

#[test]
fn bad_text_gets_a_clear_error() {
    let summarizer = Summarizer::new();
    assert_eq!(
        summarizer.analyze("", LangChoice::Auto).err(),
        Some(Error::EmptyText)
    );
    assert_eq!(
        summarizer.analyze(" \n\t\u{3000}\n", LangChoice::Auto).err(),
        Some(Error::EmptyText)
    );
    let japanese = "今日は東京で会議がありました。とても楽しかったです。また来週も行きます。";
    assert!(matches!(
        summarizer.analyze(japanese, LangChoice::Auto),
        Err(Error::UnsupportedLanguage(_))
    ));
    let too_big = "a".repeat(MAX_INPUT_BYTES + 1);
    assert!(matches!(
        summarizer.analyze(&too_big, LangChoice::Auto),
        Err(Error::TooLarge { .. })
    ));
}

#[test]
fn odd_text_is_summarised_without_panicking() {
    let summarizer = Summarizer::new();
    for text in [
        "1234 5678. 3.14159!",
        "😀😀😀 🎉🎉",
        "。。。！！！",
        "\u{202E}反向文字\u{202C}和零宽\u{200B}字符。",
        "no punctuation at all just words running on and on",
        "\u{0}\u{1}\u{7f} control characters, then text.",
    ] {
        let analysis = summarizer.analyze(text, LangChoice::Auto).unwrap();
        common::assert_offsets(text, &analysis);
        assert!(!analysis.select(Budget::Sentences(2)).unwrap().is_empty());
    }
}

#[test]
fn traditional_chinese_is_summarised() {
    let text = "臺灣的人工智慧產業正在快速發展。許多新創公司投入研發。政府也推出補助計畫，支持人工智慧應用。";
    let analysis = analyze(text);
    assert_eq!(analysis.lang(), Lang::Zh);
    assert_eq!(analysis.sentences().len(), 3);
    assert!(
        analysis.keywords(5).iter().any(|k| k.word.contains("人工")),
        "{:?}",
        analysis.keywords(5)
    );
}

#[test]
fn user_dictionary_and_stop_words() {
    let text = "张小明在徐汇区的云计算实验室工作。云计算实验室很大。";
    let mut summarizer = Summarizer::new();
    summarizer.add_user_dict("云计算实验室\n张小明 5 nr\n").unwrap();
    summarizer.add_stop_words(["工作"]);
    let analysis = summarizer.analyze(text, LangChoice::Auto).unwrap();
    let words: Vec<String> = analysis.keywords(10).into_iter().map(|k| k.word).collect();
    assert!(words.contains(&"云计算实验室".to_string()), "{words:?}");
    assert!(words.contains(&"张小明".to_string()), "{words:?}");
    assert!(!words.contains(&"工作".to_string()));

    // A phrase of two words is a keyword of its own; as a stop word it goes, and its words
    // count for themselves again.
    let keywords = |stop_words: &[&str]| {
        let mut summarizer = Summarizer::new();
        summarizer.add_stop_words(stop_words);
        let analysis = summarizer.analyze(zhaiyao::EXAMPLE_ZH, LangChoice::Auto).unwrap();
        let keywords: Vec<(String, f64)> = analysis
            .keywords(20)
            .into_iter()
            .map(|k| (k.word, k.weight))
            .collect();
        keywords
    };
    let before = keywords(&[]);
    assert_eq!(before[0].0, "修理咖啡馆", "{before:?}");
    let after = keywords(&["修理咖啡馆"]);
    assert!(after.iter().all(|(word, _)| word != "修理咖啡馆"), "{after:?}");
    let rank_of = |keywords: &[(String, f64)], word: &str| keywords.iter().position(|(w, _)| w == word);
    let rank = rank_of(&after, "咖啡馆").expect("咖啡馆 counts on its own again");
    assert!(
        rank_of(&before, "咖啡馆").is_none_or(|before| rank < before),
        "{before:?}\n{after:?}"
    );
    // A word of Latin capitals and Chinese meets the lower-case stop word.
    let chip = |stop_words: &[&str]| {
        let mut summarizer = Summarizer::new();
        summarizer.add_user_dict("AI芯片\n").unwrap();
        summarizer.add_stop_words(stop_words);
        let text = "新的AI芯片发布了。AI芯片的速度很快。工程师测试了AI芯片。";
        let analysis = summarizer.analyze(text, LangChoice::Auto).unwrap();
        analysis.keywords(10).into_iter().any(|k| k.word == "AI芯片")
    };
    assert!(chip(&[]));
    assert!(!chip(&["AI芯片"]));
    let english = Summarizer::new();
    let mut without = Summarizer::new();
    without.add_stop_words(["Repair Café"]);
    let phrase = |summarizer: &Summarizer| {
        let analysis = summarizer
            .analyze(
                "The repair café opened. The repair café is busy. Volunteers fix lamps at the repair café.",
                LangChoice::Auto,
            )
            .unwrap();
        analysis.keywords(10).into_iter().any(|k| k.word == "repair café")
    };
    assert!(phrase(&english));
    assert!(!phrase(&without));

    for (dict, line) in [
        ("好词 12x\n", 1),
        ("a 1\n坏词 99999999999\n", 2),
        ("词 1 n extra\n", 1),
    ] {
        match Summarizer::new().add_user_dict(dict) {
            Err(Error::InvalidDictionary { line: got, .. }) => assert_eq!(got, line, "{dict:?}"),
            other => panic!("{dict:?} gave {other:?}"),
        }
    }
}

#[test]
fn english_function_words_are_no_keywords() {
    let text = "She said the harbour council would meet again. In the meantime she visited the US \
                harbour. Last week she met the harbour council. She will return next week, and the \
                US council will meet her there.";
    let analysis = Summarizer::new().analyze(text, LangChoice::Auto).unwrap();
    let words: Vec<String> = analysis
        .keywords(30)
        .into_iter()
        .map(|k| k.word.to_lowercase())
        .collect();
    for function_word in ["she", "meantime", "last", "next", "again", "her"] {
        assert!(
            !words.iter().any(|w| w == function_word),
            "{function_word}: {words:?}"
        );
    }
    // The content words show, on their own or in the phrase they mostly stand in.
    for content_word in ["harbour", "council"] {
        assert!(
            words
                .iter()
                .any(|w| w.split(' ').any(|word| word == content_word)),
            "{content_word}: {words:?}"
        );
    }
}

#[test]
fn a_sentence_without_terms_scores_plus_zero() {
    let analysis = Summarizer::new()
        .analyze("今天天气很好，我们去公园散步。\n她说了。\n", LangChoice::Auto)
        .unwrap();
    let score = analysis.sentences()[1].score;
    assert!(score == 0.0 && score.is_sign_positive(), "{score:?}");
}
