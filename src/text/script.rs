//! Scripts: how a word is written (Han or read by words), and Traditional Chinese read as
//! Simplified: each character's Simplified form, for lookups only.
//!
//! jieba's dictionary, its IDF table and the stop words are Simplified. A Traditional text is
//! segmented and weighed through its *folded* copy, where every Traditional character is
//! replaced by its Simplified form (`data/t2s.txt`, from OpenCC's character tables; see
//! NOTICE). Each replacement has the same UTF-8 length as the character it replaces, so the
//! folded copy has the same byte, character and UTF-16 offsets as the text: a word found in the
//! copy is sliced from the text as written. Simplified characters, and every character Simplified
//! text writes (乾, 著), are left as they are, so a Simplified text folds to itself.

use std::borrow::Cow;
use std::sync::OnceLock;

/// How a word is written, which decides how it is shown and counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Chinese characters: jieba's words.
    Han,
    /// Every other word: English and the other languages read by words, whatever their alphabet.
    Latin,
}

const T2S_TXT: &str = include_str!("../../data/t2s.txt");

/// For each character of the Basic Multilingual Plane, its Simplified form, or 0 if it is its
/// own (every folded character is in that plane).
fn table() -> &'static [u16] {
    static TABLE: OnceLock<Vec<u16>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = vec![0u16; 0x1_0000];
        for line in T2S_TXT.lines() {
            let mut chars = line.chars();
            if let (Some(t), Some(s)) = (chars.next(), chars.next()) {
                if let (Ok(t), Ok(s)) = (u16::try_from(t as u32), u16::try_from(s as u32)) {
                    table[usize::from(t)] = s;
                }
            }
        }
        table
    })
}

/// The Simplified form of `c` (itself if it has none).
#[inline]
pub fn simplified(c: char) -> char {
    // Below U+3400 no character has a Simplified form: ASCII, Latin and punctuation skip the table.
    if (c as u32) < 0x3400 {
        return c;
    }
    match table().get(c as usize) {
        Some(&s) if s != 0 => char::from_u32(u32::from(s)).unwrap_or(c),
        _ => c,
    }
}

/// `text` with every character in its Simplified form: the same length and offsets, borrowed
/// when nothing changes (a Simplified or English text).
pub fn fold(text: &str) -> Cow<'_, str> {
    let Some(first) = text.char_indices().find(|&(_, c)| simplified(c) != c) else {
        return Cow::Borrowed(text);
    };
    let mut folded = String::with_capacity(text.len());
    folded.push_str(&text[..first.0]);
    folded.extend(text[first.0..].chars().map(simplified));
    debug_assert_eq!(folded.len(), text.len());
    Cow::Owned(folded)
}

/// Whether `text` has a character that folds (a Traditional one).
pub fn has_traditional(text: &str) -> bool {
    text.chars().any(|c| simplified(c) != c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_traditional_characters_and_keeps_offsets() {
        let text = "圖書館將在後天開放，還有資訊網路裡的課程。AI 與 café。";
        let folded = fold(text);
        assert_eq!(folded, "图书馆将在后天开放，还有资讯网路里的课程。AI 与 café。");
        assert_eq!(folded.len(), text.len());
        assert!(text
            .char_indices()
            .all(|(i, c)| folded[i..].chars().next().map(char::len_utf8) == Some(c.len_utf8())));
    }

    #[test]
    fn simplified_text_folds_to_itself() {
        for text in [
            "乾隆年间著名的图书馆于后天开放。",
            crate::EXAMPLE_ZH,
            crate::EXAMPLE_EN,
        ] {
            assert!(matches!(fold(text), Cow::Borrowed(_)), "{text}");
        }
    }

    #[test]
    fn every_table_pair_keeps_the_length() {
        for line in T2S_TXT.lines() {
            let chars: Vec<char> = line.chars().collect();
            assert_eq!(chars.len(), 2, "{line}");
            assert_eq!(chars[0].len_utf8(), chars[1].len_utf8(), "{line}");
            assert_eq!(simplified(chars[0]), chars[1], "{line}");
            assert_eq!(simplified(chars[1]), chars[1], "{line}: folds twice");
        }
    }
}
