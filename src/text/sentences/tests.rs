//! The sentence splitter's unit tables: every rule of `split`, case by case.

use super::*;

fn sentences(text: &str) -> Vec<&str> {
    split(text).iter().map(|s| &text[s.bytes.clone()]).collect()
}

/// Sentences with `~` appended to those that are not terminated.
fn marked(text: &str) -> Vec<String> {
    split(text)
        .iter()
        .map(|s| {
            let slice = &text[s.bytes.clone()];
            if s.terminated {
                slice.to_string()
            } else {
                format!("{slice}~")
            }
        })
        .collect()
}

#[track_caller]
fn assert_sentences(text: &str, expected: &[&str]) {
    assert_eq!(sentences(text), expected, "input: {text:?}");
    check_invariants(text);
}

/// Offsets agree in all three units; spans are ordered, non-empty, trimmed; every non-blank
/// character is covered; paragraphs never decrease.
#[track_caller]
fn check_invariants(text: &str) -> Vec<SentenceSpan> {
    let spans = split(text);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let chars: Vec<char> = text.chars().collect();
    let mut previous: Option<&SentenceSpan> = None;
    for span in &spans {
        assert!(text.is_char_boundary(span.bytes.start) && text.is_char_boundary(span.bytes.end));
        let slice = &text[span.bytes.clone()];
        assert!(!slice.is_empty(), "empty span {span:?} in {text:?}");
        assert!(
            !slice.starts_with(is_blank) && !slice.ends_with(is_blank),
            "untrimmed {slice:?}"
        );
        let by_chars: String = chars[span.chars.clone()].iter().collect();
        assert_eq!(by_chars, slice, "char offsets of {span:?} in {text:?}");
        let expected_utf16: Vec<u16> = slice.encode_utf16().collect();
        assert_eq!(
            utf16[span.utf16.clone()],
            expected_utf16[..],
            "utf16 offsets of {span:?}"
        );
        let gap_start = previous.map_or(0, |p| p.bytes.end);
        assert!(gap_start <= span.bytes.start, "overlap at {span:?} in {text:?}");
        assert!(
            text[gap_start..span.bytes.start].chars().all(is_blank),
            "uncovered text in {text:?}"
        );
        if let Some(p) = previous {
            assert!(p.paragraph <= span.paragraph);
        } else {
            assert_eq!(span.paragraph, 0);
        }
        previous = Some(span);
    }
    let tail = previous.map_or(0, |p| p.bytes.end);
    assert!(text[tail..].chars().all(is_blank), "uncovered tail in {text:?}");
    spans
}

#[test]
fn chinese_terminators() {
    assert_sentences(
        "今天天气很好。我们去公园吧！你去吗？好的；走吧",
        &["今天天气很好。", "我们去公园吧！", "你去吗？", "好的；", "走吧"],
    );
    assert_sentences(
        "真的吗？！太好了！！！还有呢。。。",
        &["真的吗？！", "太好了！！！", "还有呢。。。"],
    );
    assert_eq!(marked("标题\n正文。"), ["标题~", "正文。"]);
}

#[test]
fn chinese_ellipses() {
    assert_sentences("他犹豫了……最后还是走了。", &["他犹豫了……", "最后还是走了。"]);
    assert_sentences("他犹豫了…最后走了。", &["他犹豫了…", "最后走了。"]);
    // An ellipsis before a comma continues the sentence.
    assert_sentences("苹果、香蕉……，都很好吃。", &["苹果、香蕉……，都很好吃。"]);
    // Inside a quotation an ellipsis is a pause; at its end the quote closes the sentence.
    assert_sentences(
        "他说：“这件事……我不知道。”她说：「好吧……」然后走了。",
        &["他说：“这件事……我不知道。”", "她说：「好吧……」", "然后走了。"],
    );
    assert_sentences(
        "“走吧。”他说……大家都走了。",
        &["“走吧。”", "他说……", "大家都走了。"],
    );
}

