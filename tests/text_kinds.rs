//! Summaries of the kinds of text readers open: news, a feature that works towards its point,
//! a wiki-style entry with its references, a blog written in lines, a Q&A interview and a
//! meeting transcript. Every article here is written for these tests.

mod common;

use zhaiyao::{Analysis, Budget, LangChoice, Summarizer};

fn analyze(text: &str) -> Analysis {
    Summarizer::new().analyze(text, LangChoice::Auto).unwrap()
}

fn chosen(analysis: &Analysis, n: usize) -> Vec<String> {
    analysis
        .select(Budget::Sentences(n))
        .unwrap()
        .into_iter()
        .map(|i| analysis.sentence_text(i).to_string())
        .collect()
}

/// The summary's best sentence: the first of the ranking.
fn best(analysis: &Analysis) -> String {
    chosen(analysis, 1).remove(0)
}

/// How many of the top `n` keywords contain, or are contained in, another of them.
fn echoes(analysis: &Analysis, n: usize) -> usize {
    let words: Vec<String> = analysis
        .keywords(n)
        .into_iter()
        .map(|k| k.word.to_lowercase())
        .collect();
    words
        .iter()
        .enumerate()
        .filter(|&(i, a)| {
            words
                .iter()
                .enumerate()
                .any(|(j, b)| i != j && (a.contains(b.as_str()) || b.contains(a.as_str())))
        })
        .count()
}

const NEWS: &str = "江澜市社区工具图书馆扩大到十个街道

江澜市民政局昨日宣布，社区工具图书馆将从三个试点街道扩大到十个街道，居民凭借书证可以免费借用电钻、梯子和缝纫机。
市民政局负责人表示，试点一年来，三个工具图书馆共借出工具一万两千多次。
据悉，工具图书馆由社区志愿者管理，每件工具都有借用记录和保养记录。
天气转凉后，不少居民到图书馆借用工具修补门窗。
记者在城南街道看到，周末的借用窗口前排起了长队。";

#[test]
fn news_keeps_its_lead() {
    let analysis = analyze(NEWS);
    assert_eq!(analysis.lead().strength, 1.0, "{:?}", analysis.lead());
    assert!(
        best(&analysis).starts_with("江澜市民政局昨日宣布"),
        "{}",
        best(&analysis)
    );
}

/// A feature that opens with a scene and states its point later: the scene is no lead.
const FEATURE: &str = "我第一次走进那间小屋的时候，外面正下着雨。
我推开门，看见墙上挂满了旧锤子。
社区工具图书馆让居民免费借用电钻、梯子和缝纫机，一年借出工具一万多次，社区的大件垃圾因此减少了一成。
我们聊了很久，她说她小时候最怕打雷。
工具图书馆的志愿者每周六帮居民修理电钻、缝纫机和小家电，借用工具的居民越来越多。
我后来又去过几次，每次都遇到新的面孔。
居民说，工具图书馆省下了买电钻和梯子的钱，也让社区里的邻居熟悉起来。";

#[test]
fn position_does_not_win_over_a_more_central_sentence_in_a_text_that_is_not_news() {
    let analysis = analyze(FEATURE);
    assert_eq!(analysis.lead().strength, 0.0, "{:?}", analysis.lead());
    let summary = chosen(&analysis, 2);
    assert!(
        summary.iter().all(|s| s.contains("工具图书馆")),
        "the sentences about the library, not the opening scene: {summary:?}"
    );
    let position = analysis
        .signals(0)
        .into_iter()
        .find(|s| s.name == "position")
        .unwrap();
    assert_eq!(position.factor, 1.0);
}

/// A page as the extension hands it over: the title first, a photo caption, a question subhead,
/// the body, and the reference list.
const PAGE: &str = "Why tool libraries cut waste?

Volunteers sorting drills at the Riverside tool library.

Tool libraries lend drills, ladders and sewing machines to their members for free. The Riverside \
tool library lent twelve thousand tools in its first year, and the district's bulky waste fell by a \
tenth. Members who borrow a drill do not buy one, so fewer drills end up in the bin.

How do tool libraries work?

