"""The committed JSON Schema (docs/schema.json) is the one the models produce."""

from __future__ import annotations

import json
from pathlib import Path

from articlemodel import Article

SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "schema.json"


def test_committed_schema_is_current(regen_golden: bool) -> None:
    produced = Article.model_json_schema()
    if regen_golden:
        SCHEMA.write_text(
            json.dumps(produced, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == produced, (
        "docs/schema.json is stale: run pytest tests/test_schema.py --regen-golden"
    )


def test_every_field_is_described() -> None:
    schema = Article.model_json_schema()
    undocumented = [
        f"{name}.{field}"
        for name, definition in [("Article", schema), *schema["$defs"].items()]
        for field, spec in definition.get("properties", {}).items()
        if "description" not in spec
    ]
    assert undocumented == []


def test_model_reference_names_every_field() -> None:
    from articlemodel import models

    doc = (SCHEMA.parent / "models.md").read_text(encoding="utf-8")
    missing = []
    for name in models.__all__:
        section = doc.split(f"## {name}\n", 1)
        if len(section) < 2:
            missing.append(name)
            continue
        body = section[1].split("\n## ", 1)[0]
        missing += [
            f"{name}.{f}" for f in getattr(models, name).model_fields if f"`{f}`" not in body
        ]
    assert missing == []
