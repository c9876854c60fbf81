"""``articlemodel batch``: JSONL, directories and stdin in; JSONL out; errors kept, counted.

Most tests run in-process through ``main([...])``; the last few run the console script. The
articles are written for these tests; nothing here is timed.
"""

from __future__ import annotations

import gzip
import io
import json
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from articlemodel import Article, cli, parse_article
from articlemodel.cli import _duration, _progress, main

WIRE = "Storm hits coast\n\nMIAMI (AP) — A storm hit the coast on Monday, officials said.\n"
AFP = "Talks resume\n\nGENEVA (AFP) - Negotiators returned on Tuesday, a diplomat said.\n"

# JSONL lines that fail, each with a piece of its error message.
BAD_LINES = [
    pytest.param("{not json", "bad JSON line", id="bad-json"),
    pytest.param("[1, 2]", "expected a JSON object", id="not-an-object"),
    pytest.param('{"id": "e", "text": ""}', "is empty", id="empty-text"),
    pytest.param('{"id": "e"}', "has no 'text'", id="no-text"),
    pytest.param('{"id": "e", "text": ["a"]}', "expected str", id="text-not-a-string"),
    pytest.param('{"id": "e", "text": "A b.", "published": "x"}', "ISO 8601", id="bad-published"),
]


def _jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _good_lines() -> list[str]:
    return [
        json.dumps({"id": "w1", "text": WIRE, "published": "2020-01-02", "url": "u1"}),
        json.dumps({"id": 2, "text": AFP}),
    ]


def _read(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_jsonl_in_jsonl_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workers: str
) -> None:
    source = _jsonl(tmp_path / "in.jsonl", _good_lines())
    assert main(["batch", str(source), "--workers", workers]) == 0
    out, err = capsys.readouterr()
    records = _read(out)
    assert [r["id"] for r in records] == ["w1", 2]
    assert records[0]["metadata"] == {"url": "u1"}
    article = Article.model_validate(records[0]["article"])
    assert article == parse_article(WIRE, published="2020-01-02")
    assert "2 parsed, 0 failed" in err


def test_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _jsonl(tmp_path / "in.jsonl", _good_lines())
    target = tmp_path / "out.jsonl"
    assert main(["batch", str(source), "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert [r["id"] for r in _read(target.read_text(encoding="utf-8"))] == ["w1", 2]


@pytest.mark.parametrize(("line", "message"), BAD_LINES)
def test_bad_line_becomes_an_error_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, message: str
) -> None:
    good = _good_lines()
    source = _jsonl(tmp_path / "in.jsonl", [good[0], "", line, good[1]])
    assert main(["batch", str(source)]) == 1
    out, err = capsys.readouterr()
    records = _read(out)
    assert ["error" in r for r in records] == [False, True, False]
    error = records[1]
    assert message in error["error"]
    assert error["source"] == str(source)
    assert error["line"] == 3  # blank lines count: this is the file's own line number
    assert "2 parsed, 1 failed" in err


def test_errors_go_to_their_own_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _jsonl(tmp_path / "in.jsonl", ['{"id": "e", "text": ""}', *_good_lines()])
    errors = tmp_path / "errors.jsonl"
    assert main(["batch", str(source), "--errors", str(errors)]) == 1
    assert [r["id"] for r in _read(capsys.readouterr().out)] == ["w1", 2]
    (error,) = _read(errors.read_text(encoding="utf-8"))
    assert error["id"] == "e"
    assert error["line"] == 1


def test_directory_of_text_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "b.txt").write_text(AFP, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    assert main(["batch", str(tmp_path), "--workers", "2"]) == 1
    records = _read(capsys.readouterr().out)
    assert [r["id"] for r in records] == ["b", "empty", "sub/a"]
    assert records[0]["article"]["text"] == AFP
    assert records[1]["source"] == str(tmp_path / "empty.txt")
    assert "line" not in records[1]


def test_single_text_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "wire-story.txt"
    path.write_bytes(WIRE.encode("utf-8"))
    assert main(["batch", str(path)]) == 0
    (record,) = _read(capsys.readouterr().out)
    assert record["id"] == "wire-story"


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = "\n".join(_good_lines()).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert main(["batch", "-"]) == 0
    assert [r["id"] for r in _read(capsys.readouterr().out)] == ["w1", 2]


def test_gzipped_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "day.jsonl.gz"
    source.write_bytes(gzip.compress("\n".join(["{oops", *_good_lines()]).encode("utf-8")))
    assert main(["batch", str(source)]) == 1
    records = _read(capsys.readouterr().out)
    assert [r["id"] for r in records] == [None, "w1", 2]
    assert records[0]["line"] == 1


def test_several_inputs_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = _jsonl(tmp_path / "1.jsonl", _good_lines())
    second = _jsonl(tmp_path / "2.jsonl", [json.dumps({"id": "z", "text": WIRE})])
    assert main(["batch", str(first), str(second)]) == 0
    assert [r["id"] for r in _read(capsys.readouterr().out)] == ["w1", 2, "z"]


def test_non_utf8_line_is_an_error_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"id": "x", "text": "caf\xe9"}\n' + _good_lines()[1].encode() + b"\n")
    assert main(["batch", str(source)]) == 1
    records = _read(capsys.readouterr().out)
    assert "bad JSON line" in records[0]["error"]
    assert records[1]["id"] == 2


