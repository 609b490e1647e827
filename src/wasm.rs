//! The one seam to JavaScript: `Summarizer` and `Analysis` for the browser. Every failure is a
//! thrown `Error` with a message and a stable `code` ([`Failure`]); nothing here may panic, since
//! a panic kills the instance for the whole page.

use js_sys::{Array, JsString, Object, Reflect};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error::Error;
use crate::selection::Budget;
use crate::summarizer::EXPLAINED_TERMS;
// The engine's Summarizer and Analysis are named by their module: the JS classes here take their names.
use crate::summarizer::{self, Options, MAX_INPUT_BYTES};
use crate::text::lang::LangChoice;

/// The TypeScript types of what this seam takes, returns and throws, written here and checked
/// against the wasm's real outputs, errors and option names by tests/e2e/types.test.mjs (which
/// says why a check rather than a derive), and `Lang` against the Rust enum by tests/types.rs.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Options of `Summarizer.load`. */
export interface LoadOptions {
  /** Extra dictionary words, one `word [freq] [tag]` per line (jieba's user dictionary format). */
  userDict?: string;
  /** Extra stop words, kept out of scores and keywords. */
  stopWords?: string[];
}
/** One length budget (at most one of `sentences`, `ratio`, `chars`; default `defaults().sentences`
 *  sentences). */
export interface SelectOptions {
  /** At most this many sentences (a whole number from 1). */
  sentences?: number;
  /** This share of the article's sentences, in (0, 1], at least one sentence. */
  ratio?: number;
  /** At most this many characters of summary. */
  chars?: number;
  /** How many keywords to return (default `defaults().keywords`). */
  keywords?: number;
}
export interface SummarizeOptions extends SelectOptions {
  lang?: Lang | "auto";
}
export interface AnalyzeOptions {
  lang?: Lang | "auto";
}
export interface TermWeight { term: string; weight: number; }
export interface SummarySentence {
  /** 0-based over all sentences of the text. */
  index: number;
  /** `text.slice(start, end)` of the text given. */
  text: string;
  score: number;
  /** UTF-16 offsets into the text given. */
  start: number;
  end: number;
  /** The terms that contributed most to the score (at most `defaults().explainedTerms`), each
   *  with its part of it: the parts of all the sentence's terms add up to `score`, so
   *  `weight / score` is a term's share. */
  terms: TermWeight[];
  /** Every factor the content score was multiplied by (position, title, length, …). */
  signals: Signal[];
}
/** A factor of the score and what it measured (see the README: "How sentences are scored"). */
/** What a signal weighs (`signalNames()` lists them, in the order every sentence's signals are). */
export type SignalName = "position" | "title" | "length" | "brevity" | "density" | "question"
  | "heading" | "metadata" | "filler" | "asked";
export interface Signal { name: SignalName; factor: number; value: number; }
export interface Keyword {
  word: string;
  /** Relative to the top keyword (1). */
  weight: number;
  /** Indices of the sentences that contain the word. */
  sentences: number[];
}
/** The language of a text: Chinese (Simplified or Traditional), English, French, German,
 *  Spanish, Portuguese, Italian, Dutch, Russian or Arabic. */
export type Lang = "zh" | "en" | "fr" | "de" | "es" | "pt" | "it" | "nl" | "ru" | "ar";
export interface Summary {
  lang: Lang;
  /** The chosen sentences, in document order. */
  sentences: SummarySentence[];
  /** Best first. */
  keywords: Keyword[];
  /** What the text's style earns its opening: `strength` 0 (content alone decides) to 1 (a
   *  report: the lead is favoured), read from attributing words per sentence (`reporting`) and
   *  first- and second-person words per hundred outside quotes (`personal`). */
  lead: Lead;
}
export interface Lead { strength: number; reporting: number; personal: number; }
/** The API's defaults (`defaults()`): read them rather than declare them again. */
export interface Defaults {
  /** Sentences of a summary when no length is given. */
  sentences: number;
  /** Keywords when no count is given. */
  keywords: number;
  /** How many of a sentence's top terms (`SummarySentence.terms`) explain its score, at most. */
  explainedTerms: number;
}
export interface SentenceInfo { index: number; start: number; end: number; score: number; }
/** The `code` of every Error the API throws (`errorCodes()` lists them): translate by it, never
 *  by the English message. */
