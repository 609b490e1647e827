//! Keywords: the article's terms by TF-IDF weight, each with the sentences it occurs in.

use serde::Serialize;

use rustc_hash::FxHashSet;

use crate::lexicon::StopWords;
use crate::scoring::{is_in, Bag, Params, Phrase, Term};
use crate::text::script::Script;

/// A keyword of the article: a word or a phrase of two or three, with its weight and where it occurs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Keyword {
    /// The word as the article writes it (a phrase is joined as it reads).
    pub word: String,
    /// Relative to the top keyword, which has weight 1.
    pub weight: f64,
    /// Indices of the sentences containing the word, over all sentences of the text.
    pub sentences: Vec<usize>,
}

/// A word a reader would accept as a keyword: Chinese words of two characters or more, English
/// words of three letters or more (single characters and fragments carry nothing alone).
fn is_keyword_candidate(term: &Term) -> bool {
    match term.script {
        Script::Han => term.display.chars().count() >= 2,
        Script::Latin => term.display.chars().filter(|c| c.is_alphabetic()).count() >= 3,
    }
}

/// Words that are never keywords though they may score: page furniture (责任编辑, Retrieved,
/// ISBN) and verbs that say nothing (changed, started, know). Compared lower-cased. (Fillers of
/// speech such as 其实 and 有时候 are stop words: they neither score nor show.)
const NOT_KEYWORDS: &[&str] = &[
    // Page furniture.
    "责任编辑",
    "编辑",
    "原标题",
    "来源",
    "图注",
    "图片",
    "图源",
    "供图",
    "资料图",
    "截图",
    "摄影",
    "转播",
    "转载",
    "腾讯网",
    "新浪网",
    "网易",
    "搜狐",
    "凤凰网",
    "公众号",
    "二维码",
    "点击",
    "扫码",
    "关注",
    "阅读",
    "原文",
    "视频",
    "记者",
    "通讯员",
    "本报",
    "本文",
    "作者",
    "edit",
    "edited",
    "retrieved",
    "archived",
    "isbn",
    "issn",
    "doi",
    "pmid",
    "getty",
    "images",
    "photo",
    "photos",
    "caption",
    "credit",
    "advertisement",
    "subscribe",
    "newsletter",
    "click",
    "share",
    "comments",
    "reuters",
    "ap",
    "afp",
    "mailonline",
    "cnn",
    // Verbs that say nothing.
    "进行",
    "表示",
    "认为",
    "发现",
    "希望",
    "需要",
    "成为",
    "使用",
    "提出",
    "开展",
    "通过",
    "包括",
    "实现",
    "出现",
    "带来",
    "看到",
    "做好",
    "加强",
    "推动",
    "changed",
    "change",
    "started",
    "start",
    "know",
    "knew",
    "known",
    "think",
    "thought",
    "want",
    "wanted",
    "like",
    "liked",
    "look",
    "looked",
    "looking",
    "see",
    "seen",
    "saw",
    "use",
    "used",
    "using",
    "found",
    "find",
    "give",
    "gave",
    "given",
    "take",
    "took",
    "taken",
    "come",
    "came",
    "going",
    "went",
    "gone",
    "got",
    "getting",
    "made",
    "making",
    "put",
    "set",
    "keep",
    "kept",
    "let",
    "began",
    "begin",
    "become",
    "became",
    "tried",
    "try",
    "trying",
    "called",
    "asked",
    "added",
    "including",
    "according",
    "showed",
    "shown",
    "show",
    "shows",
    "help",
    "helped",
    "need",
    "needs",
    "needed",
    "believe",
    "believes",
    "believed",
    "told",
    "tell",
    "says",
    "saying",
    "claimed",
    "revealed",
    "seems",
    "seemed",
    "went",
    "left",
    "held",
    "brought",
    "allowed",
    "ended",
    "included",
];

/// Whether a word is no keyword: listed above, or a filler of speech or greeting as sentences
/// are read ([`crate::scoring::FILLERS`]: 谢谢大家, 有请, okay).
fn is_not_keyword(word: &str) -> bool {
    is_in(NOT_KEYWORDS, word) || is_in(crate::scoring::FILLERS, word)
}

