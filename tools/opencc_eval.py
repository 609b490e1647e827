#!/usr/bin/env python3
"""Writes Traditional Chinese copies of eval gold files with OpenCC, for `make eval`.

    python3 tools/opencc_eval.py CONFIG OUT_DIR GOLD.jsonl...

CONFIG is an OpenCC configuration: `s2t` (OpenCC standard Traditional characters) or `s2twp`
(Taiwan characters and phrasing: 软件 → 軟體, 信息 → 資訊, 网络 → 網路). Each row's text, summary
and keywords (each keyword on its own) are converted; OUT_DIR/NAME.CONFIG.jsonl is written. The
copies are eval data too: they stay under target/, never in the repository. Needs the PyPI
package opencc (the Makefile installs opencc==1.4.2 in target/opencc-venv).
"""
import json
import sys
from pathlib import Path

import opencc


def main():
    config, out_dir, golds = sys.argv[1], Path(sys.argv[2]), sys.argv[3:]
    converter = opencc.OpenCC(config)
    out_dir.mkdir(parents=True, exist_ok=True)
    for gold in map(Path, golds):
        out = out_dir / f"{gold.stem}.{config}.jsonl"
        if out.exists() and out.stat().st_mtime >= gold.stat().st_mtime:
            continue
        rows = []
        for line in gold.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            for field in ("text", "summary"):
                if isinstance(row.get(field), str):
                    row[field] = converter.convert(row[field])
            if isinstance(row.get("keywords"), list):
                row["keywords"] = [converter.convert(k) for k in row["keywords"]]
            rows.append(json.dumps(row, ensure_ascii=False))
        out.write_text("\n".join(rows) + "\n", encoding="utf-8")
        print(f"{out}: {len(rows)} rows ({config})")


if __name__ == "__main__":
    main()
