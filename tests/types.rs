//! The TypeScript `Lang` union of the wasm API names every language the Rust `Lang` serialises
//! to. (tests/e2e/types.test.mjs checks the rest of the declared types against real outputs of
//! the wasm, and each declared `Lang` there; the Rust enum's variants are only listed here.)

use zhaiyao::lang::OTHER_WORD_LANGUAGES;
use zhaiyao::Lang;

/// Every variant of `Lang`. The match makes a new variant a compile error here until it is
/// listed (and then the test asks for it in the TypeScript union).
fn every_lang() -> Vec<Lang> {
    let all: Vec<Lang> = [Lang::Zh, Lang::En]
        .into_iter()
        .chain(OTHER_WORD_LANGUAGES)
        .collect();
    for lang in &all {
        match lang {
            Lang::Zh
            | Lang::En
            | Lang::Fr
            | Lang::De
            | Lang::Es
            | Lang::Pt
            | Lang::It
            | Lang::Nl
            | Lang::Ru
            | Lang::Ar => {}
        }
    }
    all
}

/// The string literals of `export type <name> = "a" | "b" …;` in the wasm's TypeScript section.
fn declared_union(name: &str) -> Vec<String> {
    let source = include_str!("../src/wasm.rs");
    let start = format!("export type {name} =");
    let at = source
        .find(&start)
        .unwrap_or_else(|| panic!("src/wasm.rs declares no `{start}`"));
    let union = &source[at + start.len()..];
    let union = &union[..union.find(';').expect("the union ends with `;`")];
    union
        .split('|')
        .map(|member| {
            let member = member.trim();
            assert!(
                member.len() > 2 && member.starts_with('"') && member.ends_with('"'),
                "{name}: not a string literal: {member}"
            );
            member[1..member.len() - 1].to_string()
        })
        .collect()
}

#[test]
fn the_typescript_lang_union_names_every_rust_lang() {
    let langs = every_lang();
    let mut serialised: Vec<String> = langs
        .iter()
        .map(|lang| {
            let code = serde_json::to_value(lang).unwrap();
            // `Summary.lang` is serde's, `Analysis.lang` is `code()`: one string for both.
            assert_eq!(code, lang.code(), "{lang:?}");
            lang.code().to_string()
        })
        .collect();
    serialised.sort();
    serialised.dedup();
    assert_eq!(serialised.len(), langs.len(), "each variant once");
    let mut declared = declared_union("Lang");
    declared.sort();
    assert_eq!(declared, serialised);
}