/// Every candidate keyword as (candidate, weight relative to the best), best first; ties go to
/// words before phrases, then to the earlier one in the bag's order. `headings[i]` tells whether
/// sentence `i` is a title or heading.
///
/// Two words are a phrase of their own only when they are cohesive: the phrase stands for at
/// least `phrase_cohesion` of its more frequent word's uses (集体领导力; not 人工智能发展 beside
/// 人工智能 everywhere); three words, `triple_cohesion` of their most frequent word's
/// (磁悬浮反作用飞轮, not 南方红豆杉苗木 where 苗木 stands alone as often). A phrase that is
/// itself a stop word (the user's 修理咖啡馆, made of 修理 and 咖啡馆) is no candidate, and its
/// words count on their own again. Then no keyword echoes a
/// better one: a word inside a shown phrase, or a phrase around a shown word, is left out
/// (方世忠 shows, 区长方世忠 does not), so the cloud says many things once.
pub fn rank(bag: &Bag, headings: &[bool], stop_words: &StopWords, params: &Params) -> Vec<(Candidate, f64)> {
    let heading_factor = |sentences: &[u32]| {
        if sentences.iter().any(|&s| headings[s as usize]) {
            1.0 + params.heading_boost
        } else {
            1.0
        }
    };
    let phrases: Vec<(usize, &Phrase)> = bag
        .phrases
        .iter()
        .enumerate()
        .filter(|(_, pair)| {
            let display = &pair.display;
            let stop = match display.chars().any(char::is_uppercase) {
                true => stop_words.contains(&display.to_lowercase()),
                false => stop_words.contains(display),
            };
            let (first, second) = (&bag.terms[pair.first as usize], &bag.terms[pair.second as usize]);
            let third = pair.third.map(|t| &bag.terms[t as usize]);
            let most = first.count.max(second.count).max(third.map_or(0, |t| t.count));
            let cohesion = match third {
                Some(_) => params.triple_cohesion,
                None => params.phrase_cohesion,
            };
            let cohesive = f64::from(pair.count) >= cohesion * f64::from(most);
            !stop
                && cohesive
                && !is_not_keyword(&first.display)
                && !is_not_keyword(&second.display)
                && !third.is_some_and(|t| is_not_keyword(&t.display))
        })
        .collect();
    // Occurrences inside a kept phrase do not count again for its parts.
    let mut counts: Vec<f64> = bag.terms.iter().map(|t| f64::from(t.count)).collect();
    // (A phrase of three is made of two such: its words are discounted once, by those.)
    for (_, pair) in phrases.iter().filter(|(_, p)| p.third.is_none()) {
        counts[pair.first as usize] -= f64::from(pair.count);
        counts[pair.second as usize] -= f64::from(pair.count);
    }
    let mut candidates: Vec<(Candidate, f64)> = bag
        .terms
        .iter()
        .enumerate()
        .filter(|(_, term)| is_keyword_candidate(term) && !is_not_keyword(&term.display))
        .map(|(id, term)| {
            (
                Candidate::Term(id as u32),
                counts[id].max(0.0).powf(params.keyword_tf_power)
                    * term.idf
                    * heading_factor(&term.sentences),
            )
        })
        .chain(phrases.iter().map(|&(id, pair)| {
            let idf = bag.terms[pair.first as usize].idf
                + bag.terms[pair.second as usize].idf
                + pair.third.map_or(0.0, |t| bag.terms[t as usize].idf);
            (
                Candidate::Phrase(id as u32),
                params.phrase_factor
                    * f64::from(pair.count).powf(params.keyword_tf_power)
                    * idf
                    * heading_factor(&pair.sentences),
            )
        }))
        .collect();
    candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    // A phrase can read like a word when jieba cut the same characters two ways (馆+江澜 in two
    // sentences, 馆江澜 in a third): a keyword is listed once, as its better candidate.
    let mut shown = FxHashSet::default();
    candidates.retain(|&(candidate, _)| shown.insert(display(bag, candidate)));
    // Echoes: of a word and a phrase around it, the cloud shows the phrase in the word's place
    // when the word seldom stands apart from it (图像 inside 图像分割); both only when each
    // stands on its own (the phrase holds at least `phrase_cohesion` of the word's occurrences,
    // and the word occurs apart as often as in the phrase), and then no third of their family;
    // else the better one alone (人工智能, not 人工智能发展 beside it). Only the first candidates
    // can be shown; past them, the order alone matters.
    let mut kept: Vec<Kept> = Vec::new();
    let mut rest: Vec<(Candidate, f64)> = Vec::new();
    for (candidate, weight) in candidates {
        if kept.len() >= MAX_ECHO_CHECKED {
            rest.push((candidate, weight));
            continue;
        }
        // Two phrases of three words that share two (New York City, York City Hall) say one
        // name: the better one shows.
        if kept.iter().any(|k| overlapping(bag, k.candidate, candidate)) {
            continue;
        }
        let word = display(bag, candidate).to_lowercase();
        let mut family = kept.iter().enumerate().filter(|(_, k)| echoes(&k.word, &word));
        let (slot, shown) = match (family.next(), family.next()) {
            (None, _) => {
                kept.push(Kept {
                    candidate,
                    weight,
                    word,
                    echoed: false,
                });
                continue;
            }
            (Some((slot, shown)), None) if !shown.echoed => (slot, shown.candidate),
            _ => continue,
        };
        let cohesive = |phrase: Candidate, part: Candidate| {
            f64::from(count(bag, phrase)) >= params.phrase_cohesion * f64::from(count(bag, part))
                && apart(bag, part, phrase) >= count(bag, phrase)
        };
        let longer = word.len() > kept[slot].word.len();
        if longer && apart(bag, shown, candidate) < count(bag, candidate) {
            kept[slot].candidate = candidate;
            kept[slot].word = word;
            continue;
        }
        let both = if longer {
            cohesive(candidate, shown)
        } else {
            cohesive(shown, candidate)
        };
        if both {
            kept[slot].echoed = true;
            kept.push(Kept {
                candidate,
                weight,
                word,
                echoed: true,
            });
        }
    }
    let mut candidates: Vec<(Candidate, f64)> = kept
        .into_iter()
        .map(|k| (k.candidate, k.weight))
        .chain(rest)
        .collect();
    let top = candidates.first().map_or(1.0, |c| c.1).max(f64::MIN_POSITIVE);
    for candidate in &mut candidates {
        candidate.1 /= top;
    }
    candidates
}

