"""The CLI reference in docs/ is what the commands print, and every command shows an example."""
from __future__ import annotations

from cli_reference import REFERENCE, render


def test_the_cli_reference_is_current() -> None:
    assert REFERENCE.read_text(encoding="utf-8") == render(), "docs/cli.md is out of date: run .venv/bin/python tests/cli_reference.py"


def test_every_command_shows_an_example() -> None:
    sections = render().split("\n## ")[1:]
    assert len(sections) >= 18
    missing = [section.splitlines()[0] for section in sections if "Example" not in section]
    assert not missing, missing
