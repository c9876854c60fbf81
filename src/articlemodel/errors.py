"""The exceptions articlemodel raises.

Every error raised on purpose derives from one root, so ``except ArticlemodelError`` catches
them all; the input errors are also ``ValueError`` for callers that catch that::

    ArticlemodelError
    ├── InvalidInputError (also ValueError)
    │   ├── InvalidTextError       text that cannot be parsed: empty, not text, not UTF-8
    │   └── InvalidDateError       a ``published`` value that is not a date
    ├── ArticleFileError (also OSError)   an article file that cannot be read
    └── ParseError (also RuntimeError)    a parser failed on a text: a bug to report

Article data that breaks the model's rules raises Pydantic's ``ValidationError`` instead, with
the JSON path of each problem (``quotes.2.speaker_mention``).
"""

from __future__ import annotations


class ArticlemodelError(Exception):
    """Root of every exception articlemodel raises on purpose."""


class InvalidInputError(ArticlemodelError, ValueError):
    """An argument to a public function has a value that cannot be used."""


class InvalidTextError(InvalidInputError):
    """The article text is empty, is not text, or is not valid UTF-8."""


class InvalidDateError(InvalidInputError):
    """A date argument (``published``) is not a date, a datetime or an ISO 8601 string."""


class ArticleFileError(ArticlemodelError, OSError):
    """An article file is missing, unreadable or not UTF-8."""


class ParseError(ArticlemodelError, RuntimeError):
    """A parser failed on a text that passed the input checks: a bug in articlemodel, to be
    reported with the text. The original exception is its ``__cause__``."""
