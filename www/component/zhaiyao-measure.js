// The length of a text as the interface counts it, everywhere it shows one (the element's stats
// line, the demo's input): characters (code points other than white space) and words.

/** Characters (code points other than white space) and words (runs of letters or digits). */
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
    const wordChar =
      (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ||
      c === 0x27 || c === 0x2019 || (c >= 0xc0 && c <= 0x24f);
    if (wordChar && !inWord) words++;
    inWord = wordChar;
  }
  return { chars, words };
}
