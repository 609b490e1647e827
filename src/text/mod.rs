//! The text itself, before any word is read: character classes ([`chars`]), sentences
//! ([`sentences`]), the language ([`lang`]) and Traditional characters read as Simplified
//! ([`script`]).

pub mod chars;
pub mod lang;
pub mod script;
pub mod sentences;
