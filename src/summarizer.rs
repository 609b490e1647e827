//! The pipeline put together: [`Summarizer`] holds what outlives one text (stop words, user
//! dictionary); [`Analysis`] holds one analysed text and selects from it for any budget.

use std::collections::HashMap;

use jieba_rs::Jieba;
use serde::Serialize;

use crate::error::Error;
use crate::keywords::{self, Keyword};
use rustc_hash::FxHashSet;

use crate::lexicon::{ArticleCache, EnglishIdf, Lexicon, StopWords};
use crate::scoring::{self, Bag, Lead, Params, SentenceScore, Signal, Turns};
use crate::selection::{self, Budget};
use crate::text::lang::{self, Lang, LangChoice};
use crate::text::script::Script;
use crate::text::sentences::{self, SentenceSpan};
use crate::tokens::Tokenizer;

/// The largest text accepted, in bytes of UTF-8.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;
/// How many of a sentence's top terms explain its score.
pub const EXPLAINED_TERMS: usize = 5;

/// What to produce from a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// How long the summary is (default: 3 sentences).
    pub budget: Budget,
    /// How many keywords to list, best first (default: 20; 0 for none).
    pub keywords: usize,
    /// The text's language, or detection (the default).
    pub lang: LangChoice,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            budget: Budget::default(),
            keywords: 20,
            lang: LangChoice::Auto,
        }
    }
}

/// A word of the user's dictionary, with its frequency resolved.
#[derive(Debug, Clone, PartialEq)]
struct UserWord {
    word: String,
    freq: usize,
    tag: Option<String>,
}

/// The largest frequency a user may give: `usize` is 32 bits in wasm, and the dictionary's total
/// must stay representable after adding many such words.
pub const MAX_USER_FREQ: usize = 1 << 24;
/// The largest sum of all user words' frequencies (given or suggested). jieba adds them to its
/// total of 60 million, which must stay below 2^32 in wasm: 2^31 leaves room to spare.
pub const MAX_USER_TOTAL_FREQ: usize = 1 << 31;

/// Summarises texts. Cheap to create; holds the user's stop words and dictionary words.
#[derive(Default)]
pub struct Summarizer {
    stop_words: Option<StopWords>,
    user_words: Vec<UserWord>,
    params: Params,
    /// The last text's dictionary, reused while the texts are made of its characters.
    articles: ArticleCache,
}

/// One scored sentence of an analysed text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoredSentence {
    /// 0-based over all sentences of the text.
    pub index: usize,
    /// Where the sentence lies in the text (byte, character and UTF-16 offsets).
    #[serde(skip)]
    pub span: SentenceSpan,
    /// Its score: centrality times the signals' factors; higher is better.
    pub score: f64,
}

/// A term and its share of a sentence's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermWeight {
    /// The term as the text writes it.
    pub term: String,
    /// Its share of the sentence's score, in the score's units (the shares add up to the score).
    pub weight: f64,
}

/// A chosen sentence, as the summary shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummarySentence {
    /// 0-based over all sentences of the text.
    pub index: usize,
    /// The sentence as the text writes it.
    pub text: String,
    /// Its score: centrality times the signals' factors; higher is better.
    pub score: f64,
    /// UTF-16 offsets into the original text.
    pub start: usize,
    /// The UTF-16 offset just past the sentence's end (exclusive).
    pub end: usize,
    /// The terms that contributed most to the score (at most [`EXPLAINED_TERMS`]), largest first.
    pub terms: Vec<TermWeight>,
    /// The named factors the sentence's content score was multiplied by (position, title,
    /// length, question, heading, metadata); 1 means the signal is neutral.
    pub signals: Vec<Signal>,
}

/// A text's summary: its chosen sentences and its keywords.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The language the text was read as (given or detected).
    pub lang: Lang,
    /// The chosen sentences in document order.
    pub sentences: Vec<SummarySentence>,
    /// Best first.
    pub keywords: Vec<Keyword>,
    /// What the text's style earns its opening (the strength of the position signal).
    pub lead: Lead,
}

/// One analysed text: every sentence scored and ranked, ready to select for any budget.
pub struct Analysis {
    text: String,
    lang: Lang,
    sentences: Vec<ScoredSentence>,
    char_lengths: Vec<usize>,
    scores: Vec<SentenceScore>,
    bag: Bag,
    lead: Lead,
    ranking: Vec<usize>,
    keyword_ranking: Vec<(keywords::Candidate, f64)>,
}

impl Summarizer {
    /// A summarizer with the built-in stop words and dictionary only.
    pub fn new() -> Self {
        Summarizer::default()
    }

