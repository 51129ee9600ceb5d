"""Size limits that keep hostile input bounded. Override by assignment or environment variables.

Every limit is checked before the expensive step it guards (file size before reading,
declared zip sizes before unpacking, page and cell counts before layout analysis), so a
hostile file is refused in bounded time and memory with an ``InputTooLargeError`` or read
in part with a warning.

>>> import gikit.limits as limits
>>> limits.MAX_BYTES >= 1_000_000
True
>>> limits.MAX_BYTES = 10_000_000   # e.g. for a batch of small web pages
"""
from __future__ import annotations

import os


def _env(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


#: Largest file gikit reads (bytes); larger files are refused before reading. Env: ``GIKIT_MAX_BYTES``.
MAX_BYTES: int = _env("GIKIT_MAX_BYTES", 50 * 1024 * 1024)
#: Largest text (characters) after decoding that is parsed. Env: ``GIKIT_MAX_CHARS``.
MAX_CHARS: int = _env("GIKIT_MAX_CHARS", 5_000_000)
#: Largest total uncompressed size of a DOCX/XLSX archive (bytes). Env: ``GIKIT_MAX_UNZIPPED``.
MAX_UNZIPPED_BYTES: int = _env("GIKIT_MAX_UNZIPPED", 200 * 1024 * 1024)
#: Largest expansion factor of one zip member bigger than 1 MB. Env: ``GIKIT_MAX_ZIP_RATIO``.
MAX_ZIP_RATIO: int = _env("GIKIT_MAX_ZIP_RATIO", 1000)
#: Most parts in a DOCX/XLSX archive. Env: ``GIKIT_MAX_ZIP_MEMBERS``.
MAX_ZIP_MEMBERS: int = _env("GIKIT_MAX_ZIP_MEMBERS", 10_000)
#: Deepest HTML nesting the parser follows (libxml2's own limit without huge-tree mode, which gikit
#: never enables); a deeper page is read again with its layout tags flattened. Informational.
MAX_HTML_DEPTH: int = 256
#: Most PDF pages read; later pages are skipped with a warning. Env: ``GIKIT_MAX_PDF_PAGES``.
MAX_PDF_PAGES: int = _env("GIKIT_MAX_PDF_PAGES", 200)
#: Most characters on one PDF page analysed for layout; denser pages are read as plain text.
#: Env: ``GIKIT_MAX_PAGE_CHARS``.
MAX_PAGE_CHARS: int = _env("GIKIT_MAX_PAGE_CHARS", 50_000)
#: Most rows read from one spreadsheet sheet or one table; the rest is skipped with a warning.
#: Env: ``GIKIT_MAX_TABLE_ROWS``.
MAX_TABLE_ROWS: int = _env("GIKIT_MAX_TABLE_ROWS", 5_000)
#: Most columns read from one spreadsheet sheet or one table. Env: ``GIKIT_MAX_TABLE_COLS``.
MAX_TABLE_COLS: int = _env("GIKIT_MAX_TABLE_COLS", 100)
