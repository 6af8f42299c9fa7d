"""Stages import forward only (DESIGN.md): a stage may use the records, the shared helpers
and the stages before it, never a later one, and no two stages import each other. Read
from the source (an AST walk), so an import inside a function counts too."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "sitrep"
SHARED = ("records", "folding", "guard", "geo", "data", "linear")
"""Used by every stage; they import only one another."""
STAGES = ("read", "clean", "triage", "nlp", "extraction", "document", "resolve", "pipeline", "merge", "store", "export", "api", "evaluate", "scale", "web", "cli")
"""The data flow, in order: source → Article → (relevant?) → Doc → mentions → drafts → EventReport → Event → database → outputs."""


def _imports(path: Path) -> set[str]:
    """The sitrep modules a file imports, as first components below `sitrep`."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] if node.module != "sitrep" else [f"sitrep.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found.update(name.split(".")[1] for name in names if name.startswith("sitrep."))
    return found


def _layer(part: str) -> int:
    return -1 if part in SHARED else STAGES.index(part)


def test_every_module_belongs_to_a_declared_stage() -> None:
    parts = {path.relative_to(PACKAGE).parts[0].removesuffix(".py") for path in PACKAGE.rglob("*.py")} - {"__init__", "__main__"}
    assert parts <= set(SHARED) | set(STAGES), sorted(parts - set(SHARED) - set(STAGES))


def test_stages_import_forward_only() -> None:
    backward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if own in ("__init__", "__main__"):
            continue
        for imported in _imports(path) - {own}:
            if imported in SHARED and own in SHARED:
                continue
            if _layer(imported) >= _layer(own) and imported not in ("__init__",):
                backward.append(f"{path.relative_to(PACKAGE)} imports sitrep.{imported}")
    assert not backward, "\n".join(backward)


def test_no_import_circle_inside_a_stage() -> None:
    paths = {".".join(("sitrep", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__"): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for module, path in paths.items():
        graph[module] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("sitrep."):
                graph[module] |= {f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in paths else node.module for a in node.names}
    circles = []
    for start in graph:
        stack, seen = [(start, [start])], set()
        while stack:
            module, trail = stack.pop()
            for nxt in graph.get(module, ()):
                if nxt == start and len(trail) > 1:
                    circles.append(" → ".join([*trail, nxt]))
                elif nxt not in seen and nxt in graph:
                    seen.add(nxt)
                    stack.append((nxt, [*trail, nxt]))
    assert not circles, "\n".join(sorted(set(circles)))


def test_reading_the_database_loads_no_language_model() -> None:
    code = "import sys, sitrep.store, sitrep.merge, sitrep.web, sitrep.export; print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "[]"
