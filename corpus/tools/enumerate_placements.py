"""Brute-force placement of the values that seed 002 prints for rows with dropped cells.

Independent of gipextract (standard library only). Run from the repository root:

    python corpus/tools/enumerate_placements.py

Seed 002 (corpus/seeds/002_d3904e969f46d18d.txt) is the flattened text of a portal page that
dropped empty table cells. The printed values of every row of table 三 and of table 四 were
typed in below BY HAND from the document. A row that prints fewer values than it has cells is
expanded in every possible way that keeps the printed values in their left-to-right order; each
dropped cell is taken as blank (= 0). A placement is valid only if all identities of
shared/spec/TEMPLATES.md hold:

  table 三 (jointly over all rows, so the product of the dropped rows' placements is enumerated):
    - every row: total = sum of the six applicant columns
    - every column: new_received + carried_over = total + carried_forward
    - every column: total row = sum of all result rows
  table 四: for each group, total = upheld + corrected + other + pending

Per cell, over the valid placements:
    same value everywhere, and the same printed token in every placement  -> ok
    same value everywhere, blank in some (not all) placements             -> inferred
    same value everywhere, blank in all placements                        -> empty
    values differ                                                         -> ambiguous (candidates)
"""

from itertools import combinations, product

COLUMNS = ["natural_person", "commercial", "research", "social_welfare",
           "legal_service", "other_org", "total"]

# Table 三 of seed 002, printed values per row, typed by hand (line numbers of the seed file).
REQUESTS_PRINTED = [
    ("new_received", [36, 2, 0, 0, 0, 38]),                          # l.124-134: 6 values
    ("carried_over", [0, 0, 0, 0, 0, 0, 0]),                         # l.138-150
    ("granted", [16, 1, 0, 0, 0, 0, 17]),                            # l.156-168
    ("partially_granted", [8, 1, 0, 0, 0, 0, 9]),                    # l.172-184
    ("denied.state_secret", [0, 0, 0, 0, 0, 0, 0]),                  # l.190-202
    ("denied.prohibited_by_law", [0, 0, 0, 0, 0, 0, 0]),             # l.206-218
    ("denied.security_stability", [0, 0, 0, 0, 0, 0, 0]),            # l.222-234
    ("denied.third_party_rights", [0, 0, 0, 0, 0, 0, 0]),            # l.238-250
    ("denied.internal_affairs", [2, 0, 0, 0, 0, 0, 2]),              # l.254-266
    ("denied.process_information", [1, 0, 0, 0, 0, 0, 1]),           # l.270-282
    ("denied.enforcement_files", [0, 0, 0, 0, 0, 0, 0]),             # l.286-298
    ("denied.administrative_query", [0, 0, 0, 0, 0, 0, 0]),          # l.302-314
    ("unavailable.not_held", [9, 0, 0, 0, 0, 0, 9]),                 # l.320-332
    ("unavailable.needs_creation", [0, 0, 0, 0, 0, 0, 0]),           # l.336-348
    ("unavailable.unclear_after_correction", [0, 0, 0, 0, 0, 0, 0]), # l.352-364
    ("not_processed.complaint", [0, 0, 0, 0, 0, 0, 0]),              # l.370-382
    ("not_processed.duplicate", [0, 0, 0, 0, 0, 0, 0]),              # l.386-398
    ("not_processed.publication", [0, 0, 0, 0, 0, 0, 0]),            # l.402-414
    ("not_processed.excessive", [0, 0, 0, 0, 0, 0, 0]),              # l.418-430
    ("not_processed.reconfirmation", [0, 0, 0, 0, 0, 0, 0]),         # l.434-446
    ("other.no_correction", [0, 0, 0, 0, 0, 0, 0]),                  # l.452-464
    ("other.unpaid_fee", [0, 0, 0, 0, 0, 0, 0]),                     # l.468-480
    ("other.other", [0, 0, 0, 0, 0, 0]),                             # l.484-494: 6 values
    ("total", [36, 2, 0, 0, 0, 0, 38]),                              # l.498-510
    ("carried_forward", [0, 0, 0, 0, 0, 0, 0]),                      # l.514-526
]

