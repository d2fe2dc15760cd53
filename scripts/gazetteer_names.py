"""The large name lists of ../shared/gazetteer as ``ontology/gazetteer/names.tsv.gz`` (used by build_gazetteer.py).

Big lists hold names that are also words ("Target", "Grab", "Mandiri", IDX tickers such as BUKA), so every
surface form gets a *tier* that says what must confirm it in a text (``kg.extract.gazindex``):

- ``strong``: a name with a word that is no common word and no person's or place's name ("Fujitsu",
  "Jeju Air", "Agro Menara Rachmat"): matched wherever it is capitalised, as the core gazetteer is;
- ``plain``: several words, all common ("Swedish Match", "Two Point Zero"): matched in sentence-case text
  only (in a title-case headline every word is capitalised), or when confirmed;
- ``weak``: one common word or first name ("Target", "Paul", "Surge"), or a ticker that is a word
  ("BUKA"): matched only when the text confirms it (a legal form after it, an acronym or ticker in brackets
  after it, an organisation cue before it, or a lone capitalised word inside a sentence-case sentence; a
  ticker needs its capitals in a sentence that is not all capitals).

Common words are the lowercase words of kg's training texts in ../shared/train (outside annotated names)
plus kg's stop words and denylist; first names and place names are the words of the Person and Place
names annotated there, of S&P 500 headquarters, IDX subsidiaries' locations and IDX officers' names.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.extract.text import tokenize
from kg.ids import slug
from kg.names import legal_forms, normalize

NAMES_SOURCES = {
    "world": "listed-companies-world.csv: adanos-software/free-ticker-database@2bdf8b4 (MIT; exchange"
    " masterfiles and reviewed secondary sources)",
    "brands": "brands-operators-wikidata.csv: osmlab/name-suggestion-index@c8b272e (BSD-3-Clause; Wikidata"
    " ids and names CC0)",
    "idxsub": "idx-subsidiaries.csv: fahmipriadi/idx-emiten-detail-parser@da332f7 (The Unlicense; IDX company"
    " profiles scraped from idx.co.id, April 2022)",
    "officers": "idx-officers-shareholders.csv (directors and commissioners): same source as idx-subsidiaries",
    "places": "words of places and people that make a one-word name weak: sp500-companies.csv headquarters"
    " (datasets/s-and-p-500-companies@56509dd, ODC-PDDL-1.0), idx-subsidiaries.csv locations,"
    " idx-officers-shareholders.csv names",
    "idx": "IDX tickers of ontology/gazetteer/companies.tsv (idx-companies.csv, see there)",
    "vocab": "common words: ../shared/train/ner-id (NER-UI CC BY 4.0, NERGRIT, NERP CC BY-SA 4.0),"
    " factuality-en (UDS-IH2 CC BY-SA 4.0, UW, MEANTIME CC BY 2.5), relations-en (KnowledgeNet CC BY-SA 4.0,"
    " Re-DocRED MIT); only word counts are used, no text is copied",
}
# Which lists go into names.tsv.gz (measured one by one, docs/data.md).
DEFAULT_LISTS = ("world", "brands", "idxsub", "officers", "idx")
MIN_COUNT = 2  # a lowercase word seen this often in the training texts is a common word
VERY_COMMON = 100  # a one-word name this common in lowercase names no company on its own
# Share-class and listing words after a company name ("Kyivstar Group Ltd. Common Shares").
_LISTING_TAIL = re.compile(
    r"\s*[-,]?\s*\b(Common Stock|Common Shares|Ordinary Shares|Class [A-C]( Shares)?|ADR|ADS|"
    r"American Depositary (Shares|Receipts)|Depositary (Shares|Receipts)|Units?|Warrants?|Rights?|"
    r"Preferred( Stock| Shares)?|Registered Shares|Bearer Shares|Shs|Non[- ]Voting)\b.*$", re.I)
_TITLES = re.compile(r"\b(Prof|Dr|Ir|Drs|Dra|Hj|H|Hc|Ph\.?D|Mba|Mm|Msc|Ma|Se|Sh|St|Mh|Ak|Cpa|Cfa|Ca|Mt|Me|Mr|"
                     r"Mrs|Ms|Sp|Mkn|Ssi|Spd|Psi|Mpsi|Meng|Mcom|Mfin|Ba|Bsc|Bcom|Llm|Ll\.?M|Tbk|Sip|Skom|"
                     r"Mkom|Mec|Mep|Mpp|Mpa|Cma|Qia|Crmp|Rsa|Sked|Skm|Sstp|Mstr|Mpd|Ssos|Mba\.?)\b\.?", re.I)
_LATIN = re.compile(r"^[\sA-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF.,&'’\-/()!+]+$")
TIER_COLUMNS = {"strong": "strong", "plain": "plain", "weak": "weak", "ticker": "ticker_forms"}
COLUMNS = ["id", "label", "type", "strong", "plain", "weak", "ticker_forms", "wikidata", "country", "ticker",
           "exchange", "isin", "source"]


def _gold_texts(path: Path) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        d = json.loads(line)
        spans = [(m["start"], m["end"], e["type"]) for e in d.get("entities", []) for m in e.get("mentions", [])]
        yield d["text"], spans


def vocabulary(train: Path) -> tuple[Counter[str], set[str]]:
    """(common words, name words): lowercase words of the training texts seen MIN_COUNT times outside
    annotated names; words of annotated Person and Place names (first names, towns)."""
    words: Counter[str] = Counter()
    names: set[str] = set()
    files = sorted((train / "ner-id").glob("*.jsonl")) + sorted((train / "relations-en").glob("*.jsonl")) + \
        sorted((train / "factuality-en").glob("*.jsonl"))
    for path in files:
        for text, spans in _gold_texts(path):
            inside = sorted(spans)
            for t in tokenize(text):
                hit = [s for s in inside if s[0] <= t.start < s[1]]
                if hit:
                    if hit[0][2] in ("Person", "Place") and t.text[:1].isupper():
                        names.add(t.low)
                elif t.text.isalpha() and t.text.islower():
                    words[t.text] += 1
    return Counter({w: n for w, n in words.items() if n >= MIN_COUNT}), names


def place_and_person_words(shared: Path) -> set[str]:
    """More words that name places and people, from the lists themselves: S&P 500 headquarters
    ("Memphis, Tennessee"), IDX subsidiaries' locations, and the words of IDX officers' and
    shareholders' names (a brand "Santosa" is a surname first)."""
    words: set[str] = set()
    texts = [r["headquarters"] for r in _read_csv(shared / "sp500-companies.csv")]
    texts += [r["location"] for r in _read_csv(shared / "idx-subsidiaries.csv")]
    forms = {f.casefold().strip(".") for f in legal_forms()}
    for r in _read_csv(shared / "idx-officers-shareholders.csv"):
        toks = {t.low.strip(".") for t in tokenize(r["name"])}
        if not toks & forms:
            texts.append(_person_name(r["name"]))
    for text in texts:
        words.update(t.low for t in tokenize(text) if t.text[:1].isalpha() and len(t.text) > 2)
    return words


