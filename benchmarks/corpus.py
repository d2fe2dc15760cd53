"""Synthetic news corpora of any size for scale benchmarks, from the articles in ../shared/corpus.

Each article is a source article (a Reuters-21578 acquisition story, a CNBC Indonesia headline or the
Selular.ID story) with its company names replaced by synthetic ones, a new id and a date in 2025. Names
are drawn Zipf-like from a pool growing with the article number, as in a year of news: popular companies
recur (links merge across articles) while new ones keep appearing (the graph grows with the corpus).
Output depends only on ``(n, seed)`` and the source files.

    python benchmarks/corpus.py 100000 /tmp/syn100k.jsonl [--format jsonl|folder] [--seed 0] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["DEFAULT_SHARED", "generate", "write_folder", "write_jsonl"]

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"
_REUTERS = "corpus/en/reuters-21578-acq.jsonl"
_CNBC = "corpus/id/cnbc-indonesia-headlines.jsonl"
_SELULAR = "corpus/id/selular-xiaomi-ford.txt"
FOLDER_SIZE = 1000  # files per subfolder of write_folder
_DATES = tuple((dt.date(2025, 1, 1) + dt.timedelta(days=d)).isoformat() for d in range(365))

# English names are coined from consonant-vowel syllables and a final consonant: a name splits into syllables in
# one way only, so distinct numbers give distinct names ("Kanelix", "Zumetavor").
_SYLLABLES = tuple(o + v for o in ("b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "tr")
                   for v in "aeiou")
_CODAS = ("", "n", "x", "r", "s", "l", "m", "th")
_DESCRIPTORS = ("", "", "", "", "", "Systems", "Industries", "Financial", "Technologies", "Energy", "Capital",
                "Resources", "Communications", "Foods", "Pharmaceuticals", "Electronics", "Realty", "Media")
_LEGAL = ("Inc", "Inc", "Inc", "Corp", "Corp", "Corp", "Co", "Ltd", "PLC", "NV", "AG", "Group")
# Indonesian names join words common in Indonesian company names ("PT Sarana Mitrajaya Persada Tbk").
_ID_WORDS = ("Sarana", "Mitra", "Karya", "Jaya", "Abadi", "Nusa", "Sejahtera", "Makmur", "Prima", "Persada",
             "Utama", "Sentosa", "Buana", "Lestari", "Indah", "Perkasa", "Agung", "Cipta", "Bumi", "Graha",
             "Tunggal", "Sinar", "Mulia", "Surya", "Citra", "Sakti", "Bangun", "Wahana", "Dharma", "Eka",
             "Dwi", "Pratama", "Guna", "Tama", "Kencana", "Putra", "Mega", "Bahtera", "Cahaya", "Harapan")
# Odd multipliers, not multiples of 5: bijections modulo the 2^a * 5^b name-space sizes. Short and long names get
# their own multiplier and offset, else name j of both would start alike ("Kanelix", "Kanelivor").
_MIX = (2654435761, 2246822519)
_OFFSET = (1234567, 7654321)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _number(k: int, size: int, seed: int, long: bool) -> int:
    """The ``k``-th name of a name space of ``size`` in a seed-dependent order (a bijection for k < size)."""
    return (k * _MIX[long] + seed * 7777777 + _OFFSET[long]) % size


def _split(i: int, small: int) -> tuple[bool, int]:
    """Name ``i`` as (long form?, number): odd ``i`` long while short ones last, so both forms are common."""
    if i < 2 * small:
        return i % 2 == 1, i // 2
    return True, i - small


@lru_cache(maxsize=1 << 17)
def _en_entity(i: int, seed: int) -> tuple[str, str, str, str]:
    """``(core, short, full, ticker)`` of English synthetic company ``i``."""
    ns, nc = len(_SYLLABLES), len(_CODAS)
    long, k = _split(i, ns**2 * nc)
    syl = 3 if long else 2
    x = _number(k, ns**syl * nc, seed, long)
    coda, x = _CODAS[x % nc], x // nc
    parts = [_SYLLABLES[x // ns**j % ns] for j in range(syl)]
    word = ("".join(parts) + coda).capitalize()
    h = (i * 40503 + seed) & 0xFFFF  # descriptor and legal form: not part of the name's identity
    descriptor = _DESCRIPTORS[h % len(_DESCRIPTORS)]
    core = f"{word} {descriptor}" if descriptor else word
    ticker = "".join(p[0] for p in parts).upper() + (coda[:1].upper() if syl == 2 else "")
    return core, word, f"{core} {_LEGAL[(h >> 5) % len(_LEGAL)]}", ticker


@lru_cache(maxsize=1 << 17)
def _id_entity(i: int, seed: int) -> tuple[str, str, str, str]:
    """``(core, short, full, ticker)`` of Indonesian synthetic company ``i``."""
    nw = len(_ID_WORDS)
    long, k = _split(i, nw**3)
    x = _number(k, nw ** (4 if long else 3), seed, long)
    w = [_ID_WORDS[x // nw**j % nw] for j in range(4 if long else 3)]
    short = f"{w[0]} {w[1]}{w[2].lower()}"
    core = f"{short} {w[3]}" if long else short
    return core, short, f"PT {core} Tbk", (w[0][0] + w[1][0] + w[2][0] + w[-1][-1]).upper()


_ENTITIES = {"en": _en_entity, "id": _id_entity}
# Pool of names article ``i`` draws from: base + growth * i (a year of news keeps naming new companies).
_POOL = {"en": (500, 2.0), "id": (200, 1.0)}
_TAIL = 0.5


def _zipf(u: float, pool: int) -> int:
    """A rank in ``[0, pool)``: half the time log-uniform (about 1/rank: the companies always in the news), else
    uniform (the long tail, where the names new in the pool are)."""
    if u < _TAIL:
        return int(pool * u / _TAIL)
    return min(int((pool + 1) ** ((u - _TAIL) / (1 - _TAIL))) - 1, pool - 1)


_SEP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # a space or a hard line wrap, never a blank line
_EN_LEGAL = (r"(?:Incorporated|Inc|Corporation|Corp|Companies|Company|Cos|Co|Limited|Ltd|PLC|Plc|L\.P\.|LP|N\.V\.|NV"
             r"|B\.V\.|BV|AG|S\.A\.|SA|SpA|GmbH|AB|Group|Holdings|Holding)")
_WORD = r"[A-Z][A-Za-z0-9&./-]*"
_EN_NAME = re.compile(
    rf"(?<![\w.&'-])({_WORD}(?:{_SEP}(?:(?:&|and){_SEP})?{_WORD}){{0,5}}?),?{_SEP}{_EN_LEGAL}(?![\w-])")
_BRACKETED = re.compile(r"<([^<>\n]{1,80})>")
_TICKER = re.compile(r"[A-Z0-9.&/-]{1,10}")
_LEGAL_WORDS = frozenset(re.findall(r"[A-Za-z.]+", _EN_LEGAL.replace("\\", ""))) | {"Tbk", "PT"}
# Capitalised at the start of a sentence, not part of the company name after them.
_STARTERS = _wordset("""The A An In On At For By But And Or Under With From To Its His Her Their Both Also If
When As After Before Since Shares Shareholders Directors Officials Analysts Sources Earlier Last Separately Meanwhile
However Unit Subsidiary Chairman President Mr Mrs Reuter Reuters Privately Monday Tuesday Wednesday Thursday Friday""")
# Single words naming places or qualities more often than a company, besides those the corpus writes in lower case
# ("First", "General"): replaced only inside longer names.
_GENERIC = _wordset("""Allied American Atlantic Boston British California Canadian Chicago Commonwealth Continental
Dallas Great Houston Indonesia International Japanese London National North Pacific Royal South Southern Standard Texas
Toronto U.S. United Universal West Western York""")
# Indonesian companies the headlines name most, each with its short forms and stock ticker.
_ID_BRANDS = (
    ("Bank Rakyat Indonesia", "BRI", "BBRI"), ("Bank Negara Indonesia", "BNI", "BBNI"),
    ("Bank Mandiri", "Mandiri", "BMRI"), ("Bank Tabungan Negara", "BTN", "BBTN"),
    ("Bank Syariah Indonesia", "BSI", "BRIS"), ("Bank Central Asia", "BCA", "BBCA"), ("Danantara",),
    ("Bukalapak", "BukaLapak", "BUKA"), ("GoTo", "GOTO"), ("XLSmart",), ("XL Axiata", "EXCL"),
    ("Smartfren", "FREN"), ("Indosat", "ISAT"), ("Telkom", "TLKM"), ("Aneka Tambang", "Antam", "ANTM"),
    ("Pegadaian",), ("Pertamina",), ("Garuda Indonesia", "GIAA"), ("Astra International", "Astra", "ASII"),
    ("Chandra Asri", "TPIA"), ("Unilever Indonesia", "Unilever", "UNVR"),
    ("Bank Raya", "AGRO"), ("Waskita", "WSKT"), ("Jasa Marga", "JSMR"), ("Xiaomi",), ("Ford Motor Company", "Ford"),
)
_IDX_TICKER = re.compile(r"[A-Z]{4}")  # Indonesia Stock Exchange codes
_ID_TICKED = re.compile(r"((?:[A-Z][\w&.-]*[ ]){1,3})\(([A-Z]{4})\)")  # "Remala Abadi (DATA)"
_ID_PT = re.compile(rf"\bPT{_SEP}((?:[A-Z][\w&.-]*{_SEP}){{1,5}}?)Tbk\b")
# Headline words before a company name and its ticker: "Saham Remala Abadi (DATA)", "Bos BNI (BBNI)".
_ID_GENERIC = _wordset("""Saham Emiten Bos Laba Rugi Dirut Direktur Komisaris Ini Alasan Kinerja Dividen Investor
Induk Pemilik Jadi Dana IPO Pengendali Kredit Tabungan Dalam RUPS Jadwal Langkah Fakta Waran Usaha Murah Tiga Direksi
Respons Tambang Pengelola Grup Ekspor UMKM Milik Soal Kata Beli Jual Borong Bank""")

_LEGAL_AFTER = {lang: re.compile(rf",?{_SEP}{legal}(?:{_SEP}{legal})*(?![\w-])", re.IGNORECASE)
                for lang, legal in (("en", _EN_LEGAL), ("id", "Tbk"))}
_SENTENCE_START = re.compile(r"\s*(?:$|\n|[A-Z\"])")

CORE, SHORT, FULL, TICKER = range(4)  # indexes into an entity's forms
Part = str | tuple[int, int, bool, bool]  # literal text, or (slot, form, upper case, add a full stop)


@dataclass(frozen=True)
class _Source:
    language: str
    source: str | None
    title: tuple[Part, ...]
    text: tuple[Part, ...]
    slots: int


def _core(words: list[str]) -> list[str]:
    """The words of a name without sentence starters before it and legal forms after it."""
    while words and (words[0] in _STARTERS or words[0] in _LEGAL_WORDS or words[0] in ("&", "and")
                     or words[0].lower().endswith(("-based", "-held", "-owned"))):
        words = words[1:]
    while words and (words[-1] in _LEGAL_WORDS or words[-1] in ("&", "and")):
        words = words[:-1]
    return words


def _variants(cores: list[list[str]], generic: frozenset[str]) -> dict[str, tuple[int, int]]:
    """Case-folded name forms -> (slot, form): each core, and its prefixes that name one core ("Computer Terminal"
    of "Computer Terminal Systems")."""
    out: dict[str, tuple[int, int]] = {}
    owners: dict[str, set[int]] = {}
    for slot, words in enumerate(cores):
        # A lone generic word ("First", "Texas") stays; it then only counts when a legal form follows it.
        out[" ".join(words).casefold()] = (slot, CORE if len(words) > 1 or words[0] not in generic else -1)
        for j in range(1, len(words)):
            if words[j - 1] not in ("&", "and") and (j > 1 or words[0] not in generic):
                owners.setdefault(" ".join(words[:j]).casefold(), set()).add(slot)
    for key, slots in owners.items():
        if len(slots) == 1 and key not in out:  # "Dome" of "Dome Mines" and "Dome Petroleum" names neither
            out[key] = (slots.pop(), SHORT)
    return out


class _Templater:
    """Turns one source article into parts: literal text and slots for synthetic names."""

    def __init__(self, variants: dict[str, tuple[int, int]], legal: re.Pattern[str]) -> None:
        alts = sorted(variants, key=len, reverse=True)
        names = "|".join(r"\s+".join(re.escape(w) for w in v.split(" ")) for v in alts) or "(?!)"
        # Case-blind, so that the names also match in all-caps wire headlines.
        self.re = re.compile(rf"(?<![\w&'-])(?P<pt>PT{_SEP})?(?P<name>{names})(?![\w-])"
                             r"|<(?P<tick>[A-Z0-9.&/-]{1,10})>", re.IGNORECASE)
        self.legal = legal
        self.variants = variants

    def parts(self, text: str) -> tuple[Part, ...]:
        out: list[Part] = []
        pos = 0
        letters = [c for c in text if c.isalpha()]
        caps = sum(c.isupper() for c in letters) > 0.8 * len(letters)  # an all-caps wire headline
        last_slot, last_end = -1, -1
        for m in self.re.finditer(text):
            name = m.group("name")
            if name is None:  # <TICKER>: replaced after a replaced name, kept after a name that is kept ("BP")
                if last_end >= 0 and not text[last_end : m.start()].strip():
                    out += [text[pos : m.start() + 1], (last_slot, TICKER, False, False), ">"]
                    pos = m.end()
                continue
            if not all(w[0].isupper() or w[0].isdigit() or w in ("&", "and") for w in name.split()):
                continue  # the case-blind pattern matched ordinary words ("stone container")
            slot, form = self.variants[" ".join(name.split()).casefold()]
            legal = None if form == TICKER else self.legal.match(text, m.end())
            legal = legal if legal and legal.group().lstrip(", \t\n")[0].isupper() else None
            if form < 0 and not legal:
                continue  # a lone generic word ("First") is a company only with a legal form
            end = legal.end() if legal else m.end()
            form = FULL if form != TICKER and (legal or m.group("pt")) else form
            start = m.start() if form == FULL else m.start("name")
            # "Sedio N.V. The company": the legal form's full stop also ended the sentence.
            dot = legal is not None and legal.group().endswith(".") and bool(_SENTENCE_START.match(text, end))
            upper = caps and name.isupper() and form != TICKER
            out += [text[pos:start], (slot, form, upper, dot)]
            pos, last_slot, last_end = end, slot, end
        out.append(text[pos:])
        return tuple(p for p in out if p != "")


def _en_source(obj: dict, generic: frozenset[str]) -> _Source:
    text, title = obj["text"], obj.get("title") or ""
    found = [m.group(1).split() for m in _BRACKETED.finditer(text) if not _TICKER.fullmatch(m.group(1))]
    found += [m.group(1).split() for m in _EN_NAME.finditer(text)]
    unique = {" ".join(w).casefold(): w for w in map(_core, found) if w}  # in order of first appearance
    cores = list(unique.values())
    t = _Templater(_variants(cores, generic), _LEGAL_AFTER["en"])
    return _Source("en", obj.get("source"), t.parts(title), t.parts(text), len(cores))


_BRAND_RE = re.compile("|".join(rf"\b{re.escape(v)}\b" for group in _ID_BRANDS for v in group))
_BRAND_OF = {v: i for i, group in enumerate(_ID_BRANDS) for v in group}


def _id_source(title: str, text: str, source: str | None) -> _Source:
    both = f"{title}\n{text}"
    slots: dict[str, int] = {}  # a company's name (a brand's first name) -> its slot
    variants: dict[str, tuple[int, int]] = {}

    def slot(name: str) -> int:
        return slots.setdefault(_ID_BRANDS[_BRAND_OF[name]][0] if name in _BRAND_OF else name, len(slots))

    for m in _BRAND_RE.finditer(both):
        group = _ID_BRANDS[_BRAND_OF[m.group()]]
        variants.update({v.casefold(): (slot(v), TICKER if j and _IDX_TICKER.fullmatch(v) else CORE)
                         for j, v in enumerate(group)})
    for m in _ID_PT.finditer(both):
        name = " ".join(m.group(1).split())
        variants.setdefault(name.casefold(), (slot(name), CORE))
    for m in _ID_TICKED.finditer(both):
        words = m.group(1).split()  # "Saham Remala Abadi (DATA)": the company is the words after "Saham"
        words = words[max((j + 1 for j, w in enumerate(words) if w in _ID_GENERIC), default=0) :]
        if words and m.group(2).casefold() not in variants:
            name = " ".join(words)
            variants.setdefault(name.casefold(), (slot(name), CORE))
            variants[m.group(2).casefold()] = (slot(name), TICKER)
    t = _Templater(variants, _LEGAL_AFTER["id"])
    return _Source("id", source, t.parts(title), t.parts(text), len(slots))


@lru_cache(maxsize=4)
def _load(shared: Path) -> tuple[tuple[_Source, ...], tuple[_Source, ...], float]:
    """English sources, Indonesian sources, and the share of English text in the source corpus."""
    from kg.readers import read_text  # the kg reader finds the Selular story's title under its date lines

    corpus = shared / "corpus"
    if not corpus.is_dir():
        raise FileNotFoundError(f"{corpus}: no source corpus (pass --shared)")
    reuters, cnbc = ([json.loads(line) for line in (shared / f).read_text(encoding="utf-8").splitlines() if line]
                     for f in (_REUTERS, _CNBC))
    # Words often written in lower case are ordinary words, not names (once is not: "subsidiary of dixons Group").
    words = Counter(re.findall(r"\b[A-Za-z][\w.-]*", "\n".join(o["text"] for o in reuters)))
    generic = _GENERIC | {w for w, n in words.items() if w[0].isupper() and 4 * words[w.lower()] >= max(n, 8)}
    en = tuple(_en_source(o, generic) for o in reuters)
    ids = [_id_source(o.get("title") or "", o["text"], o.get("source")) for o in cnbc]
    selular = shared / _SELULAR
    if selular.is_file():
        art = read_text(selular.read_text(encoding="utf-8"), id="selular")
        body = "\n\n".join(art.text[s:e] for s, e in art.regions if art.text[s:e] != art.title)
        ids.append(_id_source(art.title or "", body, art.source))
    en_bytes = sum(len(o["text"]) for o in reuters)
    id_bytes = sum(len(o["text"]) for o in cnbc)
    return en, tuple(ids), en_bytes / (en_bytes + id_bytes)


def _render(parts: tuple[Part, ...], forms: list[tuple[str, str, str, str]]) -> str:
    return "".join(p if isinstance(p, str) else (forms[p[0]][p[1]].upper() if p[2] else forms[p[0]][p[1]])
                   + ("." if p[3] else "") for p in parts)


def generate(n: int, *, shared: Path = DEFAULT_SHARED, seed: int = 0) -> Iterator[dict]:
    """Yield ``n`` synthetic articles as JSONL records of the kg reader.

    Parameters
    ----------
    n
        Number of articles.
    shared
        The folder holding ``corpus/en/reuters-21578-acq.jsonl`` and ``corpus/id/...``.
    seed
        Another seed gives other names, dates and source articles.

    Yields
    ------
    dict
        ``id`` (``syn-000123``), ``title``, ``text``, ``published`` (ISO date in 2025), ``source`` and
        ``language``. Article ``i`` depends only on ``(i, seed)``: the first 200 articles of ``n=1000``
        are the articles of ``n=200``.
    """
    en, ids, en_share = _load(Path(shared).resolve())
    width = max(6, len(str(n - 1)))
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")  # per article: any article can be made alone, in any order
        lang = "en" if rng.random() < en_share else "id"
        sources = en if lang == "en" else ids
        src = sources[int(rng.random() * len(sources))]
        base, growth = _POOL[lang]
        pool = base + int(growth * i)
        picked: list[int] = []
        for _ in range(src.slots):
            for _try in range(20):  # two companies of one article must stay two companies
                k = _zipf(rng.random(), pool)
                if k not in picked:
                    break
            else:
                k = pool + len(picked)
            picked.append(k)
        entity = _ENTITIES[lang]
        forms = [entity(k, seed) for k in picked]
        yield {
            "id": f"syn-{i:0{width}d}",
            "title": _render(src.title, forms),
            "text": _render(src.text, forms),
            "published": _DATES[int(rng.random() * len(_DATES))],
            "source": src.source,
            "language": lang,
        }


def write_jsonl(path: Path | str, n: int, *, shared: Path = DEFAULT_SHARED, seed: int = 0) -> Path:
    """Write ``generate(n, shared=shared, seed=seed)`` as one JSON line per article; return ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for art in generate(n, shared=shared, seed=seed):
            f.write(json.dumps(art, ensure_ascii=False) + "\n")
    return path


