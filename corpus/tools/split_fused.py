"""Brute-force digit splits for the three 平潭 portal text files (fused table cells).

Independent of gipextract (standard library only). Run from the repository root:

    python corpus/tools/split_fused.py

The 平潭 page.txt files (../shared/peer-samples/pingtan-gov-zwgk-archive/*/page.txt, read in
place, not copied) print the statistical tables with NO separators between cells, so the digits
of neighbouring cells are fused. The raw text of every table row was typed in below BY HAND;
when the page file is present the script checks that "label + raw text" really occurs in it.

Reading model (from the corpus brief):
  * the row's text is split into exactly as many numbers as the row has cells (every cell
    printed a number);
  * whitespace in the row text is a hard boundary (a number never spans a space); between
    two digits without whitespace a boundary may or may not fall;
  * a number of two or more digits does not start with 0 (for decimals: the integer part);
  * a '-' starts a number, and a negative number may only sit in the 2019 本年增/减 column;
  * a number with a decimal point may only sit in an amount column; "元" in an amount cell
    means the amount is in 元 and is converted exactly to 万元 (divide by 10000);
  * a label ordinal fused onto the end of the previous row ("...372.没有现成信息") was
    separated by hand: it is typed as the `ordinal` field and is not part of the row.
Identities used to filter splits:
  * table 三, every row: total = sum of the six applicant columns;
  * table 四, every group: total = upheld + corrected + other + pending;
  * table 三 columns (new + carried_over = total + carried_forward; total row = sum of the
    result rows) only if some row is still ambiguous after its row identity; otherwise they
    are only checked and any failure of the (unique) reading is reported.
Table 二 has no identities, so its rows are split under the format rules alone.

For every cell the script prints the distinct values over the valid splits; a cell with more
than one value is "undetermined" from the table text alone.
"""

import os
import sys
from decimal import Decimal
from itertools import product

HERE = os.path.dirname(os.path.abspath(__file__))
PEER = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "peer-samples",
                                     "pingtan-gov-zwgk-archive"))

REQ_COLS = ["natural_person", "commercial", "research", "social_welfare",
            "legal_service", "other_org", "total"]
APPEAL_COLS = [g + "." + o
               for g in ("reconsideration", "litigation_direct", "litigation_after")
               for o in ("upheld", "corrected", "other", "pending", "total")]

P2019 = {
    "regulations": ["made", "published", "total_published"],
    "normative_documents": ["made", "published", "total_published"],
    "licensing": ["previous_items", "change", "decisions"],
    "other_services": ["previous_items", "change", "decisions"],
    "penalty": ["previous_items", "change", "decisions"],
    "coercion": ["previous_items", "change", "decisions"],
    "fees": ["previous_items", "change"],
    "procurement": ["items", "amount"],
}
P2021 = {
    "regulations": ["issued", "repealed", "in_force"],
    "normative_documents": ["issued", "repealed", "in_force"],
    "licensing": ["decisions"],
    "penalty": ["decisions"],
    "coercion": ["decisions"],
    "fees": ["amount"],
}
SIGNED_COLS = {"change"}
AMOUNT_COLS = {"amount"}