#[test]
fn chinese_closing_quotes_and_brackets() {
    assert_sentences(
        "他说：“我们走吧。”然后离开了。",
        &["他说：“我们走吧。”", "然后离开了。"],
    );
    assert_sentences(
        "「你是谁？」他问。『我不知道！』（真的。）《书名》很好。【注意！】结束",
        &[
            "「你是谁？」",
            "他问。",
            "『我不知道！』",
            "（真的。）",
            "《书名》很好。",
            "【注意！】",
            "结束",
        ],
    );
    assert_sentences("他说：‘好。’走了。", &["他说：‘好。’", "走了。"]);
    // ASCII quotes: closing or opening by parity.
    assert_sentences(
        "他说:\"走吧。\"然后离开了。\"你好\"是问候。",
        &["他说:\"走吧。\"", "然后离开了。", "\"你好\"是问候。"],
    );
}

#[test]
fn ascii_punctuation_in_chinese() {
    assert_sentences("研究了X.结果表明Y.", &["研究了X.", "结果表明Y."]);
    assert_sentences(
        "本文研究了新方法.结果表明方法有效!为什么?因为数据好;证毕",
        &[
            "本文研究了新方法.",
            "结果表明方法有效!",
            "为什么?",
            "因为数据好;",
            "证毕",
        ],
    );
    assert_sentences(
        "收入达到3.5亿元,同比增长30.5%.占全市的1/3;今年上半年增长.",
        &[
            "收入达到3.5亿元,同比增长30.5%.",
            "占全市的1/3;",
            "今年上半年增长.",
        ],
    );
    assert_sentences("使用GPT-4.结果很好。", &["使用GPT-4.", "结果很好。"]);
    assert_sentences("美国U.S.政府发布了报告。", &["美国U.S.政府发布了报告。"]);
    assert_sentences(
        "访问www.example.com了解详情。",
        &["访问www.example.com了解详情。"],
    );
}

#[test]
fn english_basics() {
    assert_sentences(
        "Rust is fast. It is safe! Is it fun? Yes.",
        &["Rust is fast.", "It is safe!", "Is it fun?", "Yes."],
    );
    assert_sentences("Wow!! Really?! Yes.", &["Wow!!", "Really?!", "Yes."]);
    // English `;` does not split.
    assert_sentences("I came; I saw. I won.", &["I came; I saw.", "I won."]);
    // A lower-case start is not a sentence start.
    assert_sentences("It went fine. then we left.", &["It went fine. then we left."]);
    assert_sentences("It cost 42. 7 people paid.", &["It cost 42.", "7 people paid."]);
}

#[test]
fn english_abbreviations() {
    assert_sentences(
        "Mr. Smith met Dr. Jones and Prof. Snape at 5 p.m. on Friday. They talked.",
        &[
            "Mr. Smith met Dr. Jones and Prof. Snape at 5 p.m. on Friday.",
            "They talked.",
        ],
    );
    assert_sentences(
        "Use tools, e.g. the compiler, i.e. rustc. Try Rust vs. Go. Done.",
        &[
            "Use tools, e.g. the compiler, i.e. rustc.",
            "Try Rust vs. Go.",
            "Done.",
        ],
    );
    assert_sentences(
        "Use a tool, e.g. Cargo. It helps.",
        &["Use a tool, e.g. Cargo.", "It helps."],
    );
    assert_sentences(
        "J. K. Rowling wrote it. Mrs. Dalloway did not.",
        &["J. K. Rowling wrote it.", "Mrs. Dalloway did not."],
    );
    assert_sentences(
        "On Jan. 5 we met. See No. 5 and Fig. 3 for details.",
        &["On Jan. 5 we met.", "See No. 5 and Fig. 3 for details."],
    );
    assert_sentences(
        "He said no. No. That is final.",
        &["He said no.", "No.", "That is final."],
    );
    assert_sentences(
        "Smith et al. (2019) showed it. Case closed.",
        &["Smith et al. (2019) showed it.", "Case closed."],
    );
    assert_sentences(
        "Apples, pears, etc. are fruit. Bananas etc. The end.",
        &["Apples, pears, etc. are fruit.", "Bananas etc.", "The end."],
    );
    assert_sentences(
        "He works at Apple Inc. The firm is big.",
        &["He works at Apple Inc.", "The firm is big."],
    );
    assert_sentences(
        "She lives on Main St. Louis lives there too.",
        &["She lives on Main St. Louis lives there too."],
    );
}

