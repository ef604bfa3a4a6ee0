#!/usr/bin/env python3
"""Writes the word lists of the lexicon data files as `words![...]` (one
string per list in the wasm) instead of `&[...]` (a pointer per word).

Which fields: those declared `Words` in src/facts/lexicon/mod.rs. Only the
opening `&[` changes; the entries and the closing `]` stay as they are.
Idempotent: rerun it after adding a language or merging new words.

    python3 scripts/lexicon-words.py
"""
import pathlib
import re
import sys

LEXICON = pathlib.Path(__file__).resolve().parent.parent / "src" / "facts" / "lexicon"


def main() -> int:
    fields = re.findall(r"pub (\w+): Words,", (LEXICON / "mod.rs").read_text())
    if not fields:
        print("no Words fields in lexicon/mod.rs", file=sys.stderr)
        return 1
    pattern = re.compile(r"(\n\s*(?:%s): )&\[" % "|".join(fields))
    changed = 0
    for path in sorted(LEXICON.glob("*.rs")):
        if path.name == "mod.rs":
            continue
        text = path.read_text()
        new = pattern.sub(r"\1words![", text)
        # `|` separates the entries, so no entry may contain one.
        for m in re.finditer(r"\n\s*(?:%s): words!\[(.*?)\]" % "|".join(fields), new, re.S):
            if "|" in m.group(1):
                print(f"{path.name}: an entry contains '|': {m.group(0).strip()}", file=sys.stderr)
                return 1
        if new != text:
            path.write_text(new)
            changed += 1
    print(f"{changed} lexicon files rewritten ({len(fields)} word-list fields)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