# ---------------------------------------------------------------------------------------
# Raw row text typed by hand from the page files: (row key, label text just before the row,
# raw row text, label ordinal fused at the end of the row or "").
# ---------------------------------------------------------------------------------------
DOCS = [
    {
        "name": "pingtan-2020",
        "file": "80595_平潭综合实验区2020年度政府信息公开工作年度报告/page.txt",
        "template": "2019",
        "proactive": [
            ("regulations", "规章", "007", ""),
            ("normative_documents", "规范性文件", "7777166", ""),
            ("licensing", "行政许可", "396442278", ""),
            ("other_services", "其他对外管理服务事项", "107105", ""),
            ("penalty", "行政处罚", "2648-18538", ""),
            ("coercion", "行政强制", "1262629", ""),
            ("fees", "行政事业性收费", "35-15", ""),
            ("procurement", "政府集中采购", "39573802895.90元", ""),
        ],
        "requests": [
            ("new_received", "一、本年新收政府信息公开申请数量", "200 000121", ""),
            ("carried_over", "二、上年结转政府信息公开申请数量", "0000000", ""),
            ("granted", "（一）予以公开", "6000017", ""),
            ("partially_granted", "不计其他情形）", "6000006", ""),
            ("denied.state_secret", "1.属于国家秘密", "0000000", "2."),
            ("denied.prohibited_by_law", "2.其他法律行政法规禁止公开", "0000000", "3."),
            ("denied.security_stability", "3.危及“三安全一稳定”", "0000000", "4."),
            ("denied.third_party_rights", "4.保护第三方合法权益", "0000000", "5."),
            ("denied.internal_affairs", "5.属于三类内部事务信息", "0000000", "6."),
            ("denied.process_information", "6.属于四类过程性信息", "0000000", "7."),
            ("denied.enforcement_files", "7.属于行政执法案卷", "0000000", "8."),
            ("denied.administrative_query", "8.属于行政查询事项", "0000000", ""),
            ("unavailable.not_held", "1.本机关不掌握相关政府信息", "4000004", "2."),
            ("unavailable.needs_creation", "2.没有现成信息需要另行制作", "0000000", "3."),
            ("unavailable.unclear_after_correction", "3.补正后申请内容仍不明确", "3000003", ""),
            ("not_processed.complaint", "1.信访举报投诉类申请", "0000000", "2."),
            ("not_processed.duplicate", "2.重复申请", "3000003", "3."),
            ("not_processed.publication", "3.要求提供公开出版物", "0000000", "4."),
            ("not_processed.excessive", "4.无正当理由大量反复申请", "0000000", "5."),
            ("not_processed.reconfirmation", "5.要求行政机关确认或重新出具已获取信息", "0000000", ""),
            ("other", "（六）其他处理", "4 0 0 0 0 0 4", ""),
            ("total", "（七）总计", "20 0 00 0 121", ""),
            ("carried_forward", "四、结转下年度继续办理", " 0 0 00 00 0 ", ""),
        ],
        "appeals": ("其他结果尚未审结总计", "000000000000000"),
    },
    {
        "name": "pingtan-2021",
        "file": "80613_平潭综合实验区2021年度政府信息公开工作年度报告/page.txt",
        "template": "2021",
        "proactive": [
            ("regulations", "规章", " 000", ""),
            ("normative_documents", "行政规范性文件", "693665", ""),
            ("licensing", "行政许可", "2293 ", ""),
            ("penalty", "行政处罚", "1282", ""),
            ("coercion", "行政强制", "42", ""),
            ("fees", "行政事业性收费", "24252.311082", ""),
        ],
        "requests": [
            ("new_received", "一、本年新收政府信息公开申请数量", "640020470", ""),
            ("carried_over", "二、上年结转政府信息公开申请数量", "0000000", ""),
            ("granted", "（一）予以公开", "270020130", ""),
            ("partially_granted", "不计其他情形）", "500000 5", ""),
            ("denied.state_secret", "1.属于国家秘密", "0000000", "2."),
            ("denied.prohibited_by_law", "2.其他法律行政法规禁止公开", "0000000", "3."),
            ("denied.security_stability", "3.危及“三安全一稳定”", "0000000", "4."),
            ("denied.third_party_rights", "4.保护第三方合法权益", "0000000", "5."),
            ("denied.internal_affairs", "5.属于三类内部事务信息", "1000001", "6."),
            ("denied.process_information", "6.属于四类过程性信息", "0000000", "7."),
            ("denied.enforcement_files", "7.属于行政执法案卷", "6000006", "8."),
            ("denied.administrative_query", "8.属于行政查询事项", "1000001", ""),
            ("unavailable.not_held", "1.本机关不掌握相关政府信息", "220000325", "2."),
            ("unavailable.needs_creation", "2.没有现成信息需要另行制作", "0000000", "3."),
            ("unavailable.unclear_after_correction", "3.补正后申请内容仍不明确", "0000000", ""),
            ("not_processed.complaint", "1.信访举报投诉类申请", "0000000", "2."),
            ("not_processed.duplicate", "2.重复申请", "0000000", "3."),
            ("not_processed.publication", "3.要求提供公开出版物", "0000000", "4."),
            ("not_processed.excessive", "4.无正当理由大量反复申请", "0000000", "5."),
            ("not_processed.reconfirmation", "5.要求行政机关确认或重新出具已获取信息", "0000000", ""),
            ("other.no_correction", "行政机关不再处理其政府信息公开申请", "0000000", "2."),
            ("other.unpaid_fee", "缴纳费用、行政机关不再处理其政府信息公开申请", "0000000", "3."),
            ("other.other", "3.其他", "1000001", ""),
            ("total", "（七）总计", "630020469", ""),
            ("carried_forward", "四、结转下年度继续办理", "1000001 ", ""),
        ],
        "appeals": ("其他结果尚未审结总计", "10203120001200000"),
    },
    {
        "name": "pingtan-2022",
        "file": "80629_平潭综合实验区2022年度政府信息公开工作年度报告/page.txt",
        "template": "2021",
        "proactive": [
            ("regulations", "规章", "000", ""),
            ("normative_documents", "行政规范性文件", "8855698", ""),
            ("licensing", "行政许可", "10690", ""),
            ("penalty", "行政处罚", "2113", ""),
            ("coercion", "行政强制", "0", ""),
            ("fees", "行政事业性收费", "9116.36 ", ""),
        ],
        "requests": [
            ("new_received", "一、本年新收政府信息公开申请数量", " 713000074", ""),
            ("carried_over", "二、上年结转政府信息公开申请数量", " 1000001", ""),
            ("granted", "（一）予以公开", " 210000021", ""),
            ("partially_granted", "不计其他情形）", " 8100009", ""),
            ("denied.state_secret", "1.属于国家秘密", "0000000", "2."),
            ("denied.prohibited_by_law", "2.其他法律行政法规禁止公开", " 0000000", "3."),
            ("denied.security_stability", "3.危及“三安全一稳定”", " 0000000", "4."),
            ("denied.third_party_rights", "4.保护第三方合法权益", " 0000000", "5."),
            ("denied.internal_affairs", "5.属于三类内部事务信息", " 1000001", "6."),
            ("denied.process_information", "6.属于四类过程性信息", " 2000002", "7."),
            ("denied.enforcement_files", "7.属于行政执法案卷", " 1000001", "8."),
            ("denied.administrative_query", "8.属于行政查询事项", " 0000000", ""),
            ("unavailable.not_held", "1.本机关不掌握相关政府信息", " 370000037", "2."),
            ("unavailable.needs_creation", "2.没有现成信息需要另行制作", " 0000000", "3."),
            ("unavailable.unclear_after_correction", "3.补正后申请内容仍不明确", " 0000000", ""),
            ("not_processed.complaint", "1.信访举报投诉类申请", " 0000000", "2."),
            ("not_processed.duplicate", "2.重复申请", " 0000000", "3."),
            ("not_processed.publication", "3.要求提供公开出版物", " 0000000", "4."),
            ("not_processed.excessive", "4.无正当理由大量反复申请", " 0000000", "5."),
            ("not_processed.reconfirmation", "5.要求行政机关确认或重新出具已获取信息", " 0000000", ""),
            ("other.no_correction", "行政机关不再处理其政府信息公开申请", " 2000002", "2."),
            ("other.unpaid_fee", "缴纳费用、行政机关不再处理其政府信息公开申请", " 0000000", "3."),
            ("other.other", "3.其他", " 0200002", ""),
            ("total", "（七）总计", " 723000075", ""),
            ("carried_forward", "四、结转下年度继续办理", " 0000000 ", ""),
        ],
        "appeals": ("其他结果尚未审结总计", " 0 1 1 0 2 1 0 0 0 1 0 0 0 0 0 "),
    },
]

