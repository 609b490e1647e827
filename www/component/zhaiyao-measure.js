// The length of a text as the interface counts it, everywhere it shows one (the element's stats
// line, the demo's input): characters (code points other than white space) and words.

/** A letter, digit or combining mark of a script written in words (Cyrillic, Greek, Arabic…). */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * Whether UTF-16 unit `c` (not a surrogate) is part of a word. Han, kana and hangul are counted
 * as characters, not words; ASCII is decided without the Unicode tables.
 */
function isWordUnit(c) {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x27;
  if (c === 0x2019) return true;
  if ((c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || c >= 0xff00) return false;
  return WORD_CHAR.test(String.fromCharCode(c));
}

/**
 * Characters (code points other than white space) and words (runs of letters or digits of the
 * scripts written in words: Latin, Cyrillic, Greek, Arabic…).
 */
export function measure(text) {
  let chars = 0;
  let words = 0;
  let inWord = false;
  const s = String(text ?? "");
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // the second half of a surrogate pair
    const space = c <= 0x20 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);
    if (!space) chars++;
    const wordChar = isWordUnit(c);
    if (wordChar && !inWord) words++;
    inWord = wordChar;
  }
  return { chars, words };
}
