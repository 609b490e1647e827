//! Character classes shared by every stage: Han and CJK ranges, letters, and the Chinese
//! numerals. Each is a range test rather than a Unicode table lookup where the common
//! characters allow it, to keep the wasm small and the hot loops fast.

// Scripts.

/// A character of the CJK Unified Ideographs block, where most Chinese text lies: every code
/// point there is a letter, so callers can skip the Unicode table lookup for them.
#[inline]
pub fn is_common_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}')
}

/// A Han character: CJK Unified Ideographs, Extensions A to G and the Compatibility Ideographs.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}' | '\u{2A700}'..='\u{2EBEF}' | '\u{30000}'..='\u{3134F}')
}

/// Japanese kana: hiragana, katakana, their phonetic extensions and the halfwidth forms.
pub(crate) fn is_kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9D}')
}

/// Korean hangul: syllables, jamo and compatibility jamo.
pub(crate) fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// Han, kana, bopomofo, CJK punctuation and full-width forms (Hangul is excluded: Korean spaces
/// its words and uses Western punctuation, so the English rules fit it).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(
        c,
        '\u{2E80}'..='\u{2FDF}'
            | '\u{3000}'..='\u{303F}'
            | '\u{3040}'..='\u{30FF}'
            | '\u{3100}'..='\u{312F}'
            | '\u{31A0}'..='\u{31FF}'
            | '\u{3200}'..='\u{33FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FE10}'..='\u{FE1F}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF00}'..='\u{FFEF}'
            | '\u{20000}'..='\u{3FFFF}'
    )
}

/// Kana and hangul are alphabetic too, but not words we can stem or look up.
pub(crate) fn is_cjk_symbol(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{33FF}' | '\u{AC00}'..='\u{D7AF}' | '\u{FF00}'..='\u{FFEF}')
}

// Letters.

/// `c.is_alphanumeric()`, answered without the Unicode tables for the characters Chinese and
/// English text is mostly made of: the common ideographs, ASCII, and the punctuation blocks
/// (general, CJK and fullwidth) where no letter or digit lies.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    match c {
        _ if is_common_han(c) => true,
        '\0'..='\u{7F}' => c.is_ascii_alphanumeric(),
        '\u{2000}'..='\u{206F}'
        | '\u{3000}'..='\u{3004}'
        | '\u{3008}'..='\u{3020}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// `c.is_alphabetic()`, without the table lookup for the common CJK ideographs (all letters).
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    is_common_han(c) || c.is_alphabetic()
}

/// A letter or digit of a script read by words: neither Han nor a CJK symbol (kana, hangul,
/// full-width forms).
pub(crate) fn is_latin_letter(c: char) -> bool {
    !is_han(c) && !is_cjk_symbol(c) && c.is_alphanumeric()
}

/// The combining diacritics written after Latin, Greek and Cyrillic letters. A range test, not
/// the Unicode table, which would add 15 KB to the wasm; the signs of other scripts that are not
/// alphabetic (a Devanagari virama, Thai tone marks) still end a word.
pub(crate) fn is_combining_diacritic(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}'
    )
}

// Chinese numerals. There are two sets on purpose, and they must stay different:
// - `is_han_digit` (〇 零 一 … 十) marks list enumerators such as 一、 in sentence
//   splitting, and, with 两, the number part of a quantity word such as 三个 in tokens;
// - `is_han_numeral` adds the magnitudes 百 千 万 亿 and 两 几, so that a token made only of
//   numerals (三千万, 几百) is never taken for a topic word.

/// A Chinese digit numeral, 〇 零 and 一 to 十: the numerals of list enumerators.
pub(crate) fn is_han_digit(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '〇' | '零'
    )
}

/// A Chinese numeral of a number word: the digits, the magnitudes 百 千 万 亿, and 两 几.
pub(crate) fn is_han_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
            | '两'
            | '几'
    )
}

// Punctuation and layout, as sentences are split.

