"""Decode bytes to text: BOMs, UTF-8, GB18030/GBK/GB2312, UTF-16 (via charset-normalizer).

>>> decode("政府信息公开".encode("gbk"), "x.txt")[0]
'政府信息公开'
"""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..exceptions import ParseError

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# GB2312 and GBK are subsets of GB18030: decode with the superset.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "hz": "gb18030"}


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise ParseError when the bytes are not text."""
    if not data.strip():
        raise ParseError("the file is empty", source=source)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    try:
        return _check(data.decode("utf-8"), "utf-8", source), "utf-8"
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data[:200_000]))
    if not matches:
        raise ParseError("the file is not text in any known encoding (binary data?)", source=source)
    # charset-normalizer often ties several decodings of short Chinese texts (chaos 0 for GB18030,
    # UTF-16-BE and Big5 alike); break ties by how common each encoding is for Chinese reports.
    least = min(m.chaos for m in matches)
    tied = [m.encoding for m in matches if m.chaos <= least + 0.01]
    enc = min(tied, key=_preference)
    enc = _SUPERSETS.get(enc.lower().replace("_", ""), enc)
    # a single-byte or other East-Asian code page winning over a clean GB18030 reading of CJK text
    if _preference(enc) > _preference("utf_16_be"):
        try:
            text = data.decode("gb18030")
            if _cjk_share(text) > 0.2:
                return _check(text, "gb18030", source), "gb18030"
        except UnicodeDecodeError:
            pass
    return _check(data.decode(enc, errors="replace"), enc, source), enc


_PREFERRED = ["utf_8", "gb18030", "gbk", "gb2312", "utf_16_le", "utf_16_be", "utf_16", "big5", "big5hkscs"]


def _preference(enc: str) -> int:
    enc = enc.lower()
    return _PREFERRED.index(enc) if enc in _PREFERRED else len(_PREFERRED)


def _cjk_share(text: str) -> float:
    sample = text[:20_000]
    if not sample:
        return 0.0
    return sum("\u4e00" <= ch <= "\u9fff" for ch in sample) / len(sample)


#: control characters other than \t \n \f \r, and the replacement character
_BAD_CHAR = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\ufffd]")


def _check(text: str, enc: str, source: str) -> str:
    """Reject decodings that are mostly control characters (binary data)."""
    sample = text[:20_000]
    bad = len(_BAD_CHAR.findall(sample))
    if sample and bad / len(sample) > 0.05:
        raise ParseError(f"the file looks like binary data, not text (decoded as {enc})", source=source)
    return text
