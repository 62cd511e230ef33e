"""The package's import graph, read statically (ast, nothing imported): no import cycle
among sitrep's modules, and no stage importing a later one.

Every `import` counts, also those inside functions and under TYPE_CHECKING: an import
deferred into a function still ties the two modules together, and hiding a cycle that
way is what this test is here to stop.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "sitrep"

# Lowest first. A module may import its own part of the package and any part in an
# earlier layer, never a later layer nor another part of its own layer.
LAYERS: list[tuple[str, ...]] = [
    # the version; reading the package's data files; the records that cross stage
    # boundaries (and the PLOVER types they use): every stage may use them
    ("sitrep",),
    ("sitrep.package_data",),
    ("sitrep.records",),
    # the stages, in the order an article goes through them
    ("sitrep.ingest",),
    ("sitrep.parse",),
    ("sitrep.extract",),
    ("sitrep.resolve",),
    ("sitrep.link",),
    ("sitrep.compare",),
    ("sitrep.store",),
    # runs the stages for a batch of articles, then stores them and links what it stored
    # (pipeline/link_stored.py drives the link stage's algorithms over the store)
    ("sitrep.pipeline",),
    # runs the pipeline in worker processes or on a cluster; polls feeds into the pipeline
    ("sitrep.engine", "sitrep.watching"),
    # two consumers of everything below, independent of each other: the API and web UI,
    # and the scoring of the coder against gold
    ("sitrep.serve", "sitrep.evaluation"),
    # the command line sits on top: nothing imports it
    ("sitrep.cli",),
]


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        if "migrations" in relative.parts:  # alembic scripts, loaded by alembic by path
            continue
        parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _known(name: str) -> str | None:
    """The sitrep module `name` refers to (a name imported from a module is that module)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports(name: str, path: Path) -> set[str]:
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            targets = [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            if target.split(".")[0] == "sitrep" and (module := _known(target)) != name:
                found.add(module)
    return found


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _part(module: str) -> tuple[int, str]:
    """The layer of a module and the part of the package it belongs to (longest match)."""
    best = None
    for rank, layer in enumerate(LAYERS):
        for part in layer:
            # the root package holds only its own __init__, not every module under it
            inside = module == part or (part != "sitrep" and module.startswith(part + "."))
            if inside and (best is None or len(part) > len(best[1])):
                best = (rank, part)
    assert best is not None, f"{module} is in no layer: add it to LAYERS"
    return best


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return components


def test_the_graph_is_read():
    # a reader that found nothing would pass every check below
    assert len(MODULES) > 100
    assert "sitrep.store.database" in GRAPH["sitrep.store"]
    assert "sitrep.records" in GRAPH["sitrep.pipeline"]
    assert "sitrep.pipeline.link_stored" in GRAPH["sitrep.pipeline"]


def test_every_module_has_a_layer():
    for module in MODULES:
        _part(module)


def test_no_import_cycle():
    assert _cycles(GRAPH) == []


def _later_imports(module: str, targets: set[str]) -> list[str]:
    """The imports of `module` from a later layer or from another part of its own."""
    rank, part = _part(module)
    wrong = []
    for target in sorted(targets):
        target_rank, target_part = _part(target)
        if target_part != part and target_rank >= rank:
            wrong.append(f"{target} ({target_part}, layer {target_rank})")
    return wrong


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_a_later_stage(module):
    wrong = _later_imports(module, GRAPH[module])
    assert not wrong, f"{module} ({_part(module)[1]}) imports " + ", ".join(wrong)


def test_the_checks_catch_what_they_are_for():
    # on made-up graphs: a cycle through three modules, and imports against the order
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _later_imports("sitrep.ingest.x", {"sitrep.store.y", "sitrep.records"}) == [
        "sitrep.store.y (sitrep.store, layer 9)"]
    assert _later_imports("sitrep.serve.x", {"sitrep.evaluation.y", "sitrep.serve.z"}) == [
        "sitrep.evaluation.y (sitrep.evaluation, layer 12)"]


def test_the_api_loads_without_the_command_line():
    # a fresh interpreter: this one has loaded the CLI for other tests. (click itself is
    # loaded anyway, by spaCy, which the comparison endpoints use.)
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, sitrep.serve.app; print(' '.join(sys.modules))"],
        capture_output=True, text=True, check=True, cwd=PACKAGE.parent).stdout.split()
    assert "sitrep.serve.app" in loaded and "sitrep.serve.api_read" in loaded
    assert [m for m in loaded if m.startswith("sitrep.cli")] == []


def _data_paths(source: str) -> list[int]:
    """Lines that build a path into sitrep/data/ by hand: `... / "data"` (or "data/x"), or
    the package's own root from importlib.resources, `files("sitrep")`."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            operands = [node.left, node.right]
            if any(isinstance(o, ast.Constant) and isinstance(o.value, str)
                   and (o.value == "data" or o.value.startswith("data/")) for o in operands):
                lines.append(node.lineno)
        elif isinstance(node, ast.Call) and node.args:
            name = getattr(node.func, "attr", getattr(node.func, "id", None))
            first = node.args[0]
            if name == "files" and isinstance(first, ast.Constant) and first.value == "sitrep":
                lines.append(node.lineno)
    return lines


def test_the_data_path_check_catches_what_it_is_for():
    assert _data_paths('D = Path(__file__).parent.parent / "data" / "places"') == [1]
    assert _data_paths('x = 1\nf = resources.files("sitrep") / "lexicon"') == [2]
    assert _data_paths('f = files("sitrep.serve") / "static"\ng = data_file("a.toml")') == []


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m != "sitrep.package_data"))
def test_only_package_data_finds_the_data_files(module):
    # one idiom for the package's data (sitrep.package_data): it works from a wheel as
    # from a checkout, and each file is read once
    lines = _data_paths(MODULES[module].read_text(encoding="utf-8"))
    assert not lines, f"{module} builds a path to sitrep/data itself, lines {lines}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("sitrep.serve")))
def test_serve_uses_no_terminal_library(module):
    # click and rich are the command line's: the API and its exports write no terminal
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    names = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
             for alias in node.names}
    names |= {(node.module or "").split(".")[0] for node in ast.walk(tree)
              if isinstance(node, ast.ImportFrom) and not node.level}
    assert not names & {"click", "rich"}


def test_every_event_filter_is_an_option_and_a_query_parameter(tmp_path):
    # the one table of filters makes the CLI's options and the API's parameters alike
    from sitrep.cli import main
    from sitrep.serve.app import create_app
    from sitrep.serve.settings import Settings
    from sitrep.store.filters import FILTERS

    names = {one.name for one in FILTERS}
    assert {"type", "actor", "modality", "background"} <= names
    for command in ("events", "export"):
        options = {opt.lstrip("-") for p in main.commands[command].params for opt in p.opts}
        assert names <= options, command
    paths = create_app(Settings(db=str(tmp_path / "api.db"))).openapi()["paths"]
    for path in ("/api/events", "/api/events/histogram", "/api/export/events"):
        parameters = {p["name"] for p in paths[path]["get"]["parameters"]}
        assert names <= parameters, path
