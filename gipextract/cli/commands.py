"""The four commands. Each returns its exit code (see :mod:`gipextract.cli`)."""
from __future__ import annotations

import argparse
import json
import os
import sys
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import Generator

from ..batch import Result, expand, parse_many
from ..output.export import display_path
from ..messages import Lang, cell_label, localize, show
from . import EXIT_FINDINGS, EXIT_OK, UsageError, progress
from .sinks import OutputError, check_location, write

SAVED = (".json", ".jsonl")  # saved results that aggregate and compare load instead of parsing


def inputs(paths: list[str], allow_stdin: bool = True, ocr: bool = False) -> list[str]:
    """The files to read, in order; a path that does not exist is a usage error."""
    files: list[str] = []
    for p in paths:
        if p == "-" and allow_stdin:
            files.append("-")
        elif not os.path.lexists(p):
            raise UsageError(f"{display_path(p)}: no such file or folder")
        else:
            files += expand([p], images=ocr)
    if not files:
        raise UsageError("no report files found in the given paths")
    return files


def results(files: list[str], args: argparse.Namespace) -> Generator[Result, None, None]:
    """Parse ``files`` in order (``-`` from standard input), with the chosen number of workers."""
    run: list[str] = []
    for f in files + [None]:  # type: ignore[list-item]
        if f is None or f == "-":
            if run:
                with closing(parse_many(run, jobs=args.jobs, convert_legacy=args.convert_legacy,
                                               ocr=getattr(args, "ocr", False))) as gen:  # type: ignore[type-var]
                    yield from gen
                run = []
            if f == "-":
                yield _stdin(getattr(args, "ocr", False))
        else:
            run.append(f)


def _stdin(ocr: bool = False) -> Result:
    from .. import parse
    from ..errors import GipExtractError

    try:
        return Result("<stdin>", report=parse(sys.stdin.buffer, name="<stdin>", ocr=ocr))
    except GipExtractError as e:
        return Result("<stdin>", error=e.reason, error_type=type(e).__name__)
    except Exception as e:  # as parse_one does: a bug of ours is that input's error, not a crash
        return Result("<stdin>", error=f"internal error: {type(e).__name__}: {e}", error_type="InternalError")


def _say_error(r: Result) -> None:
    print(f"gipextract: {display_path(r.path)}: {r.error}", file=sys.stderr)


def _summary(lang: Lang, total: int, read: int, flagged: int, failed: int) -> str:
    if lang == "zh":
        return (f"gipextract：共 {total} 份文件，读取 {read} 份（其中 {flagged} 份有需核查的问题），"
                f"{failed} 份无法读取")
    return f"gipextract: {total} document(s): {read} read ({flagged} with findings), {failed} failed"


def _flagged(r: Result) -> bool:
    return r.report is not None and any(f.severity in ("error", "warning") for f in r.report.findings)


def _usable_output(fmt: str, output: str | None) -> None:
    """Before any parsing: XLSX needs a file, and the output location must be writable (exit 2)."""
    if fmt == "xlsx" and output in (None, "-"):
        raise UsageError("--format xlsx needs --output FILE")
    try:
        check_location(output)
    except OutputError as e:
        raise UsageError(str(e)) from None


def parse_cmd(args: argparse.Namespace) -> int:
    """``gipextract [parse] PATH…``."""
    fmt = "json" if args.json else (args.format or "view")
    _usable_output(fmt, args.output)
    files = inputs(args.paths, ocr=args.ocr)
    stats = {"read": 0, "flagged": 0, "failed": 0}
    source = results(files, args)
    try:
        # On Ctrl-C or SIGTERM the exception unwinds through these generators; closing them
        # closes parse_many's, which stops its workers.
        for r in write(progress(source, len(files), args.progress), fmt, args.output, compact=args.compact,
                       lang=args.lang, single=len(files) == 1, on_error=_say_error):
            stats["read" if r.ok else "failed"] += 1
            stats["flagged"] += _flagged(r)
    except BrokenPipeError:
        raise  # the reader went away (`… | head`): main() stops quietly
    except OSError as e:
        raise UsageError(f"{display_path(args.output) or 'standard output'}: cannot write: {e.strerror or e}") from None
    finally:
        source.close()
    print(_summary(args.lang, len(files), stats["read"], stats["flagged"], stats["failed"]), file=sys.stderr)
    return EXIT_FINDINGS if stats["failed"] or stats["flagged"] else EXIT_OK