#[test]
fn dotted_acronyms_split_only_before_sentence_openers() {
    assert_sentences(
        "I live in the U.S. The weather is nice.",
        &["I live in the U.S.", "The weather is nice."],
    );
    assert_sentences(
        "The U.S. Army is large. It is old.",
        &["The U.S. Army is large.", "It is old."],
    );
    assert_sentences("He has a Ph.D. in physics.", &["He has a Ph.D. in physics."]);
    assert_sentences("Plan B. The rest failed.", &["Plan B.", "The rest failed."]);
    assert_sentences(
        "He moved to the U.K. \"Great,\" he said.",
        &["He moved to the U.K.", "\"Great,\" he said."],
    );
    // Across a line break the plain upper-case rule applies.
    assert_sentences(
        "He moved to the U.S.\nLife was good.",
        &["He moved to the U.S.", "Life was good."],
    );
    assert_sentences("Ask Mr.\nSmith about it.", &["Ask Mr.\nSmith about it."]);
    assert_sentences(
        "The speech was given by President John F.\nKennedy in Berlin.",
        &["The speech was given by President John F.\nKennedy in Berlin."],
    );
}

#[test]
fn decimals_urls_and_versions() {
    assert_sentences(
        "It cost 3.5 dollars. Visit example.com. Version 1.2.3 is out. Node.js works.",
        &[
            "It cost 3.5 dollars.",
            "Visit example.com.",
            "Version 1.2.3 is out.",
            "Node.js works.",
        ],
    );
    assert_sentences(
        "Pi is approx. 3.14159. Nice.",
        &["Pi is approx. 3.14159.", "Nice."],
    );
}

#[test]
fn english_ellipses() {
    assert_sentences(
        "He paused... then spoke. Wait... What? Use let...else here. Hmm… fine. Oh… Right.",
        &[
            "He paused... then spoke.",
            "Wait...",
            "What?",
            "Use let...else here.",
            "Hmm… fine.",
            "Oh…",
            "Right.",
        ],
    );
    assert_sentences(
        "He said \"Wait... What?\" and left.",
        &["He said \"Wait... What?\" and left."],
    );
}

#[test]
fn english_quotes_and_brackets() {
    assert_sentences(
        "He said \"Go.\" Then he left.",
        &["He said \"Go.\"", "Then he left."],
    );
    assert_sentences(
        "\"Why?\" she asked. \"Because.\"",
        &["\"Why?\" she asked.", "\"Because.\""],
    );
    assert_sentences(
        "Text here (like this.) And more.",
        &["Text here (like this.)", "And more."],
    );
    assert_sentences("It said “Stop!” Nobody did.", &["It said “Stop!”", "Nobody did."]);
    assert_sentences("He said 'go.' Then he went.", &["He said 'go.'", "Then he went."]);
    assert_sentences("See [the docs.] Read them.", &["See [the docs.]", "Read them."]);
    assert_sentences("“Hello!” he said.", &["“Hello!” he said."]);
}

#[test]
fn hard_wrapped_english_paragraphs() {
    let text = "This is a long sentence that has been hard wrapped\nat some column and continues here. The next one\nstarts on this line and ends here.";
    assert_sentences(
        text,
        &[
            "This is a long sentence that has been hard wrapped\nat some column and continues here.",
            "The next one\nstarts on this line and ends here.",
        ],
    );
    // A long line ending mid-sentence before a capitalised word.
    assert_sentences(
        "The quick brown fox jumped over the lazy dog and then met\nAlice in the garden.",
        &["The quick brown fox jumped over the lazy dog and then met\nAlice in the garden."],
    );
    // Function words and commas cannot end a sentence.
    assert_sentences("Written by the\nRust Team.", &["Written by the\nRust Team."]);
    assert_sentences("First, second,\nThird.", &["First, second,\nThird."]);
    // A terminator at the end of a line splits like anywhere else.
    assert_sentences("One line.\nAnother line.", &["One line.", "Another line."]);
    assert_sentences("Email etc.\nand more.", &["Email etc.\nand more."]);
}