def test_missing_input_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(tmp_path / "nope.jsonl")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "no such file" in err


def test_workers_zero_means_every_core(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _jsonl(tmp_path / "in.jsonl", _good_lines())
    assert main(["batch", str(source), "--workers", "0"]) == 0
    assert [r["id"] for r in _read(capsys.readouterr().out)] == ["w1", 2]


def test_workers_must_be_a_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["batch", "-", "--workers", "two"])
    assert exit_info.value.code == 2
    assert "whole number" in capsys.readouterr().err


def test_progress_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _jsonl(tmp_path / "in.jsonl", _good_lines())
    monkeypatch.setattr(cli, "PROGRESS_INTERVAL", 0.0)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["batch", str(source)]) == 0
    err = capsys.readouterr().err
    assert "\r\x1b[K1/2 done" in err
    assert "2/2 done" in err
    # The progress line is cleared before the summary.
    assert "\r\x1b[Karticlemodel: batch done: 2 parsed, 0 failed" in err


def test_progress_line() -> None:
    assert _progress(50, 200, 2.0) == "50/200 done, 25.0 articles/s, ETA 0:00:06"
    assert _progress(50, None, 2.0) == "50 done, 25.0 articles/s"
    assert _duration(3725) == "1:02:05"


# --- the console script ------------------------------------------------------------------


def _script() -> str:
    path = Path(sys.executable).with_name("articlemodel")
    if not path.exists():
        pytest.skip("the articlemodel console script is not installed beside this Python")
    return str(path)


def test_console_script_smoke(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "in.jsonl", [*_good_lines(), "{oops"])
    done = subprocess.run(
        [_script(), "batch", str(source), "--workers", "2"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 1
    records = _read(done.stdout)
    assert [r.get("error", "ok")[:3] for r in records] == ["ok", "ok", "bad"]
    assert "2 parsed, 1 failed" in done.stderr
    assert "\r" not in done.stderr  # no progress line when stderr is not a terminal


def test_ctrl_c_leaves_a_valid_jsonl_prefix() -> None:
    lines = [json.dumps({"id": i, "text": WIRE}) + "\n" for i in range(200)]
    with subprocess.Popen(
        [_script(), "batch", "-", "--workers", "2"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdin is not None
        assert process.stdout is not None
        assert process.stderr is not None
        # Feed records but keep stdin open, so the run cannot finish before the interrupt.
        process.stdin.write("".join(lines).encode("utf-8"))
        process.stdin.flush()
        first = process.stdout.readline()
        process.send_signal(signal.SIGINT)
        # Read through the same buffered pipe (communicate() would skip what readline kept).
        rest = process.stdout.read()
        err = process.stderr.read().decode("utf-8")
        status = process.wait(timeout=120)
    assert status == 130
    records = _read((first + rest).decode("utf-8"))
    assert records
    assert [r["id"] for r in records] == list(range(len(records)))
    assert "interrupted after" in err