export type ErrorCode = "empty_text" | "too_large" | "unsupported_language" | "invalid_option"
  | "invalid_dictionary" | "invalid_text" | "invalid_table" | "internal";
/** What the API throws: an Error with a `code` and the fields of its kind. */
export interface ZhaiyaoError extends Error {
  code: ErrorCode;
  /** too_large: the text's size and the limit, in bytes. */
  bytes?: number;
  limit?: number;
  /** unsupported_language: the language's BCP 47 code. */
  language?: "ja" | "ko";
  /** invalid_dictionary: the line of the user dictionary. */
  line?: number;
  /** invalid_option, invalid_dictionary: what is wrong, in English. */
  detail?: string;
}
"#;

/// The codes of the failures of this seam that are not an engine [`Error`]: a text that is not a
/// string, a malformed English table, and a failure to build the result (a bug).
const NOT_A_STRING: &str = "invalid_text";
const INVALID_TABLE: &str = "invalid_table";
const INTERNAL: &str = "internal";

/// Every `code` a function of this module may throw: the engine's, then the seam's own.
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "ErrorCode[]")]
pub fn error_codes() -> Vec<JsString> {
    Error::CODES
        .iter()
        .chain(&[NOT_A_STRING, INVALID_TABLE, INTERNAL])
        .map(|&code| JsString::from(code))
        .collect()
}

/// The name of every signal of a sentence's score, in the order each sentence lists them: user
/// interfaces label signals by name and test that each has a label.
#[wasm_bindgen(js_name = signalNames, unchecked_return_type = "SignalName[]")]
pub fn signal_names() -> Vec<JsString> {
    crate::scoring::SIGNALS
        .iter()
        .map(|&name| JsString::from(name))
        .collect()
}

/// A failure on its way to JavaScript, the one error conversion of this seam: thrown as an
/// `Error` whose `code` names the kind ([`Error::code`]) and whose other properties are the
/// variant's fields (`bytes`, `limit`, `language`, `line`, `detail`), so that a user interface
/// translates by code and fields, never by the English message.
#[derive(Debug)]
pub struct Failure {
    code: &'static str,
    message: String,
    fields: Vec<(&'static str, JsValue)>,
}

impl Failure {
    fn new(code: &'static str, message: impl std::fmt::Display) -> Failure {
        Failure {
            code,
            message: message.to_string(),
            fields: Vec::new(),
        }
    }

    /// An option of this seam's own checks, worded as they are (not "invalid option: …").
    fn option(message: String) -> Failure {
        Failure {
            message: message.clone(),
            ..Failure::from(Error::InvalidOption(message))
        }
    }

    fn internal(message: impl std::fmt::Display) -> Failure {
        Failure::new(INTERNAL, message)
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Failure {
        let fields: Vec<(&'static str, JsValue)> = match &error {
            Error::EmptyText => vec![],
            Error::TooLarge { bytes, limit } => {
                vec![
                    ("bytes", (*bytes as f64).into()),
                    ("limit", (*limit as f64).into()),
                ]
            }
            Error::UnsupportedLanguage(name) => vec![("language", (*name).into())],
            Error::InvalidOption(message) => vec![("detail", message.into())],
            Error::InvalidDictionary { line, message } => {
                vec![("line", (*line as f64).into()), ("detail", message.into())]
            }
        };
        Failure {
            code: error.code(),
            message: error.to_string(),
            fields,
        }
    }
}

impl From<Failure> for JsValue {
    fn from(failure: Failure) -> JsValue {
        let error = js_sys::Error::new(&failure.message);
        // Setting a property of a fresh Error cannot fail; if it did, the message still tells.
        let _ = Reflect::set(&error, &"code".into(), &failure.code.into());
        for (name, value) in &failure.fields {
            let _ = Reflect::set(&error, &(*name).into(), value);
        }
        error.into()
    }
}

/// Reads an options object; `undefined` and `null` mean all defaults. A misspelt option is an
/// error rather than silently ignored (serde-wasm-bindgen reads only the fields it knows).
fn options_from<T: for<'de> Deserialize<'de> + Default>(
    value: JsValue,
    what: &str,
    known: &[&str],
) -> Result<T, Failure> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    if !value.is_object() {
        return Err(Failure::option(format!("invalid {what}: expected an object")));
    }
    for key in Object::keys(value.unchecked_ref::<Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            return Err(Failure::option(format!(
                "invalid {what}: unknown option {key:?} (known: {})",
                known.join(", ")
            )));
        }
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| Failure::option(format!("invalid {what}: {e}")))
}

