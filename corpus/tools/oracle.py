"""Independent oracle for the HTML corpus: read the printed cells of a page, place dropped cells.

Standard library only; it imports nothing from gipextract and knows nothing of the writer
that made the pages. Run from the repository root:

    python corpus/tools/oracle.py corpus/html/*.html          # per-cell result of rows with dropped cells
    python corpus/tools/oracle.py --check corpus/html/*.html  # compare with NAME.expected.json

Reading. The page's bytes are decoded as UTF-8 when they are valid UTF-8, else as GB18030
(the declared charset is ignored: some pages declare it wrongly). Every ``<tr>`` of every
table that does not itself hold a table is a row of cell texts (tags dropped, NFKC, all
whitespace removed; ``&nbsp;`` becomes whitespace, so a blank cell is the empty string). A
cell is a *value* when its text is empty or a number (``-3``, ``16197.02``, ``258.18万元``),
otherwise a *label*. Rows of tables 二 and 三 are found in form order by their last label
(``规章``, ``（一）予以公开``, ``3.其他`` …); the row of table 四 is the first row after a
header row holding ``结果维持`` whose cells are all values. The template is 2021 when the
tables hold ``本年制发件数``, 2019 when they hold ``本年新制作数量``.

Placement. A row printing as many values as it has cells takes them in order: a number is
``ok``, a blank cell is 0 and ``empty``. A row printing fewer values lost ``<td>``s: its
printed values keep their order and every missing cell is blank (= 0). Every placement is
enumerated; a combination of placements is valid when all identities of
shared/spec/TEMPLATES.md hold:

  table 三 (jointly over all rows, the product of the short rows' placements):
    every row: total = sum of the six applicant columns
    every column: new_received + carried_over = total + carried_forward
    every column: total row = sum of all result rows
  table 四: for each group, total = upheld + corrected + other + pending
  table 二: no identities (every placement is valid)

Per cell, over the valid placements (the rules of corpus/tools/enumerate_placements.py):
    same value in all, a printed number in all       -> ok
    same value in all, blank (dropped or &nbsp;) in all -> empty
    same value in all, blank in some                 -> inferred
    values differ                                    -> ambiguous, value null, sorted candidates
"""

from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from decimal import Decimal
from html.parser import HTMLParser
from itertools import combinations, product

APPLICANTS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"]
REQ_COLS = APPLICANTS + ["total"]
GROUPS = ["reconsideration", "litigation_direct", "litigation_after"]
OUTCOMES = ["upheld", "corrected", "other", "pending", "total"]
APPEAL_COLS = [g + "." + o for g in GROUPS for o in OUTCOMES]