def is_latin(text: str) -> bool:
    return bool(_LATIN.match(text)) and any(c.isalpha() for c in text)


class Tiers:
    """Assigns the tier of a surface form from the common words and name words."""

    def __init__(self, common: Counter[str], names: set[str], more_names: set[str] = frozenset()) -> None:
        self.common = common
        self.names = names
        # words of the lists' own places and people: they make a one-word name weak ("Memphis"), but
        # not a longer one ("Agro Menara Rachmat" stays a name)
        self.one_word_names = names | more_names
        self.forms = {f.casefold().strip(".") for f in legal_forms()}
        self.strict_forms = self.forms - {"group", "holdings", "holding", "grup"}

    def words(self, surface: str) -> list[str]:
        return [t.low for t in tokenize(surface) if t.text[0].isalnum() and t.low.strip(".") not in self.forms]

    def tier(self, surface: str, *, person: bool = False) -> str:
        toks = [t.low for t in tokenize(surface) if t.text[0].isalnum()]
        ws = self.words(surface) or toks
        if not self.words(surface):
            return "none"  # "Holdings", "Inc": legal forms are no names
        if surface.isupper() and len(surface) <= 5:
            return "weak"  # "ATM", "ABC", "NFC": acronyms of a big list name many things
        if len(ws) == 1:
            w = ws[0]
            if self.common[w] >= VERY_COMMON:
                return "none"  # "Financial", "Office", "International": too common to name one company
            if len(toks) > 1 and toks[-1].strip(".") in self.strict_forms:
                return "plain"  # "NEXT plc", "Target Corp": a word with its legal form
            return "weak" if (w in self.common or w in self.one_word_names or len(w) < 4) else "strong"
        if person:
            return "none" if all(w in self.common for w in ws) else "strong"  # an officer "Tidak Ada"
        return "strong" if any(w not in self.common and w not in self.names for w in ws) else "plain"


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(" | ") if x.strip()]


