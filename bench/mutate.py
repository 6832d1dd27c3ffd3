"""A small AST mutation tester for the core modules (not run by CI).

Each mutant changes one operator or constant in one of the reading's core modules (the form,
tables, labels, rows and printing steps, the readings and the joint search, positions, values,
tokens, the identities and templates/__init__) (a comparison flipped, + and - swapped, and/or swapped,
a small integer moved by one, True/False swapped, a ``not`` dropped), in a temporary copy of
the repository with no ../shared beside it; a fast selection of the tests runs with ``-x``.
A mutant is killed when a test fails (or the run times out), survives when all pass.
The mutants are a seeded sample, so two runs (say, before and after new tests) see the same.

    python bench/mutate.py -n 30                       # the working tree
    python bench/mutate.py -n 30 --rev f82c82b         # the same mutants against older tests
    python bench/mutate.py -n 30 --rerun before.txt    # only the survivors of an earlier run
    python bench/mutate.py --list                      # count the mutation sites
"""
from __future__ import annotations

import argparse
import ast
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from identity_knockout import copy_repo  # noqa: E402

MODULES = ["gipextract/place/form.py", "gipextract/place/tables.py", "gipextract/place/labels.py",
           "gipextract/place/rows.py", "gipextract/place/printing.py", "gipextract/place/readings.py",
           "gipextract/place/joint.py", "gipextract/place/positions.py", "gipextract/place/values.py",
           "gipextract/place/tokens.py", "gipextract/templates/identities.py", "gipextract/checks/identities.py",
           "gipextract/templates/__init__.py"]
TESTS = ["tests/test_corpus_seeds.py", "tests/test_reading.py", "tests/test_text_adapter.py",
         "tests/test_identities_bite.py", "tests/test_corpus_generated.py", "tests/test_provenance.py",
         "tests/test_property_text.py", "tests/test_property_html.py", "tests/test_mutants.py"]
_CMP = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
        ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
_BIN = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.FloorDiv, ast.FloorDiv: ast.Mult}


def sites(tree: ast.AST) -> list[tuple[int, str]]:
    """(node index in ast.walk order, operator) for every place a mutant can be made."""
    out = []
    for i, node in enumerate(ast.walk(tree)):
        if isinstance(node, ast.Compare) and type(node.ops[0]) in _CMP:
            out.append((i, "cmp"))
        elif isinstance(node, ast.BinOp) and type(node.op) in _BIN:
            out.append((i, "bin"))
        elif isinstance(node, ast.BoolOp):
            out.append((i, "bool"))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            out.append((i, "not"))
        elif isinstance(node, ast.Constant) and type(node.value) is bool:
            out.append((i, "true"))
        elif isinstance(node, ast.Constant) and type(node.value) is int and 0 <= node.value <= 100:
            out.append((i, "int"))
    return out


class _Not(ast.NodeTransformer):
    def __init__(self, target: ast.AST) -> None:
        self.target = target

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        if node is self.target:
            return node.operand
        return self.generic_visit(node)


def mutate(source: str, index: int, kind: str) -> tuple[str, str]:
    """The mutated source and a one-line description."""
    tree = ast.parse(source)
    node = list(ast.walk(tree))[index]
    line = getattr(node, "lineno", 0)
    if kind == "cmp":
        old = type(node.ops[0])
        node.ops[0] = _CMP[old]()
        desc = f"{old.__name__} -> {_CMP[old].__name__}"
    elif kind == "bin":
        old = type(node.op)
        node.op = _BIN[old]()
        desc = f"{old.__name__} -> {_BIN[old].__name__}"
    elif kind == "bool":
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        desc = "and <-> or"
    elif kind == "not":
        tree = _Not(node).visit(tree)
        desc = "drop not"
    elif kind == "true":
        node.value = not node.value
        desc = f"{not node.value} -> {node.value}"
    else:
        node.value += 1
        desc = f"{node.value - 1} -> {node.value}"
    return ast.unparse(ast.fix_missing_locations(tree)), f"line {line}: {desc}"


def run_tests(repo: Path, timeout: int) -> tuple[bool, float]:
    """True when the selection passes."""
    files = [f for f in TESTS if (repo / f).exists()]
    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *files]
    if "slow" in (repo / "pyproject.toml").read_text(encoding="utf-8"):
        cmd += ["-m", "not slow"]
    else:  # an old tree: its property tests are all long
        cmd = [c for c in cmd if "test_property" not in c]
    t = time.monotonic()
    try:
        p = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, time.monotonic() - t
    return p.returncode == 0, time.monotonic() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=30, help="number of mutants (a seeded sample)")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--rev", help="run the tests of this commit instead of the working tree")
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--rerun", help="a previous run's output: run only the mutants that survived it "
                                    "(same -n and --seed); the others were killed by a subset of the tests")
    args = ap.parse_args()
    root = Path(__file__).resolve().parent.parent
    all_sites = [(m, i, k) for m in MODULES for i, k in sites(ast.parse((root / m).read_text(encoding="utf-8")))]
    print(f"{len(all_sites)} mutation sites in {len(MODULES)} modules")
    if args.list:
        return 0
    sample = random.Random(args.seed).sample(all_sites, min(args.n, len(all_sites)))
    total = len(sample)
    if args.rerun:
        outcomes = [ln.split()[0] for ln in Path(args.rerun).read_text(encoding="utf-8").splitlines()
                    if ln.startswith(("killed", "SURVIVED"))]
        assert len(outcomes) == len(sample), "the previous run used another -n"
        sample = [m for m, o in zip(sample, outcomes) if o == "SURVIVED"]
    with tempfile.TemporaryDirectory(prefix="mutate-") as tmp:
        repo = Path(tmp) / "repo"
        copy_repo(repo, args.rev)
        ok, secs = run_tests(repo, args.timeout)
        print(f"unmutated: {'pass' if ok else 'FAIL'} in {secs:.0f}s", flush=True)
        if not ok:
            return 2
        survivors = []
        for module, index, kind in sample:
            original = (repo / module).read_text(encoding="utf-8")
            mutated, desc = mutate(original, index, kind)
            (repo / module).write_text(mutated, encoding="utf-8")
            ok, secs = run_tests(repo, args.timeout)
            (repo / module).write_text(original, encoding="utf-8")
            print(f"{'SURVIVED' if ok else 'killed  '} {secs:5.0f}s {module} {desc}", flush=True)
            if ok:
                survivors.append(f"{module} {desc}")
    killed = total - len(survivors)
    print(f"\nscore: {killed}/{total} killed ({100 * killed / total:.0f}%)")
    for s in survivors:
        print("  survived:", s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
