"""The package's shape: imports flow one way (read → place → check → output), no import cycle
among its modules (imports inside functions counted, type-checking-only ones aside), no module
over 400 lines, and the reading steps documented as the code runs them."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "gipextract"
MAX_LINES = 400
# Lower layers never import higher ones; the three folders of layer 6 do not import each other.
LAYERS = {
    "templates": 0, "messages": 1, "errors": 2, "limits": 3, "workers": 3, "read": 4, "report": 5,
    "place": 6, "metadata": 6, "checks": 6, "decisions": 6, "output": 7, "api": 7, "batch": 8, "cli": 9, "serve": 9, "__main__": 9,
}


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that ``name`` imports anywhere (functions included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            skip |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    out: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("gipextract")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("gipextract"):
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                out.add(sub if sub in modules else target)
    return {m for m in out if m in modules and m != name}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def test_no_import_cycle_among_the_package_modules() -> None:
    graph = _graph()
    # The package's face imports its front door; nothing imports the face back but the
    # command line (counted below), so it is left out as the root of everything.
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    assert cycles == []


def _layer(module: str) -> tuple[int, str] | None:
    parts = module.split(".")
    if len(parts) == 1:
        return None  # the package's face
    return LAYERS[parts[1]], parts[1]


def test_imports_flow_one_way() -> None:
    wrong = []
    for module, targets in _graph().items():
        here = _layer(module)
        if here is None:
            continue
        for target in targets:
            there = _layer(target)
            if there is None:
                if here[1] not in ("cli", "__main__"):
                    wrong.append((module, target))
                continue
            if there[0] > here[0] or (there[0] == here[0] == 6 and there[1] != here[1]):
                wrong.append((module, target))
    assert wrong == []


def test_every_layer_is_known() -> None:
    assert {name.split(".")[1] for name in _modules() if "." in name} <= set(LAYERS)


def test_no_module_over_400_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_the_wheel_holds_no_test_document_writers() -> None:
    assert not (PACKAGE / "writers").exists()
    offenders = [str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py") if "docwriters" in p.read_text("utf-8")]
    assert offenders == []


def test_reading_model_lists_the_steps_in_their_order() -> None:
    from gipextract.place.steps import STEPS

    doc = (ROOT / "docs" / "reading-model.md").read_text(encoding="utf-8")
    section = doc.split("## The steps", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\d+\. \*\*`(\w+)`\*\*", section, re.M)
    assert listed == [name for name, _ in STEPS]
    for name, step in STEPS:  # each named after its module's job, with a docstring saying so
        assert step.__doc__ and step.__module__.startswith("gipextract.place."), name
