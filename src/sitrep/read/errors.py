"""A failed input, reported by name so the rest of a batch can go on."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadError:
    source: str
    problem: str

    def __str__(self) -> str:
        return f"{self.source}: {self.problem}"
