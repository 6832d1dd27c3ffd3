"""Where ``parse`` spends its CPU time, per reading step and stage, over the corpus (issue 28).

    python bench/bench_steps.py html,text          # DOC=substring limits the documents

Each step of :data:`gipextract.place.steps.STEPS` and the stages around them (load, Flat,
describe, checks) are wrapped with a CPU clock; after one warm-up pass the documents are
parsed five times and the mean per document is printed, costliest first. Run it with another
tree first on PYTHONPATH to read that tree's figures (one process per tree: alternate runs,
the machine's load drifts by 10%).
"""
import collections
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_floor import documents  # noqa: E402
from typing import Any, Callable  # noqa: E402

import gipextract.api as api  # noqa: E402
import gipextract.checks.run as run  # noqa: E402
from gipextract.place import flat, steps  # noqa: E402

ROUNDS = 5


def main() -> None:
    fmts = set((sys.argv[1] if len(sys.argv) > 1 else "html,text").split(","))
    docs = [d for d in documents(fmts) if os.environ.get("DOC", "") in str(d)]
    spent: dict[str, float] = collections.defaultdict(float)
    clock = time.process_time

    def wrap(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*a: Any, **k: Any) -> Any:
            t = clock()
            try:
                return fn(*a, **k)
            finally:
                spent[name] += clock() - t
        return timed

    steps.STEPS[:] = [(n, wrap(n, f)) for n, f in steps.STEPS]
    api._load = wrap("load", api._load)
    api._report = wrap("report", api._report)  # describe included
    api._checked = wrap("checked", api._checked)  # check included
    api.check = wrap("check", run.check)
    api.describe = wrap("describe", api.describe)
    steps.Flat = wrap("Flat", flat.Flat)

    def parse_all() -> None:
        for d in docs:
            try:
                api.parse(d)
            except Exception:
                pass

    parse_all()
    spent.clear()
    t0 = clock()
    for _ in range(ROUNDS):
        parse_all()
    n = len(docs) * ROUNDS
    print(f"total {(clock() - t0) / n * 1000:.2f} ms a document over {len(docs)} documents")
    for k, v in sorted(spent.items(), key=lambda x: -x[1]):
        print(f"{k:12} {v / n * 1000:6.2f} ms")


if __name__ == "__main__":
    main()