const LOAD_OPTIONS: &[&str] = &["userDict", "stopWords"];
const SELECT_OPTIONS: &[&str] = &["sentences", "ratio", "chars", "keywords"];
const SUMMARIZE_OPTIONS: &[&str] = &["sentences", "ratio", "chars", "keywords", "lang"];
const ANALYZE_OPTIONS: &[&str] = &["lang"];

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, Failure> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(Failure::internal)
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct LoadOptions {
    user_dict: Option<String>,
    stop_words: Option<Vec<String>>,
}

/// Numbers arrive as JavaScript numbers: checked here, so `-1`, `2.5` or `NaN` get a message
/// rather than a wrapped-around count. Named as in TypeScript (camelCase), as `LoadOptions` is.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct SelectOptions {
    sentences: Option<f64>,
    ratio: Option<f64>,
    chars: Option<f64>,
    keywords: Option<f64>,
    lang: Option<String>,
}

/// The largest count accepted: more sentences or keywords than any text of the size limit has.
const MAX_COUNT: f64 = 1e9;

fn whole_number(name: &str, value: f64, min: f64) -> Result<usize, Error> {
    if value.fract() != 0.0 || !(min..=MAX_COUNT).contains(&value) {
        return Err(Error::InvalidOption(format!(
            "{name} must be a whole number from {min} to {MAX_COUNT}, not {value}"
        )));
    }
    Ok(value as usize)
}

impl SelectOptions {
    fn budget(&self) -> Result<Budget, Error> {
        let budget = match (self.sentences, self.ratio, self.chars) {
            (Some(n), None, None) => Budget::Sentences(whole_number("sentences", n, 1.0)?),
            (None, Some(r), None) => Budget::Ratio(r),
            (None, None, Some(c)) => Budget::Chars(whole_number("chars", c, 1.0)?),
            (None, None, None) => Budget::default(),
            _ => {
                return Err(Error::InvalidOption(
                    "give one of sentences, ratio or chars, not several".into(),
                ))
            }
        };
        budget.validate()
    }

    fn keywords(&self) -> Result<usize, Error> {
        self.keywords.map_or(Ok(Options::default().keywords), |k| {
            whole_number("keywords", k, 0.0)
        })
    }

    fn lang(&self) -> Result<LangChoice, Error> {
        self.lang.as_deref().map_or(Ok(LangChoice::Auto), str::parse)
    }
}

/// The API's defaults, the one place they are declared (`Options::default()`): the widget, the
/// extension and the CLI read them rather than declare them again.
#[wasm_bindgen(unchecked_return_type = "Defaults")]
pub fn defaults() -> Result<JsValue, Failure> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Defaults {
        sentences: Option<usize>,
        keywords: usize,
        explained_terms: usize,
    }
    let options = Options::default();
    to_js(&Defaults {
        sentences: match options.budget {
            Budget::Sentences(n) => Some(n),
            _ => None,
        },
        keywords: options.keywords,
        explained_terms: EXPLAINED_TERMS,
    })
}

/// Installs the English IDF table, `idf-en.bin` beside the wasm: the package leaves it out so
/// that a page of Chinese does not download it. Until it is installed, every English word gets
/// the same IDF (English text is still summarised). The worker installs it on the first text
/// with English in it; with the JS API, install it yourself:
/// `installEnglish(new Uint8Array(await (await fetch(url)).arrayBuffer()))`.
#[wasm_bindgen(js_name = installEnglish)]
pub fn install_english(table: &[u8]) -> Result<(), Failure> {
    crate::lexicon::EnglishIdf::install(table)
        .map_err(|e| Failure::new(INVALID_TABLE, format!("not an idf-en.bin table: {e}")))
}

