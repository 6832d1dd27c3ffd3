"""The placement search's joint solver: exact (the same answer as the plain layered search
it replaced, on random instances and on every corpus document) and fast on many uncertain rows."""
from __future__ import annotations

import random
import time
from decimal import Decimal
from typing import Sequence

import pytest

from gipextract.place.equations import Equation
from gipextract.place.joint import solve
from gipextract.place.placement import Placement, SearchTooLarge

Value = int | Decimal


# The layered search as it was before propagation and meet-in-the-middle: the reference.
def reference_solve(domains: Sequence[Sequence[Placement]], equations: Sequence[Equation],
          max_states: int = 200000) -> list[list[int]] | None:
    """Indices of the placements of each unit that take part in at least one full solution.

    ``domains[u]`` lists unit ``u``'s placements. Returns None when no combination
    satisfies every equation. Raises :class:`SearchTooLarge` past ``max_states``.
    """
    uncertain = [u for u, d in enumerate(domains) if len({p.values for p in d}) > 1]
    # Constant part of each equation from units with a single value vector.
    const = []
    for eq in equations:
        total = 0
        for u, c, k in eq.terms:
            if u not in uncertain:
                total += domains[u][0].values[c] * k
        const.append(total)
    relevant = [i for i, eq in enumerate(equations) if any(u in uncertain for u, _, _ in eq.terms)]
    if not uncertain:
        ok = all(const[i] == 0 for i in range(len(equations)))
        return [list(range(len(d))) for d in domains] if ok else None
    if any(const[i] != 0 for i in range(len(equations)) if i not in relevant):
        return None
    pos = {u: j for j, u in enumerate(uncertain)}
    last_unit = {i: max(pos[u] for u, _, _ in equations[i].terms if u in pos) for i in relevant}
    # Distinct value vectors per unit, with their contribution to each relevant equation.
    vecs: list[list[tuple[Value, ...]]] = []
    deltas: list[list[tuple[Value, ...]]] = []
    for u in uncertain:
        vs = list(dict.fromkeys(p.values for p in domains[u]))
        vecs.append(vs)
        deltas.append([tuple(sum(v[c] * k for uu, c, k in equations[i].terms if uu == u) for i in relevant)
                       for v in vs])
    start = tuple(const[i] for i in relevant)
    layers: list[dict[tuple, list[tuple[tuple, int]]]] = [{start: []}]
    for j in range(len(uncertain)):
        closing = [r for r, i in enumerate(relevant) if last_unit[i] == j]
        nxt: dict[tuple, list[tuple[tuple, int]]] = {}
        for state in layers[-1]:
            for vi, d in enumerate(deltas[j]):
                new = tuple(a + b for a, b in zip(state, d))
                if any(new[r] != 0 for r in closing):
                    continue
                nxt.setdefault(new, []).append((state, vi))
        if not nxt:
            return None
        if len(nxt) > max_states:
            raise SearchTooLarge
        layers.append(nxt)
    # Walk back from the solved states to mark the value vectors that take part.
    alive = set(layers[-1])
    viable_vecs: list[set[int]] = [set() for _ in uncertain]
    for j in range(len(uncertain), 0, -1):
        prev_alive = set()
        for state in alive:
            for prev, vi in layers[j][state]:
                viable_vecs[j - 1].add(vi)
                prev_alive.add(prev)
        alive = prev_alive
    result = []
    for u, d in enumerate(domains):
        if u in pos:
            keep = {vecs[pos[u]][vi] for vi in viable_vecs[pos[u]]}
            result.append([i for i, p in enumerate(d) if p.values in keep])
        else:
            result.append(list(range(len(d))))
    return result


def _instance(rng: random.Random) -> tuple[list[list[Placement]], list[Equation]]:
    units = rng.randint(1, 7)
    cols = rng.randint(1, 3)
    domains = []
    for _ in range(units):
        options = rng.choice([1, 1, 2, 3, 4, 6])
        vals = {tuple(rng.randint(0, 3) for _ in range(cols)) for _ in range(options)}
        domains.append([Placement(v, tuple(range(cols)), (None,) * cols) for v in sorted(vals)])
    eqs = []
    for _ in range(rng.randint(0, 4)):
        members = rng.sample(range(units), rng.randint(1, units))
        terms = tuple((u, rng.randrange(cols), rng.choice([1, 1, -1, 2])) for u in members)
        eqs.append(Equation(terms))
    return domains, eqs


@pytest.mark.parametrize("seed", range(400))
def test_same_answer_as_the_plain_search(seed: int) -> None:
    domains, eqs = _instance(random.Random(seed))
    assert solve(domains, eqs) == reference_solve(domains, eqs)


def test_many_uncertain_rows_are_fast_and_exact() -> None:
    # 12 rows of six readings each, tied by column sums: 6^12 combinations for a plain search.
    rng = random.Random(3)
    cols, k = 6, 12
    truth = [[rng.randint(1, 9) for _ in range(cols)] for _ in range(k)]
    domains = []
    for row in truth:
        zero = rng.randrange(cols)
        row[zero] = 0
        shown = [v for v in row if v]
        options = []
        for gap in range(cols):  # the dropped blank could have been any cell
            vals = shown[:gap] + [0] + shown[gap:]
            options.append(Placement(tuple(vals), tuple(range(cols)), (None,) * cols))
        domains.append(options)
    sums = [sum(r[c] for r in truth) for c in range(cols)]
    fixed = Placement(tuple(sums), tuple(range(cols)), (None,) * cols)
    eqs = [Equation(tuple((u, c, 1) for u in range(k)) + ((k, c, -1),)) for c in range(cols)]
    t = time.monotonic()
    viable = solve(domains + [[fixed]], eqs)
    assert time.monotonic() - t < 10
    assert viable is not None
    for u, row in enumerate(truth):  # the true reading always survives
        assert any(domains[u][i].values == tuple(row) for i in viable[u])
