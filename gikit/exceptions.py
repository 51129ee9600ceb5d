"""gikit's errors and warnings.

Every error names the file and the problem. Errors inherit from built-in
exceptions so that ``except FileNotFoundError`` keeps working.

>>> from gikit.exceptions import SourceNotFoundError
>>> issubclass(SourceNotFoundError, FileNotFoundError)
True
"""
from __future__ import annotations

from collections.abc import Sequence


class GikitError(Exception):
    """Base class of every error raised by gikit."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        text = f"{source}: {message}" if source else message
        super().__init__(text)


class SourceNotFoundError(GikitError, FileNotFoundError):
    """The path or sample id does not exist; ``suggestions`` lists close matches."""

    def __init__(self, message: str, *, source: str | None = None,
                 suggestions: Sequence[str] = ()) -> None:
        self.suggestions = list(suggestions)
        if self.suggestions:
            message += " (did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?)"
        super().__init__(message, source=source)


class ReportNotFoundError(GikitError, KeyError):
    """No report with this id in a collection; ``suggestions`` lists close ids."""

    def __init__(self, message: str, *, key: str | None = None, suggestions: Sequence[str] = ()) -> None:
        self.key = key
        self.suggestions = list(suggestions)
        if self.suggestions:
            message += " (did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?)"
        super().__init__(message)

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class UnsupportedFormatError(GikitError, ValueError):
    """The file's extension names a format gikit cannot read."""


class ParseError(GikitError, ValueError):
    """The file could be read but holds no report gikit can parse."""


class InputTooLargeError(ParseError):
    """The file exceeds a configured size limit (see ``gikit.limits``)."""


class GikitWarning(UserWarning):
    """Base class of every warning gikit emits while parsing."""


class MetadataWarning(GikitWarning):
    """A metadata field could not be found or is ambiguous."""


class TableWarning(GikitWarning):
    """A table cell could not be placed or read with confidence."""


class ProseWarning(GikitWarning):
    """A figure stated in prose is uncertain."""


class AmbiguousValueWarning(TableWarning):
    """Several readings of a value fit equally well; the value is left NaN."""


class FontWarning(GikitWarning):
    """No CJK font is available for Chinese plot labels."""