RESULT_ROWS_2019 = None  # computed from the row list


# ---------------------------------------------------------------------------------------
# splitting
# ---------------------------------------------------------------------------------------
def atoms(raw, spaces_are_boundaries=True):
    """Split the raw row text into whitespace-separated chunks (or one chunk)."""
    text = raw.replace("元", "")
    if spaces_are_boundaries:
        return [c for c in text.split() if c]
    return ["".join(text.split())]


def valid_number(tok):
    if not tok:
        return False
    body = tok[1:] if tok.startswith("-") else tok
    if not body or "-" in body:
        return False
    if body.count(".") > 1:
        return False
    intpart = body.split(".")[0]
    if not intpart or not intpart.isdigit():
        return False
    if "." in body:
        frac = body.split(".")[1]
        if not frac.isdigit():
            return False
    if len(intpart) > 1 and intpart[0] == "0":
        return False
    return True


def split_chunk(chunk):
    """All ways to split one chunk (no whitespace) into numbers (list of lists of str)."""
    out = []

    def rec(i, acc):
        if i == len(chunk):
            out.append(list(acc))
            return
        for j in range(i + 1, len(chunk) + 1):
            tok = chunk[i:j]
            # a '-' may only start a number; a '.' must be followed by digits in same number
            if "-" in tok[1:]:
                break
            if tok.endswith(".") or tok.endswith("-"):
                continue
            # do not cut right after a '.' digit run in a way that leaves '.' at the start
            if j < len(chunk) and chunk[j] == ".":
                continue
            if valid_number(tok):
                acc.append(tok)
                rec(j, acc)
                acc.pop()

    rec(0, [])
    return out


