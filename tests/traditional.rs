//! Traditional Chinese read as its Simplified twin: same sentences, same keywords (in the text's
//! own characters), offsets into the text as written, mixed pages, user words in either script.

use zhaiyao::script::fold;
use zhaiyao::{Budget, Lang, Options, Summarizer, Summary};

// An article written for this test, and its conversion by OpenCC `s2t`.
const SIMPLIFIED: &str = "青溪市图书馆将在明年春天开放夜间阅览室\n\
青溪市图书馆昨天宣布，新馆的夜间阅览室将在明年春天对市民开放，每天开放到晚上十一点。\n\
图书馆馆长林雅文说，过去一年里，很多学生和上班族反映下班以后没有安静的地方读书。\n\
夜间阅览室设在新馆三楼，共有两百个座位，并提供免费的无线网络和充电插座。\n\
为了保证安全，图书馆会增加两名夜班管理员，读者需要刷借书证才能进入。\n\
图书馆还计划在夜间开设写作工作坊，邀请本地作家和读者交流。\n\
对于夜间开放的费用，市政府已经同意每年增加八十万元的预算。\n\
林雅文表示，如果试点效果好，明年秋天还会把夜间阅览室扩大到二楼的儿童区。\n\
不少市民在网上留言，希望图书馆周末也能延长开放时间。";
const TRADITIONAL: &str = "青溪市圖書館將在明年春天開放夜間閱覽室\n\
青溪市圖書館昨天宣佈，新館的夜間閱覽室將在明年春天對市民開放，每天開放到晚上十一點。\n\
圖書館館長林雅文說，過去一年裏，很多學生和上班族反映下班以後沒有安靜的地方讀書。\n\
夜間閱覽室設在新館三樓，共有兩百個座位，並提供免費的無線網絡和充電插座。\n\
爲了保證安全，圖書館會增加兩名夜班管理員，讀者需要刷借書證才能進入。\n\
圖書館還計劃在夜間開設寫作工作坊，邀請本地作家和讀者交流。\n\
對於夜間開放的費用，市政府已經同意每年增加八十萬元的預算。\n\
林雅文表示，如果試點效果好，明年秋天還會把夜間閱覽室擴大到二樓的兒童區。\n\
不少市民在網上留言，希望圖書館週末也能延長開放時間。";

fn summarise(summarizer: &Summarizer, text: &str) -> Summary {
    let options = Options {
        budget: Budget::Sentences(3),
        keywords: 20,
        ..Options::default()
    };
    summarizer.summarize(text, &options).expect("summarised")
}

/// Sentence indices, and keywords in Simplified characters with their weights and sentences.
/// A keyword as compared: its word, its word in Simplified characters, its sentences.
type FoldedKeyword = (String, String, Vec<usize>);

fn folded(summary: &Summary) -> (Vec<usize>, Vec<FoldedKeyword>) {
    let indices = summary.sentences.iter().map(|s| s.index).collect();
    let keywords = summary
        .keywords
        .iter()
        .map(|k| {
            (
                fold(&k.word).into_owned(),
                format!("{:.9}", k.weight),
                k.sentences.clone(),
            )
        })
        .collect();
    (indices, keywords)
}

fn assert_offsets_slice(text: &str, summary: &Summary) {
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for sentence in &summary.sentences {
        let slice = String::from_utf16(&utf16[sentence.start..sentence.end]).unwrap();
        assert_eq!(slice, sentence.text);
    }
}

#[test]
fn traditional_text_is_summarised_as_its_simplified_twin() {
    assert_eq!(fold(TRADITIONAL), SIMPLIFIED, "the test's twin texts");
    let summarizer = Summarizer::new();
    let simplified = summarise(&summarizer, SIMPLIFIED);
    let traditional = summarise(&summarizer, TRADITIONAL);
    assert_eq!(traditional.lang, Lang::Zh);
    assert_eq!(folded(&traditional), folded(&simplified));
    assert!(simplified.keywords.len() >= 10);
    // As written: every sentence and keyword is Traditional text of the article.
    assert_offsets_slice(TRADITIONAL, &traditional);
    for sentence in &traditional.sentences {
        assert!(TRADITIONAL.contains(&sentence.text));
    }
    let words: Vec<&str> = traditional.keywords.iter().map(|k| k.word.as_str()).collect();
    for word in &words {
        assert!(TRADITIONAL.contains(word), "{word} is not written in the article");
    }
    assert!(
        words.contains(&"圖書館") && words.contains(&"夜間閱覽室"),
        "{words:?}"
    );
    // Function words are stop words in Traditional too.
    for word in ["將在", "對於", "爲了", "還會", "已經", "如果"] {
        assert!(!words.contains(&word), "{word} in {words:?}");
    }
}

#[test]
fn a_mixed_script_page_counts_both_forms_as_one_word() {
    // The first half in Simplified characters, the second in Traditional.
    let lines_s: Vec<&str> = SIMPLIFIED.lines().collect();
    let lines_t: Vec<&str> = TRADITIONAL.lines().collect();
    let mixed = [&lines_s[..5], &lines_t[5..]].concat().join("\n");
    let summarizer = Summarizer::new();
    let summary = summarise(&summarizer, &mixed);
    assert_eq!(folded(&summary), folded(&summarise(&summarizer, SIMPLIFIED)));
    assert_offsets_slice(&mixed, &summary);
    let library = summary
        .keywords
        .iter()
        .find(|k| k.word == "图书馆")
        .expect("图书馆");
    // Written 图书馆 in sentences 2 and 4 and 圖書館 in 5 and 8 (jieba reads 市图书馆 in 0 and 1):
    // one keyword for both.
    assert_eq!(library.sentences, [2, 4, 5, 8]);
    assert!(!summary.keywords.iter().any(|k| k.word == "圖書館"));
}

#[test]
fn user_words_and_stop_words_apply_in_either_script() {
    for (dict, stop) in [("夜間閱覽室 5000", "圖書館"), ("夜间阅览室 5000", "图书馆")] {
        let mut summarizer = Summarizer::new();
        summarizer.add_user_dict(dict).unwrap();
        summarizer.add_stop_words([stop]);
        let words = |text: &str| -> Vec<String> {
            summarise(&summarizer, text)
                .keywords
                .into_iter()
                .map(|k| k.word)
                .collect()
        };
        let (s, t) = (words(SIMPLIFIED), words(TRADITIONAL));
        assert!(s.contains(&"夜间阅览室".to_string()), "{dict}: {s:?}");
        assert!(t.contains(&"夜間閱覽室".to_string()), "{dict}: {t:?}");
        for w in s.iter().chain(&t) {
            assert_ne!(fold(w), "图书馆", "{stop} left {w} in");
        }
        let without = |text: &str| summarise(&Summarizer::new(), text).keywords;
        assert!(without(TRADITIONAL).iter().any(|k| k.word == "圖書館"));
    }
}
