"""The shape of the package, checked: data flows one way, the library never loads the CLI's
toolkits, modules stay small, and tests/ mirrors src/."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

SRC = ROOT / "src"
PACKAGE = SRC / "quizwright"
MAX_LINES = 350


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str) -> set[str]:
    """The quizwright modules `name` imports, at the top or inside a function.

    `from . import x` counts as importing the module x where x is one, else the package;
    the package a module sits in (run by Python before the module) is not counted.
    """
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in MODULES}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            if target not in MODULES:
                continue
            submodules = {f"{target}.{alias.name}" for alias in node.names} & MODULES.keys()
            found |= submodules or {target}
            if len(submodules) < len(node.names):
                found.add(target)
    return found - {name}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle in the graph (its strongly connected groups of two or more)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for name in graph:
        if name not in index:
            visit(name)
    return found


def test_no_module_imports_one_that_imports_it_back():
    assert cycles({name: imports_of(name) for name in MODULES}) == []


def test_the_cycle_check_sees_a_cycle():
    # cache importing pipeline's records (as it once did) closed pipeline -> cache -> pipeline
    graph = {name: imports_of(name) for name in MODULES}
    graph["quizwright.cache"] = graph["quizwright.cache"] | {"quizwright.pipeline"}
    assert cycles(graph) == [["quizwright.cache", "quizwright.pipeline"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_checker_does_not_load_the_generator():
    assert not {m for m in imports_of("quizwright.checks") if m.startswith(("quizwright.builders", "quizwright.facts"))}


def test_the_library_does_not_import_the_cli_toolkits():
    library = sorted(name for name in MODULES if not name.startswith("quizwright.cli"))
    code = f"import sys, importlib\nfor m in {library!r}: importlib.import_module(m)\nprint(sorted({{'typer', 'rich', 'click'}} & set(sys.modules)))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_no_module_is_longer_than_a_newcomer_can_read():
    long = {
        name: n
        for name, path in MODULES.items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_tests_mirror_the_packages():
    packages = {p.parent.relative_to(PACKAGE) for p in PACKAGE.rglob("__init__.py")} - {Path(".")}
    tests = ROOT / "tests"
    assert {p for p in packages if not (tests / p).is_dir()} == set()
    for package in packages:
        assert list((tests / package).glob("test_*.py")), f"tests/{package} has no tests"