def splits(raw, n, spaces_are_boundaries=True):
    chunks = atoms(raw, spaces_are_boundaries)
    per_chunk = [split_chunk(c) for c in chunks]
    res = []
    for combo in product(*per_chunk):
        toks = [t for part in combo for t in part]
        if len(toks) == n:
            res.append(toks)
    return res


def to_value(tok, col, in_yuan):
    if col in AMOUNT_COLS:
        d = Decimal(tok)
        if in_yuan:
            d = d / Decimal(10000)
        s = format(d.normalize(), "f") if d != 0 else "0"
        return s
    return int(tok)


def column_ok(col, tok):
    if tok.startswith("-") and col not in SIGNED_COLS:
        return False
    if "." in tok and col not in AMOUNT_COLS:
        return False
    return True


# ---------------------------------------------------------------------------------------
def check_source(doc, rows):
    path = os.path.join(PEER, doc["file"])
    if not os.path.exists(path):
        print("  (page file not found at %s: typed rows not re-checked)" % path)
        return
    text = open(path, encoding="utf-8").read()
    bad = [key for key, label, raw, ordinal in rows if (label + raw + ordinal) not in text]
    if bad:
        print("  !! typed text not found in page file for rows:", bad)
    else:
        print("  typed row text re-checked against the page file: all %d rows found" % len(rows))


def fmt_vals(vals):
    return "[" + ", ".join(str(v) for v in vals) + "]"


def sort_vals(vals):
    return sorted(vals, key=lambda v: Decimal(str(v)))