def _strip(name: str, forms: Iterable[str]) -> str:
    keys = {normalize(f) for f in forms}
    parts = re.sub(r"\s*\([^)]*\)\s*", " ", name).replace(",", " ").split()

    def legal(t: str) -> bool:
        return re.sub(r"[\W_]", "", t).casefold() in keys

    for _ in range(2):
        while parts and legal(parts[-1]):
            parts.pop()
        while parts and legal(parts[0]):
            parts.pop(0)
    return " ".join(parts).strip(" .,-") or name


def _clean(name: str) -> str:
    return " ".join(name.replace("\u00a0", " ").split())


def _usable(name: str) -> bool:
    """Latin script, mixed case (all-capital long names are exchange short names), 3+ letters."""
    if not name or not is_latin(name) or sum(c.isalpha() for c in name) < 3:
        return False
    if name == name.lower():
        return False
    return not (name.isupper() and len(name) > 5) and "%" not in name and name[-1] not in "&-/,"


def _person_name(raw: str) -> str:
    """'DR. IR. MARIO CASIMIRUS GULTOM, S.E., M.M.' -> 'Mario Casimirus Gultom'."""
    name = raw.split(",")[0]
    name = _TITLES.sub(" ", name)
    parts = [p for p in re.split(r"\s+", name.replace(".", ". ")) if re.sub(r"\W", "", p)]
    parts = [p.strip(".") for p in parts if len(p.strip(".")) > 1 or p[:1].isalpha()]
    parts = [p for p in parts if len(p) > 1]
    return " ".join(p[:1].upper() + p[1:].lower() if (p.isupper() or p.islower()) else p for p in parts)


def records(shared: Path, lists: Iterable[str], core: list[dict[str, str]]) -> Iterator[dict[str, object]]:
    """Raw records (label, type, surfaces, ids) of the chosen lists, in a fixed order."""
    lists = set(lists)
    short_forms = legal_forms() - {"Group", "Holdings", "Holding"}
    if "world" in lists:
        rows = _read_csv(shared / "listed-companies-world.csv")
        # primary listings first: an OTC line is kept only for a company listed nowhere else
        rows.sort(key=lambda r: (r["exchange"] == "OTC", r["exchange"], r["ticker"]))
        for r in rows:
            if r["country_code"] == "ID":
                continue  # IDX companies come from the official IDX list (companies.tsv)
            full = _LISTING_TAIL.sub("", _clean(r["name"])).strip(" ,.-")
            if not _usable(full):
                continue
            label = _strip(full, short_forms)
            aliases = [a for a in _split(r["aliases"]) if _usable(a)]
            yield {"source": "world", "label": label, "type": "Company", "surfaces": [label, full, *aliases],
                   "country": r["country_code"], "isin": r["isin"]}
    if "brands" in lists:
        for r in _read_csv(shared / "brands-operators-wikidata.csv"):
            names = [_clean(r["name"]), *(_clean(n) for n in _split(r["names_other"]))]
            latin = [n for n in names if _usable(n)]
            if not latin:
                continue
            label = latin[0]
            key = set(normalize(label).split())
            # other names that share a word with the label or are acronyms (not "Walmart Pharmacy"-style shops)
            surf = [n for n in latin if n == label or (n.isupper() and len(n) >= 3) or
                    (key & set(normalize(n).split()) and len(n.split()) <= len(label.split()) + 1)]
            countries = [c for c in _split(r["countries"]) if re.fullmatch(r"[A-Z]{2}", c)]
            yield {"source": "brands", "label": label, "type": "Company", "surfaces": surf,
                   "wikidata": r["qid"], "country": countries[0] if len(countries) == 1 else ""}
    if "idxsub" in lists:
        for r in sorted(_read_csv(shared / "idx-subsidiaries.csv"), key=lambda r: r["subsidiary_name"]):
            full = _clean(r["subsidiary_name"])
            if not _usable(full):
                continue
            label = _strip(full, {"PT", "Tbk", "Persero", "Pte", "Ltd", "Limited", "Inc", "Corp", "LLC",
                                  "BV", "B.V", "Sdn", "Bhd", "Co"})
            surf = [label, full] + ([] if full.startswith("PT ") else ["PT " + label])
            yield {"source": "idxsub", "label": label, "type": "Company", "surfaces": surf, "country": ""}
    if "officers" in lists:
        seen: set[str] = set()
        rows = [r for r in _read_csv(shared / "idx-officers-shareholders.csv")
                if r["record_type"] in ("director", "commissioner")]
        for r in sorted(rows, key=lambda r: (r["name"], r["ticker"])):
            name = _person_name(r["name"])
            if len(name.split()) < 2 or not _usable(name) or normalize(name) in seen:
                continue
            seen.add(normalize(name))
            yield {"source": "officers", "label": name, "type": "Person", "surfaces": [name], "country": ""}
    if "idx" in lists:
        # IDX tickers that are words (BUKA, DATA, LAND) are no aliases of companies.tsv; here they are weak
        for c in core:
            if c["exchange"] == "IDX" and c["ticker"] and c["ticker"] not in c["aliases"].split("|"):
                yield {"source": "idx", "label": c["label"], "type": c["type"], "surfaces": [c["ticker"]],
                       "id": c["id"], "wikidata": c["wikidata"], "country": c["country"], "ticker": c["ticker"],
                       "exchange": "IDX"}


