from __future__ import annotations

import csv
import importlib.util
import time
from pathlib import Path

import pytest

from kg import gazetteer
from kg.errors import ChoiceError
from kg.ids import entity_iri, slug
from kg.resources import ontology_dir

ONTO = ontology_dir()
GAZ = ONTO / "gazetteer"
DATA_FILES = sorted(
    [*GAZ.glob("*.tsv"), *GAZ.glob("*.txt"), ONTO / "sectors.ttl",
     *(ONTO / "lang").glob("*/stopwords.txt"), *(ONTO / "lang").glob("*/legal_forms.txt")]
)
SKOS = "http://www.w3.org/2004/02/skos/core#"


@pytest.fixture(scope="module")
def g() -> gazetteer.Gazetteer:
    return gazetteer.load()


def rows(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def stopwords() -> set[str]:
    words: set[str] = set()
    for p in (ONTO / "lang").glob("*/stopwords.txt"):
        lines = p.read_text(encoding="utf-8").splitlines()
        words.update(ln.strip() for ln in lines if not ln.startswith("#"))
    return words


# ------------------------------------------------------------ required rows


def test_xiaomi(g: gazetteer.Gazetteer) -> None:
    e = g.lookup("Xiaomi")
    assert e is not None
    assert (e.id, e.label, e.type, e.wikidata) == ("xiaomi", "Xiaomi", "Company", "Q1636958")
    assert {"Xiaomi Corporation", "Xiaomi Corp", "Xiaomi Inc"} <= set(e.aliases)
    assert "Mi" not in e.aliases  # too short: a word in many texts
    assert g.lookup("Xiaomi Corp.") == e


def test_ford_is_one_row(g: gazetteer.Gazetteer) -> None:
    e = g.lookup("Ford")
    assert e is not None
    assert (e.label, e.wikidata, e.ticker, e.exchange) == ("Ford Motor Company", "Q44294", "F", "US")
    assert "Ford" in e.aliases
    assert [x for x in g.entries if x.wikidata == "Q44294"] == [e]
    assert g.lookup("Ford Motor Co") == e


def test_idx_companies(g: gazetteer.Gazetteer) -> None:
    ptba = g.lookup("PT Bukit Asam Tbk")
    assert ptba is not None and (ptba.label, ptba.ticker, ptba.exchange, ptba.country) == (
        "Bukit Asam", "PTBA", "IDX", "ID")
    assert ptba.sector == "coal-mining"
    assert g.by_ticker("PTBA") == g.lookup("Bukit Asam") == ptba
    bri = g.by_ticker("BBRI")
    assert bri is not None and bri.label == "Bank Rakyat Indonesia" and bri.sector == "banking"
    assert "PT Bank Rakyat Indonesia (Persero) Tbk" in bri.aliases and "BRI" in bri.aliases
    assert g.lookup("Bank Negara Indonesia") not in (None, bri)


def test_volkswagen(g: gazetteer.Gazetteer) -> None:
    e = g.lookup("Volkswagen")
    assert e is not None and e.type == "Company" and e.sector == "automotive"


@pytest.mark.parametrize("name", ["GoTo", "Grab", "Tokopedia", "Gojek", "Pertamina", "PLN", "Danantara",
                                  "Telkomsel", "BYD", "Tesla", "Nvidia", "OJK", "Bank Indonesia"])
def test_curated_names(g: gazetteer.Gazetteer, name: str) -> None:
    e = g.lookup(name)
    assert e is not None and e.label == name and e.type in ("Company", "Organization")


def test_agencies_are_organizations(g: gazetteer.Gazetteer) -> None:
    assert {g.lookup(n).type for n in ("OJK", "Bank Indonesia", "Danantara")} == {"Organization"}  # type: ignore[union-attr]
    assert g.lookup("Otoritas Jasa Keuangan") == g.lookup("OJK")


def test_tickers_with_exchange(g: gazetteer.Gazetteer) -> None:
    idx, us = g.by_ticker("IDX:META"), g.by_ticker("META", exchange="US")
    assert idx is not None and us is not None and idx != us and idx.country == "ID"
    assert g.by_ticker("META") == idx
    assert g.by_ticker("NOPE") is None


# ------------------------------------------------------------ countries


@pytest.mark.parametrize("name", ["Tiongkok", "China", "Cina", "RRT", "Republik Rakyat Tiongkok"])
def test_china_is_one_country(g: gazetteer.Gazetteer, name: str) -> None:
    e = g.lookup(name, language="id")
    assert e is not None and (e.id, e.type, e.wikidata, e.country) == ("china", "Country", "Q148", "CN")


@pytest.mark.parametrize(("name", "language"), [("Amerika Serikat", "id"), ("AS", "id"), ("US", "en"),
                                                ("USA", "en"), ("U.S.", "en"), ("United States", "en"),
                                                ("US", None), ("AS", None)])
def test_united_states_is_one_country(g: gazetteer.Gazetteer, name: str, language: str | None) -> None:
    e = g.lookup(name, language=language)
    assert e is not None and (e.id, e.wikidata, e.country) == ("united-states", "Q30", "US")


def test_case_sensitive_country_codes(g: gazetteer.Gazetteer) -> None:
    assert g.lookup("AS", language="en") is None  # "as" is an English word
    assert g.lookup("as") is None and g.lookup("us") is None
    assert {"AS", "RRT", "RI"} <= g.exact_case_forms("id")
    us = g.country("US")
    assert us is not None and ("AS", True) in us.surfaces("id") and ("AS", True) not in us.surfaces("en")


def test_countries_file(g: gazetteer.Gazetteer) -> None:
    table = rows(GAZ / "countries.tsv")
    assert len(table) > 200
    for r in table:
        assert r["id"] == slug(r["label"]) and len(r["iso2"]) == 2 and r["wikidata"].startswith("Q")
    by = {r["iso2"]: r for r in table}
    assert by["DK"]["wikidata"] == "Q35" and by["NL"]["wikidata"] == "Q55"  # the country, not the kingdom
    assert (by["ID"]["label"], by["ID"]["label_id"]) == ("Indonesia", "Indonesia")
    assert by["HK"]["label_id"] == "Hong Kong"
    cols = ("aliases", "aliases_en", "aliases_id")
    aliases = {a for r in table for col in cols for a in r[col].split("|") if a}
    assert not {a for a in aliases if not a[0].isalnum() or a[0].islower() or len(a) < 2}
    assert "Nusantara" not in aliases  # also the new capital


# ------------------------------------------------------------ companies file


def test_companies_file(g: gazetteer.Gazetteer) -> None:
    table = rows(GAZ / "companies.tsv")
    assert len(table) + len(rows(GAZ / "places.tsv")) == len(g.entries) > 2000
    sector_ids = {s.id for s in g.sectors()}
    iso2 = {c.iso2 for c in g.countries()}
    for r in table:
        assert r["id"] == slug(r["label"]) and r["type"] in ("Company", "Organization")
        assert not r["sector"] or r["sector"] in sector_ids
        assert not r["country"] or r["country"] in iso2
        assert not r["wikidata"] or (r["wikidata"][0] == "Q" and r["wikidata"][1:].isdigit())
        assert bool(r["ticker"]) == (r["exchange"] in ("IDX", "US"))
    qids = [r["wikidata"] for r in table if r["wikidata"]]
    assert len(qids) == len(set(qids))


def test_ids_are_unique_across_kinds(g: gazetteer.Gazetteer) -> None:
    ids = [e.id for e in g.entries] + [c.id for c in g.countries()] + [s.id for s in g.sectors()]
    assert len(ids) == len(set(ids))


def test_curated_rows_are_merged(g: gazetteer.Gazetteer) -> None:
    for r in rows(GAZ / "curated.tsv"):
        e = g.get(slug(r["label"]))
        assert e is not None and e.label == r["label"], r["label"]


def test_no_alias_is_a_stop_word(g: gazetteer.Gazetteer) -> None:
    stop = stopwords()
    assert "yang" in stop and "the" in stop
    # Forms that match with exact case only ("AS", "US": all capitals) are not the stop words "as", "us".
    names = {n for e in g.entries for n in (e.label, *e.aliases) if not (n.isupper() and len(n) <= 5)}
    names |= {n for c in g.countries() for n, exact in c.surfaces() if not exact}
    names |= {n for s in g.sectors() for n in s.all_labels()}
    assert not {n for n in names if n.casefold() in stop}
    assert {"AS", "US"} <= g.exact_case_forms("en") | g.exact_case_forms("id")


def test_no_short_or_lowercase_brand_names(g: gazetteer.Gazetteer) -> None:
    curated = {a for r in rows(GAZ / "curated.tsv") for a in (r["label"], *r["aliases"].split("|"))}
    # labels of listed companies are official names ("3M"); everything else is filtered
    names = [(n, n == e.label and e.ticker) for e in g.entries for n in (e.label, *e.aliases)]
    bad = [n for n, listed in names if n not in curated and not listed and (len(n) < 3 or n == n.lower())]
    assert not bad


def test_surface_forms(g: gazetteer.Gazetteer) -> None:
    idn, en = g.surface_forms("id"), g.surface_forms("en")
    assert idn["mobil listrik"].id == en["electric vehicles"].id == "electric-vehicles"
    assert idn["AS"].id == "united-states" and "AS" not in en and en["US"].id == "united-states"
    assert idn["Xiaomi"].wikidata == "Q1636958"
    with pytest.raises(ChoiceError):
        g.surface_forms("fr")


def test_load_is_fast() -> None:
    from kg.resources import languages

    start = time.perf_counter()
    fresh = gazetteer.Gazetteer(gazetteer._read_entries(GAZ / "companies.tsv"),
                                gazetteer._read_countries(GAZ / "countries.tsv"),
                                gazetteer._read_sectors(ONTO / "sectors.ttl"), languages())
    took = time.perf_counter() - start
    assert fresh.entries and took < 1.0  # about 0.06 s on the 2-core machine; generous for shared CI


# ------------------------------------------------------------ sectors


def test_sectors_ttl_parses_with_rdflib(g: gazetteer.Gazetteer) -> None:
    import rdflib
    from rdflib.namespace import RDF
    from rdflib.namespace import SKOS as S

    graph = rdflib.Graph().parse(ONTO / "sectors.ttl", format="turtle")
    sector_class = rdflib.URIRef("https://w3id.org/kg/ontology#Sector")
    concepts = set(graph.subjects(RDF.type, sector_class))
    assert 40 <= len(concepts) <= 80 and len(concepts) == len(g.sectors())
    for c in concepts:
        langs = {getattr(lit, "language", None) for lit in graph.objects(c, S.prefLabel)}
        assert langs == {"en", "id"}, c
        assert (c, S.inScheme, None) in graph
        assert any(graph.objects(c, p) for p in (S.exactMatch, S.closeMatch, S.broadMatch, S.narrowMatch)), c
    for s in g.sectors():
        assert s.iri == entity_iri(slug(s.pref_label("en") or "")) == entity_iri(s.id)


def test_ev_and_automotive(g: gazetteer.Gazetteer) -> None:
    ev, auto = g.sector("electric-vehicles"), g.sector("automotive")
    assert ev is not None and auto is not None
    assert ev.broader == ("automotive",)
    ev_labels = {x.casefold() for x in ev.all_labels()}
    assert {"electric vehicle", "electric vehicles", "ev", "evs", "kendaraan listrik", "mobil listrik",
            "motor listrik"} <= ev_labels
    auto_labels = {x.casefold() for x in auto.all_labels()}
    assert {"otomotif", "automotive", "industri otomotif", "automotive industry"} <= auto_labels
    assert ("close", "29") in auto.isic
    assert g.lookup("kendaraan listrik", language="id") == ev.entry


def test_no_vague_sector(g: gazetteer.Gazetteer) -> None:
    vague = {"technology", "teknologi", "digital", "tech", "teknologi digital", "digital technology"}
    assert not {lab.casefold() for s in g.sectors() for lab in s.all_labels()} & vague


def test_sector_labels_are_unambiguous(g: gazetteer.Gazetteer) -> None:
    seen: dict[tuple[str, str], str] = {}
    for s in g.sectors():
        for lang, lab in (*s.pref, *s.alt):
            assert seen.setdefault((lang, lab.casefold()), s.id) == s.id, lab
        assert all(g.sector(b) is not None for b in s.broader)


# ------------------------------------------------------------ provenance


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(ONTO)))
def test_data_file_header_names_source_and_licence(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    head = []
    for ln in lines:
        if not ln.startswith("#"):
            break
        head.append(ln)
    text = " ".join(head).casefold()
    assert head, f"{path} has no header"
    assert "source" in text and ("licence" in text or "license" in text)


def test_data_is_small() -> None:
    assert sum(p.stat().st_size for p in DATA_FILES) < 3_000_000


def test_regenerating_gives_identical_files(shared: Path, tmp_path: Path) -> None:
    root = ONTO.parent
    spec = importlib.util.spec_from_file_location("build_gazetteer", root / "scripts" / "build_gazetteer.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    written = build.build(shared / "gazetteer", tmp_path)
    compared = 0
    for new in written:
        if not new.exists():  # stop words need spaCy; without it the committed lists stay
            continue
        old = root / new.relative_to(tmp_path)
        assert new.read_bytes() == old.read_bytes(), f"{old} differs from a fresh build"
        compared += 1
    assert compared >= 3


# ------------------------------------------------------------ the large lists (names.tsv.gz)


def scan(text: str, language: str = "en", *, title_case: bool = False) -> dict[str, str]:
    """{matched text: entity id} of the gazetteer scan over one hand-written sentence."""
    from kg.extract.gazindex import gaz_index
    from kg.extract.text import tokenize

    toks = tokenize(text)
    return {text[toks[i].start : toks[j - 1].end]: k.id for i, j, k in
            gaz_index(language).scan(toks, title_case=title_case)}


def test_names_file_header_names_source_and_licence() -> None:
    import gzip

    lines = gzip.decompress((GAZ / "names.tsv.gz").read_bytes()).decode("utf-8").splitlines()
    head = " ".join(ln for ln in lines[:30] if ln.startswith("#")).casefold()
    for source in ("free-ticker-database", "name-suggestion-index", "idx-emiten-detail-parser", "licence"):
        assert source in head


def test_names_file_is_small() -> None:
    # the documented limit (docs/data.md): the large lists ship compressed, under 2 MB
    assert (GAZ / "names.tsv.gz").stat().st_size < 2_000_000


def test_names_do_not_repeat_the_core() -> None:
    core = {e.id for e in gazetteer.load().entries}
    names = gazetteer.load_names()
    assert len(names) > 20_000
    # only the IDX rows that add a ticker which is a word repeat a core id
    assert all(e.id not in core or (e.ticker_forms and not e.strong) for e in names)


def test_a_distinctive_name_matches_with_its_wikidata_id() -> None:
    from kg.extract.gazindex import gaz_index

    assert scan("Shares of Purolator rose after the merger talks.") == {"Purolator": "purolator"}
    known = gaz_index("en").get("purolator")
    assert known is not None and known.wikidata == "Q7261372" and known.type == "Company"


def test_a_list_name_inside_a_longer_name_is_not_taken() -> None:
    # "Bork" is a brand in the list; here it is a surname, and the sentence's capitals say so
    assert "Bork" not in scan("Judge Robert Bork said the ruling would stand.")
    assert scan("Analysts said Bork would cut prices.") == {"Bork": "bork"}


def test_a_common_word_name_needs_a_confirmation() -> None:
    # "Gap" is one common word: casing alone does not make it the retailer ...
    assert scan("The Gap between the two offers narrowed.") == {}
    assert scan("Sales at Gap fell in March.") == {}
    # ... a legal form or an organisation cue does
    assert scan("Gap Inc said sales fell in March.") == {"Gap": "gap"}
    assert scan("Sales at retailer Gap fell in March.").get("Gap") == "gap"  # "retailer": an org cue


def test_a_cue_confirms_a_weak_name_in_indonesian() -> None:
    # "perusahaan" (company) is an organisation cue of ontology/lang/id/org_cues.txt
    assert scan("Saham perusahaan Coach turun tajam.", "id") == {"Coach": "coach"}
    assert scan("Ada Gap besar antara dua harga.", "id") == {}


def test_a_cue_does_not_confirm_a_weak_name_that_is_an_indonesian_word() -> None:
    # "Jumbo" (a brand of the lists) is a word of ontology/lang/id/root_words.txt: "bank jumbo" are the big banks
    # ("Bank" itself is the banking sector's bare word: kg.extract.baresector)
    assert scan("Saham Bank Jumbo Bangkit Lagi", "id", title_case=True) == {"Bank": "banking"}
    assert scan("Kinerja Bank Jumbo tetap kuat.", "id") == {"Bank": "banking"}
    # a legal form after it still does, and English keeps its cues (no dictionary of its own words)
    assert scan("Harga saham Jumbo Corp naik tajam.", "id") == {"Jumbo": "jumbo"}
    assert scan("Sales at retailer Jumbo fell in March.").get("Jumbo") == "jumbo"


def test_a_ticker_that_is_a_word_needs_its_capitals() -> None:
    assert scan("Saham BUKA naik 5 persen hari ini.", "id") == {"BUKA": "bukalapak"}
    assert scan("Toko itu buka sampai malam.", "id") == {}
    assert scan("Toko Itu Buka Sampai Malam", "id", title_case=True) == {}
    # in an all-capitals sentence capitals confirm nothing
    assert "BUKA" not in scan("TOKO BUKA SAMPAI MALAM DI JAKARTA", "id")


def test_plain_names_wait_for_sentence_case() -> None:
    name = "Air Products and Chemicals"
    assert scan(f"Shares of {name} fell on Monday.") == {name: "air-products-and-chemicals"}
    assert name not in scan(f"Big {name} Plans Face Delay", title_case=True)


def test_officers_are_people() -> None:
    from kg.extract.gazindex import gaz_index

    assert scan("Kata Prajogo Pangestu kepada wartawan.", "id") == {"Prajogo Pangestu": "prajogo-pangestu"}
    known = gaz_index("id").get("prajogo-pangestu")
    assert known is not None and known.type == "Person"


def test_core_rows_get_wikidata_ids_from_the_brand_list(g: gazetteer.Gazetteer) -> None:
    boeing = g.lookup("Boeing")
    assert boeing is not None and boeing.wikidata == "Q66"


def test_lookup_name_reads_the_lists_without_tickers() -> None:
    from kg.extract.gazindex import gaz_index

    gaz = gaz_index("en")
    hit = gaz.lookup_name("Purolator Inc.")
    assert hit is not None and hit.id == "purolator"
    assert gaz.lookup_name("Buka") is None


def test_one_word_list_names_need_a_confirmation_in_headlines() -> None:
    # in a title-case headline every word is capitalised, so casing confirms nothing
    assert scan("Purolator Bidik Ekspansi Ke Asia Tenggara", "id", title_case=True) == {}
    assert scan("Saham Perusahaan Purolator Naik Tajam", "id", title_case=True) == {"Purolator": "purolator"}
