"""Plant quiet bugs in a clean copy of the repository and see whether a test catches each.

For each identity of both forms (removed from its template JSON), and for a few other
plausible slips -- text decoded as GBK instead of GB18030, rows that need the placement
solver left ``missing``, two columns or two row labels swapped in a template -- the script
copies the repository to a temporary directory with NO ../shared beside it, plants the bug,
runs a fast subset of the tests and reports which plants no test catches. Not run by CI.

    python bench/identity_knockout.py                # the working tree
    python bench/identity_knockout.py --rev f82c82b  # an older commit (git archive)
    python bench/identity_knockout.py --only gbk,solver_missing
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
FAST = ["tests/test_identities_bite.py", "tests/test_text_adapter.py", "tests/test_corpus_seeds.py",
        "tests/test_corpus_generated.py", "tests/test_corpus_dense.py", "tests/test_reading.py", "tests/test_provenance.py",
        "tests/test_property_text.py", "tests/test_property_html.py", "tests/test_property_docx.py"]
SLOW_FILES = {"tests/test_property_text.py", "tests/test_property_html.py", "tests/test_property_docx.py"}


def _edit_json(form: str, change: Callable[[dict], None]) -> Callable[[Path], None]:
    def plant(repo: Path) -> None:
        p = repo / "gipextract" / "templates" / f"form{form}.json"
        d = json.loads(p.read_text(encoding="utf-8"))
        change(d)
        p.write_text(json.dumps(d, ensure_ascii=False, indent=1), encoding="utf-8")
    return plant


def _drop_identity(form: str, ident: str) -> Callable[[Path], None]:
    def change(d: dict) -> None:
        before = len(d["identities"])
        d["identities"] = [i for i in d["identities"] if i["id"] != ident]
        assert len(d["identities"]) == before - 1, ident
    return _edit_json(form, change)


def _swap(form: str, table: str, what: str, a: str, b: str) -> Callable[[Path], None]:
    """Swap the labels of two columns (``what='columns'``) or two rows of ``table``."""
    def change(d: dict) -> None:
        t = next(t for t in d["tables"] if t["key"] == table)
        items = {x["key"]: x for x in t[what]}
        items[a]["label"], items[b]["label"] = items[b]["label"], items[a]["label"]
    return _edit_json(form, change)


def _replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def plant(repo: Path) -> None:
        p = repo / path
        s = p.read_text(encoding="utf-8")
        assert s.count(old) == 1, (path, old)
        p.write_text(s.replace(old, new), encoding="utf-8")
    return plant


def plants() -> dict[str, Callable[[Path], None]]:
    """Every planted bug, by name."""
    out: dict[str, Callable[[Path], None]] = {}
    for form in ("2021", "2019"):
        d = json.loads((ROOT / "gipextract" / "templates" / f"form{form}.json").read_text(encoding="utf-8"))
        for ident in d["identities"]:
            out[f"{form}:{ident['id']}"] = _drop_identity(form, ident["id"])
        out[f"{form}:swap_columns_commercial_research"] = _swap(form, "requests", "columns", "commercial", "research")
        out[f"{form}:swap_rows_state_secret_prohibited"] = _swap(form, "requests", "rows", "denied.state_secret",
                                                                  "denied.prohibited_by_law")
        out[f"{form}:swap_appeal_columns_upheld_corrected"] = _swap(form, "appeals", "columns",
                                                                     "reconsideration.upheld",
                                                                     "reconsideration.corrected")
    out["gbk"] = _replace("gipextract/read/text.py", 'data.decode("gb18030")', 'data.decode("gbk")')
    out["solver_missing"] = _replace(
        "gipextract/place/readings.py", "                found: list[Placement] | None = enumerate_row(r.tokens, kinds, local[i])\n",
        "                found: list[Placement] | None = enumerate_row(r.tokens, kinds, local[i])\n"
        "                found = None if len(found) > 1 else found  # planted: rows that need the solver\n")
    return out


def copy_repo(dest: Path, rev: str | None) -> None:
    """The repository's files (tracked and untracked, not ignored) or those of ``rev``."""
    if rev:
        dest.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", rev], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
        return
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.split("\n")
    for f in filter(None, files):
        src = ROOT / f
        if src.is_file():
            (dest / f).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / f)


def run_tests(repo: Path, timeout: int) -> tuple[bool, str, float]:
    """True when the fast subset passes; the last line of pytest's output; seconds taken."""
    files = [f for f in FAST if (repo / f).exists()]
    has_marker = "slow" in (repo / "pyproject.toml").read_text(encoding="utf-8")
    if not has_marker:  # an old tree: its property tests are all long; leave them out
        files = [f for f in files if f not in SLOW_FILES]
    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *files]
    if has_marker:
        cmd += ["-m", "not slow"]
    t = time.monotonic()
    try:
        p = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, "timeout", time.monotonic() - t
    lines = [ln for ln in p.stdout.splitlines() if ln.strip()]
    return p.returncode == 0, (lines[-1] if lines else p.stderr[-200:]), time.monotonic() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rev", help="test this commit instead of the working tree")
    ap.add_argument("--only", help="comma-separated plant names (default: all)")
    ap.add_argument("--timeout", type=int, default=900)
    args = ap.parse_args()
    todo = plants()
    if args.only:
        todo = {k: v for k, v in todo.items() if k in args.only.split(",")}
    with tempfile.TemporaryDirectory(prefix="knockout-") as tmp:
        clean = Path(tmp) / "clean" / "repo"  # nothing named shared beside it
        copy_repo(clean, args.rev)
        ok, last, secs = run_tests(clean, args.timeout)
        print(f"{'(unplanted)':45} {'pass' if ok else 'FAIL'}  {secs:6.1f}s  {last}", flush=True)
        if not ok:
            print("the clean copy fails its own tests; nothing to measure")
            return 2
        escaped = []
        for name, plant in todo.items():
            repo = Path(tmp) / name.replace(":", "_") / "repo"
            shutil.copytree(clean, repo)
            plant(repo)
            ok, last, secs = run_tests(repo, args.timeout)
            print(f"{name:45} {'NOT CAUGHT' if ok else 'caught'}  {secs:6.1f}s  {last}", flush=True)
            if ok:
                escaped.append(name)
            shutil.rmtree(repo.parent)
    print(f"\n{len(todo) - len(escaped)} of {len(todo)} planted bugs caught; not caught: {', '.join(escaped) or 'none'}")
    return 1 if escaped else 0


if __name__ == "__main__":
    sys.exit(main())