def build_names(shared: Path, train: Path, core: list[dict[str, str]], reserved: set[str],
                lists: Iterable[str] = DEFAULT_LISTS) -> tuple[list[dict[str, str]], set[str]]:
    """Rows of names.tsv.gz: one per new entity (or a core id with extra weak forms); surfaces that a core
    entry, a country or a sector already has, or that two new entities share, are dropped."""
    common, name_words = vocabulary(train)
    tiers = Tiers(common, name_words, place_and_person_words(shared))
    core_ids = {c["id"] for c in core}
    core_keys = {normalize(n) for c in core for n in [c["label"], *c["aliases"].split("|")] if n} | reserved
    recs = list(records(shared, lists, core))
    owners: dict[str, set[str]] = defaultdict(set)
    rows: dict[str, dict[str, object]] = {}
    by_qid: dict[str, str] = {c["wikidata"]: c["id"] for c in core if c["wikidata"]}
    by_norm: dict[tuple[str, str], str] = {}
    for r in recs:
        label = str(r["label"])
        if r.get("id"):
            ident = str(r["id"])
        else:
            if not _usable(label) or normalize(label) in core_keys or not normalize(label):
                continue
            if r.get("wikidata") and r["wikidata"] in by_qid:
                continue  # the core gazetteer has this company
            # one row per normalised label ("The Gap" is "Gap"), else per id
            ident = by_norm.get((normalize(label), str(r["type"]))) or slug(label)
            if ident in core_ids or ident in reserved or not ident:
                continue
            by_norm.setdefault((normalize(label), str(r["type"])), ident)
        row = rows.setdefault(ident, {"id": ident, "label": label, "type": r["type"], "surfaces": set(),
                                      "wikidata": r.get("wikidata", ""), "country": r.get("country", ""),
                                      "ticker": r.get("ticker", ""), "exchange": r.get("exchange", ""),
                                      "isin": r.get("isin", ""), "sources": set()})
        if row["type"] != r["type"]:
            continue
        row["sources"].add(str(r["source"]))  # type: ignore[attr-defined]
        for k in ("wikidata", "isin", "country"):
            row[k] = row[k] or r.get(k, "")
        for s in r["surfaces"]:  # type: ignore[attr-defined]
            s = _clean(str(s))
            key = normalize(s)
            if not key or len(key) < 3 or (key in core_keys and not r.get("id")):
                continue
            if key == normalize(str(row["label"])) and s != row["label"] and s.casefold() != key:
                continue  # "Celanese Corporation": kg finds the name with its legal form and looks it up

            row["surfaces"].add(s)  # type: ignore[attr-defined]
            owners[key].add(ident)
    out = []
    for ident in sorted(rows):
        row = rows[ident]
        surf = sorted(s for s in row["surfaces"] if len(owners[normalize(s)]) == 1)  # type: ignore[attr-defined]
        if not surf:
            continue
        by_tier: dict[str, list[str]] = defaultdict(list)
        for s in surf:
            tier = "ticker" if row["sources"] == {"idx"} else tiers.tier(s, person=row["type"] == "Person")
            by_tier[tier].append(s)
        if not (by_tier["strong"] or by_tier["plain"] or by_tier["weak"] or by_tier["ticker"]):
            continue
        out.append({"id": ident, "label": str(row["label"]), "type": str(row["type"]),
                    **{col: "|".join(by_tier[t]) for t, col in TIER_COLUMNS.items()},
                    "wikidata": str(row["wikidata"]), "country": str(row["country"]),
                    "ticker": str(row["ticker"]), "exchange": str(row["exchange"]), "isin": str(row["isin"]),
                    "source": "|".join(sorted(row["sources"]))})  # type: ignore[call-overload]
    return out, set(lists)


def gz_bytes(text: str) -> bytes:
    """gzip without a timestamp or file name: the same text gives the same bytes."""
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