#[test]
fn titles_and_list_items() {
    assert_eq!(
        marked("Introduction\nWelcome to the book. It is great."),
        ["Introduction~", "Welcome to the book.", "It is great."]
    );
    assert_eq!(
        marked("Tools include:\n- cargo\n- rustfmt formats code.\n* star item\n+ plus item\n• bullet item\n1. first item\n2) second item\n(3) third\na. letter\niv. roman"),
        [
            "Tools include:~",
            "- cargo~",
            "- rustfmt formats code.",
            "* star item~",
            "+ plus item~",
            "• bullet item~",
            "1. first item~",
            "2) second item~",
            "(3) third~",
            "a. letter~",
            "iv. roman~",
        ]
    );
    // A Title Case line is a heading even when long.
    assert_eq!(
        marked("A Very Long Title About Rust Programming and Other Things\nThe body starts here."),
        [
            "A Very Long Title About Rust Programming and Other Things~",
            "The body starts here."
        ]
    );
    // A colon followed by capitalised lines introduces a list.
    assert_eq!(
        marked(
            "Rust also brings contemporary developer tools to the world:\nCargo builds.\nRustfmt formats."
        ),
        [
            "Rust also brings contemporary developer tools to the world:~",
            "Cargo builds.",
            "Rustfmt formats."
        ]
    );
    assert_sentences("We need:\nmilk and eggs.", &["We need:\nmilk and eggs."]);
    // Numbered items keep their numbers; `1.` is not a sentence.
    assert_sentences(
        "1. Open it. Then close it.\n2. Done",
        &["1. Open it.", "Then close it.", "2. Done"],
    );
    assert_sentences(
        "# Heading\n## Sub heading\nText.",
        &["# Heading", "## Sub heading", "Text."],
    );
}

#[test]
fn chinese_lines_and_lists() {
    assert_eq!(
        marked("徐汇区区长方世忠：打造AI产业需要三颗心\n在2019年世界人工智能大会期间，他接受了采访。"),
        [
            "徐汇区区长方世忠：打造AI产业需要三颗心~",
            "在2019年世界人工智能大会期间，他接受了采访。"
        ]
    );
    assert_eq!(
        marked("具体有三点：\n一、加强合作\n二、推进发展。\n（三）培养人才\n①第一项\n1.引言\n2、方法"),
        [
            "具体有三点：~",
            "一、加强合作~",
            "二、推进发展。",
            "（三）培养人才~",
            "①第一项~",
            "1.引言~",
            "2、方法~"
        ]
    );
    // Hard-wrapped Chinese (e.g. copied from a PDF): a long line ending mid-sentence continues.
    let wrapped =
        "这是一段从PDF文件中复制出来的很长的中文文本它在行尾被硬换行了但是句子\n还没有结束。下一句。";
    assert_sentences(
        wrapped,
        &[
            "这是一段从PDF文件中复制出来的很长的中文文本它在行尾被硬换行了但是句子\n还没有结束。",
            "下一句。",
        ],
    );
    // A line ending with a comma continues.
    assert_sentences("我们认为，\n这是对的。", &["我们认为，\n这是对的。"]);
    assert_sentences("我们认为,\n这是对的。", &["我们认为,\n这是对的。"]);
    // A short unpunctuated line ends at the line break.
    assert_sentences(
        "上海西海岸国际人工智能中心效果图\n其次，引入了新的载体。",
        &["上海西海岸国际人工智能中心效果图", "其次，引入了新的载体。"],
    );
}

#[test]
fn mixed_chinese_and_english() {
    assert_sentences(
        "我们使用Rust语言。It is fast. 它很安全！Mr. Wang说：“Good.”然后走了。",
        &[
            "我们使用Rust语言。",
            "It is fast.",
            "它很安全！",
            "Mr. Wang说：“Good.”",
            "然后走了。",
        ],
    );
    assert_sentences("Rust很快.It is safe.", &["Rust很快.", "It is safe."]);
    assert_sentences("访问百度.com了解。", &["访问百度.com了解。"]);
    assert_sentences("This is English. 这是中文。", &["This is English.", "这是中文。"]);
    // Caseless scripts: any letter can start a sentence.
    assert_sentences(
        "안녕하세요. 반갑습니다. Привет. Как дела? هل أنت بخير؟ نعم.",
        &[
            "안녕하세요.",
            "반갑습니다.",
            "Привет.",
            "Как дела?",
            "هل أنت بخير؟",
            "نعم.",
        ],
    );
    assert_sentences(
        "これはペンです。「はい」と言った。",
        &["これはペンです。", "「はい」と言った。"],
    );
}

