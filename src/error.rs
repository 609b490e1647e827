//! What can go wrong: [`Error`], each variant with a message for the person who caused it.

use std::fmt;

/// Everything that can go wrong, each with a message meant for the person who caused it.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// The text has no sentence to summarise (empty, or whitespace only).
    EmptyText,
    /// The text is larger than [`crate::MAX_INPUT_BYTES`].
    TooLarge {
        /// The text's size, in bytes (UTF-8).
        bytes: usize,
        /// The largest size accepted, in bytes.
        limit: usize,
    },
    /// Detected a language zhaiyao does not summarise: its BCP 47 code ("ja", "ko"), which user
    /// interfaces name in their own language.
    UnsupportedLanguage(&'static str),
    /// An option is out of its range; the message names it.
    InvalidOption(String),
    /// A user dictionary line could not be read.
    InvalidDictionary {
        /// The line's number, counting from 1.
        line: usize,
        /// What is wrong with the line.
        message: String,
    },
}

impl Error {
    /// Every [`Error::code`], for the user interfaces' tests: each must have a translation.
    pub const CODES: [&'static str; 5] = [
        "empty_text",
        "too_large",
        "unsupported_language",
        "invalid_option",
        "invalid_dictionary",
    ];

    /// A stable name of the variant, for programs: user interfaces translate by it, never by the
    /// English message, which may be reworded.
    pub fn code(&self) -> &'static str {
        match self {
            Error::EmptyText => "empty_text",
            Error::TooLarge { .. } => "too_large",
            Error::UnsupportedLanguage(_) => "unsupported_language",
            Error::InvalidOption(_) => "invalid_option",
            Error::InvalidDictionary { .. } => "invalid_dictionary",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::EmptyText => write!(f, "the text is empty: there is nothing to summarise"),
            Error::TooLarge { bytes, limit } => write!(
                f,
                "the text is {:.1} MiB, over the {} MiB limit: summarise it in parts",
                *bytes as f64 / (1024.0 * 1024.0),
                limit / (1024 * 1024)
            ),
            Error::UnsupportedLanguage(code) => {
                let name = match *code {
                    "ja" => "Japanese",
                    "ko" => "Korean",
                    other => other,
                };
                write!(
                    f,
                    "this looks like {name} text, which zhaiyao does not summarise yet (it reads Chinese, English and the main European languages)"
                )
            }
            Error::InvalidOption(message) => write!(f, "invalid option: {message}"),
            Error::InvalidDictionary { line, message } => {
                write!(f, "user dictionary, line {line}: {message}")
            }
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_has_a_distinct_listed_code() {
        let errors = [
            Error::EmptyText,
            Error::TooLarge { bytes: 2, limit: 1 },
            Error::UnsupportedLanguage("ja"),
            Error::InvalidOption("x".into()),
            Error::InvalidDictionary {
                line: 1,
                message: "x".into(),
            },
        ];
        let codes: Vec<&str> = errors.iter().map(Error::code).collect();
        assert_eq!(codes, Error::CODES);
    }
}
