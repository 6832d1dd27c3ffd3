"""Step ``joint``: the readings of a table's rows that its identities allow together.

Each row with several readings (value vectors) is given here as each reading's contribution
(``delta``) to every identity that involves an uncertain row, and ``start`` holds the
identities' constant parts. Both passes are exact: they only ever drop readings and partial
states that cannot be part of a full solution.
"""
from __future__ import annotations

from decimal import Decimal
from operator import add, neg
from typing import Sequence

from ..limits import checkpoint
from ..report import finding
from .equations import Equation
from .placement import Placement, SearchTooLarge
from .state import State

Value = int | Decimal


_WORK: list[int] | None = None  # set to a list to record each search's work (bench/bench_placement.py)
_REACH_CAP = 20000  # sums tracked per equation in propagation; an equation with more is skipped


def propagate(deltas: list[list[tuple[Value, ...]]], start: tuple[Value, ...]) -> list[list[int]] | None:
    """Options of each row that some choice of the others completes, equation by equation
    (necessary for a full solution, so nothing viable is ever dropped); None if a row has none."""
    alive = [list(range(len(d))) for d in deltas]
    for _ in range(len(deltas) + 1):
        changed = False
        for r in range(len(start)):
            checkpoint()
            rows = [j for j in range(len(deltas)) if any(deltas[j][vi][r] for vi in alive[j])]
            if not rows:
                continue
            # Sums reachable by the rows before each one, and by the rows after it.
            before: list[set[Value]] = [{start[r]}]
            for j in rows:
                nxt = {s + deltas[j][vi][r] for s in before[-1] for vi in alive[j]}
                if len(nxt) > _REACH_CAP:
                    break
                before.append(nxt)
            else:
                after: list[set[Value]] = [{0}]
                for j in reversed(rows):
                    after.append({s + deltas[j][vi][r] for s in after[-1] for vi in alive[j]})
                after.reverse()  # after[i]: sums of rows[i:]
                for i, j in enumerate(rows):
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
    """Per equation, the sums rows ``0..i-1`` can reach (``start`` included) and the sums
    rows ``i..k-1`` can reach, for every i; None where a set would exceed ``_REACH_CAP``."""
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
    """The options of each row that take part in a full solution, searched from both ends.

    A forward state is ``start`` plus the contributions of rows ``0..f-1``; a backward
    state the contributions of rows ``b..k-1``. An equation whose rows all lie on one
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
        # The sets each new state is checked against, looked up once a step, and each state
        # summed by map (with solve's terms below: solve 0.49 -> 0.39 ms a text report, its
        # calls replayed over the corpus).
        if forward:
            j, f = f, f + 1
            closing = [r for r in range(len(start)) if last[r] == j]
            reach = [(r, rest) for r in eqs if (rest := suffix[r][f]) is not None]
            nxt: dict[tuple, list[tuple[tuple, int]]] = {}
            for state in fwd[-1]:
                for vi in alive[j]:
                    new = tuple(map(add, state, deltas[j][vi]))
                    if closing and any(new[r] != 0 for r in closing):
                        continue
                    if new in nxt:
                        nxt[new].append((state, vi))
                        continue
                    for r, rest in reach:
                        if -new[r] not in rest:
                            break
                    else:
                        nxt[new] = [(state, vi)]
            fwd.append(nxt)
        else:
            b -= 1
            j = b
            # An equation all of whose rows are at or after j is complete: its constant
            # (in the forward start) plus this side's sum must vanish.
            closing = [r for r in range(len(start)) if first[r] == j]
            reach = [(r, done) for r in eqs if (done := prefix[r][b]) is not None]
            nxt = {}
            for state in bwd[-1]:
                for vi in alive[j]:
                    new = tuple(map(add, state, deltas[j][vi]))
                    if closing and any(start[r] + new[r] != 0 for r in closing):
                        continue
                    if new in nxt:
                        nxt[new].append((state, vi))
                        continue
                    for r, done in reach:
                        if -new[r] not in done:
                            break
                    else:
                        nxt[new] = [(state, vi)]
            bwd.append(nxt)
        if not nxt:
            return None
        if len(nxt) > max_states:
            raise SearchTooLarge
    if _WORK is not None:
        _WORK.append(work)
    # Equations with rows on both sides: forward + backward == 0, i.e. backward == -forward
    # (one-sided equations were checked already; their entries cancel the same way).
    meet = [s for s in fwd[-1] if tuple(map(neg, s)) in bwd[-1]]
    if not meet:
        return None
    viable: list[set[int]] = [set() for _ in range(k)]
    states = set(meet)
    for j in range(f, 0, -1):  # forward rows f-1 … 0
        prev = set()
        for state in states:
            for p, vi in fwd[j][state]:
                viable[j - 1].add(vi)
                prev.add(p)
        states = prev
    states = {tuple(map(neg, s)) for s in meet}
    for depth in range(len(bwd) - 1, 0, -1):  # backward rows b … k-1
        j = k - depth
        prev = set()
        for state in states:
            for p, vi in bwd[depth][state]:
                viable[j].add(vi)
                prev.add(p)
        states = prev
    return viable


def solve(domains: Sequence[Sequence[Placement]], equations: Sequence[Equation],
          max_states: int = 200000) -> list[list[int]] | None:
    """Indices of the placements of each row that take part in at least one full solution.

    ``domains[u]`` lists row ``u``'s placements. Returns None when no combination
    satisfies every equation. Raises :class:`SearchTooLarge` past ``max_states``.

    Exact, and polynomial in practice: first each equation alone prunes the value vectors
    that no choice of the other rows can complete (a scalar reachability pass per
    equation, repeated until nothing changes); then the remaining combinations are searched
    from both ends at once (meet in the middle), always extending the side with fewer
    states, so k uncertain rows of six readings cost about 2·6^(k/2) states, not 6^k.
    """
    uncertain = [u for u, d in enumerate(domains) if len({p.values for p in d}) > 1]
    # Constant part of each equation from rows with a single value vector.
    unc = set(uncertain)
    const = []
    for eq in equations:
        total = 0
        for u, c, k in eq.terms:
            if u not in unc:
                total += domains[u][0].values[c] * k
        const.append(total)
    relevant = [i for i, eq in enumerate(equations) if any(u in unc for u, _, _ in eq.terms)]
    if not uncertain:
        ok = all(const[i] == 0 for i in range(len(equations)))
        return [list(range(len(d))) for d in domains] if ok else None
    rel = set(relevant)
    if any(const[i] != 0 for i in range(len(equations)) if i not in rel):
        return None
    pos = {u: j for j, u in enumerate(uncertain)}
    # Distinct value vectors per row, with their contribution to each relevant equation.
    vecs: list[list[tuple[Value, ...]]] = []
    deltas: list[list[tuple[Value, ...]]] = []
    # Each relevant equation's terms on each row, gathered once rather than filtered per
    # row and reading (see meet_in_the_middle for the figure).
    terms: list[dict[int, list[tuple[int, int]]]] = []
    for i in relevant:
        by_row: dict[int, list[tuple[int, int]]] = {}
        for uu, c, k in equations[i].terms:
            by_row.setdefault(uu, []).append((c, k))
        terms.append(by_row)
    for u in uncertain:
        vs = list(dict.fromkeys(p.values for p in domains[u]))
        vecs.append(vs)
        on_u = [by_row.get(u, ()) for by_row in terms]
        deltas.append([tuple(sum(v[c] * k for c, k in ck) for ck in on_u) for v in vs])
    start = tuple(const[i] for i in relevant)
    alive = propagate(deltas, start)
    if alive is None:
        return None
    viable_vecs = meet_in_the_middle(deltas, alive, start,
                                      [[pos[u] for u, _, _ in equations[i].terms if u in pos] for i in relevant],
                                      max_states)
    if viable_vecs is None:
        return None
    result = []
    for u, d in enumerate(domains):
        if u in pos:
            keep = {vecs[pos[u]][vi] for vi in viable_vecs[pos[u]]}
            result.append([i for i, p in enumerate(d) if p.values in keep])
        else:
            result.append(list(range(len(d))))
    return result


def joint_search(state: State) -> None:
    """Keep each row's readings that some reading of every other row completes under the
    table's identities; where none or too many do, every reading is kept and it is said."""
    for table in state.tables.values():
        key = table.spec.key
        cross = table.equations(state.template.id)[1]  # type: ignore[union-attr]
        usable = [i for i, d in enumerate(table.readings) if d]
        remap = {u: j for j, u in enumerate(usable)}
        eqs = [Equation(tuple((remap[u], c, k) for u, c, k in eq.terms))
               for eq in cross if all(u in remap for u, _, _ in eq.terms)]
        sub: list[list[Placement]] = [table.readings[u] for u in usable]  # type: ignore[misc]
        viable: list[list[int]] | None
        try:
            viable = solve(sub, eqs)
        except SearchTooLarge:
            viable = None
            state.findings.append(finding("placement_too_large", table=key))
        if viable is None:
            viable = [list(range(len(d))) for d in sub]
            if any(len(d) > 1 for d in sub):
                state.findings.append(finding("placement_inconsistent", table=key))
        table.chosen = {i: [sub[remap[i]][k] for k in viable[remap[i]]] for i in remap}
