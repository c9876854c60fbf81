"""Every article's parse as one JSONL file, to prove a speed change changed no output.

    python benchmarks/snapshot.py OUT.jsonl [PATH ...]
    python benchmarks/snapshot.py --compare BEFORE.jsonl [--fields dates,quotes] [PATH ...]

PATH as in ``bench.py`` (by default the seeds and ``../shared/eval/dev``). ``--compare`` parses
again and prints the ids whose Article JSON differs from BEFORE (only the top-level ``--fields``
when given, e.g. ``dates`` or ``organizations,locations``); the exit status is 1 if any do.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from bench import DEFAULT_PATHS, load_samples

from articlemodel import parse_article


def parses(paths: Sequence[Path]) -> dict[str, str]:
    """Article JSON by sample id (ids made unique by position)."""
    out = {}
    for index, sample in enumerate(load_samples(paths)):
        article = parse_article(sample.text, published=sample.published)
        out[f"{index}:{sample.id}"] = article.model_dump_json()
    return out


def _only(article_json: str, fields: Sequence[str]) -> str:
    article = json.loads(article_json)
    return json.dumps({field: article.get(field) for field in fields}, sort_keys=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", type=Path, help="file to write, or to compare with")
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--compare", action="store_true")
    parser.add_argument("--fields", default="", help="comma-separated Article fields to compare")
    args = parser.parse_args(argv)
    current = parses(args.paths or DEFAULT_PATHS)
    if not args.compare:
        with args.target.open("w", encoding="utf-8") as out:
            for key, value in current.items():
                out.write(json.dumps({"id": key, "article": value}) + "\n")
        print(f"{len(current)} articles written to {args.target}")
        return 0
    fields = [f for f in args.fields.split(",") if f]
    before = {}
    for line in args.target.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        before[record["id"]] = record["article"]
    if fields:
        before = {k: _only(v, fields) for k, v in before.items()}
        current = {k: _only(v, fields) for k, v in current.items()}
    changed = sorted(k for k in before.keys() | current.keys() if before.get(k) != current.get(k))
    for key in changed:
        print(f"changed: {key}")
    print(f"{len(changed)} of {len(current)} articles differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