pub(crate) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '●'
            | '○'
            | '◦'
            | '▪'
            | '▫'
            | '■'
            | '□'
            | '◆'
            | '◇'
            | '‣'
            | '►'
            | '▶'
            | '▸'
            | '➤'
            | '✓'
            | '✔'
            | '☐'
            | '☑'
            | '·'
            | '・'
            | '\u{2460}'..='\u{249B}' // ① … ⒛, ⑴ …, ⒈ …
            | '\u{2776}'..='\u{2793}' // ❶ …
            | '\u{3220}'..='\u{3229}' // ㈠ …
    )
}

pub(crate) fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{85}' | '\u{2028}')
}

pub(crate) fn is_paragraph_separator(c: char) -> bool {
    matches!(c, '\u{2029}' | '\u{0C}')
}

/// Whitespace and invisible characters, trimmed from span edges.
pub(crate) fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' // zero-width space/joiners, LRM/RLM
                | '\u{2060}'
                | '\u{FEFF}'
                | '\u{061C}'
                | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
                | '\u{2066}'..='\u{2069}' // bidi isolates
        )
}

/// Characters that can end a sentence (ASCII `;` only in Chinese context).
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | ';'
            | '。'
            | '！'
            | '？'
            | '；'
            | '…'
            | '⋯'
            | '｡'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '؟' // Arabic question mark
            | '।' // Devanagari danda
    )
}

/// Question marks: ASCII, full-width, Arabic and the doubled forms.
pub(crate) fn is_question_mark(c: char) -> bool {
    matches!(c, '?' | '？' | '؟' | '⁇' | '⁈' | '⁉')
}

/// Closing quotes and brackets (ASCII `"` and `'` are decided in context).
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '”'
            | '’'
            | '»'
            | '›'
            | '」'
            | '』'
            | '）'
            | '》'
            | '〉'
            | '】'
            | '〕'
            | '〗'
            | '〙'
            | '〛'
            | '］'
            | '｝'
            | '｣'
            | '〞'
            | '〟'
            | '＂'
            | '＇'
    )
}

pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '“'
            | '‘'
            | '«'
            | '‹'
            | '「'
            | '『'
            | '（'
            | '《'
            | '〈'
            | '【'
            | '〔'
            | '〖'
            | '〘'
            | '〚'
            | '［'
            | '｛'
            | '｢'
            | '〝'
    )
}

pub(crate) fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '「' | '『')
}

pub(crate) fn is_comma_like(c: char) -> bool {
    matches!(c, ',' | '，' | '、' | '､' | '﹐' | '﹑' | ';')
}

pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '–' | '—')
}

/// Combining marks and emoji modifiers that must not be separated from the preceding char: the
/// diacritics after Latin, Greek and Cyrillic letters, and those of other scripts.
pub(crate) fn is_extender(c: char) -> bool {
    is_combining_diacritic(c)
        || matches!(
            c,
            '\u{0483}'..='\u{0489}'
                | '\u{0591}'..='\u{05BD}'
                | '\u{0610}'..='\u{061A}'
                | '\u{064B}'..='\u{065F}'
                | '\u{0900}'..='\u{0903}'
                | '\u{093A}'..='\u{094F}'
                | '\u{0E31}'..='\u{0E3A}'
                | '\u{0E47}'..='\u{0E4E}'
                | '\u{3099}'..='\u{309A}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{1F3FB}'..='\u{1F3FF}'
                | '\u{E0020}'..='\u{E007F}'
                | '\u{E0100}'..='\u{E01EF}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_chinese_characters_are_all_letters() {
        // Callers of `is_common_han` count them as letters without asking: this must stay true.
        assert!(('\u{4E00}'..='\u{9FFF}').all(char::is_alphanumeric));
    }

    #[test]
    fn the_fast_alphanumeric_check_agrees_with_the_unicode_tables() {
        let every_char = (0..=char::MAX as u32).filter_map(char::from_u32);
        for c in every_char {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn the_two_sets_of_chinese_numerals_differ_only_by_the_magnitudes_and_two_words() {
        let digits = "〇零一二三四五六七八九十";
        assert!(digits.chars().all(|c| is_han_digit(c) && is_han_numeral(c)));
        for c in "百千万亿两几".chars() {
            assert!(is_han_numeral(c) && !is_han_digit(c), "{c}");
        }
        assert!(!is_han_digit('个') && !is_han_numeral('个'));
    }
}
