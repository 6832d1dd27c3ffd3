"""Longer fuzzing run than CI's: mutated corpus documents into parse.

    python bench/fuzz.py [--seconds 600] [--seed 1]

Prints inputs tried, how they ended (Report / each GipExtractError kind) and every
failure (any other exception), with the input saved under /tmp/gipextract-fuzz/.
"""
from __future__ import annotations

import argparse
import collections
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def mutate(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        if not b:
            break
        i = rng.randrange(len(b))
        k = rng.random()
        if k < 0.4:
            b[i] = rng.randrange(256)
        elif k < 0.6:
            del b[i:i + rng.randint(1, 64)]
        elif k < 0.8:
            b[i:i] = rng.randbytes(rng.randint(1, 32))
        elif k < 0.9:
            j = rng.randrange(len(b))
            b[i:i] = b[j:j + rng.randint(1, 256)]
        else:
            del b[i:]
    return bytes(b)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=600)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    from gipextract import GipExtractError, Limits, parse

    docs = [p for p in (ROOT / "corpus").rglob("*") if p.suffix in (".txt", ".html", ".docx", ".pdf")
            and "tools" not in p.parts]
    data = [(p.name, p.read_bytes()) for p in sorted(docs)]
    rng = random.Random(args.seed)
    outcomes: collections.Counter[str] = collections.Counter()
    failures = 0
    out = Path("/tmp/gipextract-fuzz")
    out.mkdir(exist_ok=True)
    start = time.monotonic()
    tried = 0
    while time.monotonic() - start < args.seconds:
        name, base = data[rng.randrange(len(data))]
        case = mutate(base, rng)
        tried += 1
        try:
            parse(case, name=name, limits=Limits(max_seconds=10))
            outcomes["Report"] += 1
        except GipExtractError as e:
            outcomes[type(e).__name__] += 1
        except Exception:
            failures += 1
            path = out / f"failure-{failures}-{name}"
            path.write_bytes(case)
            print(f"FAILURE on a mutation of {name} (saved {path}):\n{traceback.format_exc()}", file=sys.stderr)
    print(f"{tried} inputs in {time.monotonic() - start:.0f} s from {len(data)} corpus documents; "
          f"failures: {failures}; outcomes: {dict(outcomes)}")


if __name__ == "__main__":
    main()
