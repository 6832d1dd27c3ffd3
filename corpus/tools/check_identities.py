"""Check the expected-value files of the corpus against the identities of TEMPLATES.md.

Independent of gipextract (standard library only). Run from the repository root:

    python corpus/tools/check_identities.py

For every corpus/seeds/*.expected.json and corpus/peer/*.expected.json it checks that the
grid has exactly the cells of its template, that counts are integers (or null) and amounts
strings (or null), and then the identities:
  requests, every row:    total = sum of the six applicant columns
  requests, every column: new_received + carried_over = total + carried_forward
  requests, every column: total row = sum of all result rows
  appeals, every group:   total = upheld + corrected + other + pending
An identity that involves a null cell is skipped (reported as "skipped").
A failure is printed; it is a property of the document as printed, never corrected here.
"""

import glob
import json
import os

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

REQ_COLS = ["natural_person", "commercial", "research", "social_welfare",
            "legal_service", "other_org", "total"]
COMMON_RESULT_ROWS = [
    "granted", "partially_granted",
    "denied.state_secret", "denied.prohibited_by_law", "denied.security_stability",
    "denied.third_party_rights", "denied.internal_affairs", "denied.process_information",
    "denied.enforcement_files", "denied.administrative_query",
    "unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear_after_correction",
    "not_processed.complaint", "not_processed.duplicate", "not_processed.publication",
    "not_processed.excessive", "not_processed.reconfirmation",
]
RESULT_ROWS = {
    "2021": COMMON_RESULT_ROWS + ["other.no_correction", "other.unpaid_fee", "other.other"],
    "2019": COMMON_RESULT_ROWS + ["other"],
}
PROACTIVE = {
    "2021": {
        "regulations": ["issued", "repealed", "in_force"],
        "normative_documents": ["issued", "repealed", "in_force"],
        "licensing": ["decisions"], "penalty": ["decisions"], "coercion": ["decisions"],
        "fees": ["amount"],
    },
    "2019": {
        "regulations": ["made", "published", "total_published"],
        "normative_documents": ["made", "published", "total_published"],
        "licensing": ["previous_items", "change", "decisions"],
        "other_services": ["previous_items", "change", "decisions"],
        "penalty": ["previous_items", "change", "decisions"],
        "coercion": ["previous_items", "change", "decisions"],
        "fees": ["previous_items", "change"],
        "procurement": ["items", "amount"],
    },
}
GROUPS = ["reconsideration", "litigation_direct", "litigation_after"]
OUTCOMES = ["upheld", "corrected", "other", "pending", "total"]


def check_shape(t, tables):
    errs = []
    p = tables["proactive"]
    if list(p) != list(PROACTIVE[t]):
        errs.append("proactive rows %s" % list(p))
    for r, cols in PROACTIVE[t].items():
        if list(p.get(r, {})) != cols:
            errs.append("proactive.%s columns %s" % (r, list(p.get(r, {}))))
        for c in cols:
            v = p.get(r, {}).get(c)
            if c == "amount":
                if v is not None and not isinstance(v, str):
                    errs.append("proactive.%s.%s amount not a string" % (r, c))
            elif v is not None and not isinstance(v, int):
                errs.append("proactive.%s.%s not an int" % (r, c))
    rows = ["new_received", "carried_over"] + RESULT_ROWS[t] + ["total", "carried_forward"]
    q = tables["requests"]
    if list(q) != rows:
        errs.append("requests rows differ from template")
    for r in rows:
        if list(q.get(r, {})) != REQ_COLS:
            errs.append("requests.%s columns %s" % (r, list(q.get(r, {}))))
        for c in REQ_COLS:
            v = q.get(r, {}).get(c)
            if v is not None and not isinstance(v, int):
                errs.append("requests.%s.%s not an int" % (r, c))
    a = tables["appeals"]
    want = [g + "." + o for g in GROUPS for o in OUTCOMES]
    if list(a) != ["all"] or list(a["all"]) != want:
        errs.append("appeals keys differ from template")
    return errs


def check_identities(t, tables):
    fails, skipped, checked = [], 0, 0
    q = tables["requests"]
    for r, row in q.items():
        vals = [row[c] for c in REQ_COLS]
        if None in vals:
            skipped += 1
            continue
        checked += 1
        if vals[6] != sum(vals[:6]):
            fails.append("requests.%s: total %d != sum of six %d" % (r, vals[6], sum(vals[:6])))
    for c in REQ_COLS:
        a = [q["new_received"][c], q["carried_over"][c], q["total"][c], q["carried_forward"][c]]
        if None in a:
            skipped += 1
        else:
            checked += 1
            if a[0] + a[1] != a[2] + a[3]:
                fails.append("requests column %s: new+carried_over %d != total+carried_forward %d"
                             % (c, a[0] + a[1], a[2] + a[3]))
        parts = [q[r][c] for r in RESULT_ROWS[t]]
        if None in parts or q["total"][c] is None:
            skipped += 1
        else:
            checked += 1
            if q["total"][c] != sum(parts):
                fails.append("requests column %s: total row %d != sum of result rows %d"
                             % (c, q["total"][c], sum(parts)))
    a = tables["appeals"]["all"]
    for g in GROUPS:
        v = [a[g + "." + o] for o in OUTCOMES]
        if None in v:
            skipped += 1
            continue
        checked += 1
        if v[4] != sum(v[:4]):
            fails.append("appeals %s: total %d != sum of outcomes %d" % (g, v[4], sum(v[:4])))
    return fails, skipped, checked


def main():
    files = sorted(glob.glob(os.path.join(ROOT, "seeds", "*.expected.json")) +
                   glob.glob(os.path.join(ROOT, "peer", "*.expected.json")))
    for f in files:
        d = json.load(open(f, encoding="utf-8"))
        t = d["template"]
        errs = check_shape(t, d["tables"])
        fails, skipped, checked = check_identities(t, d["tables"])
        name = os.path.relpath(f, ROOT)
        status = "OK" if not errs and not fails else "ATTENTION"
        print("%-45s template %s  identities checked %d, skipped (null cells) %d: %s"
              % (name, t, checked, skipped, status))
        for e in errs:
            print("    shape: " + e)
        for e in fails:
            print("    identity fails (as printed): " + e)


if __name__ == "__main__":
    main()
