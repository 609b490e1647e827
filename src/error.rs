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
    /// Detected a language zhaiyao does not summarise.
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
            Error::UnsupportedLanguage(name) => write!(
                f,
                "this looks like {name} text, which zhaiyao does not summarise yet (it reads Chinese and English)"
            ),
            Error::InvalidOption(message) => write!(f, "invalid option: {message}"),
            Error::InvalidDictionary { line, message } => {
                write!(f, "user dictionary, line {line}: {message}")
            }
        }
    }
}

impl std::error::Error for Error {}
