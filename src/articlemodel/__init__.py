"""articlemodel: the plain text of a news article as a validated, typed record.

>>> import articlemodel
>>> article = articlemodel.parse_article("Storm hits coast\\n\\nMIAMI (AP) — A storm hit.")
>>> article.dateline.place
'MIAMI'
"""

from __future__ import annotations

from articlemodel.batch import BatchResult, parse_many
from articlemodel.errors import (
    ArticleFileError,
    ArticlemodelError,
    InvalidDateError,
    InvalidInputError,
    InvalidTextError,
    ParseError,
)
from articlemodel.io import load_article
from articlemodel.models import (
    Article,
    Credit,
    DateExpression,
    Dateline,
    Location,
    Mention,
    Organization,
    Person,
    Quote,
)
from articlemodel.pipeline import parse_article
from articlemodel.settings import SCHEMA_VERSION

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "ArticleFileError",
    "ArticlemodelError",
    "BatchResult",
    "Credit",
    "DateExpression",
    "Dateline",
    "InvalidDateError",
    "InvalidInputError",
    "InvalidTextError",
    "Location",
    "Mention",
    "Organization",
    "ParseError",
    "Person",
    "Quote",
    "__version__",
    "load_article",
    "parse_article",
    "parse_many",
]