# (row key, accepted labels, columns) of table 二, per template.
PROACTIVE = {
    "2021": [
        ("regulations", ["规章"], ["issued", "repealed", "in_force"]),
        ("normative_documents", ["行政规范性文件", "规范性文件"], ["issued", "repealed", "in_force"]),
        ("licensing", ["行政许可"], ["decisions"]),
        ("penalty", ["行政处罚"], ["decisions"]),
        ("coercion", ["行政强制"], ["decisions"]),
        ("fees", ["行政事业性收费"], ["amount"]),
    ],
    "2019": [
        ("regulations", ["规章"], ["made", "published", "total_published"]),
        ("normative_documents", ["规范性文件", "行政规范性文件"], ["made", "published", "total_published"]),
        ("licensing", ["行政许可"], ["previous_items", "change", "decisions"]),
        ("other_services", ["其他对外管理服务事项"], ["previous_items", "change", "decisions"]),
        ("penalty", ["行政处罚"], ["previous_items", "change", "decisions"]),
        ("coercion", ["行政强制"], ["previous_items", "change", "decisions"]),
        ("fees", ["行政事业性收费"], ["previous_items", "change"]),
        ("procurement", ["政府集中采购"], ["items", "amount"]),
    ],
}
COMMON_REQUEST_ROWS = [
    ("new_received", "一、本年新收政府信息公开申请数量"),
    ("carried_over", "二、上年结转政府信息公开申请数量"),
    ("granted", "（一）予以公开"),
    ("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("denied.state_secret", "1.属于国家秘密"),
    ("denied.prohibited_by_law", "2.其他法律行政法规禁止公开"),
    ("denied.security_stability", "3.危及“三安全一稳定”"),
    ("denied.third_party_rights", "4.保护第三方合法权益"),
    ("denied.internal_affairs", "5.属于三类内部事务信息"),
    ("denied.process_information", "6.属于四类过程性信息"),
    ("denied.enforcement_files", "7.属于行政执法案卷"),
    ("denied.administrative_query", "8.属于行政查询事项"),
    ("unavailable.not_held", "1.本机关不掌握相关政府信息"),
    ("unavailable.needs_creation", "2.没有现成信息需要另行制作"),
    ("unavailable.unclear_after_correction", "3.补正后申请内容仍不明确"),
    ("not_processed.complaint", "1.信访举报投诉类申请"),
    ("not_processed.duplicate", "2.重复申请"),
    ("not_processed.publication", "3.要求提供公开出版物"),
    ("not_processed.excessive", "4.无正当理由大量反复申请"),
    ("not_processed.reconfirmation", "5.要求行政机关确认或重新出具已获取信息"),
]
REQUEST_ROWS = {
    "2021": COMMON_REQUEST_ROWS + [
        ("other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("other.unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("other.other", "3.其他"),
        ("total", "（七）总计"),
        ("carried_forward", "四、结转下年度继续办理"),
    ],
    "2019": COMMON_REQUEST_ROWS + [
        ("other", "（六）其他处理"),
        ("total", "（七）总计"),
        ("carried_forward", "四、结转下年度继续办理"),
    ],
}
NOT_RESULTS = ("new_received", "carried_over", "total", "carried_forward")
AMOUNT_CELLS = {("proactive", "fees", "amount"), ("proactive", "procurement", "amount")}

_NUMBER = re.compile(r"([+-]?\d+(?:\.\d+)?)(万元)?")


class NoReportTables(Exception):
    """The page holds no table of an annual report."""


def norm(text: str) -> str:
    """NFKC, then every whitespace character removed."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def decode(data: bytes) -> str:
    """The page's text: UTF-8 when the bytes are valid UTF-8, else GB18030."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


class _Rows(HTMLParser):
    """Rows (lists of cell texts) of every table that does not itself hold a table."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[dict] = []       # in document order of their <tr>
        self.stack: list[dict] = []      # open tables: {"tr": row or None, "cell": list or None}

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            if self.stack and self.stack[-1]["tr"] is not None:
                self.stack[-1]["tr"]["container"] = True
            self.stack.append({"tr": None, "cell": None})
        elif not self.stack:
            return
        elif tag == "tr":
            self._close_tr()
            tr = {"cells": [], "container": False}
            self.stack[-1]["tr"] = tr
            self.rows.append(tr)
        elif tag in ("td", "th"):
            top = self.stack[-1]
            self._close_cell()
            if top["tr"] is None:
                top["tr"] = {"cells": [], "container": False}
                self.rows.append(top["tr"])
            top["cell"] = []

    def handle_endtag(self, tag):
        if not self.stack:
            return
        if tag == "table":
            self._close_tr()
            self.stack.pop()
        elif tag == "tr":
            self._close_tr()
        elif tag in ("td", "th"):
            self._close_cell()

    def handle_data(self, data):
        if self.stack and self.stack[-1]["cell"] is not None:
            self.stack[-1]["cell"].append(data)

    def _close_cell(self):
        top = self.stack[-1]
        if top["cell"] is not None and top["tr"] is not None:
            top["tr"]["cells"].append(norm("".join(top["cell"])))
        top["cell"] = None

    def _close_tr(self):
        self._close_cell()
        self.stack[-1]["tr"] = None


def table_rows(text: str) -> list[list[str]]:
    """Cell texts of every innermost table row, in document order."""
    p = _Rows()
    p.feed(text)
    p.close()
    return [r["cells"] for r in p.rows if not r["container"]]


def is_value(cell: str) -> bool:
    """An empty cell or a number (optionally with 万元)."""
    return cell == "" or _NUMBER.fullmatch(cell) is not None


def extract(text: str) -> tuple[str, dict[str, dict[str, list[str]]]]:
    """(template id, {table: {row: printed value tokens}}) of a page's text."""
    rows = table_rows(text)
    joined = "".join("".join(r) for r in rows)
    if "本年制发件数" in joined:
        tid = "2021"
    elif "本年新制作数量" in joined:
        tid = "2019"
    else:
        raise NoReportTables("no table 二 header (本年制发件数 / 本年新制作数量) in any table")
    wanted = [("proactive", key, [norm(x) for x in labels]) for key, labels, _ in PROACTIVE[tid]]
    wanted += [("requests", key, [norm(label)]) for key, label in REQUEST_ROWS[tid]]
    printed: dict[str, dict[str, list[str]]] = {"proactive": {}, "requests": {}, "appeals": {}}
    k = 0
    i = 0
    while i < len(rows) and k < len(wanted):
        labels = [c for c in rows[i] if not is_value(c)]
        table, key, accepted = wanted[k]
        if labels and labels[-1] in accepted:
            printed[table][key] = [c for c in rows[i] if is_value(c)]
            k += 1
        i += 1
    if k < len(wanted):
        raise NoReportTables("row %s.%s not found" % (wanted[k][0], wanted[k][1]))
    seen_header = False
    for r in rows[i:]:
        if any("结果维持" in c for c in r):
            seen_header = True
        elif seen_header and r and all(is_value(c) for c in r):
            printed["appeals"]["all"] = list(r)
            break
    else:
        raise NoReportTables("table 四 data row not found")
    return tid, printed


def token_value(token: str | None, amount: bool):
    """The value a printed token stands for (None = dropped, '' = blank: both 0)."""
    if not token:
        return "0" if amount else 0
    m = _NUMBER.fullmatch(token)
    number = m.group(1)
    if amount:
        return number
    return int(number)


def placements(tokens: list[str], width: int):
    """Every way to put ``tokens`` (in order) into ``width`` cells; None marks a dropped cell."""
    if len(tokens) > width:
        raise ValueError("%d values for %d cells" % (len(tokens), width))
    for pos in combinations(range(width), len(tokens)):
        cells: list = [None] * width
        for p, t in zip(pos, tokens):
            cells[p] = t
        yield tuple(cells)


def classify(observed: list, amount: bool):
    """(status, value, candidates) of one cell from its token in every valid placement."""
    values = {token_value(t, amount) for t in observed}
    if amount:
        values = {Decimal(v) for v in values}
    if len(values) > 1:
        cands = sorted(values)
        return "ambiguous", None, [format(c, "f") if amount else c for c in cands]
    blank = [not t for t in observed]
    value = token_value(observed[0], amount)
    if all(blank):
        return "empty", value, None
    if any(blank):
        return "inferred", value, None
    return "ok", value, None


def solve(tid: str, printed: dict[str, dict[str, list[str]]]) -> dict:
    """Every cell's value, status and candidates; ``log`` says what was enumerated."""
    out = {"tables": {}, "statuses": {}, "candidates": {}, "log": []}

    def put(table, row, col, status, value, cands):
        out["tables"].setdefault(table, {}).setdefault(row, {})[col] = value
        ref = "%s.%s.%s" % (table, row, col)
        if status != "ok":
            out["statuses"][ref] = status
        if cands is not None:
            out["candidates"][ref] = cands

    # table 二: rows are independent, no identities.
    for key, _labels, cols in PROACTIVE[tid]:
        toks = printed["proactive"][key]
        opts = list(placements(toks, len(cols)))
        if len(toks) < len(cols):
            out["log"].append("proactive.%s: %d of %d printed, %d placements, all valid (no identities)"
                              % (key, len(toks), len(cols), len(opts)))
        for j, col in enumerate(cols):
            put("proactive", key, col, *classify([o[j] for o in opts], ("proactive", key, col) in AMOUNT_CELLS))

    # table 三: joint enumeration.
    rows = [key for key, _ in REQUEST_ROWS[tid]]
    results = [r for r in rows if r not in NOT_RESULTS]
    fixed = {r: tuple(printed["requests"][r]) for r in rows if len(printed["requests"][r]) == 7}
    short = [r for r in rows if r not in fixed]
    values = {r: [token_value(t, False) for t in cells] for r, cells in fixed.items()}
    options = []
    for r in short:
        every = list(placements(printed["requests"][r], 7))
        ok = [(p, [token_value(t, False) for t in p]) for p in every]
        ok = [(p, v) for p, v in ok if v[6] == sum(v[:6])]
        options.append(ok)
        out["log"].append("requests.%s: %d of 7 printed, %d placements, %d pass the row identity"
                          % (r, len(printed["requests"][r]), len(every), len(ok)))
    valid = []
    n = 0
    for combo in product(*options):
        n += 1
        v = dict(values)
        v.update((r, vals) for r, (_p, vals) in zip(short, combo))
        if _requests_valid(v, results):
            grid = dict(fixed)
            grid.update((r, p) for r, (p, _vals) in zip(short, combo))
            valid.append(grid)
    if not valid:
        raise ValueError("table 三: no valid placement")
    if short:
        out["log"].append("requests jointly: %d combinations, %d valid" % (n, len(valid)))
    for r in rows:
        for j, col in enumerate(REQ_COLS):
            put("requests", r, col, *classify([g[r][j] for g in valid], False))

    # table 四
    toks = printed["appeals"]["all"]
    every = list(placements(toks, 15))
    valid4 = [p for p in every if _appeals_valid(p)]
    if not valid4:
        raise ValueError("table 四: no valid placement")
    if len(toks) < 15:
        out["log"].append("appeals: %d of 15 printed, %d placements, %d valid" % (len(toks), len(every), len(valid4)))
    for j, col in enumerate(APPEAL_COLS):
        put("appeals", "all", col, *classify([p[j] for p in valid4], False))
    return out


def _requests_valid(v, results) -> bool:
    """All identities of table 三 on row value lists ``v`` (row key -> 7 ints)."""
    for cells in v.values():
        if cells[6] != sum(cells[:6]):
            return False
    for c in range(7):
        if v["new_received"][c] + v["carried_over"][c] != v["total"][c] + v["carried_forward"][c]:
            return False
        if v["total"][c] != sum(v[r][c] for r in results):
            return False
    return True


def _appeals_valid(cells) -> bool:
    v = [token_value(t, False) for t in cells]
    return all(v[5 * k + 4] == sum(v[5 * k:5 * k + 4]) for k in range(3))


def solve_page(data: bytes) -> dict:
    """Template id plus :func:`solve` of a page's bytes."""
    tid, printed = extract(decode(data))
    result = solve(tid, printed)
    result["template"] = tid
    result["printed"] = printed
    return result


def main(argv: list[str]) -> int:
    check = "--check" in argv
    paths = [a for a in argv if a != "--check"]
    bad = 0
    for path in paths:
        with open(path, "rb") as f:
            data = f.read()
        try:
            res = solve_page(data)
        except NoReportTables as e:
            print("%s: no report tables (%s)" % (path, e))
            res = {"error": "NoReportFoundError"}
        else:
            print("%s: template %s" % (path, res["template"]))
            for line in res["log"]:
                print("   " + line)
            shorts = [(t, r) for t, rows in res["printed"].items() for r, toks in rows.items()
                      if len(toks) < len(res["tables"][t][r])]
            for t, r in shorts:
                for col, v in res["tables"][t][r].items():
                    ref = "%s.%s.%s" % (t, r, col)
                    st = res["statuses"].get(ref, "ok")
                    extra = " candidates=%s" % res["candidates"][ref] if ref in res["candidates"] else ""
                    print("   %s = %s %s%s" % (ref, json.dumps(v, ensure_ascii=False), st, extra))
        if check:
            exp_path = path[:-len(".html")] + ".expected.json" if path.endswith(".html") else path + ".expected.json"
            if not os.path.exists(exp_path):
                print("   no %s" % exp_path)
                bad += 1
                continue
            with open(exp_path, encoding="utf-8") as f:
                exp = json.load(f)
            if "error" in exp or "error" in res:
                same = exp.get("error") == res.get("error")
            else:
                same = (exp["template"] == res["template"] and exp["tables"] == res["tables"]
                        and exp["statuses"] == res["statuses"] and exp["candidates"] == res["candidates"])
            print("   expected file agrees: %s" % same)
            bad += not same
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
