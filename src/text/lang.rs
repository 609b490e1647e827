//! Which language a text is in: from the scripts of its letters, then, for text read by words,
//! from its commonest function words.

use serde::Serialize;

use super::chars::{is_hangul, is_kana};
// The character classes that lived here, at their public paths (`zhaiyao::lang::is_han`); their
// home is [`super::chars`].
pub use super::chars::{is_alphanumeric, is_common_han, is_han};
use crate::error::Error;

/// A language zhaiyao summarises; serialised as its ISO 639-1 code (`"zh"`, `"en"`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Chinese, Simplified or Traditional: read by jieba's words.
    Zh,
    /// English.
    En,
    /// French.
    Fr,
    /// German.
    De,
    /// Spanish.
    Es,
    /// Portuguese.
    Pt,
    /// Italian.
    It,
    /// Dutch.
    Nl,
    /// Russian.
    Ru,
    /// Arabic.
    Ar,
}

/// The languages other than English summarised by words, each with its own stop words and
/// stemmer: six in Latin script, Russian and Arabic.
pub const OTHER_WORD_LANGUAGES: [Lang; 8] = [
    Lang::Fr,
    Lang::De,
    Lang::Es,
    Lang::Pt,
    Lang::It,
    Lang::Nl,
    Lang::Ru,
    Lang::Ar,
];

impl Lang {
    /// The language's ISO 639-1 code, lower-case: `"zh"`, `"en"`, ….
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::Es => "es",
            Lang::Pt => "pt",
            Lang::It => "it",
            Lang::Nl => "nl",
            Lang::Ru => "ru",
            Lang::Ar => "ar",
        }
    }

    /// The commonest function words, by which a text read by words is told apart: each a
    /// frequent word of its language, few of them shared. Russian's leave out the words Ukrainian
    /// shares with it (в, на, не), and Arabic's the ones Persian does, so that those stay
    /// unlabelled rather than mislabelled.
    fn markers(self) -> &'static [&'static str] {
        match self {
            Lang::Zh => &[],
            Lang::En => &[
                "the", "of", "and", "to", "in", "is", "that", "for", "it", "with", "as", "was", "on", "are",
                "by", "this", "be", "from", "at", "or", "have", "an", "which", "not", "but", "they", "his",
                "her", "were", "been", "has", "their", "will", "would", "its",
            ],
            Lang::Fr => &[
                "le", "la", "les", "des", "de", "et", "est", "une", "un", "du", "dans", "que", "qui", "pour",
                "pas", "sur", "au", "aux", "avec", "ce", "cette", "sont", "par", "plus", "ne", "il", "elle",
                "nous", "vous", "leur", "été", "mais", "ont", "où", "à",
            ],
            Lang::De => &[
                "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "mit", "den", "von", "zu", "sich",
                "auf", "dem", "des", "im", "für", "auch", "wird", "sind", "war", "werden", "nach", "bei",
                "aus", "hat", "einer", "es", "sie", "wir", "ich", "noch", "über",
            ],
            Lang::Es => &[
                "el", "la", "los", "las", "del", "y", "es", "una", "un", "que", "en", "por", "con", "para",
                "se", "su", "al", "como", "más", "pero", "sus", "le", "fue", "este", "esta", "son", "ha",
                "entre", "de", "lo", "muy", "también", "hay", "está",
            ],
            Lang::Pt => &[
                "o", "os", "as", "do", "da", "dos", "das", "e", "é", "um", "uma", "que", "em", "no", "na",
                "para", "com", "não", "se", "por", "ao", "mais", "como", "foi", "são", "seu", "sua", "pelo",
                "pela", "de", "nos", "também", "está", "muito", "à",
            ],
            Lang::It => &[
                "il", "lo", "la", "gli", "le", "di", "del", "della", "che", "e", "è", "un", "una", "per",
                "non", "con", "sono", "si", "da", "nel", "nella", "alla", "come", "anche", "più", "ha",
                "questo", "ma", "dei", "delle", "degli", "al", "sul", "molto",
            ],
            Lang::Nl => &[
                "de", "het", "een", "van", "en", "is", "dat", "niet", "op", "te", "zijn", "voor", "met",
                "die", "er", "aan", "ook", "als", "bij", "door", "om", "maar", "wordt", "was", "naar", "zij",
                "hij", "wij", "ik", "nog", "uit", "heeft", "worden", "tot",
            ],
            Lang::Ru => &[
                "и",
                "что",
                "это",
                "как",
                "от",
                "или",
                "был",
                "была",
                "были",
                "они",
                "только",
                "уже",
                "так",
                "все",
                "ещё",
                "еще",
                "который",
                "которые",
                "когда",
                "чтобы",
                "если",
                "этот",
                "эти",
                "также",
                "может",
                "более",
                "года",
                "бы",
                "ли",
                "мы",
                "вы",
                "нет",
                "есть",
            ],
            Lang::Ar => &[
                "في", "من", "على", "إلى", "أن", "التي", "الذي", "عن", "مع", "هذا", "هذه", "كان", "لا", "ما",
                "أو", "بين", "كما", "قد", "ذلك", "إن", "كل", "بعد", "عند", "لم", "حتى", "وقد", "الى", "ان",
                "او", "فى", "هو", "هي", "التى",
            ],
        }
    }
}

