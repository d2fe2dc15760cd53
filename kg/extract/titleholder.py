"""The holder named right after a job title's organisation in running text: "Direktur Konsumer PT Telkom Guntur
Siregar ditetapkan ...", "Wakil Presiden Direktur PT Indofood Sukses Makmur Tbk Franciscus Welirang yang ...".

The tagger often leaves such a name out (it reads the run as the organisation's tail, or not at all). With
``holder_after_title`` (language.toml) a run of one to :data:`MAX_WORDS` capitalised words right after the
organisation of a job title (a ticker in brackets allowed between), that no name covers and a lowercase word
or punctuation ends, is a person. Sentence-case sentences only: a title-case headline capitalises its verbs
("Dirut BBRI Sunarso Borong Saham").
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.found import Hit
from kg.extract.gazindex import GazIndex
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention, _name_mention
from kg.extract.text import Sentence
from kg.schema import ORG_TYPES

# Words of a person's name ("Yusni Emilia Harahap": 3).
MAX_WORDS = 4
# Words between the title and its organisation (the portfolio: "Direktur SDM dan Umum PT Pos Indonesia").
PORTFOLIO_WORDS = 8


def holders_after_title(s: Sentence, ms: list[Mention], lex: Lexicon, gaz: GazIndex, hits: Sequence[Hit]
                        ) -> list[Mention]:
    """``ms`` with the people named right after a job title's organisation added (module docstring)."""
    if lex.setting("holder_after_title") is not True or not hits or s.title_case or s.caseless:
        return ms
    toks = s.tokens
    n = len(toks)
    covered = {k for m in ms for k in range(m.i, m.j)}
    skip = lex.cue_words | lex.words("person_title_links")
    out = list(ms)
    for h in hits:
        if h.cue.relation != "works_for":
            continue
        org = next((m for m in ms if m.i >= h.j), None)
        if org is None or org.type not in ORG_TYPES or org.i - h.j > PORTFOLIO_WORDS:
            continue
        k = org.j
        if k + 2 < n and toks[k].text == "(" and toks[k + 2].text == ")":
            k += 3  # "PT Indofood Sukses Makmur Tbk (INDF) Franciscus"
        a = k
        while k < n and k - a <= MAX_WORDS and toks[k].is_word and toks[k].is_cap and k not in covered \
                and toks[k].low not in skip:
            k += 1
        if k == a or k - a > MAX_WORDS or (k < n and toks[k].is_cap):
            continue
        if k + 1 < n and toks[k].text == "," and toks[k + 1].is_cap:
            continue  # "Ketua DPD Nasdem Sumenep, Sufyan Absi": the run is the branch's town, the holder follows
        m = _name_mention(s, a, k, "Person", gaz)
        if m.type == "Person":
            out.append(m)
            covered |= set(range(a, k))
    return sorted(out, key=lambda m: m.i) if len(out) > len(ms) else ms
