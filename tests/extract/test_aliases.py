"""Short forms of an article's names found again in it (kg.extract.aliases).

Every sentence here was written for these tests (fictional companies and people).
"""

from __future__ import annotations

from kg.extract.aliases import _over_tagged
from kg.extract.mentions import Mention


def _m(i: int, j: int, etype: str, source: str) -> Mention:
    return Mention(sent=0, i=i, j=j, start=i, end=j, text="x", type=etype, key=f"k{i}", label="x", source=source)


def test_a_longer_alias_replaces_only_the_taggers_names_inside_it() -> None:
    jones, vining = _m(4, 5, "Person", "ner"), _m(6, 7, "Company", "ner")
    names = [jones, vining]
    tagged = [jones, vining]
    assert _over_tagged(names, tagged, 4, 7)  # "Jones and Vining": the alias of "Jones and Vining Inc"
    longer = _m(6, 9, "Company", "ner")
    assert not _over_tagged([jones, longer], [jones, longer], 4, 7)  # a tagger's name reaching past the alias
    listed = _m(6, 7, "Company", "gazetteer")
    assert not _over_tagged([jones, listed], [jones], 4, 7)  # a listed name stays


def test_the_alias_is_found_in_a_whole_article() -> None:
    from kg.extract import extract
    from kg.model import Article

    text = ("Tarsa and Vining Inc said Vulcan Corp has offered to acquire Tarsa and Vining for five dlrs a share.\n\n"
            "Tarsa and Vining said its board would study the offer.")
    x = extract(Article(id="t", text=text, language="en"))
    spans = {" ".join(m.text.split()) for e in x.entities for m in e.mentions}
    assert "Tarsa and Vining" in spans
    assert not spans & {"Tarsa", "Vining"}


def test_a_shorter_second_name_after_atau_is_the_same_thing() -> None:
    from kg.extract.assemble import assemble
    from kg.model import Article

    text = "Pemprov melalui PT Jaya Propertia atau Jayapro , dan Tarsa atau Vexo naik"

    def at(surface: str, etype: str = "Company") -> Mention:
        i = text.index(surface)
        return Mention(0, 0, 0, i, i + len(surface), surface, etype, surface.lower(), surface, "ner")

    ms = [at("PT Jaya Propertia"), at("Jayapro"), at("Tarsa"), at("Vexo")]
    x = assemble(Article(id="a", text=text, language="id"), "id", ms, [])
    # "Tarsa atau Vexo": two names of as many words are alternatives, two things
    assert sorted((e.label, e.aliases) for e in x.entities) == [
        ("PT Jaya Propertia", ("Jayapro",)), ("Tarsa", ()), ("Vexo", ())]
    # English has no such word: the names stay apart
    x = assemble(Article(id="a", text=text, language="en"), "en", ms, [])
    assert len(x.entities) == 4
