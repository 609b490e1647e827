#!/usr/bin/env python3
"""Regenerates the data files in data/ from their upstream sources.

Not part of the build: the outputs are committed. Run it only to change the data:

    python3 tools/build_data.py JIEBA_RS_SRC_DATA WORDFREQ_DATA STOPWORDS_ISO_JSON STOPWORD_ENG_JS

- JIEBA_RS_SRC_DATA: the `src/data` folder of the jieba-rs 0.11.0 crate (MIT), holding jieba's
  dict.txt and idf.txt.
- WORDFREQ_DATA: the `wordfreq/data` folder of the wordfreq 3.1.1 wheel (data CC-BY-SA 4.0).
- STOPWORDS_ISO_JSON: stopwords-iso.json of the npm package stopwords-iso 1.1.0 (MIT).
- STOPWORD_ENG_JS: src/stopwords_eng.js of the npm package stopword 3.1.5 (MIT).
"""
import gzip
import json
import math
import re
import statistics
import sys
from pathlib import Path

import msgpack

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


if __name__ == "__main__":
    jieba_data, wordfreq_data, iso_json, eng_js = map(Path, sys.argv[1:5])
    build_lexicon(jieba_data)
    build_idf_en(wordfreq_data)
    build_stopwords(iso_json, eng_js)