Members pay nothing and borrow a tool for a week. Volunteers repair the tools and keep a record of \
every loan, so the library knows which tools wear out.

[1] The Riverside tool library annual report, 2025.
[2] Retrieved 12 May 2026.";

#[test]
fn a_page_s_title_caption_subhead_and_references_do_not_lead() {
    let analysis = analyze(PAGE);
    let summary = chosen(&analysis, 3);
    for furniture in [
        "Why tool libraries",
        "Volunteers sorting",
        "How do tool",
        "[1]",
        "[2]",
    ] {
        assert!(
            !summary.iter().any(|s| s.starts_with(furniture)),
            "{furniture:?} in {summary:?}"
        );
    }
    // The title is context: sentences that restate it gain.
    let index = (0..analysis.sentences().len())
        .find(|&i| {
            analysis
                .sentence_text(i)
                .starts_with("The Riverside tool library lent")
        })
        .unwrap();
    let title = analysis
        .signals(index)
        .into_iter()
        .find(|s| s.name == "title")
        .unwrap();
    assert!(title.factor > 1.0, "{title:?}");
    let own = analysis
        .signals(0)
        .into_iter()
        .find(|s| s.name == "title")
        .unwrap();
    assert!(own.factor < 0.1, "the title itself: {own:?}");
}

#[test]
fn a_chinese_question_subhead_is_not_summary_sentence_one() {
    let text = "留学生行前指南

出国前：政治科目会出啥考题？

学校的行前培训今年改为线上进行，学生需要在出发前完成三门课程。三门课程包括安全常识、当地法律和学术规范，每门课程都有在线测验。学生完成全部测验后，才能领取出国材料。

到校后：住宿怎么安排？

新生可以申请学校宿舍，宿舍按到校先后分配。没有分到宿舍的学生，学校会提供校外住宿的名单和租房指导。";
    let analysis = analyze(text);
    let summary = chosen(&analysis, 2);
    assert!(summary.iter().all(|s| !s.ends_with('？')), "{summary:?}");
}

/// A blog written a line per sentence, without 。！？.
const LINES: &str = "周末去了江澜的工具图书馆
早上九点就到了门口
工具图书馆里挂满了电钻和梯子
志愿者教我用电钻在木板上打孔
借工具不用花钱只要一张借书证
中午在旁边的小店吃了一碗面
下午又借了一台缝纫机把旧窗帘改短
工具图书馆让我觉得邻居之间更近了
真的很酷!";

#[test]
fn an_article_in_lines_without_punctuation_is_read_as_sentences() {
    let analysis = analyze(LINES);
    for sentence in analysis.sentences().iter().skip(1) {
        let heading = analysis
            .signals(sentence.index)
            .into_iter()
            .find(|s| s.name == "heading")
            .unwrap();
        assert_eq!(
            heading.factor,
            1.0,
            "{:?} is a sentence",
            analysis.sentence_text(sentence.index)
        );
    }
    let summary = chosen(&analysis, 2);
    assert!(summary.iter().all(|s| s.contains("工具图书馆")), "{summary:?}");
    assert!(!summary.iter().any(|s| s.contains("很酷")), "{summary:?}");
}

/// An interview: an introduction that reports, then questions and answers.
const INTERVIEW: &str = "江澜市工具图书馆开门一年，借出工具一万两千多次。本报记者日前采访了馆长林澄。

记者：工具图书馆为什么这么受欢迎？

林澄：居民不必再买只用一次的电钻和梯子，工具图书馆替每个家庭省下了钱。工具图书馆的志愿者还会修理工具，一件电钻可以借给上百户人家。

记者：工具图书馆怎么保证工具不丢失？

林澄：每件工具都有借用记录，居民凭借书证借用工具，借期最长两周。工具图书馆一年来只丢了三件工具。

记者：工具图书馆明年有什么打算？

林澄：工具图书馆明年要开设修理课程，教居民自己修理电钻和缝纫机。";