/// What the caller asks for: a language, or detection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LangChoice {
    /// Detect the language from the text (the default).
    #[default]
    Auto,
    /// Read the text as this language.
    Fixed(Lang),
}

impl std::str::FromStr for LangChoice {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" | "" => Ok(LangChoice::Auto),
            "zh" | "zh-cn" | "zh-hans" | "zh-hant" | "zh-tw" | "zh-hk" | "zh-mo" => {
                Ok(LangChoice::Fixed(Lang::Zh))
            }
            "en" => Ok(LangChoice::Fixed(Lang::En)),
            other => OTHER_WORD_LANGUAGES
                .into_iter()
                .find(|lang| lang.code() == other)
                .map(LangChoice::Fixed)
                .ok_or_else(|| {
                    Error::InvalidOption(format!(
                        "lang must be zh, en, fr, de, es, pt, it, nl, ru, ar or auto, not {other:?}"
                    ))
                }),
        }
    }
}

/// Detects Chinese or a language read by words. A Han character counts as much as a short English
/// word, so a Chinese article full of English names stays Chinese (Traditional or Simplified).
/// Japanese (kana) and Korean (hangul) are reported as unsupported rather than cut into nonsense
/// by a Chinese segmenter. Other text is read by words and told apart by its function words (see
/// [`word_language`]); text in none of those languages (Ukrainian, Persian, Greek) goes the
/// English way, by words, not through jieba.
pub fn detect(text: &str) -> Result<Lang, Error> {
    let (mut han, mut latin, mut kana, mut hangul) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars() {
        if is_han(c) {
            han += 1;
        } else if c.is_ascii_alphabetic() || matches!(c, '\u{C0}'..='\u{24F}') {
            latin += 1;
        } else if is_kana(c) {
            kana += 1;
        } else if is_hangul(c) {
            hangul += 1;
        }
    }
    if kana * 10 > han + kana && kana >= 5 {
        return Err(Error::UnsupportedLanguage("ja"));
    }
    if hangul > han + latin / 4 && hangul >= 5 {
        return Err(Error::UnsupportedLanguage("ko"));
    }
    Ok(if han > 0 && han * 4 >= latin {
        Lang::Zh
    } else {
        word_language(text)
    })
}

/// How many words a language is told from: enough for an article's first paragraphs.
const WORDS_READ: usize = 3000;

