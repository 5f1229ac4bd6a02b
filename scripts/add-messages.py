#!/usr/bin/env python3
"""Adds or replaces messages in i18n/{ja,en,qqq}.json, keeping the files sorted.

Usage: scripts/add-messages.py FILE.tsv
Each line of the TSV: id <TAB> ja <TAB> en <TAB> qqq (explanation for translators).
Lines starting with # are ignored. "\\n" in a text becomes a newline.
"""
import json
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent / "i18n"
cats = {}
for lang in ("ja", "en", "qqq"):
    p = root / f"{lang}.json"
    cats[lang] = json.loads(p.read_text(encoding="utf-8")) if p.exists() else {}

for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines():
    if not line.strip() or line.startswith("#"):
        continue
    parts = line.split("\t")
    if len(parts) != 4:
        sys.exit(f"bad line (need 4 tab-separated columns): {line!r}")
    mid, ja, en, qqq = (x.replace("\\n", "\n") for x in parts)
    cats["ja"][mid] = ja
    cats["en"][mid] = en
    cats["qqq"][mid] = qqq

for lang, cat in cats.items():
    (root / f"{lang}.json").write_text(
        json.dumps(dict(sorted(cat.items())), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
