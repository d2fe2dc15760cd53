"""Bytes to text: UTF-8 (BOM or not), UTF-16/32 with a BOM, else a guess; binary refused.

>>> decode("Société Générale".encode("latin-1"))
'Société Générale'
>>> decode(b"\\xef\\xbb\\xbfXiaomi")
'Xiaomi'
>>> decode("Xiaomi".encode("utf-16"))
'Xiaomi'
>>> decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
Traceback (most recent call last):
...
kg.readers._decode.Undecodable: binary file
"""

from __future__ import annotations

import codecs
import re

__all__ = ["Undecodable", "decode"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than tab, newlines, form feed and the DOS end-of-file mark.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f\x7f]")


_ASCII = bytes(range(128))


class Undecodable(ValueError):
    """The bytes are not text (or hold none); the message is the reason."""


def _looks_binary(text: str) -> bool:
    controls = len(_CONTROL.findall(text, 0, 65536))
    return controls > max(4, len(text[:65536]) // 200)


def decode(data: bytes, *, what: str = "file") -> str:
    """``data`` as text, without a byte-order mark.

    Raises :class:`Undecodable` ("binary file", "empty file") when ``data`` is
    not text or holds only whitespace; ``what`` names the thing in that message.
    Text that is not UTF-8 and mostly ASCII is read as Windows-1252 (the usual
    legacy encoding of English and Indonesian pages, and a superset of
    Latin-1's printable range); other text is left to charset-normalizer,
    whose guesses on a few accented letters in ASCII text are unreliable.
    """
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                reason = f"binary {what} (starts with a {encoding} byte-order mark but is not {encoding})"
                raise Undecodable(reason) from None
            break
    if text is None:
        if b"\x00" in data:
            raise Undecodable(f"binary {what}")
        text = _guess(data)
        if text is None:
            raise Undecodable(f"binary {what}")
    if _looks_binary(text):
        raise Undecodable(f"binary {what}")
    if not text.strip():
        raise Undecodable(f"empty {what}")
    return text


def _mixed(data: bytes) -> str | None:
    """Each line as UTF-8 if it is, else as Windows-1252; None unless some non-ASCII line is UTF-8.

    Files pasted together from several sources mix encodings line by line; one
    guess for the whole file turned the UTF-8 lines into mojibake ("SociÃ©tÃ©").

    >>> _mixed("Société\\n".encode() + "Café".encode("latin-1"))
    'Société\\nCafé'
    >>> _mixed("Café".encode("latin-1")) is None  # no UTF-8 line: not mixed
    True
    """
    out, utf8 = [], False
    for line in data.split(b"\n"):
        try:
            out.append(line.decode("utf-8"))
            utf8 = utf8 or not line.isascii()
        except UnicodeDecodeError:
            try:
                out.append(line.decode("cp1252"))
            except UnicodeDecodeError:
                return None
    return "\n".join(out) if utf8 else None


def _guess(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _mixed(data)
    if mixed is not None:
        return mixed
    high = len(data.translate(None, _ASCII))
    if high * 10 <= len(data):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass  # bytes cp1252 leaves undefined: not Windows-1252
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None else str(best)
