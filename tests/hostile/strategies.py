"""Hostile strings and hypothesis strategies for text that reaches every output.

``HOSTILE`` are hand-picked attacks on the outputs (markup, quotes, escapes,
control and invisible characters, very long names); the strategies mix them
with arbitrary Unicode and with real cue words and company names, so that the
rule engine actually finds entities and relations around the hostile text.
"""

from __future__ import annotations

from hypothesis import strategies as st

__all__ = [
    "CUES",
    "HOSTILE",
    "LONG_NAME",
    "NAMES",
    "hostile_strings",
    "names",
    "news_texts",
    "unicode_text",
]

LONG_NAME = "PT " + "Garuda" * 1667 + " Tbk"  # about 10,000 characters

HOSTILE: tuple[str, ...] = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</script><script>alert(document.domain)</script>",
    "<!-- --><svg/onload=alert(1)>",
    "javascript:alert(1)",
    "<a href=\"javascript:alert(1)\">x</a>",
    "' OR 1=1 --",
    "Robert'); DROP TABLE articles;--",
    "MATCH (n) DETACH DELETE n //",
    "'}) MATCH (n) DETACH DELETE n //",
    'He said "yes" and \'no\'',
    "back\\slash \\n \\u0000 \\\\",
    "new\nline\r\ncarriage\rreturn",
    "tab\tvertical\x0bform\x0cfeed",
    "nul\x00byte",
    "bell\x07esc\x1b[31mred\x1b[0m del\x7f",
    "next\x85line",
    "line\u2028sep\u2029para",
    "\u202eevil\u202c rtl \u200fmark\u200e",
    "zero\u200bwidth\u200cnon\u200djoiner\u2060",
    "\ufeffbom inside",
    "emoji 👩‍👩‍👧‍👦 🏳️‍🌈 🇮🇩 😀",
    "combining e\u0301\u0301\u0301 Z\u0351\u0352\u0353",
    "小米 科技 株式会社",
    "مرحبا بالعالم",
    "שלום",
    "\ufffe\uffff noncharacters \U0010ffff",
    "${jndi:ldap://x/a} {{7*7}} %s %n",
    "]]><![CDATA[ &amp; &lt; &#0; &#x0;",
    "@prefix x: <http://evil/> . <a> <b> <c> .",
    "> quote",
    "",
    " ",
    LONG_NAME,
)

# Company names the gazetteer or the name patterns know, and cue words of both languages.
NAMES: tuple[str, ...] = (
    "PT Garuda Nikel Indonesia",
    "PT Sinar Logistik Tbk",
    "Solvane Motors GmbH",
    "Nusantara Baterai Energi",
    "Xiaomi",
    "Ford Motor Company",
    "Orbita Satcom Pte Ltd",
    "Bank Arta Samudra",
)
CUES: tuple[str, ...] = (
    "menggandeng", "mengakuisisi", "membantah", "berencana", "dikabarkan", "menggugat", "berinvestasi di",
    "membatalkan", "memasok", "anak usaha", "bekerja sama dengan", "kata", "yang berbasis di",
    "partnered with", "acquired", "denied", "plans to", "reportedly", "sued", "invested in", "called off",
    "supplies", "a unit of", "said", "based in", "launched", "CEO of", "not",
)
_PUNCT = (".", ",", ";", "(", ")", '"', "'", "-", ":", "!", "?", "\n", "\n\n", " ", " ")

# Every code point except surrogates (not Unicode scalar values: no file or JSON can carry them).
_CHARS = st.characters(codec="utf-8")


def unicode_text(*, max_size: int = 200) -> st.SearchStrategy[str]:
    """Arbitrary Unicode text (control characters, NUL and noncharacters included)."""
    return st.text(_CHARS, max_size=max_size)


def hostile_strings() -> st.SearchStrategy[str]:
    """One of ``HOSTILE`` or arbitrary text, or several of them glued together."""
    one = st.one_of(st.sampled_from(HOSTILE[:-1]), unicode_text(max_size=40))
    return st.one_of(st.sampled_from(HOSTILE), st.lists(one, min_size=1, max_size=4).map("".join))


def names() -> st.SearchStrategy[str]:
    """Names of entities: capitalised, hostile, or both ("PT <script> Tbk")."""
    word = st.one_of(
        st.sampled_from(("Garuda", "Sinar", "Nikel", "Orbita", "Baterai", "Kalimaya")),
        hostile_strings().filter(lambda s: s.strip() != ""),
    )
    made = st.tuples(st.sampled_from(("PT ", "", "CV ")), word, st.sampled_from((" Tbk", " Group", "", " GmbH")))
    return st.one_of(made.map("".join), st.sampled_from(NAMES), hostile_strings().filter(lambda s: s.strip() != ""))


_LINKING = (
    "menggandeng", "mengakuisisi", "membantah kabar kemitraan dengan", "dikabarkan akan membeli saham",
    "berencana berinvestasi di", "menggugat", "batal mengakuisisi", "memasok baterai untuk",
    "partnered with", "agreed to acquire", "denied reports of a deal with", "is reportedly in talks to buy",
    "plans to invest in", "sued", "called off its merger with", "supplies cells to",
)


def _maybe(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(st.just(""), strategy)


def news_texts(*, max_sentences: int = 6) -> st.SearchStrategy[str]:
    """Text that looks enough like news for the rules to fire, with hostile pieces in and around it.

    Most sentences are "NAME CUE NAME." with hostile text inserted anywhere; the
    rest is a soup of names, cue words, punctuation and hostile strings.
    """
    party = st.one_of(st.sampled_from(NAMES), names())
    sentence = st.tuples(
        _maybe(hostile_strings()), party, _maybe(hostile_strings()), st.sampled_from(_LINKING), party,
        _maybe(hostile_strings()), st.sampled_from((".", ".", "!", "?", "", ".\n\n")),
    ).map(lambda parts: " ".join(p for p in parts[:-1] if p) + parts[-1])
    token = st.one_of(st.sampled_from(NAMES), st.sampled_from(CUES), st.sampled_from(_PUNCT), hostile_strings(),
                      names())
    soup = st.lists(token, min_size=1, max_size=15).map(" ".join)
    return st.lists(st.one_of(sentence, sentence, soup), min_size=1, max_size=max_sentences).map(" ".join)
