"""The public names: exactly what __all__ lists, and every one of them importable."""

from __future__ import annotations

import articlemodel

EXPECTED = [
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


def test_all_is_pinned_and_sorted() -> None:
    assert articlemodel.__all__ == EXPECTED
    # isort-style, as ruff's RUF022 keeps it: CONSTANTS, then Classes, then functions.
    order = sorted(
        articlemodel.__all__, key=lambda n: (0 if n.isupper() else 1 if n[0].isupper() else 2, n)
    )
    assert articlemodel.__all__ == order


def test_every_public_name_exists() -> None:
    for name in articlemodel.__all__:
        assert getattr(articlemodel, name) is not None


def test_error_tree() -> None:
    assert issubclass(articlemodel.InvalidTextError, articlemodel.InvalidInputError)
    assert issubclass(articlemodel.InvalidDateError, ValueError)
    assert issubclass(articlemodel.ArticleFileError, articlemodel.ArticlemodelError)
    assert issubclass(articlemodel.InvalidInputError, articlemodel.ArticlemodelError)
    assert issubclass(articlemodel.ParseError, articlemodel.ArticlemodelError)