/// English, French, German, Spanish, Portuguese, Italian, Dutch, Russian or Arabic, by the
/// function words of each among the text's first words: a word counts 1/n for each of the n
/// languages it marks. English unless another language scores more, and at least 2.
pub fn word_language(text: &str) -> Lang {
    let candidates = [Lang::En].into_iter().chain(OTHER_WORD_LANGUAGES);
    let mut scores = [0f64; 1 + OTHER_WORD_LANGUAGES.len()];
    let words = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(WORDS_READ);
    for word in words {
        // Function words are short: longer words need no lower-casing nor lookups.
        if word.chars().count() > 8 {
            continue;
        }
        let word = word.to_lowercase();
        let marked = candidates
            .clone()
            .map(|lang| lang.markers().contains(&word.as_str()));
        let marked: Vec<bool> = marked.collect();
        let n = marked.iter().filter(|&&m| m).count();
        for (score, _) in scores.iter_mut().zip(&marked).filter(|(_, &m)| m) {
            *score += 1.0 / n as f64;
        }
    }
    let (best, score) = candidates
        .zip(scores)
        .fold((Lang::En, scores[0]), |best, (lang, score)| {
            if score > best.1 {
                (lang, score)
            } else {
                best
            }
        });
    if best != Lang::En && score < 2.0 {
        Lang::En
    } else {
        best
    }
}

/// The language to use: the caller's choice, else detection.
pub fn resolve(text: &str, choice: LangChoice) -> Result<Lang, Error> {
    match choice {
        LangChoice::Fixed(lang) => Ok(lang),
        LangChoice::Auto => detect(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_language() {
        assert_eq!(detect("人工智能正在改变上海的产业。"), Ok(Lang::Zh));
        assert_eq!(
            detect("The quick brown fox jumps over the lazy dog."),
            Ok(Lang::En)
        );
        assert_eq!(
            detect("苹果公司发布了 iPhone 16 Pro Max 和 Apple Watch。"),
            Ok(Lang::Zh)
        );
        assert_eq!(
            detect("Xi Jinping (习近平) met the delegation in Beijing on Monday."),
            Ok(Lang::En)
        );
        assert_eq!(detect("結巴中文斷詞用於繁體中文。"), Ok(Lang::Zh));
        assert_eq!(
            detect("La bibliothèque d'outils du quartier prête des perceuses aux voisins depuis le mois de mars."),
            Ok(Lang::Fr)
        );
        assert_eq!(
            detect("Die Werkzeugbibliothek im Viertel verleiht seit März Bohrmaschinen an die Nachbarn."),
            Ok(Lang::De)
        );
        assert_eq!(
            detect("مكتبة الأدوات في الحي تعير المثاقب للجيران منذ شهر مارس، وهي مفتوحة كل يوم سبت."),
            Ok(Lang::Ar)
        );
        assert_eq!(
            detect("Библиотека инструментов открылась в субботу, и это уже второй год, как она работает."),
            Ok(Lang::Ru)
        );
        // Ukrainian is not labelled Russian.
        assert_eq!(
            detect("Бібліотека інструментів відкрилася в суботу, і це вже другий рік, як вона працює."),
            Ok(Lang::En)
        );
        assert_eq!(
            detect("今日は東京で会議がありました。とても楽しかったです。"),
            Err(Error::UnsupportedLanguage("ja"))
        );
        assert_eq!(
            detect("오늘 서울에서 회의가 있었습니다. 정말 즐거웠어요."),
            Err(Error::UnsupportedLanguage("ko"))
        );
    }

    #[test]
    fn parses_choices() {
        assert_eq!("ZH".parse::<LangChoice>(), Ok(LangChoice::Fixed(Lang::Zh)));
        assert_eq!("auto".parse::<LangChoice>(), Ok(LangChoice::Auto));
        assert_eq!("fr".parse::<LangChoice>(), Ok(LangChoice::Fixed(Lang::Fr)));
        assert_eq!("zh-MO".parse::<LangChoice>(), Ok(LangChoice::Fixed(Lang::Zh)));
        assert!("ja".parse::<LangChoice>().is_err());
    }
}
