#!/usr/bin/env python3
"""Writes the hand-written seed inputs of the fuzz targets to fuzz/seeds/<target>/.

Run from anywhere: `python3 fuzz/seeds.py`. The files are committed; this script says what they
are and regenerates them. `analyze` inputs start with the 8-byte header that fuzz/checks.rs
decodes (language, keyword count, three (kind, value) budgets), then the text.
"""

import hashlib
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent / "seeds"

TEXTS = [
    # Mixed Chinese / English, abbreviations, decimals, quotes.
    "我们使用Rust语言。It is fast. 它很安全！Mr. Wang说：“Good.”然后走了。",
    "Mr. Smith went to the U.S. The weather was fine. He paid $3.5 million, i.e. a lot. "
    "Dr. J. K. Rowling et al. (2019) disagree... What? \"Why?\" she asked.",
    "GDP增长了3.5%。U.S.政府表示，No. 5号文件已经发布……他说：“这件事……我不知道。”",
    "访问百度.com了解。研究了X.结果很好。GPT-4.结果如何?那么1/3;今年",
    # Emoji, ZWJ sequences, skin tones, flags, astral Han.
    "I love 🦀! Rust 🚀 rocks. 𠮷野家好吃。Family 👨‍👩‍👧 here. 👍🏽 Yes! 🇨🇳🇺🇸",
    "😀😀😀 🎉🎉 👍",
    # Bidi controls, zero-width characters, BOM, NBSP, ideographic space.
    "\u202eevil.exe\u202c 你好\u200b世界。\u2066isolate\u2069 ok.\u200f\u200e Done.",
    "\ufeff\u3000\u3000你好。\u00a0 Hello. \u200b\t",
    "\u202b\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd.\u202c Hello. \u061c\u0645\u0631\u062d\u0628\u0627\u061f \u0646\u0639\u0645.",
    # Lone combining marks, long combining sequences.
    "\u0301\u0301\u0301",
    "e\u0301te\u0301. Cafe\u0301! \u0301Start. a" + "\u0301" * 40 + ".",
    # Control characters, NUL, U+FFFD (a lone surrogate from JavaScript).
    "\x00\x07abc. Def\x7f.\x1b[31m红色\x1b[0m。",
    "\ufffd\ufffd。前面是替换字符\ufffd。\ufffd",
    # No sentence punctuation, line breaks of every kind, lists, paragraphs.
    "第一行没有标点\n第二行也没有\r\n\r\nA title line\n\nBody text here\u2028Last\u2029Next\x0cPage",
    "具体有三点：\n一、加强合作\n二、推进发展。\n（三）培养人才\n①第一项\n1.引言\n2、方法\n- item\n• bullet\n(a) x",
    # Only numbers, only punctuation.
    "123 456.789 3.14159 1,000,000 ２０２４年",
    "。。。！！！？？？……......!!!???;;;",
    "“”「」『』（）()[]\"\"''",
    # Japanese and Korean (refused in auto mode), Cyrillic, Devanagari.
    "今日は東京で会議がありました。とても楽しかったです。",
    "오늘 서울에서 회의가 있었습니다. 정말 즐거웠어요.",
    "Привет. Как дела? नमस्ते। आप कैसे हैं?",
    # Compatibility ideographs and full-width forms.
    "\uf900\uf901\uf902。ＡＢＣ，ｄｅｆ。ｶﾀｶﾅ",
    # Repetition: a headline printed again, near-duplicates.
    "标题\n正文第一句。正文第二句。\n标题\n正文第一句。",
    "The cat sat. The cat sat. The cat sat! The dog ran.",
]

SPLIT_ONLY = [
    "",
    " \n\t\r\n\u3000\u200b\ufeff\u2029",
    "word " * 600,
    "汉" * 3100 + "e\u0301",
]

USER_DICTS = [
    "",
    "# comment only\n\n   \n",
    "工具图书馆 100 n\n修理咖啡馆\n江澜市 ns\n",
    "\ufeff词语 5 n\r\n另一个词 3\r\n",
    "huge 18446744073709551616 n\n",
    "big 16777216 n\nbigger 16777217 n\n",
    "negative -5 n\n",
    "plus +7 n\n",
    "float 3.5 n\n",
    "hex 0x10 n\n",
    "extra 1 n x\n",
    "tab\t5\tn\n",
    "零 0 m\n",
    "工具 0\n图书馆 0\n",
    "控制\x07字 3 n\n",
    "\u200b零宽 3 n\n\u202e反向 4\n",
    "🦀 10 x\n👨‍👩‍👧 5\n",
    "\ufffd 1\n",
    "missing\n" * 50,
    "重复 5 n\n重复 10 n\n重复\n",
    "".join(f"词{i} 16777216 n\n" for i in range(300)),
    "a" * 200 + " 1\n",
]

# Headers for `analyze`: (lang, keywords, kind, value, kind, value, kind, value).
HEADERS = [
    bytes([0, 10, 0, 3, 1, 60, 2, 30]),  # auto, 10 keywords, 3 sentences, ratio 0.3, 120 chars
    bytes([1, 5, 0, 0, 1, 0, 2, 0]),  # zh, zero budgets and a NaN ratio
    bytes([2, 255, 0, 250, 1, 4, 2, 250]),  # en, usize::MAX keywords/sentences, +inf, huge chars
    bytes([0, 254, 1, 3, 1, 14, 1, 210]),  # negative ratio, f64::MAX, 1.05
    bytes([1, 0, 1, 7, 1, 10, 2, 1]),  # subnormal ratio, 1 + epsilon, 4 chars
]


def write(target, data):
    directory = ROOT / target
    directory.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    (directory / name).write_bytes(data)


def main():
    for directory in ROOT.glob("*"):
        for f in directory.glob("*"):
            f.unlink()
    for text in TEXTS + SPLIT_ONLY:
        write("split", text.encode("utf-8"))
    # Invalid UTF-8 (becomes U+FFFD), including an encoded lone surrogate.
    write("split", b"\xed\xa0\x80 lone surrogate. \xff\xfe bad bytes\xc3")
    for i, text in enumerate(TEXTS):
        write("analyze", HEADERS[i % len(HEADERS)] + text.encode("utf-8"))
    write("analyze", HEADERS[1])
    write("analyze", HEADERS[2] + b"   \n\t ")
    for dictionary in USER_DICTS:
        write("user_dict", dictionary.encode("utf-8"))
    write("user_dict", b"\xed\xa0\x80 3 n\n\xff 1\n")


if __name__ == "__main__":
    main()
