"""What may import what (the "Layers" diagram of the README), read from the source with ``ast``.

Every module under ``dashboard/`` is parsed; every import counts: absolute and
relative, ``import x`` and ``from x import y``, at the top or inside a
function. ``from x import y`` counts as importing both ``x`` and ``x.y`` (``y``
may be a module: ``from dashboard import store``). A rule names the files it
covers and the modules they must not import; a failure lists each offending
file, line and import statement.
"""

from __future__ import annotations

import ast
import importlib.util
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "dashboard"


@dataclass(frozen=True)
class Import:
    line: int
    name: str  # dotted module name, resolved (``dashboard.store``, ``streamlit.testing.v1``)
    statement: str  # the source as written, for the failure message


def module_name(path: Path) -> str:
    """``dashboard/export/render.py`` -> ``dashboard.export.render``; a package's ``__init__`` is the package."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(source: str, module: str, is_package: bool = False) -> list[Import]:
    """Every module ``source`` imports, wherever the statement stands.

    Args:
        source: Python source.
        module: the module's dotted name (relative imports are resolved against it).
        is_package: the source is a package's ``__init__`` (``from . import x`` then means the package itself).
    """
    package = module if is_package else module.rpartition(".")[0]
    found: list[Import] = []
    for node in ast.walk(ast.parse(source)):
        statement = ast.unparse(node) if isinstance(node, (ast.Import, ast.ImportFrom)) else ""
        if isinstance(node, ast.Import):
            found += [Import(node.lineno, alias.name, statement) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = importlib.util.resolve_name("." * node.level + (node.module or ""), package) \
                if node.level else node.module or ""
            found.append(Import(node.lineno, base, statement))
            found += [Import(node.lineno, f"{base}.{alias.name}", statement) for alias in node.names
                      if alias.name != "*"]
    return found


def within(name: str, *modules: str) -> bool:
    """``name`` is one of ``modules`` or inside one of them (``dashboard.store`` is not inside ``dashboard.st``)."""
    return any(name == m or name.startswith(m + ".") for m in modules)


def _files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@dataclass(frozen=True)
class Rule:
    """Files for which ``covers(path)`` is true must import no module for which ``forbidden(name)`` is true."""

    name: str
    covers: Callable[[str], bool]  # the file's path relative to the repository, e.g. "dashboard/store.py"
    forbidden: Callable[[str], bool]


def _under(*folders: str) -> Callable[[str], bool]:
    return lambda rel: any(rel.startswith(f"dashboard/{folder}/") for folder in folders)


#: Where Streamlit may be imported: the Streamlit layer, and the load test, which drives AppTest sessions.
STREAMLIT_LAYER = ("dashboard/data.py", "dashboard/ui.py", "benchmarks/loadtest.py")
#: Everything above the store (config, i18n and rtl are leaves anyone may read).
ABOVE_STORE = ("dashboard.analytics", "dashboard.charts", "dashboard.export", "dashboard.corrections",
               "dashboard.loading", "dashboard.data", "dashboard.ui", "dashboard.pages", "dashboard.tables",
               "dashboard.presentation", "dashboard.ingest")

RULES = [
    Rule("preprocess imports no streamlit, no charts, and nothing above the store",
         _under("preprocess"),
         lambda name: within(name, "streamlit", "plotly", *ABOVE_STORE)),
    Rule("only data.py, ui.py and the pages import streamlit (analytics, charts, export, corrections, "
         "loading, store and preprocess never do)",
         lambda rel: rel not in STREAMLIT_LAYER and not rel.startswith("dashboard/pages/"),
         lambda name: within(name, "streamlit")),
    Rule("the store imports no charts, and nothing else above it",
         lambda rel: rel == "dashboard/store.py",
         lambda name: within(name, "plotly", *ABOVE_STORE)),
    Rule("no page imports sqlite3 or dashboard.store (they call loading, corrections and ingest)",
         _under("pages"),
         lambda name: within(name, "sqlite3", "dashboard.store")),
    Rule("the product imports no benchmark or test code",
         lambda rel: rel.startswith("dashboard/"),
         lambda name: within(name, "benchmarks", "tests")),
    Rule("nothing below the Streamlit layer imports ui, data or a page",
         lambda rel: rel not in ("dashboard/ui.py", "dashboard/data.py") and not rel.startswith("dashboard/pages/"),
         lambda name: within(name, "dashboard.ui", "dashboard.data", "dashboard.pages")),
]

#: The pipeline writes the store through ``preprocess.database``, never ``dashboard.store``.
PREPROCESS_NO_STORE = Rule("preprocess imports no dashboard.store", _under("preprocess"),
                           lambda name: within(name, "dashboard.store"))


def violations(rule: Rule) -> Iterator[str]:
    for path in _files():
        rel = _rel(path)
        if not rule.covers(rel):
            continue
        seen = set()
        for found in imports_of(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py"):
            if rule.forbidden(found.name) and (found.line, found.statement) not in seen:
                seen.add((found.line, found.statement))
                yield f"{rel}:{found.line} imports {found.name} ({found.statement})"


def _check(rule: Rule) -> None:
    problems = list(violations(rule))
    assert not problems, f"{rule.name}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name.split(" (")[0])
def test_layer_rule(rule):
    _check(rule)


def test_preprocess_imports_no_store():
    _check(PREPROCESS_NO_STORE)


# --------------------------------------------------------------------------
# the reader itself
# --------------------------------------------------------------------------


def test_every_kind_of_import_is_seen():
    source = (
        "import sqlite3, os.path as p\n"
        "from dashboard import store\n"
        "from . import sibling\n"
        "from ..charts.map import partner_map\n"
        "def later():\n"
        "    import streamlit as st\n"
        "    from .deep import thing\n"
    )
    names = {i.name for i in imports_of(source, "dashboard.export.render")}
    assert {"sqlite3", "os.path", "dashboard", "dashboard.store", "dashboard.export", "dashboard.export.sibling",
            "dashboard.charts.map", "dashboard.charts.map.partner_map", "streamlit",
            "dashboard.export.deep", "dashboard.export.deep.thing"} <= names
    # In a package's __init__, "." is the package itself.
    assert "dashboard.export.render" in {i.name for i in imports_of("from . import render", "dashboard.export", True)}
    assert within("dashboard.store", "dashboard.store") and within("dashboard.store.x", "dashboard.store")
    assert not within("dashboard.storefront", "dashboard.store")


def test_a_violation_names_the_file_line_and_import():
    # A made-up rule the review page breaks, on purpose (it does import corrections).
    rule = Rule("the review page imports no corrections", lambda rel: rel == "dashboard/pages/review.py",
                lambda name: within(name, "dashboard.corrections"))
    problems = list(violations(rule))
    assert problems and all(p.startswith("dashboard/pages/review.py:") and "imports dashboard.corrections" in p
                            for p in problems), problems
    assert module_name(PACKAGE / "export" / "__init__.py") == "dashboard.export"
    assert module_name(PACKAGE / "pages" / "review.py") == "dashboard.pages.review"
