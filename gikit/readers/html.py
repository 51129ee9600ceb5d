"""HTML reader (``.html``, ``.htm``) built on lxml.

Block elements become lines; every innermost ``<table>`` becomes a grid with its
``rowspan``/``colspan`` expanded (tables that only hold other tables are page layout
and are read as flowing text).
"""
from __future__ import annotations

import re

from lxml import etree, html as lxml_html

from .. import limits
from ..document import Document, DocumentBuilder
from ..exceptions import ParseError
from .encoding import decode

BLOCK_TAGS = frozenset("""
address article aside blockquote body br caption center dd div dl dt fieldset figcaption
figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody
td th thead tfoot tr ul title
""".split())
SKIP_TAGS = frozenset(["script", "style", "noscript", "template", "head", "iframe", "object",
                       "svg", "select", "option", "button", "input"])
MAX_SPAN = 200
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


def read_html(data: bytes, source: str) -> Document:
    """Read an HTML report.

    >>> doc = read_html('<p>标题</p><table><tr><td rowspan="2">a</td><td>1</td></tr>'
    ...                 '<tr><td>2</td></tr></table>'.encode(), "x.html")
    >>> doc.tables[0].texts()
    [['a', '1'], ['a', '2']]
    """
    text, enc = _decode_html(data, source)
    b = DocumentBuilder(source=source, fmt="html", encoding=enc)
    root, too_deep = _parse(text, source)
    if too_deep:  # libxml2 stops at its nesting limit: flatten layout tags and parse again
        b.notes.append(f"the HTML nests deeper than {limits.MAX_HTML_DEPTH} levels; layout tags were "
                       "flattened to read it (table and paragraph structure may be lost)")
        root, too_deep = _parse(_LAYOUT_TAGS.sub("\n", text), source)
        if too_deep:
            root, _ = _parse("<pre>" + _ANY_TAG.sub("\n", text) + "</pre>", source)
    title = root.find(".//title")
    if title is not None and title.text:
        b.meta_hints["html_title"] = title.text.strip()
    _walk(root, b)
    return b.build()


_LAYOUT_TAGS = re.compile(r"</?(?:div|span|font|section|article|center|blockquote|b|i|u|strong|em|a|ul|ol|li|"
                          r"dl|dd|dt|form|label|small|big|sub|sup|main|aside|header|footer|nav)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<[^>]*>")


def _parse(text: str, source: str) -> tuple[etree._Element, bool]:
    """Parse HTML without libxml2's huge-tree mode; also say whether the nesting limit was hit."""
    parser = lxml_html.HTMLParser(recover=True, remove_comments=True, remove_pis=True, huge_tree=False)
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"the HTML could not be parsed ({exc})", source=source) from None
    too_deep = any("depth" in e.message.lower() for e in parser.error_log
                   if e.type_name == "ERR_RESOURCE_LIMIT" or "depth" in e.message.lower())
    return root, too_deep


def _decode_html(data: bytes, source: str) -> tuple[str, str]:
    m = _META_CHARSET.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii").lower()
        declared = {"gb2312": "gb18030", "gbk": "gb18030"}.get(declared, declared)
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass  # the declaration lies (e.g. GBK labelled UTF-8): detect instead
    return decode(data, source)


def _walk(root: etree._Element, b: DocumentBuilder) -> None:
    buf: list[str] = []

    def flush() -> None:
        line = "".join(buf).strip()
        if line:
            b.add_line(line)
        buf.clear()

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in SKIP_TAGS:
                walker.skip_subtree()
            elif tag == "table" and not el.xpath(".//table"):
                flush()
                _table(el, b)
                walker.skip_subtree()
            else:
                if tag in BLOCK_TAGS:
                    flush()
                if el.text:
                    buf.append(el.text)
        else:
            if tag in BLOCK_TAGS:
                flush()
            if el.tail and el is not root:
                buf.append(el.tail)
    flush()


def _cell_text(el: etree._Element) -> str:
    parts = []
    for node in el.iter():
        if isinstance(node.tag, str) and node.tag in SKIP_TAGS:
            continue
        if node.text:
            parts.append(node.text)
        if node is not el and node.tail:
            parts.append(node.tail)
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _span(el: etree._Element, name: str) -> int:
    try:
        return max(1, min(MAX_SPAN, int(str(el.get(name, "1")).strip() or 1)))
    except ValueError:
        return 1


def _table(table: etree._Element, b: DocumentBuilder) -> None:
    caption = table.find("caption")
    if caption is not None:
        b.add_line(_cell_text(caption))
    rows = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
    grid: dict[tuple[int, int], tuple[str, bool]] = {}
    for r, tr in enumerate(rows):
        c = 0
        for td in tr.xpath("./td|./th"):
            while (r, c) in grid:
                c += 1
            text = _cell_text(td)
            rs, cs = _span(td, "rowspan"), _span(td, "colspan")
            for dr in range(rs):
                for dc in range(cs):
                    grid[(r + dr, c + dc)] = (text, bool(dr or dc))
            c += cs
    if not grid:
        return
    n_rows = min(max(r for r, _ in grid) + 1, len(rows) + MAX_SPAN)
    n_cols = max(c for _, c in grid) + 1
    t = b.new_table(f"html table {len(b.table_origins) + 1}")
    for r in range(n_rows):
        cells = [grid.get((r, c), ("", True)) for c in range(n_cols)]
        b.add_row(t, [x[0] for x in cells], [x[1] for x in cells])
