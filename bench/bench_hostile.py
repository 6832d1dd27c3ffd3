"""Every hostile input of tests/hostile.py, each in its own process: outcome, time, peak memory.

    python bench/bench_hostile.py [NAME ...] [--timeout S] [--code DIR]

``--code DIR`` runs another checkout's ``gipextract`` package (e.g. the code before a
change, exported with ``git archive``) against the same inputs. A case still running at
``--timeout`` is killed and reported as ``TIMEOUT``.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, resource, sys, time
sys.path[:0] = [sys.argv[1], sys.argv[2]]
import hostile
from gipextract import GipExtractError, Limits, parse
data = hostile.HOSTILE[sys.argv[3]]()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.monotonic()
try:
    r = parse(data, name=sys.argv[3], limits=Limits(max_seconds=float(sys.argv[4])))
    out = "Report"
except GipExtractError as e:
    out = f"{type(e).__name__}: {e.reason[:70]}"
except BaseException as e:
    out = f"RAW {type(e).__name__}: {str(e)[:60]}"
print(json.dumps({"outcome": out, "seconds": time.monotonic() - t,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "input_peak_mb": base / 1024}))
"""


def run(name: str, code: Path, timeout: float, limit: float) -> dict:
    """One case in a fresh interpreter."""
    try:
        p = subprocess.run([sys.executable, "-c", CHILD, str(code), str(ROOT / "tests"), name, str(limit)],
                           capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"outcome": "TIMEOUT", "seconds": timeout, "peak_mb": float("nan"), "input_peak_mb": float("nan")}
    if p.returncode != 0 or not p.stdout.strip():
        return {"outcome": f"CRASH rc={p.returncode} {p.stderr.strip().splitlines()[-1:]}", "seconds": float("nan"),
                "peak_mb": float("nan"), "input_peak_mb": float("nan")}
    return json.loads(p.stdout.strip().splitlines()[-1])


def main() -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    import hostile

    ap = argparse.ArgumentParser()
    ap.add_argument("names", nargs="*")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--limit", type=float, default=20, help="Limits.max_seconds given to parse")
    ap.add_argument("--code", type=Path, default=ROOT)
    args = ap.parse_args()
    names = args.names or sorted(hostile.HOSTILE)
    worst = 0.0
    for name in names:
        r = run(name, args.code, args.timeout, args.limit)
        worst = max(worst, r["peak_mb"]) if r["peak_mb"] == r["peak_mb"] else worst
        print(f"{name:28} {r['seconds']:7.2f} s {r['peak_mb']:7.0f} MB  {r['outcome']}", flush=True)
    print(f"worst peak memory: {worst:.0f} MB")


if __name__ == "__main__":
    main()