RESULT_ROWS = [r for r, _ in REQUESTS_PRINTED
               if r not in ("new_received", "carried_over", "total", "carried_forward")]

APPEAL_GROUPS = ["reconsideration", "litigation_direct", "litigation_after"]
APPEAL_OUTCOMES = ["upheld", "corrected", "other", "pending", "total"]
APPEAL_COLUMNS = [g + "." + o for g in APPEAL_GROUPS for o in APPEAL_OUTCOMES]
# Table 四 of seed 002, l.568-582: 8 values for 15 cells.
APPEALS_PRINTED = [5, 0, 1, 1, 7, 0, 5, 5]


def placements(values, width):
    """All ways to put `values` (in order) into `width` cells; None marks a dropped cell."""
    for pos in combinations(range(width), len(values)):
        cells = [None] * width
        for p, v in zip(pos, values):
            cells[p] = v
        yield tuple(cells)


def val(cell):
    return 0 if cell is None else cell


def requests_valid(grid):
    g = {row: [val(c) for c in cells] for row, cells in grid.items()}
    for row, cells in g.items():
        if cells[6] != sum(cells[:6]):
            return False
    for c in range(7):
        if g["new_received"][c] + g["carried_over"][c] != g["total"][c] + g["carried_forward"][c]:
            return False
        if g["total"][c] != sum(g[r][c] for r in RESULT_ROWS):
            return False
    return True


def appeals_valid(cells):
    v = [val(c) for c in cells]
    for k in range(3):
        grp = v[5 * k:5 * k + 5]
        if grp[4] != sum(grp[:4]):
            return False
    return True


def classify(observations):
    """observations: list of printed cells (int or None) of one cell over all valid placements."""
    values = sorted({val(o) for o in observations})
    if len(values) > 1:
        return "ambiguous", None, values
    if all(o is None for o in observations):
        return "empty", values[0], None
    if any(o is None for o in observations):
        return "inferred", values[0], None
    return "ok", values[0], None


def main():
    # ---- table 三 ----
    fixed = {row: tuple(v) for row, v in REQUESTS_PRINTED if len(v) == 7}
    dropped = [(row, v) for row, v in REQUESTS_PRINTED if len(v) != 7]
    print("table 三: rows with dropped cells:",
          ", ".join("%s (%d of 7 printed)" % (r, len(v)) for r, v in dropped))
    options = [list(placements(v, 7)) for _, v in dropped]
    total = 1
    for o in options:
        total *= len(o)
    valid = []
    for combo in product(*options):
        grid = dict(fixed)
        for (row, _), cells in zip(dropped, combo):
            grid[row] = cells
        if requests_valid(grid):
            valid.append(grid)
    print("  placements enumerated: %d, valid: %d" % (total, len(valid)))
    for row, _ in dropped:
        seen = sorted({g[row] for g in valid}, key=lambda t: [-1 if x is None else x for x in t])
        print("  valid placements of %s:" % row)
        for cells in seen:
            print("    " + " ".join("_" if c is None else str(c) for c in cells))
    print("  per-cell result (dropped rows; every other cell is printed and ok):")
    for row, _ in dropped:
        for c, col in enumerate(COLUMNS):
            status, value, cands = classify([g[row][c] for g in valid])
            extra = " candidates=%s" % cands if cands else ""
            print("    requests.%s.%s: value=%s status=%s%s" % (row, col, value, status, extra))

    # ---- table 四 ----
    all_app = list(placements(APPEALS_PRINTED, 15))
    valid_app = [p for p in all_app if appeals_valid(p)]
    print("table 四: %d values for 15 cells; placements enumerated: %d, valid: %d"
          % (len(APPEALS_PRINTED), len(all_app), len(valid_app)))
    for p in valid_app:
        print("    " + " | ".join(" ".join("_" if c is None else str(c) for c in p[5 * k:5 * k + 5])
                                  for k in range(3)))
    print("  per-cell result:")
    for i, col in enumerate(APPEAL_COLUMNS):
        status, value, cands = classify([p[i] for p in valid_app])
        extra = " candidates=%s" % cands if cands else ""
        print("    appeals.all.%s: value=%s status=%s%s" % (col, value, status, extra))


if __name__ == "__main__":
    main()