def check_cmd(args: argparse.Namespace) -> int:
    """``gipextract check PATH…``: what each draft gets wrong — identities, undetermined cells
    and the regulation's checks (compliance.py) — grouped by severity; ``--similar`` adds
    copied prose across the reports; ``--format csv|xlsx`` writes the office's overview."""
    from ..output.problems import OK_MARK, needs_fixing, problems
    from ..checks.compliance import with_deadline

    zh = args.lang == "zh"
    similar_pairs = _similar_module() if args.similar else None
    overview = args.format != "view"
    _usable_output(args.format, args.output)
    files = inputs(args.paths, ocr=args.ocr)
    read, fixing, failed = 0, 0, 0
    reports = []
    with closing(results(files, args)) as gen:
        for r in gen:
            name = display_path(r.path)
            if r.report is None:
                failed += 1
                print(f"{name}：无法读取：{r.error}" if zh else f"{name}: cannot be read: {r.error}",
                      file=sys.stderr if overview else sys.stdout)
                continue
            read += 1
            rep = r.report
            if args.level or args.deadline:
                try:
                    rep = with_deadline(rep, args.level, args.deadline)
                except ValueError as e:
                    raise UsageError(str(e)) from None
            if similar_pairs is not None or overview:
                reports.append(rep)
            fixing += needs_fixing(rep)
            if overview:
                continue
            head = f"{rep.info.unit or '?'} {rep.info.year or ''}"
            print(f"{name}（{head.strip()}，{rep.template} 版格式）" if zh else
                  f"{name} ({head.strip()}, form {rep.template})")
            if not needs_fixing(rep):
                print(f"{OK_MARK} 各项勾稽关系均成立，所有单元格均可确定" if zh else
                      f"{OK_MARK} every identity holds and every cell is determined")
            lines = problems(rep, args.lang)
            if lines:
                print("\n".join(lines))
            print()
    pairs = list(similar_pairs(reports, threshold=args.threshold)) if similar_pairs is not None else []
    copied = {d for p in pairs for d in (p.a, p.b)}  # a unit whose prose is copied has to fix it too
    fixing += sum(1 for rep in reports if not needs_fixing(rep) and (rep.source.path or rep.source.sha256) in copied)
    if overview:
        _write_overview(reports, pairs, args.format, args.output)
    elif similar_pairs is not None:
        print(f"内容雷同（{len(pairs)} 对）：" if zh else f"similar prose ({len(pairs)} pairs):")
        for pair in pairs:
            print(f"  ! {pair.message}")
            for p in pair.passages:
                print(f"      第{p.section_a}部分「{p.text_a[:60]}」≈ 第{p.section_b}部分「{p.text_b[:60]}」"
                      f"（{p.similarity:.0%}）" if zh else
                      f"      part {p.section_a} “{p.text_a[:60]}” ≈ part {p.section_b} “{p.text_b[:60]}” "
                      f"({p.similarity:.0%})")
        print()
    summary = (f"共检查 {len(files)} 份：{read - fixing} 份无误，{fixing} 份需要修改，{failed} 份无法读取。" if zh else
               f"Checked {len(files)}: {read - fixing} clean, {fixing} to fix, {failed} unreadable.")
    print(summary, file=sys.stderr if overview else sys.stdout)
    return EXIT_FINDINGS if fixing or failed or pairs else EXIT_OK


def _write_overview(reports: list, pairs: list, fmt: str, output: str | None) -> None:
    from ..output.overview import overview_rows, write_csv, write_xlsx
    from .sinks import Atomic

    rows = overview_rows(reports, pairs)
    if fmt == "csv" and output in (None, "-"):
        write_csv(rows, sys.stdout)
        return
    assert output is not None
    target = Atomic(output)
    try:
        if fmt == "xlsx":
            write_xlsx(rows, target.temp)
        else:
            with open(target.temp, "w", encoding="utf-8-sig", newline="") as fp:
                write_csv(rows, fp)
        target.commit()
    except BaseException:
        target.discard()
        raise


def _similar_module():  # type: ignore[no-untyped-def]
    """``gipextract.checks.similar.similar_pairs``, or a usage error before anything is parsed."""
    from ..checks.similar import MissingExtraError, require_extra, similar_pairs

    try:
        require_extra()
    except MissingExtraError as e:
        raise UsageError(str(e)) from None
    return similar_pairs


def load(paths: list[str], args: argparse.Namespace) -> tuple[list, list[Result]]:
    """Reports from files and folders (parsed) or saved JSON / JSON Lines (loaded); failures."""
    from ..report import Report

    reports, failed = [], []
    to_parse = []
    for p in paths:
        if p.lower().endswith(SAVED) and os.path.isfile(p):
            text = Path(p).read_text(encoding="utf-8")
            docs = [json.loads(x) for x in text.splitlines() if x.strip()] if p.lower().endswith(".jsonl") \
                else json.loads(text)
            for k, d in enumerate(docs if isinstance(docs, list) else [docs]):
                try:
                    reports.append(Report.from_dict(d))
                except (ValueError, KeyError, TypeError) as e:
                    failed.append(Result(f"{p}#{k + 1}", error=str(e), error_type="ValueError"))
        else:
            to_parse.append(p)
    if to_parse:
        files = inputs(to_parse, allow_stdin=False)
        with closing(results(files, args)) as gen:
            for r in progress(gen, len(files), args.progress):
                (reports.append(r.report) if r.ok else failed.append(r))
    return reports, failed


