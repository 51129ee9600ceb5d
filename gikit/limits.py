"""Size and time limits that keep hostile input bounded. Override by assignment or env vars.

>>> import gikit.limits as limits
>>> limits.MAX_BYTES >= 1_000_000
True
"""
from __future__ import annotations

import os

#: Largest file gikit reads (bytes). Env: ``GIKIT_MAX_BYTES``.
MAX_BYTES: int = int(os.environ.get("GIKIT_MAX_BYTES", 50 * 1024 * 1024))
#: Largest text (characters) after decoding that is parsed. Env: ``GIKIT_MAX_CHARS``.
MAX_CHARS: int = int(os.environ.get("GIKIT_MAX_CHARS", 5_000_000))
#: Largest total uncompressed size of a DOCX/XLSX archive (bytes). Env: ``GIKIT_MAX_UNZIPPED``.
MAX_UNZIPPED_BYTES: int = int(os.environ.get("GIKIT_MAX_UNZIPPED", 200 * 1024 * 1024))
#: Deepest HTML nesting followed; deeper content is flattened. Env: ``GIKIT_MAX_HTML_DEPTH``.
MAX_HTML_DEPTH: int = int(os.environ.get("GIKIT_MAX_HTML_DEPTH", 200))
#: Most PDF pages read. Env: ``GIKIT_MAX_PDF_PAGES``.
MAX_PDF_PAGES: int = int(os.environ.get("GIKIT_MAX_PDF_PAGES", 200))