/// Whether the English IDF table is installed.
#[wasm_bindgen(js_name = englishInstalled)]
pub fn english_installed() -> bool {
    crate::lexicon::EnglishIdf::available()
}

/// Summarises texts. Holds the user's dictionary words and stop words; free it with `free()`
/// when done (a FinalizationRegistry frees it otherwise, at the garbage collector's pace).
#[wasm_bindgen]
pub struct Summarizer {
    inner: summarizer::Summarizer,
}

/// One analysed text: select summaries of any length from it without analysing it again.
/// Holds wasm memory in proportion to the text: `free()` it when the text is gone.
#[wasm_bindgen]
pub struct Analysis {
    inner: summarizer::Analysis,
    /// The caller's own string: sentence texts are its slices, so they match `text.slice(start,
    /// end)` even where the string holds lone surrogates (which reach Rust as U+FFFD).
    text: JsString,
}

/// Runs the summary path once on a tiny text ([`crate::WARM_UP_TEXT`]), the first time a
/// summarizer loads successfully. That opens the Chinese tables (the English one is decoded when
/// first needed), and has the browser compile each wasm function on the way (on its first call)
/// and start optimising it: measured side by side in one browser, the first real article is then
/// summarised in about half the time, and import to first summary, this included, takes about a
/// tenth less. (The wasm memory a page reaches with its first summary is reached at load instead.)
fn warm_up_code() {
    static DONE: std::sync::Once = std::sync::Once::new();
    DONE.call_once(|| {
        let summarizer = Summarizer {
            inner: summarizer::Summarizer::new(),
        };
        let _ = summarizer.summarize(&JsString::from(crate::WARM_UP_TEXT), JsValue::UNDEFINED);
    });
}

#[wasm_bindgen]
impl Summarizer {
    /// Loads a summarizer: `await Summarizer.load()` or `await Summarizer.load({ userDict,
    /// stopWords })`. Throws on a malformed user dictionary, naming the line.
    pub async fn load(
        #[wasm_bindgen(unchecked_param_type = "LoadOptions | undefined")] options: JsValue,
    ) -> Result<Summarizer, Failure> {
        // serde would read a string as a sequence and fail with the engine's own words.
        if options.is_object() {
            let stop_words = Reflect::get(&options, &JsValue::from_str("stopWords")).unwrap_or_default();
            if !stop_words.is_undefined() && !stop_words.is_null() && !Array::is_array(&stop_words) {
                return Err(Failure::option(
                    "invalid load options: stopWords must be an array of strings".into(),
                ));
            }
        }
        let options: LoadOptions = options_from(options, "load options", LOAD_OPTIONS)?;
        let mut inner = summarizer::Summarizer::new();
        if let Some(dict) = &options.user_dict {
            inner.add_user_dict(dict)?;
        }
        if let Some(words) = &options.stop_words {
            inner.add_stop_words(words);
        }
        warm_up_code();
        Ok(Summarizer { inner })
    }

    /// Summary and keywords of `text` in one call.
    #[wasm_bindgen(unchecked_return_type = "Summary")]
    pub fn summarize(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "SummarizeOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, Failure> {
        let options: SelectOptions = options_from(options, "summarize options", SUMMARIZE_OPTIONS)?;
        let budget = options.budget()?;
        let keywords = options.keywords()?;
        let analysis = self.analysis(text, options.lang()?)?;
        analysis.summary(budget, keywords)
    }

    /// Analyses `text` once; `select` then picks summaries of any length from it.
    pub fn analyze(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | undefined")] options: JsValue,
    ) -> Result<Analysis, Failure> {
        let options: SelectOptions = options_from(options, "analyze options", ANALYZE_OPTIONS)?;
        self.analysis(text, options.lang()?)
    }
}