def analyse(doc, spaces_are_boundaries=True, verbose=True):
    say = print if verbose else (lambda *a, **k: None)
    undetermined = {}
    values = {}
    cols_for = P2019 if doc["template"] == "2019" else P2021

    # ---- table 二 ----
    say("  table 二 (no identities; format rules only)")
    for key, label, raw, ordinal in doc["proactive"]:
        cols = cols_for[key]
        in_yuan = "元" in raw
        cand = [s for s in splits(raw, len(cols), spaces_are_boundaries)
                if all(column_ok(c, t) for c, t in zip(cols, s))]
        say("    %-20s %-22r %d valid split(s)%s" % (key, raw, len(cand),
            ": " + "; ".join(" ".join(s) for s in cand) if len(cand) <= 16 else ""))
        for i, c in enumerate(cols):
            vals = sort_vals({to_value(s[i], c, in_yuan) for s in cand})
            cell = "proactive.%s.%s" % (key, c)
            values[cell] = vals
            if len(vals) != 1:
                undetermined[cell] = vals
        if in_yuan:
            say("      (amount printed in 元; converted to 万元 by /10000)")

    # ---- table 三 ----
    say("  table 三 (row identity: total = sum of six)")
    rows = doc["requests"]
    row_cands = {}
    for key, label, raw, ordinal in rows:
        cand = []
        for s in splits(raw, 7, spaces_are_boundaries):
            v = [int(t) for t in s]
            if v[6] == sum(v[:6]):
                cand.append(tuple(v))
        row_cands[key] = cand
        if len(cand) != 1:
            say("    %-38s %-16r %d valid split(s): %s" % (key, raw, len(cand),
                "; ".join(" ".join(map(str, c)) for c in cand)))
    result_rows = [k for k, _, _, _ in rows
                   if k not in ("new_received", "carried_over", "total", "carried_forward")]

    def col_failures(grid):
        fails = []
        for c in range(7):
            if grid["new_received"][c] + grid["carried_over"][c] != \
                    grid["total"][c] + grid["carried_forward"][c]:
                fails.append("%s: new+carried_over %d != total+carried_forward %d" % (
                    REQ_COLS[c], grid["new_received"][c] + grid["carried_over"][c],
                    grid["total"][c] + grid["carried_forward"][c]))
            s = sum(grid[r][c] for r in result_rows)
            if grid["total"][c] != s:
                fails.append("%s: total row %d != sum of result rows %d" % (
                    REQ_COLS[c], grid["total"][c], s))
        return fails

    keys = [k for k, _, _, _ in rows]
    if all(len(row_cands[k]) == 1 for k in keys):
        say("    every row has exactly one valid split")
        grids = [{k: row_cands[k][0] for k in keys}]
        fails = col_failures(grids[0])
        if fails:
            say("    !! the unique reading breaks column identities (source inconsistency):")
            for f in fails:
                say("       " + f)
        else:
            say("    column identities hold for the unique reading")
    else:
        amb = [k for k in keys if len(row_cands[k]) != 1]
        say("    rows still ambiguous: %s -> joint enumeration with column identities" % amb)
        grids = []
        for combo in product(*[row_cands[k] for k in amb]):
            g = {k: row_cands[k][0] for k in keys if k not in amb}
            g.update(dict(zip(amb, combo)))
            if not col_failures(g):
                grids.append(g)
        say("    %d joint reading(s) satisfy the column identities" % len(grids))
    for k in keys:
        for c, col in enumerate(REQ_COLS):
            vals = sorted({g[k][c] for g in grids}) if grids else []
            cell = "requests.%s.%s" % (k, col)
            values[cell] = vals
            if len(vals) != 1:
                undetermined[cell] = vals
    for k in keys:
        if len(row_cands[k]) == 1:
            continue
    # print the reading
    for k in keys:
        shown = sorted({g[k] for g in grids})
        say("    %-38s %s" % (k, " | ".join(" ".join(map(str, r)) for r in shown)))

    # ---- table 四 ----
    label, raw = doc["appeals"]
    cand = []
    for s in splits(raw, 15, spaces_are_boundaries):
        v = [int(t) for t in s]
        if all(v[5 * g + 4] == sum(v[5 * g:5 * g + 4]) for g in range(3)):
            cand.append(v)
    say("  table 四 %r: %d valid split(s)" % (raw, len(cand)))
    for v in cand:
        say("    " + " | ".join(" ".join(map(str, v[5 * g:5 * g + 5])) for g in range(3)))
    for i, col in enumerate(APPEAL_COLS):
        vals = sorted({v[i] for v in cand})
        cell = "appeals.all.%s" % col
        values[cell] = vals
        if len(vals) != 1:
            undetermined[cell] = vals
    return values, undetermined


def main():
    for doc in DOCS:
        print("=" * 78)
        print("%s  (template %s)  %s" % (doc["name"], doc["template"], doc["file"]))
        check_source(doc, doc["proactive"] + doc["requests"] + [("appeals",) + doc["appeals"] + ("",)])
        values, undetermined = analyse(doc)
        print("  UNDETERMINED from the table text alone (%d cells):" % len(undetermined))
        for cell, vals in undetermined.items():
            print("    %-50s %s" % (cell, fmt_vals(vals) if len(vals) <= 20 else "(%d values)" % len(vals)))
        # sensitivity: does treating whitespace as no boundary change anything?
        v2, u2 = analyse(doc, spaces_are_boundaries=False, verbose=False)
        diff = sorted(c for c in set(values) | set(v2) if values.get(c) != v2.get(c))
        if diff:
            print("  if whitespace were NOT a boundary, these cells would change:")
            for c in diff:
                print("    %-50s %s -> %s" % (c, values.get(c), v2.get(c)))
        else:
            print("  treating whitespace as no boundary changes nothing")


if __name__ == "__main__":
    main()