    /// Adds stop words of the user's, kept out of scores and keywords.
    pub fn add_stop_words<I: IntoIterator<Item = S>, S: AsRef<str>>(&mut self, words: I) {
        self.stop_words
            .get_or_insert_with(StopWords::builtin)
            .extend(words);
    }

    /// Adds words to the segmentation dictionary, in jieba's user-dictionary format: one
    /// `word [freq] [tag]` per line. A word without a frequency gets the one jieba suggests so
    /// that it is cut as one word (as Python jieba does). Nothing is added if any line is bad.
    /// A frequency is at most [`MAX_USER_FREQ`], and all user words' frequencies together (each
    /// distinct word once) at most [`MAX_USER_TOTAL_FREQ`].
    pub fn add_user_dict(&mut self, dict: &str) -> Result<(), Error> {
        let mut parsed = Vec::new();
        for (number, line) in dict.lines().enumerate() {
            let line = line.trim_start_matches('\u{FEFF}').trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: String| Error::InvalidDictionary {
                line: number + 1,
                message,
            };
            let mut fields = line.split_whitespace();
            // A Traditional word is added as its Simplified twin, the form jieba cuts.
            let word = crate::text::script::fold(fields.next().unwrap_or_default()).into_owned();
            let parse_freq = |field: &str| match field.parse::<usize>() {
                Ok(freq) if freq <= MAX_USER_FREQ => Ok(freq),
                Ok(_) => Err(bad(format!(
                    "frequency {field} is above the limit of {MAX_USER_FREQ}"
                ))),
                Err(_) => Err(bad(format!(
                    "{field:?} is not a frequency (a whole number from 0)"
                ))),
            };
            let looks_numeric =
                |field: &str| field.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+');
            let (freq, tag) = match fields.collect::<Vec<_>>()[..] {
                [] => (None, None),
                [freq] if looks_numeric(freq) => (Some(parse_freq(freq)?), None),
                [tag] => (None, Some(tag.to_string())),
                [freq, tag] => (Some(parse_freq(freq)?), Some(tag.to_string())),
                [_, _, extra, ..] => {
                    return Err(bad(format!(
                        "expected `word [freq] [tag]`, found an extra field {extra:?}"
                    )))
                }
            };
            if word.chars().any(|c| c.is_control()) {
                return Err(bad("the word contains control characters".into()));
            }
            parsed.push((number + 1, word, freq, tag));
        }
        // Resolve suggested frequencies in order, each seeing the words before it, against a
        // segmenter that is exact for the user words' own characters.
        let all_words: String = self
            .user_words
            .iter()
            .map(|w| w.word.as_str())
            .chain(parsed.iter().map(|(_, w, _, _)| w.as_str()))
            .collect();
        let mut jieba = Lexicon::builtin().segmenter_for(&all_words);
        self.add_user_words(&mut jieba);
        // Each distinct word counts once, with its latest frequency, as in jieba's total.
        let mut freqs: HashMap<&str, usize> = HashMap::new();
        for word in &self.user_words {
            freqs.insert(&word.word, word.freq);
        }
        let mut total: usize = freqs.values().sum();
        let mut added = Vec::with_capacity(parsed.len());
        for (line, word, freq, tag) in &parsed {
            let freq = jieba.add_word(word, *freq, tag.as_deref());
            let old = freqs.insert(word, freq).unwrap_or(0);
            total = total - old + freq;
            if total > MAX_USER_TOTAL_FREQ {
                return Err(Error::InvalidDictionary {
                    line: *line,
                    message: format!("the user words' frequencies add up to more than {MAX_USER_TOTAL_FREQ}"),
                });
            }
            added.push(UserWord {
                word: word.clone(),
                freq,
                tag: tag.clone(),
            });
        }
        self.user_words.extend(added);
        self.articles.clear();
        Ok(())
    }