#[test]
fn an_interview_s_questions_are_not_picked_and_its_answers_are() {
    let analysis = analyze(INTERVIEW);
    let summary = chosen(&analysis, 4);
    assert!(!summary.iter().any(|s| s.starts_with("记者：")), "{summary:?}");
    let answers = summary
        .iter()
        .filter(|s| {
            INTERVIEW
                .split("记者：工具图书馆为什么")
                .nth(1)
                .unwrap()
                .contains(s.as_str())
        })
        .count();
    assert!(answers >= 3, "{summary:?}");
    let asked = analysis
        .signals(2)
        .into_iter()
        .find(|s| s.name == "asked")
        .unwrap();
    assert!(asked.factor < 0.1, "{asked:?}");
}

/// A meeting transcript: greetings, fillers and backchannels between the content.
const MEETING: &str = "好的，谢谢大家。
嗯，那个，我们开始吧。
今天主要讨论社区工具图书馆明年扩大到十个街道的方案。
对对对。
工具图书馆扩大以后，需要更多志愿者来管理和修理工具。
嗯嗯，是的。
我觉得志愿者的培训可以和修理课程放在一起，工具图书馆每周六开一次课。
好，谢谢。
下面有请。
扩大的经费，工具图书馆打算向街道申请，也可以接受居民捐赠的工具。";

#[test]
fn fillers_and_greetings_are_not_picked_nor_keywords() {
    let analysis = analyze(MEETING);
    let summary = chosen(&analysis, 4);
    for filler in [
        "好的，谢谢大家。",
        "对对对。",
        "嗯嗯，是的。",
        "好，谢谢。",
        "下面有请。",
        "嗯，那个，我们开始吧。",
    ] {
        assert!(!summary.iter().any(|s| s == filler), "{filler:?} in {summary:?}");
    }
    let keywords: Vec<String> = analysis.keywords(20).into_iter().map(|k| k.word).collect();
    for filler in ["谢谢", "谢谢大家", "那个", "对对对", "觉得", "有请"] {
        assert!(
            !keywords.iter().any(|k| k == filler),
            "{filler:?} in {keywords:?}"
        );
    }
}

#[test]
fn a_phrase_and_its_part_do_not_crowd_the_cloud() {
    // 工具图书馆 everywhere; 工具图书馆扩大 and 扩大工具图书馆 now and then.
    let text = "工具图书馆深受居民欢迎。工具图书馆扩大以后需要志愿者。志愿者管理工具图书馆。\
                工具图书馆扩大的经费来自街道。居民捐赠工具给工具图书馆。工具图书馆每周六开放。\
                街道支持扩大工具图书馆。工具图书馆借出电钻和梯子。志愿者修理电钻。";
    let analysis = analyze(text);
    let words: Vec<String> = analysis.keywords(10).into_iter().map(|k| k.word).collect();
    assert!(words.iter().any(|w| w.contains("图书馆")), "{words:?}");
    assert_eq!(echoes(&analysis, 10), 0, "{words:?}");
}

#[test]
fn a_compound_of_three_words_shows_whole_and_alone() {
    // 社区 + 工具 + 图书馆, always together: one keyword, not its two-word pieces beside it.
    let text = "江澜市的社区工具图书馆今年扩大到十个街道。社区工具图书馆借出电钻、梯子和缝纫机。\
                居民说，社区工具图书馆让邻里更熟悉。明年社区工具图书馆还将增加修理服务。\
                市民政局负责人介绍了扩大计划。";
    let analysis = analyze(text);
    let words: Vec<String> = analysis.keywords(8).into_iter().map(|k| k.word).collect();
    assert_eq!(words[0], "社区工具图书馆", "{words:?}");
    assert_eq!(echoes(&analysis, 8), 0, "{words:?}");
    // Three words that do not stick together stay apart: 工具 also stands alone here.
    let loose = "社区工具图书馆开放了。工具很多，工具也很新。工具可以借回家。图书馆有志愿者。\
                 社区工具图书馆周末开放。社区很热闹。";
    let words: Vec<String> = analyze(loose).keywords(8).into_iter().map(|k| k.word).collect();
    assert!(!words.contains(&"社区工具图书馆".to_string()), "{words:?}");
    // A name of four words: its two overlapping runs of three do not both show.
    let four = "江澜市的社区工具图书馆服务站今年开放。社区工具图书馆服务站借出电钻和梯子。\
                居民说，社区工具图书馆服务站让邻里更熟悉。明年社区工具图书馆服务站还将增加修理服务。";
    let words: Vec<String> = analyze(four).keywords(8).into_iter().map(|k| k.word).collect();
    let runs = ["社区工具图书馆", "工具图书馆服务站"];
    assert_eq!(
        runs.iter().filter(|r| words.iter().any(|w| w == *r)).count(),
        1,
        "{words:?}"
    );
}

