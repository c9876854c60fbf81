"""Reading article JSON from files."""

from __future__ import annotations

import os
from pathlib import Path

from articlemodel.errors import ArticleFileError
from articlemodel.models import Article

__all__ = ["load_article", "read_text_file"]


def read_text_file(path: str | os.PathLike[str]) -> str:
    """The UTF-8 text of ``path``.

    Raises:
        ArticleFileError: the file is missing, unreadable or not UTF-8.
    """
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise ArticleFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ArticleFileError(f"{path}: is a directory, not a file") from None
    except OSError as error:
        raise ArticleFileError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArticleFileError(
            f"{path}: is not UTF-8 text (byte {error.start}: {error.reason})"
        ) from None


def load_article(path: str | os.PathLike[str]) -> Article:
    """Load and validate an Article from a JSON file.

    Args:
        path: A file holding one Article as JSON (as ``articlemodel parse`` writes it).

    Returns:
        The validated Article.

    Raises:
        ArticleFileError: the file is missing, unreadable or not UTF-8.
        pydantic.ValidationError: the JSON is malformed or breaks the model's rules; each
            error names its JSON path (``quotes.2.speaker_mention``).
    """
    return Article.model_validate_json(read_text_file(path))