def write_folder(path: Path | str, n: int, *, shared: Path = DEFAULT_SHARED, seed: int = 0) -> Path:
    """Write one ``.txt`` file per article under ``path/0000/``, ``path/0001/``, ...; return ``path``.

    Files start with ``title:``, ``date:``, ``source:`` and ``language:`` lines (header keys of the kg
    text reader) and a blank line; a subfolder holds at most :data:`FOLDER_SIZE` files.
    """
    path = Path(path)
    keys = {"title": "title", "date": "published", "source": "source", "language": "language"}
    for i, art in enumerate(generate(n, shared=shared, seed=seed)):
        sub = path / f"{i // FOLDER_SIZE:04d}"
        if i % FOLDER_SIZE == 0:
            sub.mkdir(parents=True, exist_ok=True)
        head = "".join(f"{key}: {art[fld]}\n" for key, fld in keys.items() if art[fld])
        (sub / f"{art['id']}.txt").write_text(f"{head}\n{art['text']}\n", encoding="utf-8", newline="\n")
    return path


def _size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out", type=Path, help="output .jsonl file or folder")
    ap.add_argument("--format", choices=("jsonl", "folder"), default="jsonl")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = ap.parse_args(argv)
    t = time.perf_counter()
    write = write_jsonl if args.format == "jsonl" else write_folder
    out = write(args.out, args.n, shared=args.shared, seed=args.seed)
    secs = time.perf_counter() - t
    print(f"wrote {args.n} articles, {_size(out) / 1e6:.1f} MB, to {out} in {secs:.1f}s")


if __name__ == "__main__":
    main()