#[test]
fn the_seed_interview_is_summarised_from_its_answers_with_an_uncrowded_cloud() {
    let Some(text) = common::shared_text("examples/xuhui-ai-interview.zh.txt") else {
        return;
    };
    let analysis = analyze(&text);
    let first_question = text.find("CBN:").expect("the seed's first question");
    let answers = &text[first_question..];
    let summary = chosen(&analysis, 5);
    let from_answers = summary.iter().filter(|s| answers.contains(s.as_str())).count();
    assert!(from_answers >= 2, "{summary:?}");
    assert!(!summary.iter().any(|s| s.starts_with("CBN:")), "{summary:?}");
    let words: Vec<String> = analysis.keywords(20).into_iter().map(|k| k.word).collect();
    assert!(echoes(&analysis, 20) <= 4, "{words:?}");
}

#[test]
fn a_citation_marker_inside_a_line_is_no_reference_entry() {
    let text = "江澜市位于河谷，工具图书馆开办于2020年。[1]工具图书馆一年借出工具三万件。[2]工具图书馆由志愿者管理。\n\n\
                [1] 江澜市统计年鉴，2025年。\n[2] Retrieved 12 May 2026.";
    let analysis = analyze(text);
    for index in 0..analysis.sentences().len() {
        let sentence = analysis.sentence_text(index);
        let metadata = analysis
            .signals(index)
            .into_iter()
            .find(|s| s.name == "metadata")
            .unwrap();
        let entry = sentence.starts_with("[1] ") || sentence.starts_with("[2] ");
        assert_eq!(metadata.factor < 1.0, entry, "{sentence:?}");
    }
}

#[test]
fn news_in_one_line_paragraphs_keeps_its_lead() {
    // WeChat-style news: every sentence a paragraph of its own, none long: no captions here.
    let text = "江澜市扩大工具图书馆试点\n\n江澜市政府昨日宣布，工具图书馆试点扩大到十个街道。\n\n\
                试点一年来，工具图书馆借出工具三万件。\n\n市民政局表示，明年还将增加修理服务。\n\n\
                天气转凉，居民到工具图书馆借用工具修补门窗。";
    let analysis = analyze(text);
    assert!(
        best(&analysis).starts_with("江澜市政府昨日宣布"),
        "{}",
        best(&analysis)
    );
    let position = analysis
        .signals(1)
        .into_iter()
        .find(|s| s.name == "position")
        .unwrap();
    assert!(position.factor > 100.0, "{position:?}");
}

#[test]
fn a_footer_repeated_after_every_post_is_not_central() {
    let mut text = String::new();
    for (i, post) in [
        "工具图书馆借出电钻和梯子。",
        "志愿者每周六修理小家电。",
        "居民捐赠旧工具给图书馆。",
    ]
    .iter()
    .enumerate()
    {
        text += &format!(
            "第{}篇：{post}工具图书馆越来越受欢迎。\n本文仅代表作者个人观点。\n",
            i + 1
        );
    }
    let analysis = Summarizer::new()
        .analyze(&text, LangChoice::Fixed(zhaiyao::Lang::Zh))
        .unwrap();
    let summary = chosen(&analysis, 2);
    assert!(!summary.iter().any(|s| s.contains("仅代表")), "{summary:?}");
}

#[test]
fn acronyms_are_no_pronouns() {
    // An impersonal explainer full of US and EU reads as a report.
    let text =
        "The EU and the US agreed new tariffs on steel. EU member states approved the deal on Monday. \
                US exporters expect higher prices. The EU will review the tariffs in a year.";
    let analysis = analyze(text);
    assert_eq!(analysis.lead().personal, 0.0, "{:?}", analysis.lead());
    assert_eq!(analysis.lead().strength, 1.0);
}
