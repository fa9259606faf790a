"""The shape of the package: each phase imports only the phases below it, and no module or
function grows past what a reader takes in at once."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

# Lower first; a module may import its own package and anything of a lower rank.
RANKS = [
    ("generator", "generator.model", "generator.text", "generator.errors"),
    ("generator.ingest", "generator.export", "generator.write", "generator.progress", "generator.workers"),
    ("generator.config",),
    ("generator.analysis",),
    ("generator.site", "generator.corrections", "generator.commands"),
    ("generator.render",),
    ("generator.build",),
    ("generator.cli", "generator.plugin"),
]


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(path: Path) -> set[str]:
    """Every generator module a file imports, at the top or inside a function."""
    known = modules()
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator"):
            # `from package import module` depends on the module, not on the package's face.
            submodules = {f"{node.module}.{a.name}" for a in node.names} & known.keys()
            names |= submodules
            if len(submodules) < len(node.names):
                names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("generator"))
    return names & known.keys()


def phase(module: str) -> tuple[int, str]:
    """(rank, phase) of a module: the longest prefix listed in RANKS."""
    best = (-1, "", "")
    for rank, members in enumerate(RANKS):
        for member in members:
            if (module == member or module.startswith(member + ".")) and len(member) > len(best[2]):
                best = (rank, member, member)
    return best[0], best[1]


@pytest.mark.parametrize("module", sorted(modules()))
def test_a_module_imports_only_its_own_phase_and_those_below(module):
    rank, own = phase(module)
    for imported in imports(modules()[module]):
        their_rank, theirs = phase(imported)
        assert their_rank < rank or theirs == own, (
            f"{module} (phase {own}) imports {imported} (phase {theirs})"
        )


def test_no_import_cycle():
    graph = {name: imports(path) - {name} for name, path in modules().items()}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " → ".join([*trail, node, nxt]))
            if nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [])


def test_no_module_over_500_lines_and_no_function_over_60():
    long = []
    for name, path in modules().items():
        source = path.read_text(encoding="utf-8")
        if len(source.splitlines()) > 500:
            long.append(f"{name}: {len(source.splitlines())} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > 60:
                    long.append(f"{name}.{node.name}: {lines} lines")
    assert not long, long


def test_the_readme_table_names_every_phase_of_the_package():
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("The package, phase by phase") : readme.index("## Article formats")]
    for path in sorted(PACKAGE.iterdir()):
        if path.suffix == ".py" and path.stem != "__init__":
            assert f"`{path.name}`" in table, path.name
        elif path.is_dir() and (path / "__init__.py").exists():
            assert f"`{path.name}/`" in table, path.name
            for module in path.glob("*.py"):
                if module.stem != "__init__":
                    assert f"`{module.stem}`" in table, f"{path.name}/{module.name}"
