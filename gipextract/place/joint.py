"""The joint search over rows' readings, on their contributions to the table's identities.

Units are rows with several readings (value vectors); each reading is given here as its
contribution (``delta``) to every identity that involves an uncertain row, and ``start``
holds the identities' constant parts. Both passes are exact: they only ever drop readings
and partial states that cannot be part of a full solution.
"""
from __future__ import annotations

from decimal import Decimal

from ..limits import checkpoint

Value = int | Decimal


class SearchTooLarge(Exception):
    """More placements than the search is allowed to look at."""


_WORK: list[int] | None = None  # set to a list to record each search's work (bench/bench_placement.py)
_REACH_CAP = 20000  # sums tracked per equation in propagation; an equation with more is skipped


def propagate(deltas: list[list[tuple[Value, ...]]], start: tuple[Value, ...]) -> list[list[int]] | None:
    """Options of each unit that some choice of the others completes, equation by equation
    (necessary for a full solution, so nothing viable is ever dropped); None if a unit has none."""
    alive = [list(range(len(d))) for d in deltas]
    for _ in range(len(deltas) + 1):
        changed = False
        for r in range(len(start)):
            checkpoint()
            units = [j for j in range(len(deltas)) if any(deltas[j][vi][r] for vi in alive[j])]
            if not units:
                continue
            # Sums reachable by the units before each one, and by the units after it.
            before: list[set[Value]] = [{start[r]}]
            for j in units:
                nxt = {s + deltas[j][vi][r] for s in before[-1] for vi in alive[j]}
                if len(nxt) > _REACH_CAP:
                    break
                before.append(nxt)
            else:
                after: list[set[Value]] = [{0}]
                for j in reversed(units):
                    after.append({s + deltas[j][vi][r] for s in after[-1] for vi in alive[j]})
                after.reverse()  # after[i]: sums of units[i:]
                for i, j in enumerate(units):
                    rest, keep = after[i + 1], []
                    for vi in alive[j]:
                        d = deltas[j][vi][r]
                        if any(-(s + d) in rest for s in before[i]):
                            keep.append(vi)
                    if not keep:
                        return None
                    if len(keep) < len(alive[j]):
                        alive[j] = keep
                        changed = True
        if not changed:
            break
    return alive


def _reach(deltas: list[list[tuple[Value, ...]]], alive: list[list[int]], start: tuple[Value, ...]
           ) -> tuple[list[list[set[Value] | None]], list[list[set[Value] | None]]]:
    """Per equation, the sums units ``0..i-1`` can reach (``start`` included) and the sums
    units ``i..k-1`` can reach, for every i; None where a set would exceed ``_REACH_CAP``."""
    k = len(deltas)
    prefix: list[list[set[Value] | None]] = []
    suffix: list[list[set[Value] | None]] = []
    for r in range(len(start)):
        pre: list[set[Value] | None] = [{start[r]}]
        for j in range(k):
            last = pre[-1]
            nxt = None if last is None else {x + deltas[j][vi][r] for x in last for vi in alive[j]}
            pre.append(nxt if nxt is not None and len(nxt) <= _REACH_CAP else None)
        suf: list[set[Value] | None] = [{0}]
        for j in range(k - 1, -1, -1):
            last = suf[-1]
            nxt = None if last is None else {x + deltas[j][vi][r] for x in last for vi in alive[j]}
            suf.append(nxt if nxt is not None and len(nxt) <= _REACH_CAP else None)
        suf.reverse()
        prefix.append(pre)
        suffix.append(suf)
    return prefix, suffix


def meet_in_the_middle(deltas: list[list[tuple[Value, ...]]], alive: list[list[int]], start: tuple[Value, ...],
                        members: list[list[int]], max_states: int, max_work: int = 300_000
                        ) -> list[set[int]] | None:
    """The options of each unit that take part in a full solution, searched from both ends.

    A forward state is ``start`` plus the contributions of units ``0..f-1``; a backward
    state the contributions of units ``b..k-1``. An equation whose units all lie on one
    side is checked as that side completes it; the rest where the two sides meet
    (forward + backward == 0).
    """
    k = len(deltas)
    first = [min(m) for m in members]
    last = [max(m) for m in members]
    # A state one equation alone cannot complete is dropped as soon as it appears.
    prefix, suffix = _reach(deltas, alive, start)
    eqs = range(len(start))
    fwd: list[dict[tuple, list[tuple[tuple, int]]]] = [{start: []}]
    zero = tuple(0 for _ in start)
    bwd: list[dict[tuple, list[tuple[tuple, int]]]] = [{zero: []}]
    f, b = 0, k
    work = 0  # state extensions tried, both sides: the search's own clock
    while f < b:
        checkpoint()
        forward = len(fwd[-1]) <= len(bwd[-1])
        work += len(fwd[-1] if forward else bwd[-1]) * len(alive[f if forward else b - 1])
        if work > max_work:  # bounded time: past this the table is reported, not solved
            raise SearchTooLarge
        if forward:
            j, f = f, f + 1
            closing = [r for r in range(len(start)) if last[r] == j]
            nxt: dict[tuple, list[tuple[tuple, int]]] = {}
            for state in fwd[-1]:
                for vi in alive[j]:
                    new = tuple(a + c for a, c in zip(state, deltas[j][vi]))
                    if any(new[r] != 0 for r in closing):
                        continue
                    if new not in nxt and any((rest := suffix[r][f]) is not None and -new[r] not in rest
                                              for r in eqs):
                        continue
                    nxt.setdefault(new, []).append((state, vi))
            fwd.append(nxt)
        else:
            b -= 1
            j = b
            # An equation all of whose units are at or after j is complete: its constant
            # (in the forward start) plus this side's sum must vanish.
            closing = [r for r in range(len(start)) if first[r] == j]
            nxt = {}
            for state in bwd[-1]:
                for vi in alive[j]:
                    new = tuple(a + c for a, c in zip(state, deltas[j][vi]))
                    if any(start[r] + new[r] != 0 for r in closing):
                        continue
                    if new not in nxt and any((done := prefix[r][b]) is not None and -new[r] not in done
                                              for r in eqs):
                        continue
                    nxt.setdefault(new, []).append((state, vi))
            bwd.append(nxt)
        if not nxt:
            return None
        if len(nxt) > max_states:
            raise SearchTooLarge
    if _WORK is not None:
        _WORK.append(work)
    # Equations with units on both sides: forward + backward == 0, i.e. backward == -forward
    # (one-sided equations were checked already; their entries cancel the same way).
    meet = [s for s in fwd[-1] if tuple(-x for x in s) in bwd[-1]]
    if not meet:
        return None
    viable: list[set[int]] = [set() for _ in range(k)]
    states = set(meet)
    for j in range(f, 0, -1):  # forward units f-1 … 0
        prev = set()
        for state in states:
            for p, vi in fwd[j][state]:
                viable[j - 1].add(vi)
                prev.add(p)
        states = prev
    states = {tuple(-x for x in s) for s in meet}
    for depth in range(len(bwd) - 1, 0, -1):  # backward units b … k-1
        j = k - depth
        prev = set()
        for state in states:
            for p, vi in bwd[depth][state]:
                viable[j].add(vi)
                prev.add(p)
        states = prev
    return viable