/// A candidate kept for the cloud while echoes are weeded out.
struct Kept {
    candidate: Candidate,
    weight: f64,
    /// Lower-cased, as echoes are compared.
    word: String,
    /// Whether it shows beside a word or phrase of its family.
    echoed: bool,
}

/// How often a candidate occurs in the text.
fn count(bag: &Bag, candidate: Candidate) -> u32 {
    match candidate {
        Candidate::Term(id) => bag.terms[id as usize].count,
        Candidate::Phrase(id) => bag.phrases[id as usize].count,
    }
}

/// How often `part` occurs outside `whole`: a word of a phrase less the phrase's occurrences;
/// a word that is a token of its own (智能 beside the token 人工智能) all its occurrences.
fn apart(bag: &Bag, part: Candidate, whole: Candidate) -> u32 {
    match (part, whole) {
        (Candidate::Term(id), Candidate::Phrase(pair)) => {
            let pair = &bag.phrases[pair as usize];
            if pair.first == id || pair.second == id || pair.third == Some(id) {
                return bag.terms[id as usize].count.saturating_sub(pair.count);
            }
            bag.terms[id as usize].count
        }
        (Candidate::Phrase(part), Candidate::Phrase(whole)) => {
            let (p, w) = (&bag.phrases[part as usize], &bag.phrases[whole as usize]);
            let inside = w.third.is_some()
                && p.third.is_none()
                && ((p.first, p.second) == (w.first, w.second)
                    || Some(p.second) == w.third && p.first == w.second);
            if inside {
                return p.count.saturating_sub(w.count);
            }
            p.count
        }
        _ => count(bag, part),
    }
}

/// Whether two phrases overlap without one holding the other: the last two words of one are the
/// first two of the other.
fn overlapping(bag: &Bag, a: Candidate, b: Candidate) -> bool {
    let (Candidate::Phrase(a), Candidate::Phrase(b)) = (a, b) else {
        return false;
    };
    let (a, b) = (&bag.phrases[a as usize], &bag.phrases[b as usize]);
    let runs_on =
        |x: &Phrase, y: &Phrase| x.third.is_some() && x.second == y.first && x.third == Some(y.second);
    runs_on(a, b) || runs_on(b, a)
}

/// How many keywords are kept free of echoes; a cloud shows fewer.
const MAX_ECHO_CHECKED: usize = 200;

/// Whether one keyword contains the other: as characters for Chinese (人工智能, 人工智能发展), as
/// whole words otherwise ("learning", "machine learning"; not "art" in "party").
fn echoes(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.chars().any(crate::text::chars::is_han) {
        return long.contains(short);
    }
    long.match_indices(short).any(|(at, _)| {
        let before = long[..at].chars().next_back();
        let after = long[at + short.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A keyword is a term of the article or a phrase of two or three.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Candidate {
    /// A single term: its index in [`Bag::terms`].
    Term(u32),
    /// A phrase of adjacent terms: its index in [`Bag::phrases`].
    Phrase(u32),
}

fn display(bag: &Bag, candidate: Candidate) -> &str {
    match candidate {
        Candidate::Term(id) => &bag.terms[id as usize].display,
        Candidate::Phrase(id) => &bag.phrases[id as usize].display,
    }
}

/// The [`Keyword`] a candidate of `bag` shows, with the given weight.
pub fn keyword(bag: &Bag, (candidate, weight): (Candidate, f64)) -> Keyword {
    let (word, sentences) = match candidate {
        Candidate::Term(id) => {
            let term = &bag.terms[id as usize];
            (&term.display, &term.sentences)
        }
        Candidate::Phrase(id) => {
            let pair = &bag.phrases[id as usize];
            (&pair.display, &pair.sentences)
        }
    };
    Keyword {
        word: word.clone(),
        weight,
        sentences: sentences.iter().map(|&s| s as usize).collect(),
    }
}
