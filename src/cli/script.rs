//! The script `zhaiyao eval` reads its data in: as written, or converted to Traditional
//! characters by a one-to-one character table.

use std::sync::OnceLock;

/// Simplified text written in Traditional characters where the character has exactly one
/// Traditional form (OpenCC's STCharacters; `data/s2t.txt`): a character-level conversion, for
/// `zhaiyao eval --script traditional`. It leaves the characters with several forms (发: 發 or
/// 髮) as they are, and knows no phrases; `make eval` also measures OpenCC's own `s2t` and
/// `s2twp` conversions of the same data.
pub fn traditional(text: &str) -> String {
    static TABLE: OnceLock<rustc_hash::FxHashMap<char, char>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        include_str!("../../data/s2t.txt")
            .lines()
            .filter_map(|line| {
                let mut chars = line.chars();
                Some((chars.next()?, chars.next()?))
            })
            .collect()
    });
    text.chars()
        .map(|c| table.get(&c).copied().unwrap_or(c))
        .collect()
}

/// The script `zhaiyao eval` reads its data in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum EvalScript {
    /// As the file has it.
    #[default]
    AsWritten,
    /// Converted with [`traditional`].
    Traditional,
}

impl EvalScript {
    /// Converts every text in place.
    pub fn convert<'a>(self, texts: impl IntoIterator<Item = &'a mut String>) {
        if self == EvalScript::Traditional {
            for text in texts {
                *text = traditional(text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhaiyao::script::fold;

    #[test]
    fn converts_one_to_one_characters_to_traditional() {
        assert_eq!(traditional("图书馆将开放"), "圖書館將開放");
        assert_eq!(fold(&traditional("图书馆将开放")), "图书馆将开放");
    }
}