    /// Analyses `text`: splits, tokenises, scores and ranks every sentence once.
    pub fn analyze(&self, text: &str, lang: LangChoice) -> Result<Analysis, Error> {
        if text.len() > MAX_INPUT_BYTES {
            return Err(Error::TooLarge {
                bytes: text.len(),
                limit: MAX_INPUT_BYTES,
            });
        }
        let spans = sentences::split(text);
        if spans.is_empty() {
            return Err(Error::EmptyText);
        }
        let lang = lang::resolve(text, lang)?;
        let builtin_stop_words;
        let stop_words = match &self.stop_words {
            Some(words) => words,
            None => {
                builtin_stop_words = StopWords::builtin();
                &builtin_stop_words
            }
        };
        let article = self.articles.get(text, |jieba| self.add_user_words(jieba));
        let tokenizer = Tokenizer::new(article.segmenter(), stop_words).for_lang(lang);
        let mut seen = FxHashSet::default();
        let repeated: Vec<bool> = spans
            .iter()
            .map(|span| !seen.insert(&text[span.bytes.clone()]))
            .collect();
        let bag = Bag::build(
            &repeated,
            |index, tokens| tokenizer.tokens(text, spans[index].bytes.clone(), tokens),
            |token| match token.script {
                Script::Han => article.idf(&tokenizer.term(token.term)),
                Script::Latin => EnglishIdf::builtin().idf(&token.surface.to_lowercase()),
            },
        );
        let texts: Vec<&str> = spans.iter().map(|s| &text[s.bytes.clone()]).collect();
        let shapes = scoring::shapes(text, &spans);
        let char_lengths: Vec<usize> = spans.iter().map(|s| s.chars.len()).collect();
        let turns = Turns::of(text, &spans);
        let lead = Lead::of(text, &spans, turns.interview, &self.params);
        let scores = scoring::score(
            &shapes,
            &char_lengths,
            &bag,
            &lead,
            &turns,
            &repeated,
            &self.params,
        );
        let ranking = selection::rank(&scores, &bag, &texts, &self.params);
        // Headings boost their words as keywords; metadata lines (责任编辑：张三) do not.
        let headings: Vec<bool> = shapes.iter().map(|s| s.heading && !s.metadata).collect();
        let keyword_ranking = keywords::rank(&bag, &headings, stop_words, &self.params);
        let sentences = spans
            .into_iter()
            .zip(&scores)
            .enumerate()
            .map(|(index, (span, score))| ScoredSentence {
                index,
                span,
                score: score.score,
            })
            .collect();
        Ok(Analysis {
            text: text.to_string(),
            lang,
            sentences,
            char_lengths,
            scores,
            bag,
            lead,
            ranking,
            keyword_ranking,
        })
    }

    /// Analyses `text` and selects its summary and keywords in one call.
    pub fn summarize(&self, text: &str, options: &Options) -> Result<Summary, Error> {
        options.budget.validate()?;
        self.analyze(text, options.lang)?
            .summary(options.budget, options.keywords)
    }

    fn add_user_words(&self, jieba: &mut Jieba) {
        for word in &self.user_words {
            jieba.add_word(&word.word, Some(word.freq), word.tag.as_deref());
        }
    }
}

impl Analysis {
    /// The analysed text, as given.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The language the text was read as (given or detected).
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// What the text's style earns its opening: the strength of the position prior and the
    /// cues it was read from.
    pub fn lead(&self) -> Lead {
        self.lead
    }

    /// Every sentence of the text, in document order.
    pub fn sentences(&self) -> &[ScoredSentence] {
        &self.sentences
    }

    /// The text of sentence `index` (0-based; panics if out of range).
    pub fn sentence_text(&self, index: usize) -> &str {
        &self.text[self.sentences[index].span.bytes.clone()]
    }

    /// The indices of the sentences chosen for `budget`, in document order.
    pub fn select(&self, budget: Budget) -> Result<Vec<usize>, Error> {
        selection::select(&self.ranking, &self.char_lengths, budget)
    }

    /// The `count` best keywords.
    pub fn keywords(&self, count: usize) -> Vec<Keyword> {
        self.keyword_ranking
            .iter()
            .take(count)
            .map(|&candidate| keywords::keyword(&self.bag, candidate))
            .collect()
    }

    /// The terms that contributed most to sentence `index`'s score.
    pub fn explain(&self, index: usize) -> Vec<TermWeight> {
        self.scores[index]
            .contributions
            .iter()
            .take(EXPLAINED_TERMS)
            .map(|&(id, weight)| TermWeight {
                term: self.bag.terms[id as usize].display.clone(),
                weight,
            })
            .collect()
    }

    /// The named signals that multiplied sentence `index`'s content score, in the order of
    /// [`scoring::SIGNALS`].
    pub fn signals(&self, index: usize) -> Vec<Signal> {
        self.scores[index].signals.clone()
    }

    /// The summary for `budget` with the `keywords` best keywords; errs if the budget is out of range.
    pub fn summary(&self, budget: Budget, keywords: usize) -> Result<Summary, Error> {
        let sentences = self
            .select(budget)?
            .into_iter()
            .map(|index| {
                let sentence = &self.sentences[index];
                SummarySentence {
                    index,
                    text: self.sentence_text(index).to_string(),
                    score: sentence.score,
                    start: sentence.span.utf16.start,
                    end: sentence.span.utf16.end,
                    terms: self.explain(index),
                    signals: self.signals(index),
                }
            })
            .collect();
        Ok(Summary {
            lang: self.lang,
            sentences,
            keywords: self.keywords(keywords),
            lead: self.lead,
        })
    }
}
