//! Speech that carries no content: fillers, backchannels, greetings and the host's hand-overs
//! (嗯嗯，对对对。谢谢大家！下面有请…), as meetings and interviews are transcribed.

use super::params::{FILLER_REST, MAX_FILLER_BYTES};

/// Words of speech that carry no content: fillers, backchannels, greetings and the host's
/// hand-overs. Longer ones first, so that 谢谢大家 goes before 谢谢.
pub(crate) const FILLERS: &[&str] = &[
    "就是说",
    "对对对",
    "谢谢大家",
    "感谢大家",
    "谢谢各位",
    "感谢各位",
    "大家好",
    "各位好",
    "下面有请",
    "有请",
    "下面",
    "欢迎",
    "掌声",
    "那个",
    "这个",
    "就是",
    "然后",
    "那么",
    "好的",
    "是的",
    "没错",
    "谢谢",
    "感谢",
    "大家",
    "各位",
    "我们",
    "嗯",
    "啊",
    "呃",
    "哦",
    "噢",
    "哎",
    "唉",
    "哈",
    "呀",
    "吧",
    "呢",
    "嘛",
    "对",
    "好",
    "行",
    "是",
    "那",
    "的",
    "了",
    "thank you",
    "thanks",
    "okay",
    "ok",
    "yeah",
    "yes",
    "right",
    "well",
    "um",
    "uh",
    "hmm",
    "so",
    "you know",
    "i mean",
    "everyone",
    "all",
    "hello",
    "hi",
    "welcome",
];

/// A sentence of fillers, backchannels and greetings only (嗯嗯，对对对。谢谢大家！).
pub fn is_filler(text: &str) -> bool {
    // Fillers are short; a long line is read no further.
    if text.len() > MAX_FILLER_BYTES {
        return false;
    }
    let lower = text.to_lowercase();
    let mut rest = 0;
    let mut at = 0;
    let bytes = lower.as_bytes();
    while at < lower.len() {
        let tail = &lower[at..];
        // Whole words for English fillers: "so" in "sold" is no filler.
        let filler = FILLERS.iter().find(|f| {
            tail.starts_with(**f)
                && (!f.is_ascii()
                    || (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
                        && !tail
                            .as_bytes()
                            .get(f.len())
                            .is_some_and(u8::is_ascii_alphanumeric))
        });
        match filler {
            Some(f) => at += f.len(),
            None => {
                let c = tail.chars().next().unwrap_or(' ');
                if c.is_alphanumeric() {
                    rest += 1;
                    if rest > FILLER_REST {
                        return false;
                    }
                }
                at += c.len_utf8();
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fillers_and_greetings_are_told_from_sentences_that_name_something() {
        for filler in [
            "嗯嗯，对对对。",
            "那个……谢谢大家！",
            "好的，谢谢。",
            "Okay, thank you all.",
            "Um, yeah, so.",
        ] {
            assert!(is_filler(filler), "{filler}");
        }
        for sentence in [
            "好的，下面有请张教授。",
            "对，我们去年试点了工具图书馆。",
            "So the library lends drills.",
            "Sold out.",
        ] {
            assert!(!is_filler(sentence), "{sentence}");
        }
    }
}
