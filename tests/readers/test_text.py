"""Plain-text and Markdown articles: headers, titles and regions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.readers import read_text
from tests.readers.helpers import assert_regions_valid, region_texts

BODY = "PT Sinar Logistik Tbk menggandeng Garuda Nikel untuk membangun smelter di Sulawesi."


T = "Sinar Logistik Gandeng Garuda Nikel"


@pytest.mark.parametrize(
    ("header", "title", "published", "source", "title_region"),
    [
        (
            f"Selasa, 3 Februari 2026\nKabarBisnis.id -\n\n{T}\n\nBACA JUGA\n\n",
            T,
            "2026-02-03",
            "KabarBisnis.id",
            True,
        ),
        (f"03/02/2026\n\n{T}\n", T, "2026-02-03", None, True),
        (f"{T}\nKabar.com - 03/02/2026, 10:15 WIB\n\n", T, "2026-02-03", "Kabar.com", True),
        (f"# {T}\n\n2026-02-03\n\n", T, "2026-02-03", None, True),
        (
            f"Judul: {T}\nTanggal: Selasa, 3 Februari 2026\nSumber: Kabar Pasar\n\n",
            T,
            "2026-02-03",
            "Kabar Pasar",
            False,
        ),
        (
            f"---\ntitle: '{T}'\npublished: 2026-02-03T10:00:00+07:00\n"
            'source: "Kabar Pasar"\nauthors:\n  - Rina\n---\n',
            T,
            "2026-02-03",
            "Kabar Pasar",
            False,
        ),
        (f"---\ntitle: {T}\n---\n# {T}\n", T, None, None, True),
        (f"{T}\n", T, None, None, True),
        ("", None, None, None, False),  # the first line is a sentence: no title
    ],
)
def test_header_lines(
    header: str, title: str | None, published: str | None, source: str | None, title_region: bool
) -> None:
    a = read_text(header + BODY + "\n", id="x")
    assert (a.title, a.published, a.source) == (title, published, source)
    assert_regions_valid(a)
    assert region_texts(a) == ([T] if title_region else []) + [BODY]


def test_title_line_is_its_own_region_even_without_a_blank_line() -> None:
    a = read_text(f"Sinar Logistik Gandeng Garuda Nikel\n{BODY}\n", id="x")
    assert region_texts(a) == ["Sinar Logistik Gandeng Garuda Nikel", BODY]


@pytest.mark.parametrize(
    ("text", "title", "regions"),
    [
        (
            "Telkomsel Jajaki Kerja Sama Satelit dengan Starlink\n"
            "PT Telekomunikasi Selular (Telkomsel) tengah menjajaki kerja sama dengan Starlink.\n",
            "Telkomsel Jajaki Kerja Sama Satelit dengan Starlink",
            2,
        ),
        (
            "XRP Terbang Tinggi, Ada Apa?\nHarga XRP melonjak 20 persen dalam sepekan.\n",
            "XRP Terbang Tinggi, Ada Apa?",
            2,
        ),
        # Hard-wrapped wire copy whose first line happens to be mostly capitalised: not a title.
        (
            "Italy's state-owned <Banca Nazionale Del\nLavoro-BNL> said it is negotiating to buy a stake\n"
            "from a private group for about 100 mln dlrs.\n",
            None,
            1,
        ),
        ("Computer Terminal Systems Inc said\nit has completed the sale of 200,000 shares.\n", None, 1),
    ],
)
def test_title_directly_above_the_body_or_wrapped_text(text: str, title: str | None, regions: int) -> None:
    a = read_text(text, id="x")
    assert a.title == title
    assert len(a.regions) == regions
    if title:
        assert region_texts(a)[0] == title


def test_date_line_under_the_title_and_a_byline() -> None:
    a = read_text(f"# Brightwave Buys Sunpeak\n\nBy Jane Example\nFebruary 3, 2026\n\n{BODY}", id="x")
    assert (a.title, a.published) == ("Brightwave Buys Sunpeak", "2026-02-03")
    assert region_texts(a) == ["Brightwave Buys Sunpeak", BODY]


def test_text_is_kept_as_written_except_crlf() -> None:
    raw = "Judul Berita\r\n\r\n  Paragraf pertama.  \r\n"
    a = read_text(raw, id="x")
    assert a.text == raw.replace("\r\n", "\n")
    assert region_texts(a) == ["Judul Berita", "Paragraf pertama."]


def test_wire_copy_paragraphs_follow_indentation() -> None:
    text = (
        "Harbor Foods Inc said it agreed to acquire privately held\n"
        "Lakeside Dairy Co for about 42 mln dlrs in cash.\n"
        "    The company said the deal is subject to regulatory approval\n"
        "and is expected to close in the second quarter.\n"
        " Reuter\n"
    )
    a = read_text(text, id="x")
    assert a.title is None
    assert region_texts(a) == [
        "Harbor Foods Inc said it agreed to acquire privately held\n"
        "Lakeside Dairy Co for about 42 mln dlrs in cash.",
        "The company said the deal is subject to regulatory approval\n"
        "and is expected to close in the second quarter.",
    ]


def test_markdown_markup_is_not_text() -> None:
    md = (
        "# Brightwave Buys Sunpeak\n\n![Panel surya](panel.jpg)\n\n---\n\n## Latar belakang\n\n"
        "- Brightwave memasok inverter.\n* Sunpeak memasang panel.\n<!-- catatan redaksi -->\n"
    )
    a = read_text(md, id="x")
    assert region_texts(a) == [
        "Brightwave Buys Sunpeak",
        "Latar belakang",
        "Brightwave memasok inverter.",
        "Sunpeak memasang panel.",
    ]


def test_boilerplate_inside_the_body_is_left_out() -> None:
    text = f"Judul\n\n{BODY}\nBaca Juga: Garuda Nikel Catat Laba\n{BODY}\n\nSimak Video: Smelter Baru\n"
    a = read_text(text, id="x")
    assert region_texts(a) == ["Judul", BODY, BODY]
    assert "Garuda Nikel Catat Laba" in a.text  # still in the text: offsets stay true


@pytest.mark.parametrize("text", ["", " \n\n ", "Selasa, 3 Februari 2026\nBERITA TERKAIT\n"])
def test_nothing_to_extract_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError) as info:
        read_text(text, id="x", origin="a/b.txt")
    assert info.value.path == "a/b.txt"


def test_language_from_front_matter_and_default_none() -> None:
    assert read_text(f"---\nlang: ID\n---\n{BODY}", id="x").language == "id"
    assert read_text(BODY, id="x").language is None


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "",
                "   ",
                "Selasa, 3 Februari 2026",
                "Kabar.id -",
                "# Judul",
                "BACA JUGA",
                "Baca Juga: lain",
                "    Indented line of wire copy",
                "Short title",
                "A sentence that ends.",
                "- bullet",
                "---",
                "title: x",
                "\u2028",
                "\t",
                "Advertisement",
                "lowercase continuation",
                "2026-02-03",
            ]
        ),
        min_size=1,
        max_size=12,
    )
)
def test_any_layout_gives_valid_regions_or_an_input_error(lines: list[str]) -> None:
    try:
        a = read_text("\n".join(lines), id="x")
    except InputError:
        return
    assert_regions_valid(a)