#[test]
fn paragraphs() {
    let text = "\n\n  \nFirst. Second.\n\n\n\nThird\n \t\nFourth.\u{2029}Fifth.\u{0C}Sixth.";
    let spans = check_invariants(text);
    let got: Vec<(&str, usize)> = spans
        .iter()
        .map(|s| (&text[s.bytes.clone()], s.paragraph))
        .collect();
    assert_eq!(
        got,
        [
            ("First.", 0),
            ("Second.", 0),
            ("Third", 1),
            ("Fourth.", 2),
            ("Fifth.", 3),
            ("Sixth.", 4)
        ]
    );
    // A line of invisible characters is blank.
    let text = "A.\n\u{200B}\u{3000}\nB.";
    assert_eq!(split(text)[1].paragraph, 1);
}

#[test]
fn crlf_and_other_line_breaks() {
    let text = "Title\r\nLine one.\r\n\r\nPara two.\r\nsame para\rNew line\u{2028}Last";
    let spans = check_invariants(text);
    let got: Vec<(&str, usize, bool)> = spans
        .iter()
        .map(|s| (&text[s.bytes.clone()], s.paragraph, s.terminated))
        .collect();
    assert_eq!(
        got,
        [
            ("Title", 0, false),
            ("Line one.", 0, true),
            ("Para two.\r\nsame para", 1, false),
            ("New line", 1, false),
            ("Last", 1, false),
        ]
    );
    assert_sentences("你好。\r\n\r\n世界。", &["你好。", "世界。"]);
}

#[test]
fn astral_characters_shift_utf16_offsets() {
    let text = "I love 🦀! Rust 🚀 rocks. 𠮷野家好吃。";
    let spans = check_invariants(text);
    assert_eq!(sentences(text), ["I love 🦀!", "Rust 🚀 rocks.", "𠮷野家好吃。"]);
    assert_eq!(spans[0].bytes, 0..12);
    assert_eq!(spans[0].chars, 0..9);
    assert_eq!(spans[0].utf16, 0..10);
    assert_eq!(spans[1].bytes, 13..29);
    assert_eq!(spans[1].chars, 10..23);
    assert_eq!(spans[1].utf16, 11..25);
    assert_eq!(spans[2].chars, 24..30);
    assert_eq!(spans[2].utf16, 26..33);
    // ZWJ sequences and modifiers stay whole.
    assert_sentences("Family 👨‍👩‍👧 here. 👍🏽 Yes!", &["Family 👨‍👩‍👧 here.", "👍🏽 Yes!"]);
}

#[test]
fn trims_whitespace_and_invisible_characters() {
    let text = "\u{FEFF}\u{3000}\u{3000}你好。\u{00A0} Hello. \u{200B}\t";
    assert_sentences(text, &["你好。", "Hello."]);
    assert_eq!(split(text)[0].bytes, 9..18);
    // Zero-width characters inside a sentence are kept.
    assert_sentences("a\u{200B}b. c\u{200D}d.", &["a\u{200B}b. c\u{200D}d."]);
    assert_sentences("\u{202B}שלום עולם.\u{202C} Hello.", &["שלום עולם.", "Hello."]);
}

#[test]
fn degenerate_inputs() {
    assert!(split("").is_empty());
    assert!(split(" \n\t\r\n\u{3000}\u{200B}\u{FEFF}\u{2029}").is_empty());
    assert_eq!(marked("。。。"), ["。。。"]);
    assert_eq!(marked("..."), ["..."]);
    assert_eq!(marked("!!! Hello."), ["!!! Hello."]);
    assert_eq!(marked("\u{301}\u{301}"), ["\u{301}\u{301}~"]);
    assert_eq!(marked("“”"), ["“”~"]);
    assert_sentences("\u{0}\u{7}abc. Def\u{7f}.", &["abc.", "Def\u{7f}."]);
    assert_sentences(
        "e\u{301}te\u{301}. Cafe\u{301}!",
        &["e\u{301}te\u{301}.", "Cafe\u{301}!"],
    );
    // Bare `-`/`*` are not list markers (they need a space), and a line-final dash continues.
    assert_sentences("-\n*\n1.\n•", &["-\n*", "1.", "•"]);
    assert_sentences("- \n* \n1.\n•", &["-", "*", "1.", "•"]);
    assert_sentences("\"", &["\""]);
    assert_sentences(".a", &[".a"]);
    assert_sentences("a.", &["a."]);
}