impl Summarizer {
    fn analysis(&self, text: &JsValue, lang: LangChoice) -> Result<Analysis, Failure> {
        let Some(text) = text.dyn_ref::<JsString>() else {
            let kind = match text.is_null() {
                true => "null".to_string(),
                false => text.js_typeof().as_string().unwrap_or_default(),
            };
            return Err(Failure::new(
                NOT_A_STRING,
                format!("the text must be a string, not {kind}"),
            ));
        };
        // A JS string's UTF-16 length bounds its UTF-8 size to three times as much: refuse what
        // is certainly over the limit before copying it into wasm memory.
        if text.length() as usize > MAX_INPUT_BYTES {
            return Err(Error::TooLarge {
                bytes: text.length() as usize,
                limit: MAX_INPUT_BYTES,
            }
            .into());
        }
        let rust_text = String::from(text);
        let inner = self.inner.analyze(&rust_text, lang)?;
        Ok(Analysis {
            inner,
            text: text.clone(),
        })
    }
}

#[wasm_bindgen]
impl Analysis {
    /// The detected (or given) language: "zh", "en", "fr", "de", "es", "pt", "it", "nl", "ru" or
    /// "ar".
    #[wasm_bindgen(getter, unchecked_return_type = "Lang")]
    pub fn lang(&self) -> String {
        self.inner.lang().code().to_string()
    }

    /// Every sentence of the text in document order, with UTF-16 offsets and scores.
    #[wasm_bindgen(getter, unchecked_return_type = "SentenceInfo[]")]
    pub fn sentences(&self) -> Result<JsValue, Failure> {
        #[derive(Serialize)]
        struct SentenceInfo {
            index: usize,
            start: usize,
            end: usize,
            score: f64,
        }
        let infos: Vec<SentenceInfo> = self
            .inner
            .sentences()
            .iter()
            .map(|s| SentenceInfo {
                index: s.index,
                start: s.span.utf16.start,
                end: s.span.utf16.end,
                score: s.score,
            })
            .collect();
        to_js(&infos)
    }

    /// Every sentence's UTF-16 offsets, flat: `[start0, end0, start1, end1, …]`. Cheaper than
    /// `sentences` for long texts: one array, not an object per sentence.
    pub fn offsets(&self) -> Vec<u32> {
        self.inner
            .sentences()
            .iter()
            .flat_map(|s| [s.span.utf16.start as u32, s.span.utf16.end as u32])
            .collect()
    }

    /// Every sentence's score, in document order.
    pub fn scores(&self) -> Vec<f64> {
        self.inner.sentences().iter().map(|s| s.score).collect()
    }

    /// The summary for another length: `select({ chars: 120 })`. No text is read again.
    #[wasm_bindgen(unchecked_return_type = "Summary")]
    pub fn select(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SelectOptions | undefined")] options: JsValue,
    ) -> Result<JsValue, Failure> {
        let options: SelectOptions = options_from(options, "select options", SELECT_OPTIONS)?;
        let budget = options.budget()?;
        self.summary(budget, options.keywords()?)
    }
}

impl Analysis {
    fn summary(&self, budget: Budget, keywords: usize) -> Result<JsValue, Failure> {
        let mut summary = self.inner.summary(budget, keywords)?;
        // The texts are replaced below by slices of the caller's string: no need to convert them.
        let spans: Vec<(u32, u32)> = summary
            .sentences
            .iter()
            .map(|s| (s.start as u32, s.end as u32))
            .collect();
        summary.sentences.iter_mut().for_each(|s| s.text.clear());
        let value = to_js(&summary)?;
        // Replace each sentence's text with the slice of the caller's own string.
        let sentences: Array = Reflect::get(&value, &"sentences".into())
            .map_err(|_| Failure::internal("summary without sentences"))?
            .into();
        for (sentence, &(start, end)) in sentences.iter().zip(&spans) {
            let slice = self.text.slice(start, end);
            Reflect::set(&Object::from(sentence), &"text".into(), &slice)
                .map_err(|_| Failure::internal("cannot set a sentence's text"))?;
        }
        Ok(value)
    }
}