def aggregate_cmd(args: argparse.Namespace) -> int:
    """``gipextract aggregate PATH… [-o OUT]``: the sum of one year's reports."""
    from ..checks.years import IncompatibleReportsError, aggregate

    zh = args.lang == "zh"
    out = args.output
    suffix = Path(out).suffix.lower() if out and out != "-" else ""
    if out and out != "-" and suffix not in (".json", ".xlsx", ".docx"):
        raise UsageError(f"{out}: the output must end in .json, .xlsx or .docx")
    try:
        check_location(out)
    except OutputError as e:
        raise UsageError(str(e)) from None
    for p in args.paths:
        if not os.path.lexists(p):
            raise UsageError(f"{display_path(p)}: no such file or folder")
    reports, failed = load(args.paths, args)
    for r in failed:
        print((f"{display_path(r.path)}：无法读取：{r.error}" if zh else f"{display_path(r.path)}: cannot be read: "
               f"{r.error}"), file=sys.stderr)
    if failed:
        print("gipextract：有输入无法读取，未汇总" if zh else "gipextract: some inputs could not be read; nothing added up",
              file=sys.stderr)
        return EXIT_FINDINGS
    try:
        total = localize(aggregate(reports, unit=args.unit), args.lang)
    except IncompatibleReportsError as e:
        print(f"gipextract：不能汇总：{e}" if zh else f"gipextract: cannot add up: {e}", file=sys.stderr)
        return EXIT_FINDINGS
    except ValueError as e:
        raise UsageError(str(e)) from None
    from .output import write_total

    write_total(total, out, suffix, args.lang)
    for f in total.findings:
        print(f"{f.severity} [{f.code}] {f.message}", file=sys.stderr)
    print((f"gipextract：已汇总 {len(reports)} 份报告" if zh else f"gipextract: added up {len(reports)} reports")
          + (f" → {display_path(out)}" if out else ""), file=sys.stderr)
    return EXIT_FINDINGS if any(f.severity in ("error", "warning") for f in total.findings) else EXIT_OK


def compare_cmd(args: argparse.Namespace) -> int:
    """``gipextract compare OLD NEW``: the 结转 chain and every changed cell."""
    from ..checks.years import IncompatibleReportsError, changes, cross_year

    zh = args.lang == "zh"
    for p in (args.old, args.new):
        if not os.path.lexists(p):
            raise UsageError(f"{display_path(p)}: no such file or folder")
    args.jobs, args.convert_legacy, args.progress = 1, False, False
    pair, failed = load([args.old, args.new], args)
    if failed or len(pair) != 2:
        for r in failed:
            print(f"gipextract: {display_path(r.path)}: {r.error}", file=sys.stderr)
        if not failed:
            print("gipextract: compare needs exactly one report in OLD and one in NEW", file=sys.stderr)
        return EXIT_FINDINGS
    old, new = pair
    try:
        changed = changes(old, new)
    except IncompatibleReportsError as e:
        print(f"gipextract: {e}", file=sys.stderr)
        return EXIT_FINDINGS
    # The chain's findings are about the new report's cells: rendered against it.
    findings = list(localize(replace(new, findings=tuple(cross_year(old, new))), args.lang).findings)
    if args.format == "json":
        from ..report import json_value

        print(json.dumps({"old": old.source.path, "new": new.source.path,
                          "findings": [f.to_dict() for f in findings],
                          "changes": [{"cell": ref, "old": json_value(a), "new": json_value(b)}
                                      for ref, a, b in changed]}, ensure_ascii=False, indent=2))
    else:
        years = f"{old.info.year or '?'} → {new.info.year or '?'}"
        print(f"{old.info.unit or '?'} {years}")
        print(("结转衔接（上年“结转下年度继续办理” = 本年“上年结转”）：" if zh else
               "carry-over chain (last year's 结转下年度 = this year's 上年结转):"))
        print("\n".join(f"  {'×' if f.severity == 'error' else '!'} [{f.code}] {f.message}" for f in findings)
              or ("  √ 衔接一致" if zh else "  √ consistent"))
        print((f"变化的单元格（{len(changed)}）：" if zh else f"changed cells ({len(changed)}):"))
        for ref, a, b in changed:
            print(f"  {cell_label(new.template, ref, args.lang)}: {show(a)} → {show(b)}")
    return EXIT_FINDINGS if any(f.severity in ("error", "warning") for f in findings) else EXIT_OK