#[test]
fn terminated_flag() {
    assert_eq!(
        marked("Done.\nTitle\nAsk?\n你好\n好。\n(Note.)\n引用」\n结束；\nEnd;"),
        [
            "Done.",
            "Title~",
            "Ask?",
            "你好~",
            "好。",
            "(Note.)",
            "引用」~",
            "结束；",
            "End;~"
        ]
    );
}

#[test]
fn long_sentences_are_capped() {
    let words = "word ".repeat(1_000);
    let spans = check_invariants(&words);
    let lengths: Vec<usize> = spans.iter().map(|s| s.chars.len()).collect();
    assert_eq!(lengths, [2_004, 2_004, 989]);
    assert!(spans.iter().all(|s| !s.terminated));

    let commas = "汉字,".repeat(1_000);
    let lengths: Vec<usize> = check_invariants(&commas).iter().map(|s| s.chars.len()).collect();
    assert_eq!(lengths, [2_001, 999]);

    let han = "汉".repeat(7_000);
    let lengths: Vec<usize> = check_invariants(&han).iter().map(|s| s.chars.len()).collect();
    assert_eq!(lengths, [3_000, 3_000, 1_000]);

    // The hard cut does not separate a combining mark from its base.
    let accented = format!("{}e\u{301}\u{301}xyz", "a".repeat(2_999));
    let lengths: Vec<usize> = check_invariants(&accented)
        .iter()
        .map(|s| s.chars.len())
        .collect();
    assert_eq!(lengths, [3_002, 3]);
}

/// Deterministic pseudo-random strings built from tricky fragments.
#[test]
fn invariants_hold_on_varied_inputs() {
    const FRAGMENTS: &[&str] = &[
        "Mr.",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        "\u{2029}",
        "\u{0C}",
        "。",
        "！",
        "？",
        "；",
        "……",
        "…",
        "...",
        ".",
        "!",
        "?",
        ";",
        ",",
        "，",
        "你好",
        "世界",
        "Hello",
        "world",
        "U.S.",
        "e.g.",
        "3.5",
        "1.",
        "- ",
        "• ",
        "一、",
        "(1)",
        "\"",
        "'",
        "“",
        "”",
        "」",
        "）",
        ")",
        "🦀",
        "👨\u{200D}👩",
        "\u{301}",
        "\u{200B}",
        "\u{FEFF}",
        "\u{202E}",
        "\u{3000}",
        "\u{A0}",
        "\u{0}",
        "𠮷",
        "The",
        "and",
        "J.",
        "etc.",
        ":",
        "：",
        "a",
        "Z",
        "42",
        "\t",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3_000 {
        let len = (next() % 40) as usize;
        let text: String = (0..len)
            .map(|_| FRAGMENTS[(next() % FRAGMENTS.len() as u64) as usize])
            .collect();
        check_invariants(&text);
    }
    for text in [
        "",
        " ",
        "。",
        "\u{301}",
        "\r\n\r\n",
        "a\u{2029}\u{2029}b",
        "1.\n2.\n",
        "\"\"\"",
        "''''",
        "?!?!",
        "…\n…",
        "((((",
        "Mr.Mr.Mr. Mr.",
    ] {
        check_invariants(text);
    }
}

#[test]
fn list_markers() {
    fn marker(s: &str) -> Option<&str> {
        list_marker_len(s, 0).map(|len| &s[..len])
    }
    assert_eq!(marker("- item"), Some("-"));
    assert_eq!(marker("-5 degrees"), None);
    assert_eq!(marker("12. item"), Some("12."));
    assert_eq!(marker("2019. The"), None);
    assert_eq!(marker("3.5 million"), None);
    assert_eq!(marker("1.引言"), Some("1."));
    assert_eq!(marker("十一、总结"), Some("十一、"));
    assert_eq!(marker("一是坚持"), None);
    assert_eq!(marker("（十）其他"), Some("（十）"));
    assert_eq!(marker("(b) item"), Some("(b)"));
    assert_eq!(marker("ii) item"), Some("ii)"));
    assert_eq!(marker("e.g. this"), None);
    assert_eq!(marker("### Title"), Some("###"));
    assert_eq!(marker("#hashtag"), None);
    assert_eq!(marker("⑫ item"), Some("⑫"));
}
