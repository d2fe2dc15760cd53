"""Build ``ontology/lang/<code>/not_name_words.txt`` and ``common_words.txt``: words that start or
end no name, and words that are no name on their own.

A word goes in the list when annotated news text uses it often and (almost) never
inside a name: "alasan", "skema", "tegaskan", "setujui", "rupiah", "ditutup" in
Indonesian, "said", "shares", "agreed" in English. kg trims such words from the
edges of a name that no list knows (a tagger's or a pattern's) and refuses a name
made of nothing else, so that a title-case headline's verbs and nouns do not become
names whatever tagger runs (:mod:`kg.extract.edges`). A *common word* is one written in
lower case in at least 90 % of its occurrences after the first word of a sentence
("bursa", "istana", "mobil"): alone, capitalised by a headline, it names nothing.

Sources (training splits only; nothing from the dev or test sets):

- id: ``../shared/train/ner-id/`` (IndoLEM NER-UI, CC BY 4.0; IndoNLU NERGRIT, credit its
  contributors; IndoNLU NERP, CC BY-SA 4.0) and ``../shared/eval/idner/train.gold.jsonl``;
- both: the hand-kept ``ontology/lang/<code>/clipped_words.txt`` where there is one (clipped forms of
  common phrases, "medsos", "ln", too rare in the sources to be counted), added to both lists;
- en: ``../shared/eval/conll04/train.gold.jsonl`` (CoNLL04; its ``Other`` spans count as names), and
  the lower-case words of ``../shared/train/relations-en/`` (Re-DocRED, MIT; KnowledgeNet, CC BY-SA 4.0),
  whose capitalised words outside names are not counted (their entity layers are not exhaustive).

NERP is lower-cased by its source, so it counts for names but not for the common words.

Deterministic: same files in, same bytes out.

    python scripts/build_name_words.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = {
    "id": ("train/ner-id/ner-ui.gold.jsonl", "train/ner-id/nergrit.gold.jsonl", "train/ner-id/nerp.gold.jsonl",
           "eval/idner/train.gold.jsonl"),
    "en": ("eval/conll04/train.gold.jsonl", "train/relations-en/redocred.gold.jsonl",
           "train/relations-en/knowledgenet.gold.jsonl"),
}
# Sources whose entity layer is not exhaustive, or whose text was lower-cased.
PARTIAL = frozenset({"train/relations-en/redocred.gold.jsonl", "train/relations-en/knowledgenet.gold.jsonl"})
LOWERCASED = frozenset({"train/ner-id/nerp.gold.jsonl"})
LICENCES = {
    "id": "IndoLEM NER-UI (CC BY 4.0), IndoNLU NERGRIT (credit the NERGRIT contributors), IndoNLU NERP "
          "(CC BY-SA 4.0), idner-news-2k train",
    "en": "CoNLL04 train (Roth & Yih 2004, research use), Re-DocRED (MIT), KnowledgeNet (CC BY-SA 4.0)",
}
# At least this many occurrences, and at most this share of them inside a name.
MIN_COUNT = {"id": 5, "en": 3}
MAX_IN_NAME = 0.02
COMMON_LOWER = 0.9
CLIPPED = "clipped_words.txt"  # hand-kept, added to both lists
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def counts(shared: Path, code: str) -> tuple[Counter[str], Counter[str], Counter[str], Counter[str]]:
    """Per lowercased word: occurrences, occurrences inside a gold name, and (in cased text, after
    a sentence's first word) occurrences and lower-case occurrences."""
    total: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    cased: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for rel in SOURCES[code]:
        for line in (shared / rel).read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                continue
            doc = json.loads(line)
            text = doc["text"]
            spans = [(m["start"], m["end"]) for e in doc.get("entities", []) for m in e.get("mentions", [])]
            for n, w in enumerate(_WORD.finditer(text)):
                word = w.group()
                key = word.lower()
                named = any(a <= w.start() and w.end() <= b for a, b in spans)
                if rel in PARTIAL and not named and not word.islower():
                    continue  # perhaps a name nobody marked
                total[key] += 1
                inside[key] += named
                if rel not in LOWERCASED and n > 0 and text[w.start() - 2 : w.start()].strip() not in ".!?":
                    cased[key] += 1
                    lower[key] += word.islower()
    return total, inside, cased, lower


def _header(code: str, what: list[str], rule: str) -> list[str]:
    return [
        *what,
        f"# Built by scripts/build_name_words.py: {rule}",
        "# Source: " + ", ".join(f"../shared/{p}" for p in SOURCES[code]) + ".",
        f"# Licences of the sources: {LICENCES[code]}.",
    ]


def clipped(code: str) -> set[str]:
    """The hand-kept ``ontology/lang/<code>/clipped_words.txt``: clipped forms of common phrases ("medsos",
    "ln") too rare in the sources to be counted, added to both lists (none if the language has no file)."""
    path = ROOT / "ontology" / "lang" / code / CLIPPED
    lines = path.read_text(encoding="utf-8").split("\n") if path.is_file() else []
    return {x.strip().lower() for x in lines if x.strip() and not x.startswith("#")}


def build(code: str, shared: Path) -> tuple[str, str]:
    """The text of ``not_name_words.txt`` and ``common_words.txt`` for one language."""
    total, inside, cased, lower = counts(shared, code)
    extra = clipped(code)
    words = sorted({w for w, n in total.items()
                    if n >= MIN_COUNT[code] and inside[w] <= MAX_IN_NAME * n and len(w) > 1} | extra)
    common = sorted({w for w, n in cased.items()
                     if n >= MIN_COUNT[code] and lower[w] >= COMMON_LOWER * n and len(w) > 1} | extra)
    edge = _header(code, [
        f"# Words that start or end no name in {code} news text (kg.extract.edges trims them from the edges",
        "# of names no list knows, and refuses names made only of them)."],
        f"words seen at least {MIN_COUNT[code]} times and at most {MAX_IN_NAME:.0%} of them inside a name, "
        f"and the words of {CLIPPED}.")
    alone = _header(code, [
        f"# Common {code} words: no name on their own however capitalised (kg.extract.edges)."],
        f"words seen at least {MIN_COUNT[code]} times after a sentence's first word, in lower case "
        f"at least {COMMON_LOWER:.0%} of them, and the words of {CLIPPED}.")
    return "\n".join(edge + words) + "\n", "\n".join(alone + common) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    for code in SOURCES:
        for name, text in zip(("not_name_words.txt", "common_words.txt"), build(code, args.shared), strict=True):
            out = ROOT / "ontology" / "lang" / code / name
            out.write_text(text, encoding="utf-8")
            n = sum(1 for x in text.splitlines() if not x.startswith("#"))
            print(f"{out.relative_to(ROOT)}: {n} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
